/**
 * Interop both ways (issue 13 item 4), with real plugins from npm:
 * (a) planlint's rules as a unified plugin in someone else's pipeline — remark → remark-retext
 *     → planlint, and retext → planlint — putting its messages on the vfile;
 * (b) a third-party unified plugin named in config (`unifiedPlugins`) runs in planlint's
 *     pipeline, its vfile messages reported like planlint's (severity, directives, formats).
 */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { remark } from 'remark'
import remarkRetext from 'remark-retext'
import { retext } from 'retext'
import retextStringify from 'retext-stringify'
import { unified } from 'unified'
import { VFile } from 'vfile'
import { beforeEach, describe, expect, it } from 'vitest'
import { clearPluginCache, loadPlugins } from '../src/config/plugins.js'
import { planlint } from '../src/lint/unified-plugin.js'
import { lintText } from '../src/lint/lint.js'
import { planlintParse } from '../src/parse/index.js'
import type { PlanlintConfig } from '../src/types.js'

const fixtures = fileURLToPath(new URL('./fixtures/unified/', import.meta.url))

const MD = [
  '# 临江市云溪县全民科学素质行动规划纲要实施方案（2021—2025年）',
  '',
  '## 一、总体要求',
  '',
  '到2025年,全县公民具备科学素质的比例超过15%。',
  '',
  '**（牵头单位：县文广新局）**',
  '',
].join('\n')

const brief = (ms: { ruleId?: string | null | undefined; line?: number | undefined; column?: number | undefined }[]) => ms.map((m) => `${m.ruleId}@${m.line}:${m.column}`).sort()

beforeEach(() => clearPluginCache())

describe('(a) planlint as a unified plugin in another pipeline', () => {
  const options = { config: { asOf: '2026-11-23' } as PlanlintConfig, preset: 'national' }
  const expected = () => lintText(MD, { ...options, filePath: '<text>' }).messages

  it('remark → remark-retext → planlint: the messages are on the vfile, where lintText puts them', async () => {
    // remark-retext's types want a processor with a parser; the bridge only runs its transformers
    const bridge = unified().use(planlint, options) as unknown as Parameters<typeof remarkRetext>[0]
    const file = await remark().use(remarkRetext, bridge).process(new VFile({ value: MD }))
    const ours = file.messages.filter((m) => m.source === 'planlint')
    expect(ours.length).toBeGreaterThan(0)
    expect(brief(ours)).toEqual(brief(expected()))
    // the half-width comma in Chinese text and the old unit name, at the places the user sees
    expect(brief(ours)).toEqual(['outdated-unit-names@7:9', 'population-actions@3:4', 'punctuation-width@5:7'])
    const old = ours.find((m) => m.ruleId === 'outdated-unit-names')!
    // vfile's convention: an error is fatal: true, a warning fatal: false
    const severities = new Map(expected().map((e) => [e.ruleId, e.severity]))
    for (const m of ours) expect(m.fatal).toBe(severities.get(m.ruleId ?? null) === 2)
    expect(ours.some((m) => m.fatal === true)).toBe(true)
    expect(old.expected).toEqual(['县文化和旅游局'])
    expect(old.url).toMatch(/outdated-unit-names\.md$/)
    // remark still compiles the document: planlint only reads it
    expect(String(file)).toContain('## 一、总体要求')
  })

  it('retext (its Latin parser) → planlint, and planlint’s own parser → planlint, give the same messages', async () => {
    const viaRetext = await retext().use(planlint, options).process(MD)
    const viaOwn = await unified().use(planlintParse).use(retextStringify).use(planlint, options).process(MD)
    expect(brief(viaRetext.messages)).toEqual(brief(expected()))
    expect(brief(viaOwn.messages)).toEqual(brief(expected()))
    expect(String(viaOwn)).toBe(MD)
  })

  it('loads the plugins the found config names before linting (the transformer is then asynchronous)', async () => {
    const text = '各单位每季度报送 PDF PDF 格式的工作进展。'
    const file = await unified().use(planlintParse).use(retextStringify).use(planlint).process(new VFile({ value: text, path: join(fixtures, 'x.txt') }))
    expect(file.messages.map((m) => m.ruleId)).toContain('retext-repeated-words')
  })
})

