/**
 * Fixes, applied with ESLint's algorithm (SourceCodeFixer + Linter#verifyAndFix): sort the
 * fixes by range, skip any that overlaps or touches one already taken, apply the rest, lint
 * the new text again, and repeat until no fix applies or 10 passes have run. The messages
 * returned are those of the last lint, so nothing the fixer did not fix is hidden.
 */
import type { LintMessage } from './types.js'

export const MAX_FIX_PASSES = 10

export interface ApplyFixesResult {
  fixed: boolean
  output: string
  /** Messages whose fix was not applied, and messages without a fix. */
  messages: LintMessage[]
}

/** One pass: applies the non-overlapping fixes of `messages` to `text`. */
export function applyFixes(text: string, messages: LintMessage[]): ApplyFixesResult {
  const withFix: LintMessage[] = []
  const remaining: LintMessage[] = []
  for (const m of messages) (m.fix ? withFix : remaining).push(m)
  if (withFix.length === 0) return { fixed: false, output: text, messages }

  withFix.sort((a, b) => a.fix!.range[0] - b.fix!.range[0] || a.fix!.range[1] - b.fix!.range[1])
  let output = ''
  let lastPos = Number.NEGATIVE_INFINITY
  let fixed = false
  for (const m of withFix) {
    const [start, end] = m.fix!.range
    // Overlapping (or adjacent, as in ESLint) or negative ranges stay problems.
    if (lastPos >= start || start > end) {
      remaining.push(m)
      continue
    }
    output += text.slice(Math.max(0, lastPos), Math.max(0, start))
    output += m.fix!.text
    lastPos = end
    fixed = true
  }
  output += text.slice(Math.max(0, lastPos))
  return { fixed, output, messages: remaining }
}

export interface FixLoopResult {
  /** Messages of the last lint. */
  messages: LintMessage[]
  /** The text after all passes. */
  output: string
  /** True when at least one fix was applied. */
  fixed: boolean
  passes: number
}

/**
 * Lints, fixes, and lints again until stable or `MAX_FIX_PASSES`. `lint` must return the
 * messages of a text after directives have been applied (so disabled rules fix nothing).
 */
export function fixLoop(text: string, lint: (text: string) => LintMessage[]): FixLoopResult {
  let current = text
  let fixed = false
  let passes = 0
  let messages: LintMessage[]
  let pass: ApplyFixesResult
  do {
    passes++
    messages = lint(current)
    pass = applyFixes(current, messages)
    fixed ||= pass.fixed
    current = pass.output
  } while (pass.fixed && passes < MAX_FIX_PASSES)
  // The last pass changed the text: lint it once more so the messages match the output.
  if (pass.fixed) messages = lint(current)
  return { messages, output: current, fixed, passes }
}
