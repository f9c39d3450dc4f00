import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listPresets, loadPreset, loadUnitDictionary, presetsDir, readPresetFile } from '../src/presets/index.js'
import type { Preset } from '../src/types.js'

const CONFIDENCES = ['verified', 'corpus', 'memory', 'inferred']
const bundledFiles = readdirSync(presetsDir()).filter((f) => f.endsWith('.yaml'))

describe('bundled presets', () => {
  it('finds the presets directory with its schema', () => {
    expect(readdirSync(presetsDir())).toContain('schema.json')
    expect(bundledFiles.length).toBe(10)
  })

  it.each(bundledFiles)('%s is schema-valid, its id matches its file name, and it loads', (file) => {
    const id = file.replace(/\.yaml$/, '')
    expect(readPresetFile(join(presetsDir(), file)).id).toBe(id)
    const preset = loadPreset(id)
    expect(preset.id).toBe(id)
    expect(preset.chain[0]).toBe('national')
    expect(preset.chain[preset.chain.length - 1]).toBe(id)
    expect(preset.filePath).toBe(join(presetsDir(), file))
  })

  it('lists every bundled preset with its parent and level', () => {
    const list = listPresets()
    expect(list.map((p) => p.id)).toEqual(bundledFiles.map((f) => f.replace(/\.yaml$/, '')).sort())
    const national = list.find((p) => p.id === 'national')
    expect(national?.level).toBe('national')
    expect(national && 'extends' in national).toBe(false)
    expect(list.find((p) => p.id === 'nanchang')).toMatchObject({ extends: 'jiangxi', level: 'city' })
    expect(list.find((p) => p.id === 'sichuan')?.title).toContain('四川省')
  })

  it.each(bundledFiles.map((f) => f.replace(/\.yaml$/, '')))('%s: every fact carries a known confidence', (id) => {
    const p = loadPreset(id)
    const facts = [...p.documents, ...p.populations, ...p.projects, ...p.targets]
    if (p.document) facts.push(p.document)
    for (const f of facts) expect(CONFIDENCES).toContain(f.confidence)
  })
})

describe('chains and merged facts', () => {
  it.each(bundledFiles.map((f) => f.replace(/\.yaml$/, '')))('%s: every from names a document of the preset', (id) => {
    const p = loadPreset(id)
    const ids = new Set(p.documents.map((d) => d.id))
    for (const item of [...p.targets, ...p.populations, ...p.projects]) expect(ids).toContain((item as { from?: string }).from)
    if (p.document) expect(p.document.id).toBe(p.chain.find((c) => c === p.document!.id))
  })

  it('items carry the document that requires them', () => {
    const nc = loadPreset('nanchang')
    const fromOf = (x: object) => (x as { from?: string }).from
    expect(nc.populations.every((x) => fromOf(x) === 'national')).toBe(true)
    expect(nc.projects.every((x) => fromOf(x) === 'jiangxi')).toBe(true)
    expect(fromOf(loadPreset('guangzhou').projects[0]!)).toBe('guangzhou')
  })

  it('nanchang: national → jiangxi → nanchang', () => {
    const p = loadPreset('nanchang')
    expect(p.chain).toEqual(['national', 'jiangxi', 'nanchang'])
    expect(p.jurisdiction).toEqual({ name: '南昌市', level: 'city', parent: '江西省' })
    expect(p.document?.docNumber).toBe('洪府发〔2021〕27号')
    // documents: every chain document plus the citable ones, by id
    const ids = p.documents.map((d) => d.id)
    expect(ids).toEqual(expect.arrayContaining(['national', 'jiangxi', 'nanchang', 'kepu-law-2024', 'national-2006-2010-2020']))
    expect(new Set(ids).size).toBe(ids.length)
    // populations from national, projects from jiangxi (inferred, 区域 wording)
    expect(p.populations.map((x) => x.id)).toEqual(['youth', 'farmers', 'workers', 'elderly', 'officials'])
    expect(p.populations.find((x) => x.id === 'farmers')?.aliases).toEqual(['农民', '乡村居民', '农村居民', '新型职业农民', '高素质农民'])
    expect(p.projects.find((x) => x.id === 'exchange')).toMatchObject({ name: '科学素质区域交流合作工程', confidence: 'inferred' })
    // nanchang's own target is unknown: the nearest target is jiangxi's, then national's
    expect(p.targets.map((t) => [t.from, t.year, t.value])).toEqual([
      ['jiangxi', 2025, '超过14%，力争达到15%'],
      ['national', 2025, '超过15%'],
      ['national', 2035, '达到25%'],
    ])
  })

  it('national: the 纲要 with its verified facts', () => {
    const p = loadPreset('national')
    expect(p.document).toMatchObject({ docNumber: '国发〔2021〕9号', date: '2021-06-03', issuer: '国务院', confidence: 'verified' })
    expect(p.targets).toEqual([
      expect.objectContaining({ year: 2025, value: '超过15%', comparator: '>', pct: 15, headline: true, from: 'national' }),
      expect.objectContaining({ year: 2035, value: '达到25%', comparator: '>=', pct: 25, headline: true }),
    ])
    const byId = new Map(p.documents.map((d) => [d.id, d]))
    expect(byId.get('national-2016-2020')).toMatchObject({ status: 'superseded', supersededBy: 'national', docNumber: '国办发〔2016〕10号' })
    expect(byId.get('kepu-law-2002')).toMatchObject({ status: 'superseded', supersededBy: 'kepu-law-2024' })
    expect(byId.get('kepu-law-2024')).toMatchObject({ date: '2024-12-25', docNumber: '中华人民共和国主席令第四十三号' })
    const infra = p.projects.find((x) => x.id === 'infrastructure')
    expect(infra?.aliases).toEqual(['科普基础设施工程', '科普基础设施建设工程'])
    expect(p.projects.find((x) => x.id === 'exchange')?.aliases).toContain('科学素质国际交流与合作工程')
    expect(p.populations.find((x) => x.id === 'officials')?.aliases).toEqual(['领导干部和公务员', '领导干部', '公务员', '干部'])
  })

  it('leaves out what the reference marks unknown', () => {
    expect(loadPreset('jiangxi').document?.date).toBeUndefined()
    const ningxia = loadPreset('ningxia').document
    expect(ningxia?.docNumber).toBeUndefined()
    expect(ningxia?.date).toBeUndefined()
    expect(loadPreset('guangzhou').document?.date).toBeUndefined()
    for (const id of ['nanchang', 'jingdezhen', 'chengdu', 'wuzhong']) {
      expect(loadPreset(id).targets.some((t) => t.from === id)).toBe(false)
    }
    expect(loadPreset('jingdezhen').document).toMatchObject({ confidence: 'corpus' })
    expect(loadPreset('jingdezhen').document?.issuer).toBeUndefined()
  })

  it('wuzhong is only a chain link: its jurisdiction, everything else from ningxia', () => {
    const p = loadPreset('wuzhong')
    expect(p.chain).toEqual(['national', 'ningxia', 'wuzhong'])
    expect(p.jurisdiction).toEqual({ name: '吴忠市', level: 'city', parent: '宁夏回族自治区' })
    expect(p.document?.id).toBe('ningxia')
    expect(p.projects.map((x) => x.id)).toContain('talent')
    expect(p.projects.map((x) => x.id)).not.toContain('exchange')
    expect(p.targets[0]).toMatchObject({ from: 'ningxia', pct: 11.5 })
  })

  it('guangzhou and chengdu carry their own projects and superseded plans', () => {
    const gz = loadPreset('guangzhou')
    expect(gz.chain).toEqual(['national', 'guangdong', 'guangzhou'])
    expect(gz.projects).toHaveLength(6)
    expect(gz.projects.every((x) => x.confidence === 'verified')).toBe(true)
    expect(gz.targets[0]).toMatchObject({ from: 'guangzhou', pct: 24.5 })
    expect(gz.targets.filter((t) => t.from === 'guangdong').map((t) => t.indicator)).toContain('省级科普教育基地')
    expect(gz.documents.find((d) => d.id === 'guangzhou-2016-2020')).toMatchObject({ status: 'superseded', docNumber: '穗府办〔2016〕29号' })
    const cd = loadPreset('chengdu')
    expect(cd.chain).toEqual(['national', 'sichuan', 'chengdu'])
    expect(cd.projects.map((x) => x.id)).toContain('tianfu-cloud') // inherited from sichuan
    expect(cd.documents.find((d) => d.id === 'sichuan-2016-2020')?.supersededBy).toBe('sichuan')
  })

  it('returns a cached, frozen preset', () => {
    const a = loadPreset('jiangxi')
    expect(loadPreset('jiangxi')).toBe(a)
    expect(Object.isFrozen(a)).toBe(true)
    expect(Object.isFrozen(a.targets[0])).toBe(true)
    expect(() => (a.populations as unknown[]).push({})).toThrow(TypeError)
  })

  it('includes the bundled unit dictionary', () => {
    const p: Preset = loadPreset('national')
    expect(p.units.renames.length).toBe(loadUnitDictionary().renames.length)
  })
})

