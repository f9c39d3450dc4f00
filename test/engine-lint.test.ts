import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { PlanlintError } from '../src/errors.js'
import { isIgnored, lintFiles, lintText } from '../src/lint/lint.js'
import { minimalPreset } from '../src/testing/empty-plan.js'
import { toVFileMessages } from '../src/engine/vfile.js'
import * as api from '../src/index.js'
import type { SourceText } from '../src/types.js'

const preset = minimalPreset()
const DRAFT = '一、总体要求\n[bookmark: _GoBack]积极宣传。\n— 5 —\n正文'

describe('lintText', () => {
  it('runs the recommended rules at their default severity and counts the result', () => {
    const r = lintText(DRAFT, { config: {}, preset })
    expect(r.messages.map((m) => [m.ruleId, m.severity, m.line])).toEqual([
      ['draft-residue', 1, 2],
      ['draft-residue', 1, 3],
    ])
    expect(r).toMatchObject({
      filePath: '<text>',
      errorCount: 0,
      warningCount: 2,
      fatalErrorCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 2,
      preset: { id: 'minimal', reason: '调用参数指定' },
      source: DRAFT,
    })
    expect(r.output).toBeUndefined()
  })

  it('uses the bundled national preset by default', () => {
    const chosen = lintText('正文', { config: {} }).preset!
    expect(chosen.id).toBe('national')
    expect(chosen.reason).toBe('未从标题识别出行政区划，使用全国预设 national')
  })

  it('severity off / warn / error / [severity, options]; --rule beats config beats preset', () => {
    const sev = (rules: Record<string, any>, opts: Record<string, any> = {}) =>
      lintText(DRAFT, { config: { rules }, preset, ...opts }).messages.map((m) => m.severity)
    expect(sev({ 'draft-residue': 'off' })).toEqual([])
    expect(sev({ 'draft-residue': 0 })).toEqual([])
    expect(sev({ 'draft-residue': 'error' })).toEqual([2, 2])
    expect(sev({ 'draft-residue': ['error', { pageNumbers: false }] })).toEqual([2])
    expect(sev({ 'draft-residue': 'off' }, { rules: { 'draft-residue': 'warn' } })).toEqual([1, 1])
    // A severity-only override keeps the options set by an earlier layer.
    expect(sev({ 'draft-residue': ['warn', { pageNumbers: false }] }, { rules: { 'draft-residue': 'error' } })).toEqual([2])
    const offByPreset = minimalPreset({ rules: { 'draft-residue': 'off' } })
    expect(sev({}, { preset: offByPreset })).toEqual([])
    expect(sev({ 'draft-residue': 'warn' }, { preset: offByPreset })).toEqual([1, 1])
  })

  it('unknown rule ids are a PlanlintError naming the closest known id and where', () => {
    const call = () => lintText('x', { config: { rules: { 'draft-residu': 'error' }, filePath: '/p/planlint.config.yaml' }, preset })
    expect(call).toThrow(PlanlintError)
    expect(call).toThrow('/p/planlint.config.yaml: 未知规则「draft-residu」，是否想写「draft-residue」？')
    expect(() => lintText('x', { config: {}, preset, rules: { 'draft-resdue': 'warn' } })).toThrow(/^--rule: 未知规则「draft-resdue」/)
  })

  it('bad settings and invalid options are PlanlintErrors', () => {
    expect(() => lintText('x', { config: {}, preset, rules: { 'draft-residue': 'warning' as any } })).toThrow(PlanlintError)
    expect(() => lintText('x', { config: { rules: { 'draft-residue': ['warn', { pages: 1 }] } }, preset })).toThrow(
      /规则 draft-residue 的选项无效：（选项本身） 不认识的选项 pages/,
    )
  })

  it('applies inline directives and warns about unknown ids in them', () => {
    const text = '<!-- planlint-disable-next-line draft-residue -- 页码行是印发稿的一部分 -->\n— 5 —\n<!-- planlint-disable no-such-rule -- 试用 -->\n— 6 —'
    const r = lintText(text, { config: {}, preset })
    expect(r.messages.map((m) => [m.ruleId, m.line, m.message])).toEqual([
      [null, 3, 'planlint-disable 注释中的规则「no-such-rule」不存在'],
      ['draft-residue', 4, '残留的页码行「— 6 —」（来自 PDF 或 Word 页脚），应删除'],
    ])
  })

  it('fix: returns output, only fixes enabled and not-disabled findings, reports what is left', () => {
    const text = '<!-- planlint-disable-line draft-residue -- 书签留作定位 -->[bookmark: a]甲\n[bookmark: b]乙\n（征求意见稿）'
    const r = lintText(text, { config: { status: 'final' }, preset, fix: true })
    expect(r.output).toBe('<!-- planlint-disable-line draft-residue -- 书签留作定位 -->[bookmark: a]甲\n乙\n（征求意见稿）')
    expect(r.source).toBe(r.output)
    expect(r.messages.map((m) => [m.messageId, m.line])).toEqual([['draftMark', 3]])
    expect(lintText(r.output!, { config: { status: 'final' }, preset, fix: true }).output).toBeUndefined()
  })

  it('uses the input adapter locate for the first pass (paragraph/page for Word and PDF)', () => {
    const text = '甲\n— 3 —'
    const source: SourceText = {
      text,
      filePath: 'a.docx',
      format: 'docx',
      locate: (o) => ({ line: o < 2 ? 1 : 2, column: 1, paragraph: o < 2 ? 1 : 2, page: 7 }),
    }
    const [m] = lintText(text, { config: {}, preset, source }).messages
    expect(m).toMatchObject({ line: 2, location: { paragraph: 2, page: 7 } })
    expect(lintText(text, { config: {}, preset, source }).filePath).toBe('a.docx')
  })

  it('messages convert to vfile messages', () => {
    const [v] = toVFileMessages(lintText(DRAFT, { config: { rules: { 'draft-residue': 'error' } }, preset }))
    expect(v).toMatchObject({ source: 'planlint', ruleId: 'draft-residue', line: 2, column: 1, fatal: true })
    expect(v!.url).toMatch(/draft-residue\.md$/)
  })
})

