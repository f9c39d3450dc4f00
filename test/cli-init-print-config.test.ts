/**
 * `planlint init FILE` writes the preset lint would choose for FILE (with the reason as a
 * comment), and `planlint --print-config FILE` shows the configuration a lint of FILE runs
 * with — both through the real CLI, on the project's own plans.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import YAML from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectOneLineFailure, runCli } from './helpers/cli.js'
import { plansDir } from './helpers/plans.js'
import { getRules } from '../src/index.js'

let tmp: string
let n = 0
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-init-'))
})
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

/** A fresh folder holding a copy of one of the project's plans. */
function folderWith(plan: string): string {
  const dir = path.join(tmp, `d${++n}`)
  fs.mkdirSync(dir)
  // A page-number line at the end: every copy has a finding, so the summary names the preset.
  fs.writeFileSync(path.join(dir, plan), fs.readFileSync(path.join(plansDir, plan), 'utf8') + '\n— 9 —\n')
  return dir
}

/** The preset the stylish summary says lint used, and why. */
function lintPreset(file: string, cwd: string): { id: string; reason: string } {
  const r = runCli([file], { cwd })
  const m = /使用预设 (\S+?)：(.+)$/m.exec(r.stdout)
  expect(m, r.stdout + r.stderr).not.toBeNull()
  return { id: m![1]!, reason: m![2]! }
}

