/**
 * `planlint lsp --stdio`: the language server. Diagnostics for plain text and Markdown
 * documents, pushed (`publishDiagnostics`) to clients that do not pull and answered to
 * `textDocument/diagnostic` for those that do; quick fixes, fix-all, disable directives,
 * hover, document symbols, and the `planlint.fixAll` / `planlint.explain` commands.
 *
 * Never a dead server: every handler's failure is caught and logged, a run that cannot
 * start (a broken config) becomes one diagnostic at the top plus one window message, and a
 * rule that throws is the engine's fatal message like in the CLI.
 */
import { fileURLToPath } from 'node:url'
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type CodeAction,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node'
import { TextDocument } from 'vscode-languageserver-textdocument'
import { explainText } from '../explain/explain-text.js'
import { choosePreset, getRules } from '../index.js'
import { addToSuppressions } from './bulk.js'
import { FIX_ALL_KIND, fixAllAction, quickFixes, suppressActions, wanted, type SuppressArgs } from './code-actions.js'
import { toDiagnostics } from './diagnostics.js'
import { DocumentLinter, type DocumentLint } from './document-linter.js'
import { hoverAt } from './hover.js'
import { planOf } from './plan-view.js'
import { DEFAULT_SETTINGS, planlintSection, readSettings, type ServerSettings } from './settings.js'
import { documentSymbols } from './symbols.js'
import { pushAll } from '../text/arrays.js'

export const COMMANDS = { fixAll: 'planlint.fixAll', explain: 'planlint.explain', addToSuppressions: 'planlint.addToSuppressions' } as const
/** Notification to the client: the preset in use and why, or why planlint could not run. */
export const STATUS_NOTIFICATION = 'planlint/status'

export interface StatusParams {
  uri: string
  preset?: { id: string; reason: string }
  configFile?: string
  failure?: string
  ignored?: boolean
}

interface DocState {
  timer?: NodeJS.Timeout
  /** Bumped by every scheduled run; a run whose number is no longer current is stale. */
  generation: number
  lint?: DocumentLint
  lintedVersion?: number
  settingsKey?: string
  plan?: { version: number; tree: ReturnType<typeof planOf> }
}

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined
  try {
    return fileURLToPath(uri)
  } catch {
    return undefined
  }
}

