/** What a loaded preset holds. */
import type { RuleSetting } from '../engine/types.js'

/** `verified` facts may raise errors; anything weaker at most a warning. */
export type Confidence = 'verified' | 'corpus' | 'memory' | 'inferred'

export interface PresetDocument {
  id: string
  title: string
  shortTitle?: string
  aliases?: string[]
  docNumber?: string
  issuer?: string
  date?: string
  period?: string
  level?: string
  status?: 'current' | 'superseded' | 'expired'
  supersededBy?: string
  confidence: Confidence
  source?: string[]
}

export interface PresetNamedItem {
  /** Stable id, e.g. `farmers`. */
  id: string
  /** Name as the upper plan writes it, e.g. `农民科学素质提升行动`. */
  name: string
  /** The key word(s) a heading must contain, e.g. [`农民`, `乡村居民`, `新型职业农民`]. */
  aliases: string[]
  confidence: Confidence
  /** Id of the document (upper plan) the item comes from (filled in by the loader). */
  from?: string
}

export interface PresetTarget {
  year: number
  indicator: string
  /** Other wordings of the indicator a plan may use. */
  aliases?: string[]
  /** Wording in the upper plan, e.g. `超过15%`. */
  value?: string
  comparator?: '>' | '>=' | '=' | '<' | '<='
  pct?: number
  headline?: boolean
  confidence: Confidence
  /** Id of the preset the target comes from (filled in by the loader). */
  from?: string
}

export interface UnitRename {
  old: string[]
  new: string[]
  reform: string
  since: string
  severity: 'error' | 'warning'
  /** True when one new name is certain, so an autofix is safe. */
  unambiguous?: boolean
  levels?: string[]
  guards?: string[]
  note?: string
  confidence: string
}

export interface UnitDictionary {
  prefixes: string[]
  renames: UnitRename[]
  /** Groups of names for the same unit; the first is preferred. */
  aliases: string[][]
  /** Names that look outdated but are current. */
  keep: string[]
}

export interface Preset {
  id: string
  title: string
  /** ids from the root (national) down to this preset. */
  chain: string[]
  jurisdiction?: { name: string; level: 'national' | 'province' | 'city' | 'county'; parent?: string }
  /** The document this preset encodes (the upper plan). */
  document?: PresetDocument
  documents: PresetDocument[]
  populations: PresetNamedItem[]
  projects: PresetNamedItem[]
  targets: PresetTarget[]
  units: UnitDictionary
  /** Which documents the preset's family checks apply to: a plan whose title has none of
   * these words (a 科普日 activity plan, a 营商环境 plan) is not checked for the family's
   * actions, projects and targets. */
  scope?: { titleKeywords: string[] }
  /** Rule settings carried by the preset. */
  rules: Record<string, RuleSetting>
  /** Path of the file it was loaded from. */
  filePath?: string
}
