/**
 * A minimal LSP client for the protocol tests: spawns the real `node bin/planlint.js lsp
 * --stdio` and speaks JSON-RPC to it with vscode-jsonrpc. It records what the server sends
 * (diagnostics, status, window messages, log lines), answers the server's requests (its
 * settings, registrations, edits to apply) and applies edits to its own copy of each
 * document, the way an editor would.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { pathToFileURL } from 'node:url'
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node'
import type { Diagnostic, Position, TextEdit, WorkspaceEdit } from 'vscode-languageserver'
import { TextDocument } from 'vscode-languageserver-textdocument'
import { bin, root } from './cli.js'

export interface ClientOptions {
  /** Client supports `textDocument/diagnostic` (pull); otherwise the server pushes. */
  pull?: boolean
  /** Answered to `workspace/configuration` (the `planlint` section). */
  settings?: Record<string, unknown>
  initializationOptions?: Record<string, unknown>
  rootPath?: string
  cwd?: string
  /** Added to the server's environment. */
  env?: Record<string, string>
}

export interface PublishedDiagnostics {
  uri: string
  version?: number
  diagnostics: Diagnostic[]
}

export class LspClient {
  readonly child: ChildProcessWithoutNullStreams
  readonly conn: MessageConnection
  readonly published: PublishedDiagnostics[] = []
  readonly messages: { type: number; message: string }[] = []
  readonly logs: string[] = []
  readonly statuses: { uri: string; preset?: { id: string; reason: string }; failure?: string }[] = []
  readonly docs = new Map<string, TextDocument>()
  stderr = ''
  settings: Record<string, unknown>
  exitCode: Promise<number | null>
  private waiters: (() => void)[] = []

  constructor(readonly options: ClientOptions = {}) {
    this.settings = options.settings ?? { debounceMs: 0 }
    this.child = spawn(process.execPath, [bin, 'lsp', '--stdio'], { cwd: options.cwd ?? root, env: { ...process.env, NO_COLOR: '1', ...options.env } })
    this.child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()))
    this.exitCode = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)))
    this.conn = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin))
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      this.published.push(p)
      this.wake()
    })
    this.conn.onNotification('window/showMessage', (p: { type: number; message: string }) => {
      this.messages.push(p)
      this.wake()
    })
    this.conn.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message)
    })
    this.conn.onNotification('planlint/status', (p: LspClient['statuses'][number]) => {
      this.statuses.push(p)
      this.wake()
    })
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings))
    this.conn.onRequest('client/registerCapability', () => null)
    this.conn.onRequest('window/showMessageRequest', (p: { type: number; message: string }) => {
      this.messages.push(p)
      this.wake()
      return null
    })
    this.conn.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++
      this.wake()
      return null
    })
    this.conn.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
      this.applyWorkspaceEdit(p.edit)
      return { applied: true }
    })
    this.conn.listen()
  }

  refreshes = 0

  private wake(): void {
    for (const w of this.waiters.splice(0)) w()
  }

  /** Resolves when `test()` holds, re-checked after every message from the server. */
  async until<T>(test: () => T | undefined | false, what: string, timeoutMs = 20000): Promise<T> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const v = test()
      if (v) return v
      if (Date.now() > deadline) throw new Error(`等待超时：${what}；stderr：${this.stderr}`)
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 200)
        this.waiters.push(() => {
          clearTimeout(t)
          resolve()
        })
      })
    }
  }

  async initialize(): Promise<{ capabilities: Record<string, unknown> }> {
    const rootPath = this.options.rootPath ?? root
    const result = await this.conn.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(rootPath).href,
      workspaceFolders: [{ uri: pathToFileURL(rootPath).href, name: 'ws' }],
      initializationOptions: this.options.initializationOptions ?? {},
      capabilities: {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          applyEdit: true,
          ...(this.options.pull ? { diagnostics: { refreshSupport: true } } : {}),
        },
        textDocument: {
          synchronization: { didSave: true, dynamicRegistration: false },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          ...(this.options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
        },
      },
    })
    await this.conn.sendNotification('initialized', {})
    return result
  }

  /** Opens a document (forgetting what was published for an earlier opening of it). */
  open(uri: string, text: string, languageId = 'plaintext'): TextDocument {
    for (let i = this.published.length - 1; i >= 0; i--) if (this.published[i]!.uri === uri) this.published.splice(i, 1)
    const doc = TextDocument.create(uri, languageId, 1, text)
    this.docs.set(uri, doc)
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } })
    return doc
  }

  close(uri: string): void {
    this.docs.delete(uri)
    void this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } })
  }

  /** Applies edits to the client's copy and sends them as an incremental change. */
  edit(uri: string, edits: TextEdit[]): TextDocument {
    const doc = this.docs.get(uri)!
    const next = TextDocument.update(doc, edits.map((e) => ({ range: e.range, text: e.newText })), doc.version + 1)
    this.docs.set(uri, next)
    void this.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: next.version },
      contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })),
    })
    return next
  }

  applyWorkspaceEdit(edit: WorkspaceEdit): void {
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
      // TextDocument.update applies content changes one after another: apply the edits
      // from the end of the document backwards so earlier positions stay valid.
      const sorted = [...edits].sort((a, b) => cmp(b.range.start, a.range.start))
      this.edit(uri, sorted)
    }
  }

  /** The last diagnostics published for `uri` at the client's current version (push mode). */
  async diagnosticsFor(uri: string, version = this.docs.get(uri)?.version): Promise<Diagnostic[]> {
    const p = await this.until(
      () => [...this.published].reverse().find((p) => p.uri === uri && (version === undefined || p.version === version)),
      `诊断 ${uri} v${version}`,
    )
    return p.diagnostics
  }

  async shutdown(): Promise<number | null> {
    await this.conn.sendRequest('shutdown')
    await this.conn.sendNotification('exit')
    return this.exitCode
  }

  kill(): void {
    this.conn.dispose()
    if (this.child.exitCode === null) this.child.kill()
  }
}

function cmp(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character
}
