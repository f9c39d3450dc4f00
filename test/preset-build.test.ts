import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { lintText } from '../src/index.js'
import { aliasesOf } from '../src/presets/build.js'
import { clearPresetCache, loadPreset } from '../src/presets/index.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const plans = path.join(root, 'test/fixtures/plans')
const readPlan = (name: string) => fs.readFileSync(path.join(plans, `${name}.txt`), 'utf8')
const bin = path.join(root, 'bin/planlint.js')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-preset-build-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })

describe('planlint preset build', () => {
  const out = path.join(dir, 'fuliang.yaml')
  const r = run('preset', 'build', path.join(plans, 'fuliang-county.txt'), '-o', out)

  it('writes a schema-valid preset from fuliang-county.txt: five actions, five projects, 13% for 2025', () => {
    expect(r.status, r.stderr).toBe(0)
    expect(r.stderr).toContain('5 项提升行动、5 项重点工程')
    const raw = parseYaml(fs.readFileSync(out, 'utf8'))
    expect(raw.extends).toBe('jingdezhen') // the county's own upper preset, detected from its title
    expect(raw.jurisdiction).toEqual({ name: '浮梁县', level: 'county', parent: '景德镇市' })
    expect(raw.document).toMatchObject({ title: '浮梁县全民科学素质行动规划纲要实施方案（2021—2025年）', period: '2021—2025', date: '2022-05-10', docNumber: '浮府办字〔2022〕15号' })
    expect(raw.populations.map((p: { name: string }) => p.name)).toEqual([
      '青少年科学素质提升行动',
      '农民科学素质提升行动',
      '产业工人科学素质提升行动',
      '老年人科学素质提升行动',
      '领导干部和公务员科学素质提升行动',
    ])
    // ids follow the parent preset's, so exemptions written for it keep working
    expect(raw.populations.map((p: { id: string }) => p.id)).toEqual(['youth', 'farmers', 'workers', 'elderly', 'officials'])
    expect(raw.projects).toHaveLength(5)
    expect(raw.projects[4].name).toBe('科学素质区域交流合作工程')
    expect(raw.targets).toEqual([
      { year: 2025, indicator: '公民具备科学素质的比例', value: '超过13%', pct: 13, confidence: 'verified', comparator: '>', headline: true },
      { year: 2025, indicator: '乡镇科普服务站覆盖率', value: '达到100%', pct: 100, confidence: 'verified', comparator: '>=' },
    ])
    clearPresetCache()
    const preset = loadPreset(out)
    expect(preset.chain).toEqual(['national', 'jiangxi', 'jingdezhen', raw.id])
  })

  it('used for a 浮梁 town plan with one action removed, population-actions notes exactly that action (a town is told, not faulted)', () => {
    const leping = readPlan('fuliang-county')
    const start = leping.indexOf('（四）老年人科学素质提升行动')
    const end = leping.indexOf('（五）领导干部和公务员科学素质提升行动')
    const town = leping
      .slice(0, start)
      .concat(leping.slice(end))
      .replace(/浮梁县全民科学素质行动规划纲要实施方案/g, '浮梁县某某镇全民科学素质行动实施方案')
    const result = lintText(town, { config: {}, preset: out })
    // a town chooses its populations: one note (info) naming the one its upper plan lists and it lacks
    expect(result.messages.filter((m) => m.ruleId === 'population-actions').map((m) => [m.severity, m.level, m.message])).toEqual([
      [1, 'info', '本方案是乡镇（街道）方案，可结合本地实际选择重点人群，不逐项要求；《浮梁县全民科学素质行动规划纲要实施方案（2021—2025年）》列出的「老年人科学素质提升行动」本方案未单列，请确认是否有意不列'],
    ])
    // the unchanged plan passes against the preset built from it
    const same = lintText(leping, { config: {}, preset: out, rules: { 'population-actions': 'error' } })
    expect(same.messages.filter((m) => m.ruleId === 'population-actions')).toEqual([])
  })

  it('prints to stdout without -o, and refuses a text that is not a plan (exit 2, one line)', () => {
    const s = run('preset', 'build', path.join(plans, 'xinjian-district.txt'), '--id', 'xj')
    expect(s.status, s.stderr).toBe(0)
    expect(parseYaml(s.stdout).id).toBe('xj')
    expect(parseYaml(s.stdout).populations).toHaveLength(4)
    fs.writeFileSync(path.join(dir, 'note.txt'), '关于召开会议的通知\n请各单位准时参加。\n')
    const bad = run('preset', 'build', 'note.txt')
    expect(bad.status).toBe(2)
    expect(bad.stderr.trim().split('\n')).toHaveLength(1)
    expect(bad.stderr).toContain('不像是一份上级实施方案')
    const badId = run('preset', 'build', path.join(plans, 'fuliang-county.txt'), '--id', '浮梁')
    expect(badId.status).toBe(2)
    expect(badId.stderr).toContain('预设 id')
  })

  it('derives aliases from action names', () => {
    expect(aliasesOf('领导干部和公务员科学素质提升行动')).toEqual(['领导干部和公务员', '领导干部', '公务员'])
    expect(aliasesOf('实施城市居民科学素质提升行动')).toEqual(['城市居民'])
    expect(aliasesOf('科普基础设施工程')).toEqual(['科普基础设施'])
  })
})
