import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadPreset, loadUnitDictionary } from '../src/presets/index.js'
import { errorOf } from './helpers/errors.js'

const FIXTURES = join(import.meta.dirname, 'fixtures', 'presets')
const tmp = mkdtempSync(join(tmpdir(), 'planlint-presets-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

let n = 0
/** Writes files (path → content) into a fresh temp dir and returns it. */
function scratch(files: Record<string, string>): string {
  const dir = join(tmp, String(n++))
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true })
    writeFileSync(join(dir, p), text)
  }
  return dir
}


const PARENT = `
id: parent
title: 上级
extends: national
jurisdiction: { name: 某省, level: province }
document: { id: parent-doc, title: 上级方案, docNumber: 某发〔2021〕1号, confidence: verified }
documents:
  - { id: shared, title: 上级写的共同文件, confidence: memory }
  - { id: parent-only, title: 只在上级, confidence: verified }
populations:
  - { id: youth, name: 青少年科学素质提升行动, aliases: [青少年], confidence: verified }
projects:
  - { id: p1, name: 上级工程, aliases: [上级工程], confidence: inferred }
targets:
  - { year: 2025, indicator: 公民具备科学素质的比例, value: 超过12%, comparator: ">", pct: 12, headline: true, confidence: verified }
rules:
  lead-unit: warn
  numbering: error
units:
  renames:
    - { old: [上级旧局], new: [上级新局], reform: "2024", since: "2024-01", severity: warning, confidence: memory }
`

const CHILD = `
id: child
title: 下级
extends: ./parent.yaml
jurisdiction: { name: 某市, level: city, parent: 某省 }
documents:
  - { id: shared, title: 下级改写的共同文件, confidence: verified }
populations:
  - { id: urban, name: 城市居民科学素质提升行动, aliases: [城市居民], confidence: corpus }
targets:
  - { year: 2025, indicator: 公民具备科学素质的比例, value: 达到18%, comparator: ">=", pct: 18, confidence: corpus }
rules:
  numbering: off
units:
  aliases:
    - { canonical: 新经济和科技局, variants: [新经济科技局] }
`

describe('merge semantics', () => {
  const dir = scratch({ 'parent.yaml': PARENT, 'child.yaml': CHILD })
  const p = loadPreset('./child.yaml', { cwd: dir })

  it('chains root to leaf through a relative extends', () => {
    expect(p.chain).toEqual(['national', 'parent', 'child'])
    expect(p.id).toBe('child')
    expect(p.title).toBe('下级')
    expect(p.filePath).toBe(join(dir, 'child.yaml'))
  })

  it('scalars: the child wins, else the nearest parent', () => {
    expect(p.jurisdiction).toEqual({ name: '某市', level: 'city', parent: '某省' })
    expect(p.document?.id).toBe('parent-doc')
  })

  it('documents: union by id, the child replacing a parent entry', () => {
    const byId = new Map(p.documents.map((d) => [d.id, d]))
    expect(byId.get('shared')?.title).toBe('下级改写的共同文件')
    expect(byId.has('parent-only')).toBe(true)
    expect(byId.has('parent-doc')).toBe(true)
    expect(byId.has('national')).toBe(true)
    expect(byId.has('kepu-law-2024')).toBe(true)
  })

  it('populations/projects: a given list replaces the parent list, a missing one is inherited', () => {
    expect(p.populations.map((x) => x.id)).toEqual(['urban'])
    expect(p.projects.map((x) => x.id)).toEqual(['p1'])
  })

  it('items: from is the document of the supplying preset, or the nearest one above it', () => {
    // child has no document of its own: its populations are required by parent's document
    expect((p.populations[0] as { from?: string }).from).toBe('parent-doc')
    expect((p.projects[0] as { from?: string }).from).toBe('parent-doc')
  })

  it("targets: the child's first, then the parents', each with from", () => {
    expect(p.targets.map((t) => `${t.from}:${t.year}:${t.value}`)).toEqual([
      'child:2025:达到18%',
      'parent:2025:超过12%',
      'national:2025:超过15%',
      'national:2035:达到25%',
    ])
  })

  it('rules: shallow merge, child over parent', () => {
    expect(p.rules).toEqual({ 'lead-unit': 'warn', numbering: 'off' })
  })

  it('units: the chain’s sections first, then the bundled dictionary', () => {
    const bundled = loadUnitDictionary()
    expect(p.units.renames).toHaveLength(bundled.renames.length + 1)
    expect(p.units.renames[0]?.old).toEqual(['上级旧局'])
    expect(p.units.aliases[0]).toEqual(['新经济和科技局', '新经济科技局'])
    expect(p.units.aliases).toHaveLength(bundled.aliases.length + 1)
    expect(p.units.prefixes).toEqual(bundled.prefixes)
  })

  it('does not let a child change its parent', () => {
    const parent = loadPreset(join(dir, 'parent.yaml'))
    expect(parent.populations.map((x) => x.id)).toEqual(['youth'])
    expect(parent.rules).toEqual({ 'lead-unit': 'warn', numbering: 'error' })
  })
})

