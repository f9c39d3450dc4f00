/**
 * Two drafts of one plan, compared by their findings: what draft 2 fixed, what it
 * introduced, and what is still open. Findings are matched on rule + the normalised sentence
 * they sit in (+ occurrence), never on lines, so renumbered headings and moved paragraphs do
 * not count as new (see engine/fingerprint.ts).
 */
import { resultKeys } from '../engine/fingerprint.js'
import type { LintMessage, LintResult } from '../types.js'
import { pushAll } from '../text/arrays.js'

export interface FindingComparison {
  old: LintResult
  new: LintResult
  /** In the new draft, not in the old one. */
  introduced: LintMessage[]
  /** In the old draft, gone from the new one (positions are the old draft's). */
  fixed: LintMessage[]
  /** In both (positions are the new draft's). */
  remaining: LintMessage[]
}

function groups(r: LintResult): Map<string, LintMessage[]> {
  const keys = resultKeys({ ...r, suppressedMessages: [] })
  const out = new Map<string, LintMessage[]>()
  for (const m of r.messages) {
    const k = keys.get(m)!
    const id = `${k.ruleId}\u0000${k.sentenceHash}`
    const list = out.get(id)
    if (list) list.push(m)
    else out.set(id, [m])
  }
  return out
}

const byPlace = (a: LintMessage, b: LintMessage) => a.line - b.line || a.column - b.column || (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0)

/** Matches the reported (not suppressed) findings of two lint results of one plan. */
export function compareFindings(oldResult: LintResult, newResult: LintResult): FindingComparison {
  const before = groups(oldResult)
  const after = groups(newResult)
  const introduced: LintMessage[] = []
  const fixed: LintMessage[] = []
  const remaining: LintMessage[] = []
  for (const [key, now] of after) {
    const was = before.get(key) ?? []
    pushAll(remaining, now.slice(0, was.length))
    pushAll(introduced, now.slice(was.length))
    pushAll(fixed, was.slice(now.length))
  }
  for (const [key, was] of before) if (!after.has(key)) pushAll(fixed, was)
  return { old: oldResult, new: newResult, introduced: introduced.sort(byPlace), fixed: fixed.sort(byPlace), remaining: remaining.sort(byPlace) }
}

/** Errors among the introduced findings (what makes `planlint diff` exit 1). */
export function introducedErrors(c: FindingComparison): number {
  return c.introduced.filter((m) => m.fatal || m.severity === 2).length
}
