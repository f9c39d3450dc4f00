/**
 * planlint messages as vfile messages, so unified's reporters and tools understand them
 * (`source: 'planlint'`, `ruleId`, `place`, `url`, `actual`, `expected`, `fatal`).
 */
import { VFile } from 'vfile'
import type { LintMessage, LintResult } from './types.js'

type VFileMessage = ReturnType<VFile['message']>

/** A VFile holding the result's messages (errors as `fatal: true`, warnings as `false`). */
export function toVFile(result: LintResult): VFile {
  const file = new VFile({ path: result.filePath, value: result.source ?? '' })
  addMessages(file, result.messages)
  return file
}

/** Puts planlint messages on a VFile as vfile messages (`source: 'planlint'`). */
export function addMessages(file: VFile, messages: readonly LintMessage[]): void {
  for (const m of messages) {
    const msg: VFileMessage = file.message(m.message, {
      place: {
        start: { line: m.line, column: m.column, offset: m.range[0] },
        end: { line: m.endLine, column: m.endColumn, offset: m.range[1] },
      },
      ruleId: m.ruleId ?? undefined,
      source: 'planlint',
    })
    // vfile: `true` = error, `false` = warning, `undefined` = info.
    msg.fatal = m.severity === 2 ? true : m.level === 'info' ? undefined : false
    if (m.url) msg.url = m.url
    msg.actual = m.actual // undefined stays undefined, as the message starts
    if (m.expected !== undefined) msg.expected = [m.expected]
  }
}

/** The result's messages as vfile messages. */
export function toVFileMessages(result: LintResult): VFileMessage[] {
  return toVFile(result).messages
}
