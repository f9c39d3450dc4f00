/** A loaded planlint.config.yaml. */
import type { LinterOptions, RuleExemption, RuleSetting } from '../engine/types.js'

export type { LinterOptions, RuleExemption }

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

export interface PlanlintConfig {
  /** Bundled preset id, path, or package name. */
  preset?: string
  rules?: Record<string, RuleSetting>
  ignores?: string[]
  plugins?: string[]
  exemptions?: Exemption[]
  linterOptions?: LinterOptions
  /** ISO date the plan is judged at (renames after it are ignored). */
  asOf?: string
  /** `draft` or `final`; `final` makes 征求意见稿 a finding. */
  status?: 'draft' | 'final'
  /** File the config was loaded from. */
  filePath?: string
}