describe('config files, presets by path, ignores, lintFiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'planlint-lint-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  mkdirSync(join(dir, 'drafts', 'old'), { recursive: true })
  writeFileSync(join(dir, 'county.yaml'), 'id: test-county\ntitle: 测试县\nextends: national\nrules:\n  draft-residue: [error, { pageNumbers: false }]\n  population-actions: off\n  quantified-targets: off\n')
  writeFileSync(join(dir, 'planlint.config.yaml'), 'preset: ./county.yaml\nignores:\n  - "drafts/old/**"\n')
  writeFileSync(join(dir, 'drafts', 'a.txt'), DRAFT)
  writeFileSync(join(dir, 'drafts', 'old', 'b.txt'), DRAFT)

  it('a local preset path that extends national carries its rule settings', () => {
    const r = lintText(DRAFT, { filePath: join(dir, 'drafts', 'a.txt') })
    expect(r.preset!.id).toBe('test-county')
    expect(r.preset!.reason).toContain('planlint.config.yaml')
    expect(r.messages.map((m) => [m.messageId, m.severity])).toEqual([['bookmark', 2]])
    // The same preset given directly, relative to cwd.
    expect(lintText(DRAFT, { config: {}, preset: './county.yaml', cwd: dir }).preset!.id).toBe('test-county')
  })

  it('honours ignores relative to the config file', async () => {
    const config = { filePath: join(dir, 'planlint.config.yaml'), ignores: ['drafts/old/**'] }
    expect(isIgnored(join(dir, 'drafts', 'old', 'b.txt'), config)).toBe(true)
    expect(isIgnored(join(dir, 'drafts', 'a.txt'), config)).toBe(false)
    const results = await lintFiles([join(dir, 'drafts', 'a.txt'), join(dir, 'drafts', 'old', 'b.txt')])
    expect(results.map((r) => [r.filePath.slice(dir.length), r.errorCount, r.warningCount])).toEqual([
      ['/drafts/a.txt', 1, 0],
      ['/drafts/old/b.txt', 0, 1],
    ])
    expect(results[1]!.messages[0]!.message).toBe('该文件被配置中的 ignores 忽略，未检查')
    expect(await lintFiles([join(dir, 'drafts', 'old', 'b.txt')], { warnIgnored: false })).toEqual([])
  })

  it('an unreadable file is a PlanlintError', async () => {
    await expect(lintFiles([join(dir, 'nope.txt')])).rejects.toThrow(PlanlintError)
  })
})

describe('public API', () => {
  it('exports the documented functions', () => {
    for (const name of ['lintText', 'lintFiles', 'loadPreset', 'buildPlan', 'parseText', 'defineRule', 'RuleTester', 'getRules', 'loadPlugins']) {
      expect(typeof (api as Record<string, unknown>)[name], name).toBe('function')
    }
    expect([...api.getRules().keys()]).toContain('draft-residue')
  })
})
