/**
 * The formatter contract. A formatter turns lint results into the text the user sees
 * (terminal, file, CI log). Formatters are pure: no I/O, no process state.
 */
import type { LintResult, RuleMeta } from '../engine/types.js'

export interface FormatterContext {
  /** Directory file paths are shown relative to. */
  cwd: string
  /** Whether ANSI colour may be used. */
  color: boolean
  /** True when `--quiet` dropped the warnings. */
  quiet?: boolean
  /** Metadata of the rules that ran, keyed by id (for reporters that link to docs). */
  rulesMeta?: Record<string, RuleMeta>
  /** Set when `--max-warnings` was exceeded. */
  maxWarningsExceeded?: { maxWarnings: number; foundWarnings: number }
  /** planlint's version (SARIF's tool.driver.version, the HTML report's footer). */
  version?: string
  /** Width of the terminal the report is shown on; set only when stdout is a TTY (stylish wraps to it). */
  columns?: number
}

export type Formatter = (results: LintResult[], context: FormatterContext) => string
