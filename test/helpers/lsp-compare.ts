/** Comparing the language server's diagnostics with the CLI's `--format json` findings. */
import type { Diagnostic, Position } from 'vscode-languageserver'
import type { TextDocument } from 'vscode-languageserver-textdocument'
import { expect } from 'vitest'
import { runCli } from './cli.js'

export interface CliFinding {
  ruleId: string | null
  severity: number
  message: string
  line: number
  column: number
  endLine: number
  endColumn: number
}

/** The CLI's findings for `text` linted as if it were the file `filePath` (stdin, same config lookup). */
export function cliFindings(filePath: string, text: string, cwd?: string): CliFinding[] {
  const r = runCli(['-', '--stdin-filename', filePath, '--format', 'json'], { input: text, ...(cwd ? { cwd } : {}) })
  expect([0, 1], r.stderr).toContain(r.status)
  const [result] = JSON.parse(r.stdout) as { messages: CliFinding[] }[]
  return result!.messages.map(toCliFinding)
}

/** The fields of a CLI JSON message that a diagnostic must reproduce. */
export function toCliFinding({ ruleId, severity, message, line, column, endLine, endColumn }: CliFinding): CliFinding {
  return { ruleId, severity, message, line, column, endLine, endColumn }
}

/** A diagnostic as the CLI would print it: 1-based lines, columns counted in code points. */
export function asCliFinding(doc: TextDocument, d: Diagnostic): CliFinding {
  const text = doc.getText()
  const column = (p: Position): number => {
    const lineStart = doc.offsetAt({ line: p.line, character: 0 })
    return [...text.slice(lineStart, doc.offsetAt(p))].length + 1
  }
  return {
    ruleId: typeof d.code === 'string' ? d.code : null,
    severity: d.severity === 1 ? 2 : 1,
    message: typeof d.message === 'string' ? d.message : d.message.value,
    line: d.range.start.line + 1,
    column: column(d.range.start),
    endLine: d.range.end.line + 1,
    endColumn: column(d.range.end),
  }
}
