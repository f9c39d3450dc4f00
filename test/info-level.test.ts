/**
 * The info level end to end: a note (severity 1 with `level: 'info'`) is never an error, is
 * not a warning, never fails a run and is not counted by --max-warnings; every reporter,
 * the language server's diagnostics, the review page's counts and the cache say what it is.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DiagnosticSeverity } from 'vscode-languageserver'
import { TextDocument } from 'vscode-languageserver-textdocument'
import { makeResult } from '../src/engine/lint-core.js'
import { toVFile } from '../src/engine/vfile.js'
import type { LintMessage, LintResult } from '../src/engine/types.js'
import { github } from '../src/reporters/github.js'
import { toCodeQuality } from '../src/reporters/gitlab.js'
import { html } from '../src/reporters/html.js'
import { json } from '../src/reporters/json.js'
import { junit } from '../src/reporters/junit.js'
import { rdjson } from '../src/reporters/rdjson.js'
import { toSarif } from '../src/reporters/sarif.js'
import { stylish } from '../src/reporters/stylish.js'
import type { FormatterContext } from '../src/reporters/types.js'
import { toDiagnostic } from '../src/lsp/diagnostics.js'
import { cacheEntriesOf } from '../src/cli/cache.js'
import { checkUpload } from '../src/serve/check.js'
import { lintText } from '../src/index.js'
import { root, runCli } from './helpers/cli.js'

const SOURCE = '甲乙丙丁\n戊己庚辛\n'
const msg = (over: Partial<LintMessage>): LintMessage => ({
  ruleId: 'lead-unit',
  severity: 2,
  message: '任务缺少牵头单位',
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 3,
  range: [0, 2],
  ...over,
})
const error = msg({})
const warning = msg({ ruleId: 'key-projects', severity: 1, message: '缺少重点工程', line: 2, endLine: 2, range: [5, 7] })
const note = msg({ ruleId: 'plan-completeness', severity: 1, level: 'info', message: '这份文本只有印发通知', line: 2, column: 3, endLine: 2, endColumn: 5, range: [7, 9] })
const all = makeResult('/w/a.txt', [error, warning, note], { source: SOURCE })
const onlyNote = makeResult('/w/b.txt', [note], { source: SOURCE })
const ctx = { cwd: '/w', color: false, rulesMeta: {} } as unknown as FormatterContext

describe('counts', () => {
  it('a note is counted in infoCount, never as a warning or an error', () => {
    expect([all.errorCount, all.warningCount, all.infoCount]).toEqual([1, 1, 1])
    expect([onlyNote.errorCount, onlyNote.warningCount, onlyNote.infoCount]).toEqual([0, 0, 1])
    // a fix on a note is applied by --fix but counted as neither fixable errors nor warnings
    const fixed = makeResult('x', [{ ...note, fix: { range: [7, 9], text: '' } }])
    expect([fixed.fixableErrorCount, fixed.fixableWarningCount]).toEqual([0, 0])
  })

  it('vfile messages keep the three levels: fatal true, false, and unset for info', () => {
    expect(toVFile(all).messages.map((m) => m.fatal)).toEqual([true, false, undefined])
  })
})

describe('reporters', () => {
  it('stylish: 提示 on the row, counted apart in the summary line', () => {
    const out = stylish([all], ctx)
    expect(out).toMatch(/2:3\s+提示\s+这份文本只有印发通知\s+plan-completeness/)
    expect(out).toContain('✖ 共 2 个问题（1 个错误，1 个警告），另有 1 条提示')
    expect(stylish([onlyNote], ctx)).toContain('✔ 未发现问题，另有 1 条提示（已检查 1 个文件）')
    expect(stylish([makeResult('/w/c.txt', [])], ctx)).toContain('✔ 未发现问题（已检查 1 个文件）')
  })

  it('json: severity 1 with level info, infoCount beside ESLint’s counts', () => {
    const [r] = JSON.parse(json([all], ctx)) as { messages: { severity: number; level?: string }[]; warningCount: number; infoCount: number }[]
    expect(r!.messages.map((m) => [m.severity, m.level])).toEqual([[2, undefined], [1, undefined], [1, 'info']])
    expect([r!.warningCount, r!.infoCount]).toEqual([1, 1])
  })

  it('sarif: level note', () => {
    const levels = toSarif([all], ctx).runs[0]!.results!.map((r) => r.level)
    expect(levels).toEqual(['error', 'warning', 'note'])
  })

  it('github: ::notice', () => {
    expect(github([all], ctx).split('\n').filter(Boolean).map((l) => l.split(' ')[0])).toEqual(['::error', '::warning', '::notice'])
  })

  it('gitlab: severity info', () => {
    expect(toCodeQuality([all], ctx).map((i) => i.severity)).toEqual(['major', 'minor', 'info'])
  })

  it('junit: a note passes, written as 提示', () => {
    const xml = junit([onlyNote], ctx)
    expect(xml).toContain('failures="0"')
    expect(xml).toContain('<system-out>提示：这份文本只有印发通知')
    expect(junit([all], ctx)).toMatch(/<testsuites name="planlint" tests="3" failures="1"/)
  })

  it('rdjson: INFO', () => {
    const d = JSON.parse(rdjson([all], ctx)) as { diagnostics: { severity: string }[] }
    expect(d.diagnostics.map((x) => x.severity)).toEqual(['ERROR', 'WARNING', 'INFO'])
  })

  it('html: a 提示 badge and card, a 提示 column only when there are notes', () => {
    const page = html([all], ctx)
    expect(page).toContain('<article class="finding info">')
    expect(page).toContain('<span class="badge info">提示</span>')
    expect(page).toContain('<div class="card info"><b>1</b>条提示</div>')
    expect(page).toContain('<th>提示</th>')
    expect(page).toContain('1 个错误，1 个警告，1 条提示')
    expect(html([onlyNote], ctx)).toContain('未发现问题；有 1 条提示供参考。')
    const plain = html([makeResult('/w/d.txt', [warning], { source: SOURCE })], ctx)
    expect(plain).not.toContain('<th>提示</th>')
    expect(plain).not.toContain('条提示')
  })
})

describe('language server', () => {
  it('a note is DiagnosticSeverity.Information', () => {
    const doc = TextDocument.create('file:///a.txt', 'plaintext', 1, SOURCE)
    const lint = { text: { toDocument: (n: number) => n }, ruleUrls: new Map<string, string>(), messages: [], failure: undefined } as unknown as Parameters<typeof toDiagnostic>[1]
    expect([error, warning, note].map((m) => toDiagnostic(doc, lint, m).severity)).toEqual([
      DiagnosticSeverity.Error,
      DiagnosticSeverity.Warning,
      DiagnosticSeverity.Information,
    ])
  })
})

describe('cache', () => {
  const entry = (result: LintResult) => ({ format: 3, entries: { a: { key: 'k', result } } })
  it('keeps results with notes, and refuses a level it does not know or results without infoCount', () => {
    expect(cacheEntriesOf(entry(all))).toBeDefined()
    expect(cacheEntriesOf(entry({ ...all, messages: [{ ...note, level: 'hint' as 'info' }] }))).toBeUndefined()
    expect(cacheEntriesOf(entry({ ...all, messages: [{ ...note, severity: 2 }] }))).toBeUndefined()
    const { infoCount: _dropped, ...older } = all
    expect(cacheEntriesOf(entry(older as LintResult))).toBeUndefined()
  })
})

describe('rules at the info level', () => {
  const notice = fs.readFileSync(path.join(root, 'test/fixtures/elsewhere/08-fragment-notice-only.txt'), 'utf8')

  it('a rule set to info reports notes; a note rule set to error reports errors', () => {
    const asInfo = lintText('一、总体要求\n正文。\n二、提升行动\n（一）青少年科学素质提升行动\n1.开展活动。', { config: {}, preset: 'national', rules: { 'population-actions': 'info' } })
    const pa = asInfo.messages.filter((m) => m.ruleId === 'population-actions')
    expect(pa.length).toBeGreaterThan(0)
    expect(pa.every((m) => m.severity === 1 && m.level === 'info')).toBe(true)
    expect(asInfo.warningCount + asInfo.errorCount).toBe(asInfo.messages.length - asInfo.infoCount)
    const asError = lintText(notice, { config: {}, preset: 'national', rules: { 'plan-completeness': 'error' } })
    expect(asError.messages.map((m) => [m.ruleId, m.severity, m.level])).toEqual([['plan-completeness', 2, undefined]])
  })

  it('the review page counts notes apart', async () => {
    const r = await checkUpload({ document: { name: '通知.txt', bytes: new TextEncoder().encode(notice) } }, { cwd: root, config: {} })
    expect(r.counts).toMatchObject({ errors: 0, warnings: 0, infos: 1 })
    expect(r.messages.map((m) => [m.ruleId, m.severity, m.level])).toEqual([['plan-completeness', 1, 'info']])
  })
})

describe('CLI end to end (node bin/planlint.js)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-info-'))
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
  const notice = path.join(root, 'test/fixtures/elsewhere/08-fragment-notice-only.txt')

  it('only notes: exit 0, also with --max-warnings 0; the summary counts them apart', () => {
    const r = runCli([notice])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/1:1\s+提示\s+这份文本只有印发通知，没有方案正文/)
    expect(r.stdout).toContain('✔ 未发现问题，另有 1 条提示')
    expect(r.stdout).not.toContain('提示：这份文本')
    const strict = runCli([notice, '--max-warnings', '0'])
    expect(strict.status, strict.stderr).toBe(0)
    expect(strict.stdout).not.toContain('--max-warnings')
  })

  it('--rule makes a note a warning (counted by --max-warnings) or an error; --quiet hides notes', () => {
    const warn = runCli([notice, '--max-warnings', '0', '--rule', 'plan-completeness:warn'])
    expect(warn.status).toBe(1)
    expect(warn.stdout).toContain('✖ 警告数 1 超过了 --max-warnings 允许的 0 个')
    expect(runCli([notice, '--rule', 'plan-completeness:error']).status).toBe(1)
    const quiet = runCli([notice, '--quiet'])
    expect(quiet.status).toBe(0)
    expect(quiet.stdout).not.toContain('提示')
  })

  it('json, sarif and github name the level; --print-config shows it', () => {
    const j = JSON.parse(runCli([notice, '--format', 'json']).stdout) as { messages: { level?: string }[]; infoCount: number; warningCount: number }[]
    expect(j[0]!.messages.map((m) => m.level)).toEqual(['info'])
    expect([j[0]!.warningCount, j[0]!.infoCount]).toEqual([0, 1])
    const sarif = JSON.parse(runCli([notice, '--format', 'sarif']).stdout) as { runs: { results: { level: string }[]; tool: { driver: { rules: { id: string; defaultConfiguration: { level: string } }[] } } }[] }
    expect(sarif.runs[0]!.results.map((x) => x.level)).toEqual(['note'])
    expect(sarif.runs[0]!.tool.driver.rules.find((x) => x.id === 'plan-completeness')!.defaultConfiguration.level).toBe('note')
    expect(runCli([notice, '--format', 'github']).stdout).toMatch(/^::notice file=/)
    const printed = JSON.parse(runCli(['--print-config', notice]).stdout) as { rules: Record<string, unknown[]> }
    expect(printed.rules['plan-completeness']).toEqual(['info'])
    const set = JSON.parse(runCli(['--print-config', notice, '--rule', 'lead-unit:info']).stdout) as { rules: Record<string, unknown[]> }
    expect(set.rules['lead-unit']![0]).toBe('info')
  })

  it('a config may set a rule to info; a wrong level names info among the choices', () => {
    fs.writeFileSync(path.join(dir, 'planlint.config.yaml'), 'rules:\n  population-actions: info\n')
    fs.writeFileSync(path.join(dir, 'plan.txt'), '某县全民科学素质行动实施方案（2021—2025年）\n一、工作目标\n到2025年，全县公民具备科学素质的比例超过15%。\n二、提升行动\n（一）青少年科学素质提升行动\n1.开展活动。（牵头单位：县教育局）\n')
    const r = runCli(['plan.txt', '--format', 'json'], { cwd: dir })
    const pa = (JSON.parse(r.stdout) as { messages: { ruleId: string; level?: string }[] }[])[0]!.messages.filter((m) => m.ruleId === 'population-actions')
    expect(pa.length).toBeGreaterThan(0)
    expect(pa.every((m) => m.level === 'info')).toBe(true)
    fs.writeFileSync(path.join(dir, 'planlint.config.yaml'), 'rules:\n  population-actions: notice\n')
    const bad = runCli(['plan.txt'], { cwd: dir })
    expect(bad.status).toBe(2)
    expect(bad.stderr.trim().split('\n')).toHaveLength(1)
    expect(bad.stderr).toContain('是不是“info”')
    const badRule = runCli(['plan.txt', '--rule', 'lead-unit:notice'], { cwd: dir })
    expect(badRule.status).toBe(2)
    expect(badRule.stderr).toContain('off、info、warn 或 error')
  })
})
