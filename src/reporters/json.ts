/**
 * ESLint-compatible JSON: an array of result objects, one per file, so tools that read
 * `eslint --format json` (CI annotators, dashboards) read planlint's output unchanged.
 * Positions are 1-based; `fix.range` is in UTF-16 offsets of the linted text.
 */
import type { LintMessage, LintResult, Suppression } from '../types.js'
import { relatedPlaces } from './common.js'
import type { FormatterContext } from './types.js'

export interface JsonMessage {
  ruleId: string | null
  /** ESLint's: 2 error, 1 warning — and 1 for a note, which also has `level: 'info'`. */
  severity: 1 | 2
  /** Only on a note at the info level (never an error, not counted as a warning). */
  level?: 'info'
  message: string
  line: number
  column: number
  endLine: number
  endColumn: number
  fatal?: true
  messageId?: string
  /** Where the user sees it in Word (paragraph) or PDF (page); `line` stays the extracted text's line. */
  location?: { paragraph?: number; page?: number }
  /** The other places of a grouped finding (line/column as above). */
  related?: { line: number; column: number; endLine: number; endColumn: number; message: string }[]
  fix?: { range: [number, number]; text: string }
  suggestions?: { desc: string; fix: { range: [number, number]; text: string } }[]
  /** A grouped finding: how many places, and every place (the first included) with its own fix. */
  count?: number
  relatedLocations?: { line: number; column: number; endLine: number; endColumn: number; location?: { paragraph?: number; page?: number }; fix?: { range: [number, number]; text: string } }[]
}

/** A suppressed finding, as ESLint writes it: the message and why it was suppressed. */
export interface JsonSuppressedMessage extends JsonMessage {
  suppressions: Suppression[]
}

/** A LintResult as ESLint writes it: its counts and texts, with messages in the JSON shape. */
export type JsonResult = Pick<
  LintResult,
  'filePath' | 'errorCount' | 'warningCount' | 'infoCount' | 'fatalErrorCount' | 'fixableErrorCount' | 'fixableWarningCount' | 'output' | 'source'
> & { messages: JsonMessage[]; suppressedMessages: JsonSuppressedMessage[] }

function toJsonMessage(m: LintMessage, result?: LintResult): JsonMessage {
  const out: JsonMessage = {
    ruleId: m.ruleId,
    severity: m.severity,
    ...(m.level === 'info' ? { level: 'info' as const } : {}),
    message: m.message,
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
  }
  if (m.fatal) out.fatal = true
  if (m.messageId) out.messageId = m.messageId
  if (m.location) out.location = { ...m.location }
  const related = result ? relatedPlaces(result, m) : []
  if (related.length) out.related = related.map(({ line, column, endLine, endColumn, message }) => ({ line, column, endLine, endColumn, message }))
  if (m.fix) out.fix = { range: m.fix.range, text: m.fix.text }
  if (m.suggestions?.length) {
    out.suggestions = m.suggestions.map((s) => ({ desc: s.desc, fix: { range: s.fix.range, text: s.fix.text } }))
  }
  if (m.places && m.places.length > 1) {
    out.count = m.places.length
    out.relatedLocations = m.places.map((p) => ({
      line: p.line,
      column: p.column,
      endLine: p.endLine,
      endColumn: p.endColumn,
      ...(p.location ? { location: { ...p.location } } : {}),
      ...(p.fix ? { fix: { range: p.fix.range, text: p.fix.text } } : {}),
    }))
  }
  return out
}

/** The JSON-ready shape of results (also used by tests and other reporters). */
export function toJsonResults(results: LintResult[]): JsonResult[] {
  return results.map((r) => {
    const out: JsonResult = {
      filePath: r.filePath,
      messages: r.messages.map((m) => toJsonMessage(m, r)),
      suppressedMessages: (r.suppressedMessages ?? []).map((m) => ({
        ...toJsonMessage(m, r),
        suppressions: m.suppressions.map((x) => ({ kind: x.kind, justification: x.justification })),
      })),
      errorCount: r.errorCount,
      warningCount: r.warningCount,
      infoCount: r.infoCount,
      fatalErrorCount: r.fatalErrorCount,
      fixableErrorCount: r.fixableErrorCount,
      fixableWarningCount: r.fixableWarningCount,
    }
    // Like ESLint: the fixed text when fixing changed something, else the source when
    // there is something to show in it.
    if (r.output !== undefined) out.output = r.output
    else if (r.messages.length > 0 && r.source !== undefined) out.source = r.source
    return out
  })
}

export function json(results: LintResult[], _ctx: FormatterContext): string {
  return JSON.stringify(toJsonResults(results)) + '\n'
}
