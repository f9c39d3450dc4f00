/**
 * (e2) The language server's re-lint after a keystroke, in process: what the server does
 * when the debounce fires — `DocumentLinter.lint` (config and presets reused, plugins
 * loaded, `lintText`) and the conversion to protocol diagnostics — on the 40 KB plan with one
 * character inserted at a different place each time. JSON-RPC framing is left out (it is
 * the same few hundred microseconds for any linter).
 */
import { performance } from 'node:perf_hooks'
import { TextDocument } from 'vscode-languageserver-textdocument'
import { DocumentLinter } from '../src/lsp/document-linter.js'
import { toDiagnostics } from '../src/lsp/diagnostics.js'
import { DEFAULT_SETTINGS } from '../src/lsp/settings.js'

export interface ServerEditStats {
  medianMs: number
  p95Ms: number
  minMs: number
  runs: number
  diagnostics: number
}

export async function measureServerEdit(text: string, filePath: string, workspaceRoot: string, iterations: number): Promise<ServerEditStats> {
  const linter = new DocumentLinter()
  const edited = (i: number): string => {
    const at = Math.floor(text.length * 0.2 + ((i * 7919) % Math.floor(text.length * 0.6)))
    return text.slice(0, at) + (i % 2 ? '的' : '，') + text.slice(at)
  }
  const once = async (i: number): Promise<number> => {
    const doc = TextDocument.create('file://' + filePath, 'plaintext', i + 1, edited(i))
    const lint = await linter.lint({ text: doc.getText(), filePath, workspaceRoot, settings: DEFAULT_SETTINGS })
    if (lint.failure !== undefined) throw new Error(lint.failure)
    return toDiagnostics(doc, lint).length
  }
  for (let i = 0; i < 10; i++) await once(i)
  const samples: number[] = []
  let diagnostics = 0
  for (let i = 0; i < iterations; i++) {
    const t = performance.now()
    diagnostics = await once(i + 10)
    samples.push(performance.now() - t)
  }
  samples.sort((a, b) => a - b)
  const q = (p: number): number => samples[Math.min(samples.length - 1, Math.max(0, Math.ceil(p * samples.length) - 1))]!
  const r = (n: number): number => Math.round(n * 100) / 100
  return { medianMs: r(q(0.5)), p95Ms: r(q(0.95)), minMs: r(samples[0]!), runs: samples.length, diagnostics }
}