/** Starts the server on the given connection (stdio by default); resolves when it closes. */
export function startServer(connection: Connection = stdioConnection()): Promise<void> {
  const documents = new TextDocuments(TextDocument)
  const linter = new DocumentLinter()
  const states = new Map<string, DocState>()
  const shownFailures = new Set<string>()
  let globalSettings: ServerSettings = DEFAULT_SETTINGS
  let workspaceRoot: string | undefined
  let pullMode = false
  let canRefresh = false
  let hasConfigurationRequest = false
  const settingsCache = new Map<string, Promise<ServerSettings>>()

  const stateOf = (uri: string): DocState => {
    let s = states.get(uri)
    if (!s) states.set(uri, (s = { generation: 0 }))
    return s
  }
  const logError = (where: string, e: unknown) =>
    connection.console.error(`planlint ${where}：${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)

  const settingsFor = (uri: string): Promise<ServerSettings> => {
    if (!hasConfigurationRequest) return Promise.resolve(globalSettings)
    let p = settingsCache.get(uri)
    if (!p) {
      p = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'planlint' })
        .then((raw) => readSettings(raw, globalSettings))
        .catch(() => globalSettings)
      settingsCache.set(uri, p)
    }
    return p
  }

  /** Lints the document's current version; undefined when a newer run superseded this one. */
  const lintNow = async (doc: TextDocument, opts: { fix?: boolean } = {}): Promise<{ lint: DocumentLint; settings: ServerSettings } | undefined> => {
    const settings = await settingsFor(doc.uri)
    const filePath = pathOf(doc.uri)
    const lint = await linter.lint({
      text: doc.getText(),
      settings,
      ...(filePath ? { filePath } : {}),
      ...(workspaceRoot ? { workspaceRoot } : {}),
      ...(opts.fix ? { fix: true } : {}),
    })
    return { lint, settings }
  }

  const report = (doc: TextDocument, lint: DocumentLint) => {
    if (lint.failure !== undefined && !shownFailures.has(lint.failure)) {
      shownFailures.add(lint.failure)
      void connection.window.showErrorMessage(`planlint 无法检查：${lint.failure}`)
    }
    const status: StatusParams = { uri: doc.uri }
    if (lint.preset) status.preset = lint.preset
    if (lint.configFile) status.configFile = lint.configFile
    if (lint.failure !== undefined) status.failure = lint.failure
    if (lint.ignored) status.ignored = true
    void connection.sendNotification(STATUS_NOTIFICATION, status)
  }

  /** Lints and stores the result; pushes diagnostics unless the client pulls. Stale runs are dropped. */
  const run = async (uri: string): Promise<void> => {
    const state = stateOf(uri)
    const generation = ++state.generation
    const doc = documents.get(uri)
    if (!doc) return
    try {
      const settings = await settingsFor(uri)
      if (!settings.enable) {
        state.lint = undefined
        if (!pullMode) await connection.sendDiagnostics({ uri, diagnostics: [] })
        return
      }
      const r = await lintNow(doc)
      const current = documents.get(uri)
      if (!r || generation !== state.generation || states.get(uri) !== state || current !== doc) return
      state.lint = r.lint
      state.lintedVersion = doc.version
      report(doc, r.lint)
      if (!pullMode) await connection.sendDiagnostics({ uri, version: doc.version, diagnostics: toDiagnostics(doc, r.lint) })
    } catch (e) {
      logError('检查失败', e)
    }
  }

  const schedule = async (uri: string, immediate: boolean): Promise<void> => {
    const state = stateOf(uri)
    if (state.timer) clearTimeout(state.timer)
    state.timer = undefined
    state.generation++ // a run in flight for an older version is now stale
    const settings = await settingsFor(uri)
    if (immediate || settings.debounceMs === 0) return run(uri)
    state.timer = setTimeout(() => {
      state.timer = undefined
      void run(uri)
    }, settings.debounceMs)
  }

  const relintAll = () => {
    settingsCache.clear()
    shownFailures.clear()
    linter.forget()
    if (pullMode) {
      for (const s of states.values()) s.lint = undefined
      if (canRefresh) void connection.languages.diagnostics.refresh()
      else for (const doc of documents.all()) void run(doc.uri)
      return
    }
    for (const doc of documents.all()) void schedule(doc.uri, true)
  }

  /** The lint of the document's current version (runs one if needed). */
  const currentLint = async (doc: TextDocument): Promise<DocumentLint | undefined> => {
    const state = stateOf(doc.uri)
    if (state.lint && state.lintedVersion === doc.version) return state.lint
    const settings = await settingsFor(doc.uri)
    if (!settings.enable) return undefined
    const r = await lintNow(doc)
    if (!r) return undefined
    if (documents.get(doc.uri)?.version === doc.version) {
      state.lint = r.lint
      state.lintedVersion = doc.version
    }
    return r.lint
  }

  const planFor = (doc: TextDocument, lint: DocumentLint) => {
    const state = stateOf(doc.uri)
    if (!state.plan || state.plan.version !== doc.version) state.plan = { version: doc.version, tree: planOf(lint.text.linted) }
    return state.plan.tree
  }

  const fixAllFor = async (doc: TextDocument, kind?: string): Promise<CodeAction | undefined> => {
    const r = await lintNow(doc, { fix: true })
    if (!r || r.lint.failure !== undefined) return undefined
    return fixAllAction(doc, r.lint.output, kind)
  }

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities
    pullMode = caps.textDocument?.diagnostic !== undefined
    canRefresh = caps.workspace?.diagnostics?.refreshSupport === true
    hasConfigurationRequest = caps.workspace?.configuration === true
    globalSettings = readSettings(planlintSection(params.initializationOptions))
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined
    workspaceRoot = (folder && pathOf(folder)) ?? params.rootPath ?? undefined
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: { label: 'planlint' },
        executeCommandProvider: { commands: [COMMANDS.fixAll, COMMANDS.explain, COMMANDS.addToSuppressions] },
      },
      serverInfo: { name: 'planlint' },
    }
    if (pullMode) result.capabilities.diagnosticProvider = { identifier: 'planlint', interFileDependencies: false, workspaceDiagnostics: false }
    return result
  })

  connection.onInitialized(() => {
    const reg = (async () => {
      try {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: 'planlint' })
      } catch {
        // the client does not register dynamically; it may still send the notification
      }
      try {
        await connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/planlint.config.{yaml,yml}' }, { globPattern: '**/*.{yaml,yml}' }, { globPattern: '**/planlint-suppressions.json' }],
        })
      } catch {
        // no file watching on this client: config changes are seen on the next open/save
      }
    })()
    void reg
  })

  connection.onDidChangeConfiguration((params) => {
    if (!hasConfigurationRequest) globalSettings = readSettings(planlintSection(params.settings), globalSettings)
    relintAll()
  })
  connection.onDidChangeWatchedFiles(() => relintAll())

  documents.onDidChangeContent(async (e) => {
    const state = stateOf(e.document.uri)
    const first = state.lintedVersion === undefined && state.lint === undefined
    if (pullMode) return
    const settings = await settingsFor(e.document.uri)
    if (first) return schedule(e.document.uri, true)
    if (settings.run === 'onType') return schedule(e.document.uri, false)
  })
  documents.onDidSave(async (e) => {
    const settings = await settingsFor(e.document.uri)
    if (settings.run === 'onSave' && !pullMode) await schedule(e.document.uri, true)
    if (settings.run === 'onSave' && pullMode && canRefresh) {
      stateOf(e.document.uri).lint = undefined
      void connection.languages.diagnostics.refresh()
    }
  })
  documents.onDidClose((e) => {
    const state = states.get(e.document.uri)
    if (state?.timer) clearTimeout(state.timer)
    if (state) state.generation++ // a run in flight for the closed document is stale
    states.delete(e.document.uri)
    settingsCache.delete(e.document.uri)
    if (!pullMode) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] })
  })

  connection.languages.diagnostics.on(async (params, token) => {
    const doc = documents.get(params.textDocument.uri)
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] }
    const state = stateOf(doc.uri)
    const settings = await settingsFor(doc.uri)
    // onSave: keep showing the last saved run's findings while the user types.
    const reuse = state.lint && (state.lintedVersion === doc.version || settings.run === 'onSave')
    const lint = reuse ? state.lint : await currentLint(doc)
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'stale', { retriggerRequest: true })
    if (!lint) return { kind: DocumentDiagnosticReportKind.Full, items: [] }
    report(doc, lint)
    // A reused run of an older version keeps that version in `data`, so its fixes are not offered.
    return { kind: DocumentDiagnosticReportKind.Full, items: toDiagnostics(doc, lint, reuse ? state.lintedVersion : doc.version) }
  })

  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri)
    if (!doc) return []
    try {
      const only = params.context.only
      const out: CodeAction[] = []
      if (wanted(only, CodeActionKind.QuickFix)) {
        pushAll(out, quickFixes(doc, params.context.diagnostics))
        if (workspaceRoot && pathOf(doc.uri)) pushAll(out, suppressActions(doc, params.context.diagnostics, COMMANDS.addToSuppressions))
      }
      const fixAllKind = only?.includes(CodeActionKind.SourceFixAll) || only?.includes(CodeActionKind.Source) ? FIX_ALL_KIND : undefined
      if (wanted(only, FIX_ALL_KIND) || fixAllKind) {
        const action = await fixAllFor(doc)
        if (action) out.push(action)
      } else if (wanted(only, CodeActionKind.QuickFix) && out.some((a) => a.isPreferred)) {
        const action = await fixAllFor(doc, CodeActionKind.QuickFix)
        if (action) out.push(action)
      }
      return out
    } catch (e) {
      logError('代码操作失败', e)
      return []
    }
  })

  connection.onHover(async (params) => {
    const doc = documents.get(params.textDocument.uri)
    if (!doc) return null
    try {
      const lint = await currentLint(doc)
      if (!lint) return null
      const offset = lint.text.toLinted(doc.offsetAt(params.position))
      return hoverAt({ lint, offset, rules: getRules(), plan: () => planFor(doc, lint) })
    } catch (e) {
      logError('悬停提示失败', e)
      return null
    }
  })

  connection.onDocumentSymbol(async (params) => {
    const doc = documents.get(params.textDocument.uri)
    if (!doc) return []
    try {
      const lint = await currentLint(doc)
      if (!lint || lint.failure !== undefined) return []
      return documentSymbols(doc, lint.text, planFor(doc, lint))
    } catch (e) {
      logError('文档结构失败', e)
      return []
    }
  })

  connection.onExecuteCommand(async (params) => {
    const arg = params.arguments?.[0] as { uri?: unknown } | string | undefined
    const uri = typeof arg === 'string' ? arg : typeof arg?.uri === 'string' ? arg.uri : undefined
    const doc = uri ? documents.get(uri) : undefined
    if (!doc) throw new ResponseError(-32602, `没有打开的文档：${String(uri)}`)
    if (params.command === COMMANDS.fixAll) {
      const action = await fixAllFor(doc)
      if (action?.edit) await connection.workspace.applyEdit({ label: 'planlint：修复全部', edit: action.edit })
      return { applied: action !== undefined }
    }
    if (params.command === COMMANDS.addToSuppressions) {
      const a = params.arguments?.[0] as Partial<SuppressArgs> | undefined
      const valid = typeof a?.ruleId === 'string' && Array.isArray(a.range) && a.range.every((n) => Number.isInteger(n)) && a.range.length === 2
      const lint = await currentLint(doc)
      if (!valid || !lint?.result || !workspaceRoot || a.version !== doc.version) return { added: false }
      const range: [number, number] = [lint.text.toLinted(a.range![0]!), lint.text.toLinted(a.range![1]!)]
      const added = addToSuppressions(lint.result, a.ruleId!, range, workspaceRoot)
      if (added) relintAll()
      return { added }
    }
    if (params.command === COMMANDS.explain) {
      const lint = await currentLint(doc)
      if (!lint) return { text: 'planlint 已停用（planlint.enable）' }
      if (lint.failure !== undefined) return { text: `planlint 无法检查：${lint.failure}` }
      const tree = planFor(doc, lint)
      const settings = await settingsFor(doc.uri)
      const filePath = pathOf(doc.uri)
      const config = linter.configFor({ text: '', settings, ...(filePath ? { filePath } : {}), ...(workspaceRoot ? { workspaceRoot } : {}) })
      const { preset } = choosePreset(tree, config, { ...(settings.preset ? { preset: settings.preset } : {}), ...(workspaceRoot ? { cwd: workspaceRoot } : {}) })
      return { text: explainText(tree, preset, (o) => locateLine(doc, lint, o)) }
    }
    throw new ResponseError(-32601, `未知的命令：${params.command}`)
  })

  documents.listen(connection)
  const closed = new Promise<void>((resolveClosed) => connection.onExit(() => resolveClosed()))
  connection.listen()
  return closed
}

/** A connection over stdin/stdout; console output goes to the client's log, never onto stdout. */
function stdioConnection(): Connection {
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout)
  const toLog = (...args: unknown[]) => connection.console.log(args.map(String).join(' '))
  console.log = toLog
  console.info = toLog
  console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '))
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '))
  return connection
}

/** 1-based line and code-point column of a linted offset, as the CLI's explain prints them. */
function locateLine(doc: TextDocument, lint: DocumentLint, offset: number): { line: number; column: number } {
  const p = doc.positionAt(lint.text.toDocument(offset))
  const lineStart = doc.offsetAt({ line: p.line, character: 0 })
  const column = [...doc.getText().slice(lineStart, lineStart + p.character)].length + 1
  return { line: p.line + 1, column }
}
