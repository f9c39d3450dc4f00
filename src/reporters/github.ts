/**
 * GitHub Actions workflow commands: one `::error …::message`, `::warning …::message` or
 * (a note at the info level) `::notice …::message` line per finding, which GitHub shows as annotations on the pull request's files.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
import type { LintResult } from '../types.js'
import { printable } from '../text/printable.js'
import { endOf, levelOf, relativePath, ruleIdOf, startOf, userPlace, placesSuffix } from './common.js'
import type { FormatterContext } from './types.js'

/**
 * Escapes a command's message (data): GitHub's own escapes for %, CR and LF, and every
 * other control character (ESC, NUL…) written as \\uXXXX, so nothing reaches the log raw.
 */
export function escapeData(s: string): string {
  return printable(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'))
}

/** Escapes a command property value. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

const COMMANDS = { error: 'error', warn: 'warning', info: 'notice' } as const

export function github(results: LintResult[], ctx: FormatterContext): string {
  const lines: string[] = []
  for (const r of results) {
    const file = relativePath(r.filePath, ctx.cwd)
    for (const m of r.messages) {
      const start = startOf(m)
      const end = endOf(m)
      const props = [
        `file=${escapeProperty(file)}`,
        `line=${start.line}`,
        `col=${start.column}`,
        `endLine=${end.line}`,
        `endColumn=${end.column}`,
        `title=${escapeProperty(ruleIdOf(m))}`,
      ].join(',')
      // A Word or PDF file's line numbers are those of the extracted text: say the paragraph/page too.
      const place = userPlace(m)
      lines.push(`::${COMMANDS[levelOf(m)]} ${props}::${escapeData((place ? `${place}：${m.message}` : m.message) + placesSuffix(m))}`)
    }
  }
  return lines.length ? lines.join('\n') + '\n' : ''
}