describe('init FILE', () => {
  it.each([
    ['fuliang-county.txt', 'jingdezhen'],
    ['wuhou-district-draft.txt', 'chengdu'],
    ['qingxi-county.txt', 'national'],
  ])('%s: writes the preset lint picks without a config (%s), with the reason as a comment', (plan, expected) => {
    const dir = folderWith(plan)
    const before = lintPreset(plan, dir)
    expect(before.id).toBe(expected)
    const r = runCli(['init', plan], { cwd: dir })
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toBe(`已生成 planlint.config.yaml（预设 ${before.id}：${before.reason}）\n`)
    const text = fs.readFileSync(path.join(dir, 'planlint.config.yaml'), 'utf8')
    expect(text).toContain(`\n# ${before.reason}（与不带配置运行 planlint 时的选择相同）\npreset: ${before.id}\n`)
    expect(YAML.parse(text).preset).toBe(before.id)
    // After init, lint uses the config's preset: the same one.
    expect(lintPreset(plan, dir)).toEqual({ id: before.id, reason: '配置文件 planlint.config.yaml 指定' })
  })

  it('says why it falls back to national', () => {
    const dir = folderWith('qingxi-county.txt')
    runCli(['init', 'qingxi-county.txt'], { cwd: dir })
    const text = fs.readFileSync(path.join(dir, 'planlint.config.yaml'), 'utf8')
    expect(text).toMatch(/^# 未能确定「青溪县」的行政区划，使用全国预设 national（与不带配置运行 planlint 时的选择相同）\npreset: national$/m)
  })

  it('a city plan read from its title: the placement is spelled out', () => {
    const dir = folderWith('xinjian-district.txt')
    runCli(['init', 'xinjian-district.txt'], { cwd: dir })
    const text = fs.readFileSync(path.join(dir, 'planlint.config.yaml'), 'utf8')
    expect(text).toMatch(/^# 根据标题「南昌市新建区」判定为江西省›南昌市›新建区/m)
  })

  it('without a file: national, and how to get a preset chosen', () => {
    const dir = path.join(tmp, `d${++n}`)
    fs.mkdirSync(dir)
    expect(runCli(['init'], { cwd: dir }).status).toBe(0)
    const text = fs.readFileSync(path.join(dir, 'planlint.config.yaml'), 'utf8')
    expect(text).toMatch(/^# 未指定文稿，使用全国预设；运行 planlint init 文稿\.txt 可按标题选择上级预设。\npreset: national$/m)
  })
})

interface Printed {
  filePath: string
  configFile: string | null
  preset: { id: string; title: string; chain: string[]; file: string | null; reason: string }
  status?: string
  ignores: string[]
  plugins: string[]
  rules: Record<string, [string, Record<string, unknown>?]>
}

describe('--print-config FILE', () => {
  const ruleIds = [...getRules().keys()].sort()

  it('without a config: the detected preset with its chain and reason, every rule at its default', () => {
    const dir = folderWith('fuliang-county.txt')
    const r = runCli(['--print-config', 'fuliang-county.txt'], { cwd: dir })
    expect(r.status, r.stderr).toBe(0)
    expect(r.stderr).toBe('')
    const p = JSON.parse(r.stdout) as Printed
    expect(p.filePath).toBe('fuliang-county.txt')
    expect(p.configFile).toBeNull()
    expect(p.preset).toMatchObject({ id: 'jingdezhen', chain: ['national', 'jiangxi', 'jingdezhen'] })
    expect(p.preset.reason).toBe(lintPreset('fuliang-county.txt', dir).reason)
    expect(Object.keys(p.rules)).toEqual(ruleIds)
    for (const [id, rule] of getRules()) {
      const want = rule.meta.docs.recommended === false ? 'off' : rule.meta.severity
      expect(p.rules[id]![0], id).toBe(want)
      if (want !== 'off' && rule.meta.defaultOptions && Object.keys(rule.meta.defaultOptions).length > 0) {
        expect(p.rules[id]![1], id).toEqual(rule.meta.defaultOptions)
      }
    }
  })

  it('with a config, --preset and --rule: each layer shows, options merged over the defaults', () => {
    const dir = folderWith('huadu-district.txt')
    fs.writeFileSync(
      path.join(dir, 'planlint.config.yaml'),
      'preset: guangdong\nstatus: final\nignores: ["备份/**"]\nrules:\n  lead-unit: off\n  punctuation-width: [error, { maxParagraphs: 3 }]\n',
    )
    const p = JSON.parse(runCli(['--print-config', 'huadu-district.txt'], { cwd: dir }).stdout) as Printed
    expect(p.configFile).toBe('planlint.config.yaml')
    expect(p.preset).toMatchObject({ id: 'guangdong', chain: ['national', 'guangdong'], reason: '配置文件 planlint.config.yaml 指定' })
    expect(p.status).toBe('final')
    expect(p.ignores).toEqual(['备份/**'])
    expect(p.rules['lead-unit']).toEqual(['off'])
    expect(p.rules['punctuation-width']![0]).toBe('error')
    expect(p.rules['punctuation-width']![1]).toMatchObject({ maxParagraphs: 3 })
    const cli = JSON.parse(runCli(['--print-config', 'huadu-district.txt', '--preset', 'national', '--rule', 'lead-unit:warn'], { cwd: dir }).stdout) as Printed
    expect(cli.preset).toMatchObject({ id: 'national', chain: ['national'] })
    expect(cli.rules['lead-unit']![0]).toBe('warn')
  })

  it('bad input: one line, exit 2', () => {
    const dir = folderWith('qingxi-county.txt')
    expectOneLineFailure(runCli(['--print-config', 'missing.txt'], { cwd: dir }), 'missing.txt', '找不到该文件')
    expectOneLineFailure(runCli(['--print-config', '.'], { cwd: dir }), '不是文件')
    expectOneLineFailure(runCli(['--print-config', 'qingxi-county.txt', 'other.txt'], { cwd: dir }), '--print-config 一次说明一个文件')
    expectOneLineFailure(runCli(['--print-config', 'qingxi-county.txt', '--rule', 'no-such-rule:warn'], { cwd: dir }), '未知规则「no-such-rule」')
    fs.writeFileSync(path.join(dir, 'planlint.config.yaml'), 'rules: [1, 2\n')
    expectOneLineFailure(runCli(['--print-config', 'qingxi-county.txt'], { cwd: dir }), 'planlint.config.yaml')
  })
})
