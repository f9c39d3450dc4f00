/**
 * Reviewdog Diagnostic Format, JSON (`rdjson`): one DiagnosticResult for the run, which
 * `reviewdog -f=rdjson` posts as review comments and suggested changes.
 * https://github.com/reviewdog/reviewdog/tree/master/proto/rdf
 *
 * Columns are 1-based UTF-8 byte counts, as the format says (a Han character is 3 bytes),
 * computed from the linted text; ends are exclusive. Fixes become `suggestions`.
 */
import { lineIndexAt, lineStarts } from '../support/location.js'
import type { LintMessage, LintResult } from '../types.js'
import { levelOf, relativePath, ruleIdOf, startOf, endOf, userPlace } from './common.js'
import { packageInfo, ruleHelp } from './rule-help.js'
import type { FormatterContext } from './types.js'
import { showInvisible } from '../text/printable.js'

interface RdPosition {
  line: number
  column: number
}
interface RdRange {
  start: RdPosition
  end: RdPosition
}

/** Offsets → rdjson positions over one text. */
function positions(text: string): (offset: number) => RdPosition {
  const starts = lineStarts(text)
  return (offset: number) => {
    const at = Math.min(Math.max(offset, 0), text.length)
    const i = lineIndexAt(starts, at)
    return { line: i + 1, column: Buffer.byteLength(text.slice(starts[i]!, at), 'utf8') + 1 }
  }
}

function rangeOf(m: LintMessage, pos: ((offset: number) => RdPosition) | undefined, range = m.range): RdRange {
  if (pos && range) return { start: pos(range[0]), end: pos(range[1]) }
  // No text to measure bytes in: the code-point columns are the best there is.
  const s = startOf(m)
  const e = endOf(m)
  return { start: { line: s.line, column: s.column }, end: { line: e.line, column: e.column } }
}

/** reviewdog's severities (rdf.proto: ERROR, WARNING, INFO). */
const RDJSON_SEVERITY = { error: 'ERROR', warn: 'WARNING', info: 'INFO' } as const

export function rdjson(results: LintResult[], ctx: FormatterContext): string {
  const diagnostics: unknown[] = []
  for (const r of results) {
    const path = showInvisible(relativePath(r.filePath, ctx.cwd))
    const pos = r.source !== undefined ? positions(r.source) : undefined
    for (const m of r.messages) {
      const id = ruleIdOf(m)
      const url = ruleHelp(id, ctx.rulesMeta?.[id]).uri
      const place = userPlace(m)
      const fixes = m.fix ? [m.fix] : (m.suggestions ?? []).map((s) => s.fix)
      diagnostics.push({
        message: showInvisible(place ? `${place}：${m.message}` : m.message),
        location: { path, range: rangeOf(m, pos) },
        severity: RDJSON_SEVERITY[levelOf(m)],
        code: { value: id, ...(url ? { url } : {}) },
        ...(fixes.length && pos ? { suggestions: fixes.map((f) => ({ range: rangeOf(m, pos, f.range), text: f.text })) } : {}),
        ...(m.related?.length
          ? { related_locations: m.related.map((l) => ({ ...(l.message ? { message: showInvisible(l.message) } : {}), location: { path, range: rangeOf(m, pos, l.range) } })) }
          : {}),
      })
    }
  }
  const url = packageInfo()?.repository
  return JSON.stringify({ source: { name: 'planlint', ...(url ? { url } : {}) }, diagnostics }, null, 2) + '\n'
}
