/** The language server's entry: `planlint lsp --stdio` calls `runLanguageServer`. */
export { startServer, COMMANDS, STATUS_NOTIFICATION, type StatusParams } from './server.js'
export { DocumentLinter, type DocumentLint, type DocumentLintInput } from './document-linter.js'
export { toDiagnostics } from './diagnostics.js'
export { DEFAULT_SETTINGS, readSettings, type ServerSettings } from './settings.js'

/** Serves LSP over stdio until the client sends `exit`. */
export async function runLanguageServer(): Promise<number> {
  const { startServer } = await import('./server.js')
  await startServer()
  return 0
}
