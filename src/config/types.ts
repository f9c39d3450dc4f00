/**
 * A loaded planlint.config.yaml. Its shape is derived from src/config/config-schema.json
 * (src/config/schema-types.ts, generated): never written twice. The engine's own types for
 * the parts it consumes (rule settings, linter options, exemptions) are checked against the
 * schema's at compile time below, so neither can drift.
 */
import type { LinterOptions, RuleExemption, RuleSetting, SeverityName } from '../engine/types.js'
import type { ConfigFile, RuleSetting as SchemaRuleSetting } from './schema-types.js'
import type { RuleSetting as PresetRuleSetting } from '../presets/schema-types.js'

export type { ConfigFile, LinterOptions, RuleExemption }

/**
 * A finding the reviewers accepted, written in the config with its reason. The first form is
 * population-actions' own (an action the plan does not set up); the second works for any
 * rule: the findings of `rule` whose flagged text contains `text`, or whose sentence
 * contains `sentence` (white space ignored), or every finding of the rule when neither is given.
 */
export type Exemption = PopulationExemption | RuleExemption

export interface PopulationExemption {
  population: string
  reason: string
}

/** A third-party unified plugin (`unifiedPlugins:`): its package name or path, alone or with its options. */
export type UnifiedPluginSetting = NonNullable<ConfigFile['unifiedPlugins']>[number]

/** The config file as loaded: the schema's shape, exemptions as one of their two forms. */
export interface PlanlintConfig extends Omit<ConfigFile, '$schema' | 'rules' | 'exemptions'> {
  rules?: Record<string, RuleSetting>
  exemptions?: Exemption[]
  /** File the config was loaded from. */
  filePath?: string
}

// ---- compile-time checks: the engine's types and the schemas' say the same thing ----
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Assert<T extends true> = T
type SchemaExemption = NonNullable<ConfigFile['exemptions']>[number]
/** Fails to compile when the engine's types and the JSON Schemas disagree. */
export type SchemaAgreement = [
  Assert<Same<RuleSetting, SchemaRuleSetting>>,
  Assert<Same<RuleSetting, PresetRuleSetting>>,
  Assert<Same<LinterOptions, NonNullable<ConfigFile['linterOptions']>>>,
  Assert<Same<SeverityName, NonNullable<LinterOptions['reportUnusedDisableDirectives']>>>,
  Assert<Exemption extends SchemaExemption ? true : false>,
]
