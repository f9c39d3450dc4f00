/**
 * GitLab Code Quality report (a JSON array of issues), which GitLab shows in merge
 * requests when a job publishes it as `artifacts:reports:codequality`.
 * https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
 *
 * The fingerprint identifies a finding across commits: it hashes the file, the rule, the
 * message and the text the finding points at (not the line number, so a finding keeps its
 * fingerprint when lines are added above it), plus a counter for identical findings.
 */
import { createHash } from 'node:crypto'
import type { LintResult } from '../engine/types.js'
import { isError, isInfo, relativePath, ruleIdOf, startOf, userPlace, placesSuffix } from './common.js'
import type { FormatterContext } from './types.js'
import { showInvisible } from '../text/printable.js'

export interface CodeQualityIssue {
  description: string
  check_name: string
  fingerprint: string
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker'
  location: { path: string; lines: { begin: number } }
}

export function toCodeQuality(results: LintResult[], ctx: FormatterContext): CodeQualityIssue[] {
  const issues: CodeQualityIssue[] = []
  for (const r of results) {
    // the path too: GitLab shows it beside the finding (a bidi-named file must not read as another)
    const file = showInvisible(relativePath(r.filePath, ctx.cwd))
    const seen = new Map<string, number>()
    for (const m of r.messages) {
      const id = ruleIdOf(m)
      const span = r.source && m.range ? r.source.slice(m.range[0], m.range[1]) : ''
      const base = [file, id, m.message, span].join('\u0000')
      const n = seen.get(base) ?? 0
      seen.set(base, n + 1)
      issues.push({
        // A Word or PDF file's line numbers are those of the extracted text: say the paragraph/page too.
        description: showInvisible(userPlace(m) ? `${userPlace(m)}：${m.message}${placesSuffix(m)}` : m.message + placesSuffix(m)),
        check_name: id,
        fingerprint: createHash('sha256').update(`${base}\u0000${n}`).digest('hex').slice(0, 32),
        // GitLab's lowest, `info`, for a note at the info level
        severity: m.fatal ? 'critical' : isError(m) ? 'major' : isInfo(m) ? 'info' : 'minor',
        location: { path: file, lines: { begin: startOf(m).line } },
      })
    }
  }
  return issues
}

export function gitlab(results: LintResult[], ctx: FormatterContext): string {
  return JSON.stringify(toCodeQuality(results, ctx), null, 2) + '\n'
}
