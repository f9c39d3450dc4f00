/** What a loaded preset holds. */
import type { RuleSetting } from '../engine/types.js'

import type { Confidence, DocumentEntry, NamedItemEntry, PresetFile, Rename, TargetEntry, UnitsFile } from './schema-types.js'

// The shapes of a preset file's entries are derived from presets/schema.json and
// presets/units/schema.json (src/presets/schema-types.ts, generated): never written twice.

/** `verified` facts may raise errors; anything weaker at most a warning. */
export type { Confidence, PresetFile, UnitsFile }

/** A document a plan may cite (or the upper plan a preset encodes). */
export type PresetDocument = DocumentEntry

/** A population action or key project of the upper plan; `from` is filled in by the loader. */
export interface PresetNamedItem extends NamedItemEntry {
  /** Id of the document (upper plan) the item comes from (filled in by the loader). */
  from?: string
}

/** A target of the upper plan; `from` is filled in by the loader. */
export interface PresetTarget extends TargetEntry {
  /** Id of the preset the target comes from (filled in by the loader). */
  from?: string
}

/** An outdated unit name and what replaced it (presets/units/renames.yaml). */
export type UnitRename = Rename

/** The unit dictionary as loaded: every section present, aliases and keep lists flattened. */
export interface UnitDictionary {
  prefixes: NonNullable<UnitsFile['prefixes']>
  renames: UnitRename[]
  /** Groups of names for the same unit; the first is preferred. */
  aliases: string[][]
  /** Names that look outdated but are current. */
  keep: string[]
}

/** A preset as loaded: its `extends` chain merged, every list present. */
export interface Preset extends Pick<PresetFile, 'id' | 'title' | 'jurisdiction' | 'scope'> {
  /** ids from the root (national) down to this preset. */
  chain: string[]
  /** The document this preset encodes (the upper plan). */
  document?: PresetDocument
  documents: PresetDocument[]
  populations: PresetNamedItem[]
  projects: PresetNamedItem[]
  targets: PresetTarget[]
  units: UnitDictionary
  /** Rule settings carried by the preset. */
  rules: Record<string, RuleSetting>
  /** Path of the file it was loaded from. */
  filePath?: string
}