describe('finding presets', () => {
  it('loads a local preset file by path, relative to cwd or absolute', () => {
    const byRel = loadPreset('local-county.yaml', { cwd: FIXTURES })
    expect(byRel.chain).toEqual(['national', 'jiangxi', 'nanchang', 'qingyunpu-local'])
    expect(byRel.targets[0]).toMatchObject({ from: 'qingyunpu-local', pct: 15 })
    expect(byRel.rules).toEqual({ 'lead-unit': 'warn' })
    expect(loadPreset(join(FIXTURES, 'local-county.yaml'))).toBe(byRel)
    const rel = relative(process.cwd(), join(FIXTURES, 'local-county.yaml'))
    expect(loadPreset(rel).id).toBe('qingyunpu-local')
  })

  it('loads planlint-preset-* packages from node_modules, by full or short name', () => {
    const dir = scratch({
      'node_modules/planlint-preset-county/package.json': '{"name":"planlint-preset-county","version":"1.0.0"}',
      'node_modules/planlint-preset-county/preset.yaml': 'id: county\ntitle: 某县\nextends: nanchang\n',
      'node_modules/@office/planlint-preset-city/package.json': '{"name":"@office/planlint-preset-city","main":"lib/city.yaml"}',
      'node_modules/@office/planlint-preset-city/lib/city.yaml': 'id: office-city\ntitle: 某市\nextends: planlint-preset-county\n',
      'work/deep/.keep': '',
    })
    const county = loadPreset('planlint-preset-county', { cwd: dir })
    expect(county.chain).toEqual(['national', 'jiangxi', 'nanchang', 'county'])
    // found upward from a subdirectory, as Node does
    expect(loadPreset('planlint-preset-county', { cwd: join(dir, 'work', 'deep') })).toBe(county)
    expect(loadPreset('county', { cwd: dir })).toBe(county)
    const scoped = loadPreset('@office/planlint-preset-city', { cwd: dir })
    expect(scoped.chain).toEqual(['national', 'jiangxi', 'nanchang', 'county', 'office-city'])
  })

  it('names a package that is not installed or has no preset file', () => {
    const dir = scratch({ 'node_modules/planlint-preset-empty/package.json': '{"name":"planlint-preset-empty","main":"index.js"}' })
    expect(errorOf(() => loadPreset('planlint-preset-missing', { cwd: dir }))).toMatch(/找不到预设包 planlint-preset-missing.*npm install/)
    expect(errorOf(() => loadPreset('planlint-preset-empty', { cwd: dir }))).toMatch(/planlint-preset-empty.*preset\.yaml/)
  })

  it('lists the bundled ids for an unknown id', () => {
    const msg = errorOf(() => loadPreset('nanchan'))
    expect(msg).toContain('找不到预设“nanchan”')
    expect(msg).toContain('nanchang')
    expect(msg).toContain('national')
  })

  it('names a missing preset file', () => {
    expect(errorOf(() => loadPreset('./nope.yaml', { cwd: tmp }))).toContain('找不到预设文件 ./nope.yaml')
  })

  it('reloads a preset whose file changed', () => {
    const dir = scratch({ 'p.yaml': 'id: p\ntitle: 第一版\n' })
    const first = loadPreset('./p.yaml', { cwd: dir })
    expect(first.title).toBe('第一版')
    writeFileSync(join(dir, 'p.yaml'), 'id: p\ntitle: 第二版\n')
    const later = new Date(Date.now() + 5000)
    utimesSync(join(dir, 'p.yaml'), later, later)
    expect(loadPreset('./p.yaml', { cwd: dir }).title).toBe('第二版')
  })
})

describe('extends errors', () => {
  it('detects a cycle and shows the chain', () => {
    const dir = scratch({
      'a.yaml': 'id: a\ntitle: 甲\nextends: ./b.yaml\n',
      'b.yaml': 'id: b\ntitle: 乙\nextends: ./c.yaml\n',
      'c.yaml': 'id: c\ntitle: 丙\nextends: ./a.yaml\n',
    })
    const msg = errorOf(() => loadPreset('a.yaml', { cwd: dir }))
    expect(msg).toContain('c.yaml: extends: 预设继承出现循环：a → b → c → a')
  })

  it('detects a preset that extends itself', () => {
    const dir = scratch({ 'self.yaml': 'id: self\ntitle: 自己\nextends: ./self.yaml\n' })
    expect(errorOf(() => loadPreset('./self.yaml', { cwd: dir }))).toContain('预设继承出现循环：self → self')
  })

  it('names a missing parent, the file and the path', () => {
    const dir = scratch({
      'orphan.yaml': 'id: orphan\ntitle: 孤儿\nextends: guangxi\n',
      'orphan2.yaml': 'id: orphan2\ntitle: 孤儿\nextends: ./gone.yaml\n',
    })
    const msg = errorOf(() => loadPreset('./orphan.yaml', { cwd: dir }))
    expect(msg).toMatch(/orphan\.yaml: extends: 找不到父预设“guangxi”（内置预设：.*jiangxi/)
    expect(errorOf(() => loadPreset('./orphan2.yaml', { cwd: dir }))).toMatch(/orphan2\.yaml: extends: 找不到父预设文件 \.\/gone\.yaml/)
  })
})