describe('(b) a third-party unified plugin in planlint’s pipeline', () => {
  const config = (extra: Partial<PlanlintConfig> = {}): PlanlintConfig => ({ filePath: join(fixtures, 'planlint.config.yaml'), unifiedPlugins: ['retext-repeated-words'], ...extra })
  const TEXT = '各单位每季度报送 PDF PDF 格式的工作进展。'

  it('retext-repeated-words from npm: its message reported as a rule named after it, at warn, with its place', async () => {
    const c = config()
    await loadPlugins(c)
    const r = lintText(TEXT, { config: c, preset: 'national' })
    const m = r.messages.find((x) => x.ruleId === 'retext-repeated-words')!
    expect(m).toMatchObject({ severity: 1, line: 1, column: 10, endColumn: 17, actual: 'PDF PDF', expected: 'PDF' })
    expect(m.message).toContain('Unexpected repeated `PDF`')
    expect(m.url).toBe('https://www.npmjs.com/package/retext-repeated-words')
  })

  it('is configured, disabled and suppressed like any rule', async () => {
    const asError = config({ rules: { 'retext-repeated-words': 'error' } })
    await loadPlugins(asError)
    expect(lintText(TEXT, { config: asError, preset: 'national' }).messages.find((x) => x.ruleId === 'retext-repeated-words')?.severity).toBe(2)
    const off = config({ rules: { 'retext-repeated-words': 'off' } })
    expect(lintText(TEXT, { config: off, preset: 'national' }).messages.filter((x) => x.ruleId === 'retext-repeated-words')).toEqual([])
    const directive = `<!-- planlint-disable-next-line retext-repeated-words -- 格式名 -->\n${TEXT}`
    const r = lintText(directive, { config: config(), preset: 'national' })
    expect(r.messages.filter((x) => x.ruleId === 'retext-repeated-words')).toEqual([])
    expect(r.suppressedMessages?.map((x) => x.ruleId)).toContain('retext-repeated-words')
  })

  it('runs on planlint’s tree (CJK sentences, exact offsets), with the options the config gives', async () => {
    const c = config({ unifiedPlugins: [['./counting-plugin.js', { word: '科普' }]] })
    await loadPlugins(c)
    const r = lintText('甲乙。开展科普活动。丙丁。', { config: c, preset: 'national' })
    const m = r.messages.filter((x) => x.ruleId === 'counting-plugin')
    expect(m.map((x) => [x.message, x.range])).toEqual([['句中有「科普」', [3, 10]]])
  })

  it('keeps vfile’s info level: file.info() is a note; file.message() and a fatal message are warnings at warn (a rule never rises above its setting)', async () => {
    const c = config({ unifiedPlugins: ['./info-plugin.js'] })
    await loadPlugins(c)
    const levels = (cfg: PlanlintConfig) =>
      lintText('开展科普活动。', { config: cfg, preset: 'national' })
        .messages.filter((x) => x.ruleId === 'info-plugin')
        .map((x) => [x.message, x.severity, x.level])
    expect(levels(c)).toEqual([
      ['仅供参考', 1, 'info'],
      ['请核对', 1, undefined],
      ['必须修改', 1, undefined],
    ])
    expect(levels({ ...c, rules: { 'info-plugin': 'error' } })).toEqual([
      ['仅供参考', 1, 'info'],
      ['请核对', 2, undefined],
      ['必须修改', 2, undefined],
    ])
  })

  it('a plugin that throws becomes one fatal message naming it; the other rules go on', async () => {
    const c = config({ unifiedPlugins: ['./throwing-plugin.js'] })
    await loadPlugins(c)
    const r = lintText('到2025年,全县公民具备科学素质的比例超过15%。', { config: c, preset: 'national' })
    const fatal = r.messages.filter((x) => x.fatal)
    expect(fatal.map((x) => x.message)).toEqual(['规则 throwing-plugin 运行出错：插件内部错误'])
    expect(r.messages.some((x) => x.ruleId === 'punctuation-width')).toBe(true)
  })

  it('is not loaded unless named; lintText refuses a named plugin that was not loaded', () => {
    expect(lintText(TEXT, { config: { filePath: join(fixtures, 'planlint.config.yaml') }, preset: 'national' }).messages.some((x) => x.ruleId === 'retext-repeated-words')).toBe(false)
    expect(() => lintText(TEXT, { config: config(), preset: 'national' })).toThrow(/unified 插件「retext-repeated-words」尚未加载/)
  })
})
