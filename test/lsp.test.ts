/**
 * The language server at the protocol level: the real `node bin/planlint.js lsp --stdio`,
 * spoken to over JSON-RPC by test/helpers/lsp-client.ts. Findings must be exactly the
 * CLI's (`--format json` of the same text at the same path).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import type { CodeAction, Diagnostic, DocumentSymbol, Hover, MarkupContent } from 'vscode-languageserver'
import { root, runCli } from './helpers/cli.js'
import { LspClient } from './helpers/lsp-client.js'
import { asCliFinding, cliFindings, toCliFinding, type CliFinding } from './helpers/lsp-compare.js'

const draftPath = path.join(root, 'examples/draft.txt')
const astralPath = path.join(root, 'test/fixtures/lsp/astral.txt')
const uriOf = (p: string) => pathToFileURL(p).href
const read = (p: string) => readFileSync(p, 'utf8')

const clients: LspClient[] = []
const tmpDirs: string[] = []
function client(options: ConstructorParameters<typeof LspClient>[0] = {}): LspClient {
  const c = new LspClient(options)
  clients.push(c)
  return c
}
afterEach(() => {
  for (const c of clients.splice(0)) c.kill()
})
afterAll(() => {
  sharedClient?.kill()
  for (const d of tmpDirs) rmSync(d, { recursive: true, force: true })
})

/** One server for the tests that need no settings of their own (each closes what it opens). */
let sharedClient: LspClient | undefined
async function shared(): Promise<LspClient> {
  if (!sharedClient) {
    sharedClient = new LspClient()
    await sharedClient.initialize()
  }
  for (const uri of [...sharedClient.docs.keys()]) sharedClient.close(uri)
  return sharedClient
}

/** A temp folder holding a copy of the astral plan, the crash plugin and `config`. */
function workspace(config: string): { dir: string; plan: string; config: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'planlint-lsp-'))
  tmpDirs.push(dir)
  const plan = path.join(dir, 'plan.txt')
  copyFileSync(astralPath, plan)
  copyFileSync(path.join(root, 'test/fixtures/lsp/planlint-plugin-crash.js'), path.join(dir, 'planlint-plugin-crash.js'))
  const configPath = path.join(dir, 'planlint.config.yaml')
  writeFileSync(configPath, config)
  return { dir, plan, config: configPath }
}

async function codeActions(c: LspClient, uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const doc = c.docs.get(uri)!
  return c.conn.sendRequest<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) },
    context: { diagnostics, ...(only ? { only } : {}) },
  })
}

function markdown(h: Hover | null): string {
  expect(h).not.toBeNull()
  return (h!.contents as MarkupContent).value
}

