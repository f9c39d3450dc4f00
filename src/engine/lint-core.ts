/**
 * One document through the kernel, once the rules are known: analyse (the composition root's
 * parse + plan, handed in) → runRules → suppressions (directives, Word comments, exemptions),
 * and the fix loop around it. Shared by `lintText` and the RuleTester (which runs one rule
 * alone through exactly this path).
 */
import type { LintMessage, LintResult, SuppressedMessage } from './types.js'
import { fixLoop } from './fixer.js'
import { textLocator, type Locate } from '../support/location.js'
import { runRules, type RuleEntry, type Walker } from './runner.js'
import { applySuppressions, type CommentSource, type SuppressionSettings } from './suppressions.js'
import { timed } from './timing.js'

/** What the composition root makes of a text: the rules' environment and the walk over it. */
export interface Analysis<Env extends object = object> {
  env: Env
  walk: Walker
}

export interface LintCoreInput<Env extends object = object> {
  text: string
  filePath: string
  rules: Map<string, RuleEntry>
  /** Every registered rule id, for checking the ids named in directives. */
  knownRuleIds: ReadonlySet<string>
  /** Parses a text (the input when `first`, or a fixed version of it) into what rules read. */
  analyse: (text: string, first: boolean) => Analysis<Env>
  /** The config's `linterOptions` and `exemptions`. */
  suppression?: SuppressionSettings
  fix?: boolean
  /** Offset → user location for `text` (the input adapter's); later fix passes use the text's lines. */
  locate?: Locate
  /** The input adapter's result for `text` (its Word comments; first pass only, like `locate`). */
  source?: CommentSource
}

export interface LintCoreOutput {
  /** Messages of the last lint (of `output` when fixes were applied). */
  messages: LintMessage[]
  /** Messages of the last lint that a directive, Word comment or exemption suppressed. */
  suppressed: SuppressedMessage[]
  /** The text after fixing (equal to the input when nothing was fixed). */
  output: string
  fixed: boolean
}

/** Lints one text; with `fix`, applies fixes until stable (at most 10 passes). */
export function lintCore<Env extends object>(input: LintCoreInput<Env>): LintCoreOutput {
  let suppressed: SuppressedMessage[] = []
  const lintOnce = (text: string): LintMessage[] => {
    const first = text === input.text
    const { env, walk } = input.analyse(text, first)
    const locate = (first && input.locate) || textLocator(text)
    const messages = timed('rules', () => runRules({ text, env, walk, rules: input.rules, filePath: input.filePath, locate }))
    const out = timed('directives', () =>
      applySuppressions({
        text,
        messages,
        knownRuleIds: input.knownRuleIds,
        locate,
        config: input.suppression ?? {},
        ...(first && input.source ? { source: input.source } : {}),
      }),
    )
    suppressed = out.suppressed
    return out.messages
  }
  if (!input.fix) {
    const messages = lintOnce(input.text)
    return { messages, suppressed, output: input.text, fixed: false }
  }
  const r = fixLoop(input.text, lintOnce)
  return { messages: r.messages, suppressed, output: r.output, fixed: r.fixed }
}

/** A LintResult with its counts computed. */
export function makeResult(
  filePath: string,
  messages: LintMessage[],
  extra: Pick<LintResult, 'output' | 'source' | 'preset' | 'suppressedMessages'> = {},
): LintResult {
  let errorCount = 0
  let warningCount = 0
  let infoCount = 0
  let fatalErrorCount = 0
  let fixableErrorCount = 0
  let fixableWarningCount = 0
  for (const m of messages) {
    if (m.severity === 2) {
      errorCount++
      if (m.fatal) fatalErrorCount++
      if (m.fix) fixableErrorCount++
    } else if (m.level === 'info') {
      // a note: counted apart, never a warning (its fix, if any, is applied by --fix all the same)
      infoCount++
    } else {
      warningCount++
      if (m.fix) fixableWarningCount++
    }
  }
  const result: LintResult = {
    filePath,
    messages,
    errorCount,
    warningCount,
    infoCount,
    fatalErrorCount,
    fixableErrorCount,
    fixableWarningCount,
  }
  if (extra.output !== undefined) result.output = extra.output
  if (extra.source !== undefined) result.source = extra.source
  if (extra.preset !== undefined) result.preset = extra.preset
  if (extra.suppressedMessages !== undefined) result.suppressedMessages = extra.suppressedMessages
  return result
}