describe('unit dictionary', () => {
  const dict = loadUnitDictionary()

  it('is seeded from the reference', () => {
    expect(dict.prefixes).toEqual(expect.arrayContaining(['区', '县', '市', '区委', '自治区']))
    expect(dict.renames).toHaveLength(62) // 64 in the reference; 民宗局 and 侨务局 are kept as comments (they survive locally)
    expect(dict.keep).toEqual(expect.arrayContaining(['工商联', '科协', '综治中心', '法治办', '农牧局']))
    expect(dict.keep.some((k) => k.includes('/') || k.includes(','))).toBe(false)
  })

  it('marks 乡村振兴局 → 农业农村局 unambiguous and keeps its dates and guards', () => {
    const r = dict.renames.find((x) => x.old.includes('乡村振兴局'))
    expect(r).toMatchObject({ new: expect.arrayContaining(['农业农村局']), unambiguous: true, since: '2023-03', severity: 'warning' })
    expect(r?.new[0]).toBe('农业农村局')
    expect(r?.guards).toContain('农业农村局（乡村振兴局）')
    expect((r as { localWindow?: string }).localWindow).toContain('2024')
  })

  it('does not mark renames with several possible new names unambiguous', () => {
    const wei = dict.renames.find((x) => x.old.includes('卫计委'))
    expect(wei?.unambiguous).toBeUndefined()
    const gongshang = dict.renames.find((x) => x.old.includes('工商局'))
    expect(gongshang?.guards).toContain('工商联')
    for (const r of dict.renames) expect(typeof r.confidence).toBe('string')
  })

  it('turns alias groups into arrays with the canonical name first', () => {
    const g = dict.aliases.find((a) => a[0] === '新经济和科技局')
    expect(g).toEqual(['新经济和科技局', '新经济与科技局', '新经济科技局'])
    expect(dict.aliases.find((a) => a[0] === '卫生健康局')).toContain('卫健委')
  })

  it('is cached and frozen', () => {
    expect(loadUnitDictionary()).toBe(dict)
    expect(Object.isFrozen(dict.renames[0])).toBe(true)
  })
})