describe('planlint lsp --stdio', () => {
  it('initializes with its capabilities and shuts down cleanly (exit code 0)', async () => {
    const c = client()
    const init = await c.initialize()
    expect(init.capabilities).toMatchObject({
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.planlint'] },
      executeCommandProvider: { commands: ['planlint.fixAll', 'planlint.explain', 'planlint.addToSuppressions'] },
    })
    expect(init.capabilities.diagnosticProvider).toBeUndefined() // this client does not pull
    expect(await c.shutdown()).toBe(0)
  })

  it.each([
    ['examples/draft.txt', draftPath],
    ['a plan with 𠀀 before and after findings', astralPath],
  ])('publishes exactly the CLI findings for %s', async (_name, file) => {
    const c = await shared()
    const uri = uriOf(file)
    const doc = c.open(uri, read(file))
    const diagnostics = await c.diagnosticsFor(uri)
    const expected = cliFindings(file, read(file))
    expect(expected.length).toBeGreaterThan(3)
    expect(diagnostics.map((d) => asCliFinding(doc, d))).toEqual(expected)
  })

  it('lints an untitled document with the workspace folder’s config lookup, as the CLI reads stdin there', async () => {
    const c = await shared()
    const uri = 'untitled:Untitled-1'
    const text = read(draftPath)
    const doc = c.open(uri, text)
    const diagnostics = await c.diagnosticsFor(uri)
    const r = runCli(['-', '--format', 'json'], { input: text, cwd: root })
    const expected = (JSON.parse(r.stdout) as { messages: CliFinding[] }[])[0]!.messages.map(toCliFinding)
    expect(expected.length).toBeGreaterThan(0)
    expect(diagnostics.map((d) => asCliFinding(doc, d))).toEqual(expected)
  })

  it('counts UTF-16 code units: each 𠀀 before a finding moves it two characters', async () => {
    const c = await shared()
    const uri = uriOf(astralPath)
    const text = read(astralPath)
    c.open(uri, text)
    const d = (await c.diagnosticsFor(uri)).find((x) => x.code === 'outdated-unit-names')!
    const line = text.split('\n')[d.range.start.line]!
    const at = line.indexOf('县卫计委')
    expect(line.slice(0, at)).toContain('𠀀')
    expect(d.range.start.character).toBe(at) // a UTF-16 index: String#indexOf
    expect(d.range.end.character).toBe(at + '县卫计委'.length)
    expect(line.slice(d.range.end.character)).toContain('𠀀') // and one after it
  })

  it('gives each diagnostic its rule id, docs link, severity and fix data', async () => {
    const c = await shared()
    const uri = uriOf(draftPath)
    c.open(uri, read(draftPath))
    const diagnostics = await c.diagnosticsFor(uri)
    const lead = diagnostics.find((d) => d.code === 'lead-unit')!
    expect(lead).toMatchObject({ source: 'planlint', severity: 1, codeDescription: { href: expect.stringContaining('lead-unit') } })
    const residue = diagnostics.find((d) => d.code === 'draft-residue')!
    expect(residue.data).toMatchObject({ ruleId: 'draft-residue', version: 1, fix: { range: expect.any(Array), text: '' } })
    expect(diagnostics.find((d) => d.code === 'key-projects')!.severity).toBe(2) // warning
    expect(c.statuses.at(-1)).toMatchObject({ uri, preset: { id: 'national', reason: expect.stringContaining('planlint.config.yaml') } })
  })

  it('shows the other places of a grouped finding as relatedInformation', async () => {
    const c = await shared()
    const uri = uriOf(path.join(root, 'test/fixtures/lsp/unsaved-related.txt'))
    const text = ['二、提升行动', '（一）实施青少年科学素质提升行动', '1.开展科技活动。（牵头单位：区教体局）', '2.建设科普基地。（牵头单位：区教体局）', '3.加强科学教育。（牵头单位：区教育局）', ''].join('\n')
    c.open(uri, text)
    const d = (await c.diagnosticsFor(uri)).find((x) => x.code === 'unit-name-consistency')!
    expect(d.range.start).toEqual({ line: 4, character: text.split('\n')[4]!.indexOf('区教育局') })
    expect(d.relatedInformation!.map((r) => [r.location.uri, r.location.range.start.line, r.message])).toEqual([
      [uri, 2, '「区教体局」（全文共 2 处）'],
      [uri, 3, '「区教体局」（全文共 2 处）'],
    ])
  })

  it('applies a quick fix and publishes the findings of the fixed text', async () => {
    const c = await shared()
    const uri = uriOf(astralPath)
    c.open(uri, read(astralPath))
    const diagnostics = await c.diagnosticsFor(uri)
    const fixable = diagnostics.find((d) => (d.data as { fix?: unknown }).fix)!
    const actions = await codeActions(c, uri, [fixable], ['quickfix'])
    const fix = actions.find((a) => a.isPreferred)!
    expect(fix.title).toMatch(/^planlint：修复/)
    c.applyWorkspaceEdit(fix.edit!)
    const after = await c.diagnosticsFor(uri, 2)
    const doc = c.docs.get(uri)!
    expect(after.map((d) => asCliFinding(doc, d))).toEqual(cliFindings(astralPath, doc.getText()))
    expect(after).toHaveLength(diagnostics.length - 1)
  })

  it('fixes everything with source.fixAll.planlint, as `planlint --fix` would', async () => {
    const c = await shared()
    const uri = uriOf(draftPath)
    c.open(uri, read(draftPath))
    const before = await c.diagnosticsFor(uri)
    const fixable = before.filter((d) => (d.data as { fix?: unknown }).fix)
    expect(fixable.length).toBeGreaterThanOrEqual(2)
    const actions = await codeActions(c, uri, [], ['source.fixAll'])
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.planlint'])
    c.applyWorkspaceEdit(actions[0]!.edit!)
    const after = await c.diagnosticsFor(uri, 2)
    expect(after.filter((d) => (d.data as { fix?: unknown }).fix)).toEqual([])
    expect(after).toHaveLength(before.length - fixable.length)
    // The same text the library's fixer produces.
    const { lintText } = await import('../src/index.js')
    expect(c.docs.get(uri)!.getText()).toBe(lintText(read(draftPath), { filePath: draftPath, fix: true }).output)
  })

  it('disables a rule for a line or a paragraph by inserting the directive, whose reason the drafter writes', async () => {
    const c = await shared()
    const uri = uriOf(draftPath)
    c.open(uri, read(draftPath))
    const before = await c.diagnosticsFor(uri)
    const lead = before.find((d) => d.code === 'lead-unit')!
    const actions = await codeActions(c, uri, [lead], ['quickfix'])
    const line = actions.find((a) => a.title === 'planlint：本行停用规则 lead-unit（在 -- 后写明理由）')!
    expect(actions.find((a) => a.title === 'planlint：本段停用规则 lead-unit（在 -- 后写明理由）')).toBeDefined()
    c.applyWorkspaceEdit(line.edit!)
    const doc = c.docs.get(uri)!
    const directiveLine = lead.range.start.line
    expect(doc.getText().split('\n')[directiveLine]).toBe('<!-- planlint-disable-next-line lead-unit -- -->')
    const after = await c.diagnosticsFor(uri, 2)
    expect(after.map((d) => d.code)).not.toContain('lead-unit')
    // The one new finding asks for the reason, on the directive itself.
    const missing = after.filter((d) => d.range.start.line === directiveLine)
    expect(missing).toHaveLength(1)
    expect(missing[0]!.message).toContain('没有写理由')
    expect(after).toHaveLength(before.length)
    const at = { line: directiveLine, character: '<!-- planlint-disable-next-line lead-unit -- '.length }
    c.edit(uri, [{ range: { start: at, end: at }, newText: '本县由各乡镇分别落实 ' }])
    const reasoned = await c.diagnosticsFor(uri, 3)
    expect(reasoned).toHaveLength(before.length - 1)

    const heading = reasoned.find((d) => d.code === 'heading-numbering')!
    const paragraph = (await codeActions(c, uri, [heading], ['quickfix'])).find((a) => a.title.startsWith('planlint：本段停用规则 heading-numbering'))!
    c.applyWorkspaceEdit(paragraph.edit!)
    const lines = c.docs.get(uri)!.getText().split('\n')
    expect(lines[heading.range.start.line]).toBe('<!-- planlint-disable heading-numbering -- -->')
    expect(lines[heading.range.start.line + 2]).toBe('<!-- planlint-enable heading-numbering -->')
    const last = await c.diagnosticsFor(uri, 4)
    expect(last.map((d) => d.code)).not.toContain('heading-numbering')
    expect(last.map((d) => asCliFinding(c.docs.get(uri)!, d))).toEqual(cliFindings(draftPath, c.docs.get(uri)!.getText()))
  })

  it('hovers a finding with the rule, why and the upper plan, and a task heading with its lead', async () => {
    const c = await shared()
    const uri = uriOf(draftPath)
    c.open(uri, read(draftPath))
    const diagnostics = await c.diagnosticsFor(uri)
    const lead = diagnostics.find((d) => d.code === 'lead-unit')!
    const onFinding = markdown(await c.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: lead.range.start }))
    expect(onFinding).toContain('planlint · lead-unit')
    expect(onFinding).toContain('为什么：')
    const doc = c.docs.get(uri)!
    const taskLine = doc.getText().split('\n').findIndex((l) => l.startsWith('1.弘扬科学精神'))
    const onTask = markdown(await c.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: taskLine, character: 3 } }))
    expect(onTask).toContain('牵头单位：县教育体育局')
    expect(onTask).toContain('配合单位：县科协、团县委')
    expect(onTask).toContain('牵头单位来自：任务后括注')
    const nothing = await c.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } })
    expect(nothing).toBeNull()
  })

  it('lists sections, actions and tasks as document symbols', async () => {
    const c = await shared()
    const uri = uriOf(draftPath)
    c.open(uri, read(draftPath))
    const symbols = await c.conn.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } })
    expect(symbols.map((s) => s.name)).toContain('二、提升行动')
    const actions = symbols.find((s) => s.name === '二、提升行动')!
    expect(actions.children!.map((s) => s.name)[0]).toBe('（一）实施青少年科学素质提升行动')
    const task = actions.children![0]!.children![0]!
    expect(task).toMatchObject({ name: '1.弘扬科学精神', detail: '牵头：县教育体育局' })
    expect(task.range.start.line).toBeLessThanOrEqual(task.selectionRange.start.line)
  })

  it('explains the plan through planlint.explain', async () => {
    const c = await shared()
    const uri = uriOf(draftPath)
    c.open(uri, read(draftPath))
    const r = await c.conn.sendRequest<{ text: string }>('workspace/executeCommand', { command: 'planlint.explain', arguments: [{ uri }] })
    expect(r.text).toContain('预设：national')
    expect(r.text).toContain('提升乡村科普服务')
  })

  it('re-lints when the config file changes and when the settings change', async () => {
    const ws = workspace('rules:\n  draft-residue: error\n')
    const c = client({ rootPath: ws.dir })
    await c.initialize()
    const uri = uriOf(ws.plan)
    c.open(uri, read(ws.plan))
    const before = await c.diagnosticsFor(uri)
    expect(before.map((d) => d.code)).toContain('lead-unit')
    const count = c.published.length
    writeFileSync(ws.config, 'rules:\n  draft-residue: error\n  lead-unit: "off"\n')
    void c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(ws.config), type: 2 }] })
    await c.until(() => c.published.length > count, 're-lint after the config changed')
    const after = c.published.at(-1)!.diagnostics
    expect(after.map((d) => d.code)).not.toContain('lead-unit')
    expect(after).toHaveLength(before.length - 1)

    c.settings = { debounceMs: 0, preset: 'guangdong' }
    void c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { planlint: c.settings } })
    await c.until(() => c.statuses.at(-1)?.preset?.id === 'guangdong', 'the preset from the settings')
  })

  it('turns a broken config into one diagnostic at the top and a window message, then recovers', async () => {
    const ws = workspace('rules:\n  lead-unit: sometimes\n')
    const c = client({ rootPath: ws.dir })
    await c.initialize()
    const uri = uriOf(ws.plan)
    c.open(uri, read(ws.plan))
    const broken = await c.diagnosticsFor(uri)
    expect(broken).toHaveLength(1)
    expect(broken[0]).toMatchObject({ code: 'config', severity: 1, range: { start: { line: 0, character: 0 } } })
    expect(broken[0]!.message).toContain('planlint.config.yaml')
    await c.until(() => c.messages.find((m) => m.message.includes('lead-unit')), 'the window message')
    const count = c.published.length
    writeFileSync(ws.config, 'rules:\n  lead-unit: warn\n')
    void c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(ws.config), type: 2 }] })
    await c.until(() => c.published.length > count, 're-lint after the fix')
    expect(c.published.at(-1)!.diagnostics.find((d) => d.code === 'lead-unit')!.severity).toBe(2)
  })

  it('adds a finding to planlint-suppressions.json and then shows what the CLI run there shows', async () => {
    const ws = workspace('rules:\n  draft-residue: error\n')
    const c = client({ rootPath: ws.dir })
    await c.initialize()
    const uri = uriOf(ws.plan)
    c.open(uri, read(ws.plan))
    const before = await c.diagnosticsFor(uri)
    const outdated = before.find((d) => d.code === 'outdated-unit-names')!
    const action = (await codeActions(c, uri, [outdated], ['quickfix'])).find((a) => a.command?.command === 'planlint.addToSuppressions')!
    expect(action.title).toBe('planlint：加入批量忽略文件 planlint-suppressions.json（outdated-unit-names）')
    const count = c.published.length
    const r = await c.conn.sendRequest<{ added: boolean }>('workspace/executeCommand', action.command!)
    expect(r.added).toBe(true)
    const file = JSON.parse(readFileSync(path.join(ws.dir, 'planlint-suppressions.json'), 'utf8')) as { files: Record<string, Record<string, unknown[]>> }
    expect(Object.keys(file.files['plan.txt']!)).toEqual(['outdated-unit-names'])
    await c.until(() => c.published.length > count, 're-lint after the suppression')
    const after = c.published.at(-1)!.diagnostics
    expect(after.map((d) => d.code)).not.toContain('outdated-unit-names')
    expect(after).toHaveLength(before.length - 1)
    expect(after.map((d) => asCliFinding(c.docs.get(uri)!, d))).toEqual(cliFindings(ws.plan, read(ws.plan), ws.dir))
  })

  it('survives a malformed request and a rule that throws', async () => {
    const ws = workspace('plugins:\n  - ./planlint-plugin-crash.js\nrules:\n  crash/boom: error\n')
    const c = client({ rootPath: ws.dir })
    await c.initialize()
    // Bad params and an unknown method: error responses, not a dead server.
    await expect(c.conn.sendRequest('textDocument/hover', { textDocument: 42 })).resolves.toBeNull()
    await expect(c.conn.sendRequest('planlint/nonsense', {})).rejects.toThrow()
    await expect(c.conn.sendRequest('workspace/executeCommand', { command: 'planlint.fixAll', arguments: ['file:///nowhere.txt'] })).rejects.toThrow(/没有打开的文档/)
    // Garbage on the wire.
    c.child.stdin.write('Content-Length: 9\r\n\r\n{"jsonrpc')
    const uri = uriOf(ws.plan)
    c.open(uri, read(ws.plan))
    const diagnostics = await c.diagnosticsFor(uri)
    const fatal = diagnostics.find((d) => d.code === 'crash/boom')!
    expect(fatal.message).toBe('规则 crash/boom 运行出错：规则内部故障')
    expect(diagnostics.map((d) => d.code)).toContain('lead-unit') // the other rules still ran
    const hover = await c.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: diagnostics[0]!.range.start })
    expect(hover).not.toBeNull()
    expect(await c.shutdown()).toBe(0)
  })

  it('answers pull requests (textDocument/diagnostic) with the same findings and pushes nothing', async () => {
    const c = client({ pull: true })
    const init = await c.initialize()
    expect(init.capabilities.diagnosticProvider).toMatchObject({ interFileDependencies: false })
    const uri = uriOf(astralPath)
    const doc = c.open(uri, read(astralPath))
    const report = await c.conn.sendRequest<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } })
    expect(report.kind).toBe('full')
    expect(report.items.map((d) => asCliFinding(doc, d))).toEqual(cliFindings(astralPath, read(astralPath)))
    // A change is seen by the next pull; nothing was pushed.
    const edited = c.edit(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '— 9 —\n' }])
    const next = await c.conn.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } })
    expect(next.items.map((d) => asCliFinding(edited, d))).toEqual(cliFindings(astralPath, edited.getText()))
    expect(c.published).toEqual([])
  })

  it('debounces typing: only the last of quick edits is linted and published', async () => {
    const c = client({ settings: { debounceMs: 300 } })
    await c.initialize()
    const uri = uriOf(draftPath)
    c.open(uri, read(draftPath))
    await c.diagnosticsFor(uri, 1)
    for (let i = 0; i < 5; i++) c.edit(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '的' }])
    const last = await c.diagnosticsFor(uri, 6)
    expect(c.published.map((p) => p.version)).toEqual([1, 6])
    expect(last.map((d) => asCliFinding(c.docs.get(uri)!, d))).toEqual(cliFindings(draftPath, c.docs.get(uri)!.getText()))
  })

  it('lints on save only with run: onSave', async () => {
    const c = client({ settings: { debounceMs: 0, run: 'onSave' } })
    await c.initialize()
    const uri = uriOf(draftPath)
    c.open(uri, read(draftPath))
    await c.diagnosticsFor(uri, 1)
    c.edit(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '— 8 —\n' }])
    void c.conn.sendNotification('textDocument/didSave', { textDocument: { uri } })
    const saved = await c.diagnosticsFor(uri, 2)
    expect(c.published.map((p) => p.version)).toEqual([1, 2])
    expect(saved.filter((d) => d.code === 'draft-residue')).toHaveLength(3)
  })
})
