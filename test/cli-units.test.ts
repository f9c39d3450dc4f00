/** Unit tests of the CLI's helpers: diff, --rule parsing, encodings kept by --fix, inputs. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import iconv from 'iconv-lite'
import { afterAll, describe, expect, it } from 'vitest'
import { useColor } from '../src/cli/color.js'
import { unifiedDiff } from '../src/cli/diff.js'
import { explainText, planToJSON } from '../src/cli/explain.js'
import { expandInputs } from '../src/cli/files.js'
import { decodeOriginal, encodeLike, writeFix } from '../src/cli/fix.js'
import { configTemplate } from '../src/cli/init.js'
import { checkRuleIds, collectRules, parseRuleOption } from '../src/cli/rule-option.js'
import { rulesTable } from '../src/cli/rules.js'
import { createFileExclusive, writeFileAtomic } from '../src/cli/write.js'
import { isPlanlintError } from '../src/errors.js'
import { buildPlan } from '../src/plan/index.js'
import type { Rule } from '../src/types.js'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-cli-units-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

function thrown(f: () => unknown): Error {
  try {
    f()
  } catch (e) {
    expect(isPlanlintError(e)).toBe(true)
    return e as Error
  }
  throw new Error('expected a PlanlintError')
}

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb\n', 'f')).toBe('')
  })

  it('prints hunks with three lines of context and correct ranges', () => {
    const before = Array.from({ length: 20 }, (_, i) => `第${i + 1}行`).join('\n') + '\n'
    const after = before.replace('第5行\n', '').replace('第15行', '第十五行')
    const d = unifiedDiff(before, after, 'a/x.txt', 'b/x.txt')
    expect(d).toBe(
      [
        '--- a/x.txt',
        '+++ b/x.txt',
        '@@ -2,7 +2,6 @@',
        ' 第2行',
        ' 第3行',
        ' 第4行',
        '-第5行',
        ' 第6行',
        ' 第7行',
        ' 第8行',
        '@@ -12,7 +11,7 @@',
        ' 第12行',
        ' 第13行',
        ' 第14行',
        '-第15行',
        '+第十五行',
        ' 第16行',
        ' 第17行',
        ' 第18行',
        '',
      ].join('\n'),
    )
  })

  it('merges nearby changes into one hunk', () => {
    const d = unifiedDiff('a\nb\nc\nd\ne\n', 'A\nb\nc\nd\nE\n', 'f')
    expect(d.match(/^@@/gm)).toHaveLength(1)
    expect(d).toContain('@@ -1,5 +1,5 @@')
  })
})

describe('--rule parsing', () => {
  it('reads id:severity and id:[severity, options]', () => {
    expect(parseRuleOption('lead-unit:off')).toEqual(['lead-unit', 'off'])
    expect(parseRuleOption('lead-unit:2')).toEqual(['lead-unit', 2])
    expect(parseRuleOption('lead-unit:["warn",{"allowVague":true}]')).toEqual(['lead-unit', ['warn', { allowVague: true }]])
    expect(collectRules(['a:warn', 'b:error', 'a:off'])).toEqual({ a: 'off', b: 'error' })
  })

  it('explains what is wrong in one Chinese line', () => {
    expect(thrown(() => parseRuleOption('lead-unit')).message).toContain('缺少级别')
    expect(thrown(() => parseRuleOption('lead-unit:loud')).message).toContain('off、info、warn 或 error')
    expect(thrown(() => parseRuleOption('lead-unit:[warn')).message).toContain('JSON')
    expect(thrown(() => parseRuleOption('lead-unit:["sometimes"]')).message).toContain('[级别, 选项]')
  })

  it('rejects unknown ids, suggesting close ones, and leaves plugin ids to the engine', () => {
    expect(thrown(() => checkRuleIds({ residue: 'off' }, ['draft-residue', 'lead-unit'])).message).toContain('draft-residue')
    expect(() => checkRuleIds({ 'my-plugin/x': 'off', 'lead-unit': 'warn' }, ['lead-unit'])).not.toThrow()
  })
})

describe('--fix keeps the file’s encoding and line ends', () => {
  const text = '一、总体要求\n到2025年达到15%。\n'
  const cases: [string, Buffer][] = [
    ['utf-8', Buffer.from(text, 'utf8')],
    ['utf-8 BOM + CRLF', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8')])],
    ['utf-16le BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['utf-16be BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')])],
    ['gb18030', iconv.encode(text.replace(/\n/g, '\r\n'), 'gb18030')],
  ]
  for (const [name, bytes] of cases) {
    it(name, () => {
      const decoded = decodeOriginal(bytes)
      expect(decoded.text).toBe(text)
      expect(encodeLike(decoded, text).equals(bytes)).toBe(true)
      const fixed = text.replace('15%', '16%')
      const again = decodeOriginal(encodeLike(decoded, fixed))
      expect(again).toEqual({ ...decoded, text: fixed })
    })
  }

  it('writes nothing when the file changed since it was linted', () => {
    const file = path.join(tmp, 'changed.txt')
    fs.writeFileSync(file, text)
    const snapshot = fs.readFileSync(file)
    fs.writeFileSync(file, text + '新增一行\n')
    expect(writeFix(file, 'x\n', snapshot, text)).toBe(false)
    expect(fs.readFileSync(file, 'utf8')).toBe(text + '新增一行\n')
    fs.writeFileSync(file, text)
    expect(writeFix(file, 'x\n', fs.readFileSync(file), text)).toBe(true)
    expect(fs.readFileSync(file, 'utf8')).toBe('x\n')
  })
})

describe('atomic writes', () => {
  it('writeFileAtomic replaces the file and leaves no temp file', () => {
    const file = path.join(tmp, 'report.txt')
    fs.writeFileSync(file, 'old')
    fs.chmodSync(file, 0o640)
    writeFileAtomic(file, 'new')
    expect(fs.readFileSync(file, 'utf8')).toBe('new')
    expect(fs.statSync(file).mode & 0o777).toBe(0o640)
    expect(fs.readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('writeFileAtomic names the file when the folder is missing', () => {
    const e = thrown(() => writeFileAtomic(path.join(tmp, 'no-dir', 'x.txt'), 'x'))
    expect(e.message).toContain('no-dir')
    expect(e.message).toContain('所在目录不存在')
  })

  it('createFileExclusive never overwrites', () => {
    const file = path.join(tmp, 'planlint.config.yaml')
    expect(createFileExclusive(file, 'one')).toBe('created')
    expect(createFileExclusive(file, 'two')).toBe('exists')
    expect(fs.readFileSync(file, 'utf8')).toBe('one')
    expect(fs.readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })
})

describe('expandInputs', () => {
  const dir = path.join(tmp, 'inputs')
  fs.mkdirSync(path.join(dir, 'a', 'node_modules'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'a', '一稿.txt'), 'x')
  fs.writeFileSync(path.join(dir, 'a', '二稿.MD'), 'x')
  fs.writeFileSync(path.join(dir, 'a', 'data.csv'), 'x')
  fs.writeFileSync(path.join(dir, 'a', 'node_modules', 'dep.txt'), 'x')
  const opts = { cwd: dir, extensions: ['.txt', 'md'] }

  it('recurses into directories for supported extensions, skipping node_modules', async () => {
    const { files, explicit, stdin } = await expandInputs(['a', '-'], opts)
    expect(files.map((f) => path.relative(dir, f))).toEqual([path.join('a', '一稿.txt'), path.join('a', '二稿.MD')])
    expect(explicit.size).toBe(0)
    expect(stdin).toBe(true)
  })

  it('keeps named files explicit and de-duplicates', async () => {
    const { files, explicit } = await expandInputs(['a/一稿.txt', 'a', 'a/*.txt'], opts)
    expect(files).toHaveLength(2)
    expect([...explicit]).toEqual([path.join(dir, 'a', '一稿.txt')])
  })

  it('drops ignored files found through folders', async () => {
    const { files } = await expandInputs(['a'], { ...opts, isIgnored: (f) => f.endsWith('.MD') })
    expect(files).toEqual([path.join(dir, 'a', '一稿.txt')])
  })

  it('throws naming the input that found nothing', async () => {
    await expect(expandInputs(['missing.txt'], opts)).rejects.toThrow('missing.txt: 找不到该文件或目录')
    await expect(expandInputs(['a/*.csv'], opts)).rejects.toThrow('a/*.csv: 没有与此模式匹配的可检查文件（支持 .txt、.md）')
    fs.mkdirSync(path.join(dir, 'empty'), { recursive: true })
    await expect(expandInputs(['empty'], opts)).rejects.toThrow('empty: 目录中没有可检查的文件')
  })
})

describe('colour', () => {
  it('honours --no-color, NO_COLOR, FORCE_COLOR, TERM=dumb and non-TTY', () => {
    expect(useColor({ isTTY: true }, undefined, {})).toBe(true)
    expect(useColor({ isTTY: false }, undefined, {})).toBe(false)
    expect(useColor({ isTTY: true }, false, {})).toBe(false)
    expect(useColor({ isTTY: true }, undefined, { NO_COLOR: '1' })).toBe(false)
    expect(useColor({ isTTY: true }, undefined, { TERM: 'dumb' })).toBe(false)
    expect(useColor({ isTTY: false }, undefined, { FORCE_COLOR: '1' })).toBe(true)
  })
})

const fakeRule = (id: string, zh: string, over: Partial<Rule['meta']> = {}): Rule => ({
  meta: {
    id,
    type: 'problem',
    severity: 'error',
    docs: { description: { zh, en: id }, url: `rules/${id}.md`, recommended: true },
    schema: {},
    messages: { m: 'x' },
    ...over,
  },
  create: () => ({}),
})

describe('rules table and init template', () => {
  const rules = [fakeRule('a-rule', '检查甲'), fakeRule('bb', '乙', { severity: 'warn', fixable: 'code' }), fakeRule('off-rule', '丙', { docs: { description: { zh: '丙', en: 'c' }, url: 'u', recommended: false } })]

  it('rulesTable shows severity, fixable and description', () => {
    const t = rulesTable(rules)
    expect(t).toMatch(/^a-rule {4}错误 {6}否 {10}检查甲$/m)
    expect(t).toMatch(/^bb {8}警告 {6}是 {10}乙$/m)
    expect(t).toMatch(/^off-rule {2}关闭/m)
    expect(t).toContain('共 3 条规则')
  })

  it('configTemplate lists each rule with its default and a comment', () => {
    const c = configTemplate(rules, { fileName: 'x.txt', title: '某县实施方案', jurisdiction: { name: '某市某县', parts: ['某市', '某县'] } })
    expect(c).toContain('  # 检查甲\n  a-rule: error\n')
    expect(c).toContain('  # 乙（可用 --fix 自动修复）\n  bb: warn\n')
    expect(c).toContain('  off-rule: off\n')
    expect(c).toContain('# 识别到的辖区：某市某县')
    expect(c).toMatch(/^preset: national$/m)
  })
})

describe('planToJSON and explainText', () => {
  const text = [
    '云溪县全民科学素质行动规划纲要实施方案（2021—2025年）',
    '一、总体要求',
    '到2025年，全县公民具备科学素质的比例超过15%。',
    '二、提升行动',
    '（一）实施青少年科学素质提升行动',
    '1.弘扬科学精神。开展活动。〔牵头单位：县教育局，责任单位：县科协〕',
    '2.开展科技活动。组织比赛。',
    '',
  ].join('\n')
  const plan = buildPlan(text)

  it('serialises with stable keys, nulls for absent values and {line, column} places', () => {
    const j = planToJSON(plan, { id: 'national', title: '全国', chain: ['national'] })
    expect(j.preset).toEqual({ id: 'national', title: '全国', chain: ['national'] })
    expect(j.docNumber).toBeNull()
    expect(j.tasks.total).toBe(2)
    expect(j.tasks.withLead).toBe(1)
    expect(j.tasks.bySource.inline).toBe(1)
    const [t1, t2] = j.actions[0]!.tasks
    expect(t1).toMatchObject({ marker: '1.', number: 1, leadSource: 'inline', position: { line: 6, column: 1 } })
    expect(t1!.lead.map((u) => u.text)).toEqual(['县教育局'])
    expect(t2!.leadSource).toBeNull()
    expect(JSON.stringify(j)).not.toContain('offset')
    expect(planToJSON(plan).preset).toBeNull()
  })

  it('maps places through locate for Word and PDF sources', () => {
    const j = planToJSON(plan, undefined, () => ({ line: 1, column: 1, paragraph: 7 }))
    expect(j.actions[0]!.position).toEqual({ line: 1, column: 1, paragraph: 7 })
  })

  it('explainText says when a task has no lead unit', () => {
    const t = explainText(plan)
    expect(t).toContain('2.开展科技活动')
    expect(t).toContain('牵头：（未找到）')
    expect(t).toContain('任务合计 2 项，已识别牵头单位 1 项，缺少牵头单位 1 项')
  })
})