describe('bad preset files', () => {
  it('reports YAML syntax errors with file and line', () => {
    const msg = errorOf(() => loadPreset(join(FIXTURES, 'bad-syntax.yaml')))
    expect(msg).toMatch(/bad-syntax\.yaml:6:\d+: YAML 语法错误：/)
  })

  it('reports schema violations with file, path and expectation', () => {
    const msg = errorOf(() => loadPreset(join(FIXTURES, 'bad-aliases.yaml')))
    expect(msg).toMatch(/fixtures\/presets\/bad-aliases\.yaml: populations\[0\]\.aliases: 应为.*数组.*实际为字符串 "农民"/)
  })

  const cases: [string, string, RegExp][] = [
    ['missing confidence', 'id: x\ntitle: 缺可信度\ntargets:\n  - { year: 2025, indicator: 比例 }\n', /x\.yaml: targets\[0\]\.confidence: 缺少必填字段/],
    ['bad confidence', 'id: x\ntitle: t\nprojects:\n  - { id: a, name: 甲, aliases: [甲], confidence: sure }\n', /projects\[0\]\.confidence: 应为以下之一：verified、corpus、memory、inferred，实际为字符串 "sure"/],
    ['typo in a key', 'id: x\ntitle: t\npopulations:\n  - { id: a, name: 甲, alias: [甲], confidence: verified }\n', /populations\[0\]\.alias: 不认识的字段，是不是“aliases”？/],
    ['empty aliases', 'id: x\ntitle: t\npopulations:\n  - { id: a, name: 甲, aliases: [], confidence: verified }\n', /populations\[0\]\.aliases: 应为至少含一个关键词的数组/],
    ['year as text', 'id: x\ntitle: t\ntargets:\n  - { year: 二〇二五, indicator: 比例, confidence: verified }\n', /targets\[0\]\.year: 应为四位年份/],
    ['bad level', 'id: x\ntitle: t\njurisdiction: { name: 某区, level: district }\n', /jurisdiction\.level: 应为以下之一：national、province、city、county/],
    ['bad rule setting', 'id: x\ntitle: t\nrules:\n  lead-unit: warning\n', /rules\.lead-unit: 应为off、info、warn、error、0、1、2 或 \[严重程度, 选项\]/],
    ['no title', 'id: x\n', /x\.yaml: title: 缺少必填字段/],
    ['not a mapping', '- id: x\n', /x\.yaml: 不是预设文件：预设文件应为 YAML 映射/],
    ['empty file', '# nothing\n', /x\.yaml: 预设文件是空的/],
    ['duplicate population id', 'id: x\ntitle: t\npopulations:\n  - { id: a, name: 甲, aliases: [甲], confidence: verified }\n  - { id: a, name: 乙, aliases: [乙], confidence: verified }\n', /populations\[1\]\.id: id “a”重复（与 populations\[0\] 相同）/],
    ['bad units section', 'id: x\ntitle: t\nunits:\n  renames:\n    - { old: 旧局, new: [新局], reform: "2018", since: "2018-03", severity: error, confidence: memory }\n', /units\.renames\[0\]\.old: 应为至少含一个单位名称的数组/],
    ['unknown supersededBy', 'id: x\ntitle: t\ndocuments:\n  - { id: old, title: 旧方案, status: superseded, supersededBy: nowhere, confidence: verified }\n', /documents\[0\]\.supersededBy: 找不到 id 为“nowhere”的文件/],
    ['duplicate key', 'id: x\ntitle: t\ntitle: u\n', /x\.yaml:3:1: YAML 语法错误：同一层级出现了重复的键/],
  ]
  it.each(cases)('%s', (_name, text, expected) => {
    const dir = scratch({ 'x.yaml': text })
    expect(errorOf(() => loadPreset('./x.yaml', { cwd: dir }))).toMatch(expected)
  })

  it('reports an error in a parent with the parent’s file', () => {
    const dir = scratch({
      'child.yaml': 'id: c\ntitle: 子\nextends: ./parent.yaml\n',
      'parent.yaml': 'id: p\ntitle: 父\ntargets: 2025\n',
    })
    expect(errorOf(() => loadPreset('./child.yaml', { cwd: dir }))).toMatch(/parent\.yaml: targets: 应为目标组成的数组，实际为数字 2025/)
  })
})
