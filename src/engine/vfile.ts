/**
 * planlint messages as vfile messages, so unified's reporters and tools understand them
 * (`source: 'planlint'`, `ruleId`, `place`, `url`, `actual`, `expected`, `fatal`).
 */
import { VFile } from 'vfile'
import type { LintResult } from './types.js'

type VFileMessage = ReturnType<VFile['message']>

/** A VFile holding the result's messages (errors as `fatal: true`, warnings as `false`). */
export function toVFile(result: LintResult): VFile {
  const file = new VFile({ path: result.filePath, value: result.source ?? '' })
  for (const m of result.messages) {
    const msg: VFileMessage = file.message(m.message, {
      place: {
        start: { line: m.line, column: m.column, offset: m.range[0] },
        end: { line: m.endLine, column: m.endColumn, offset: m.range[1] },
      },
      ruleId: m.ruleId ?? undefined,
      source: 'planlint',
    })
    // vfile: `true` = error, `false` = warning.
    msg.fatal = m.severity === 2
    if (m.url) msg.url = m.url
    if (m.actual !== undefined) msg.actual = m.actual
    if (m.expected !== undefined) msg.expected = [m.expected]
  }
  return file
}

/** The result's messages as vfile messages. */
export function toVFileMessages(result: LintResult): VFileMessage[] {
  return toVFile(result).messages
}
