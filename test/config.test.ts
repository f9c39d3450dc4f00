import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { findConfigFile, loadConfig, normalizeSeverity, resolveConfig } from '../src/config/config.js'
import type { RuleSetting } from '../src/types.js'
import { errorOf } from './helpers/errors.js'

const FIXTURES = join(import.meta.dirname, 'fixtures', 'config')
const PROJECT = join(FIXTURES, 'project')
const tmp = mkdtempSync(join(tmpdir(), 'planlint-config-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

let n = 0
function scratch(files: Record<string, string>): string {
  const dir = join(tmp, String(n++))
  mkdirSync(dir, { recursive: true })
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true })
    writeFileSync(join(dir, p), text)
  }
  return dir
}


describe('findConfigFile', () => {
  it('searches upward from the start directory', () => {
    expect(findConfigFile(join(PROJECT, 'drafts', '2024'))).toBe(join(PROJECT, 'planlint.config.yaml'))
    expect(findConfigFile(PROJECT)).toBe(join(PROJECT, 'planlint.config.yaml'))
  })

  it('accepts planlint.config.yml and prefers .yaml when both exist', () => {
    expect(findConfigFile(join(FIXTURES, 'other'))).toBe(join(FIXTURES, 'other', 'planlint.config.yml'))
    const dir = scratch({ 'planlint.config.yaml': 'preset: national\n', 'planlint.config.yml': 'preset: jiangxi\n' })
    expect(findConfigFile(dir)).toBe(join(dir, 'planlint.config.yaml'))
  })

  it('finds the nearest file, not a farther one', () => {
    const dir = scratch({ 'planlint.config.yaml': 'preset: national\n', 'a/b/planlint.config.yaml': 'preset: jiangxi\n', 'a/b/c/d/.keep': '' })
    expect(findConfigFile(join(dir, 'a', 'b', 'c', 'd'))).toBe(join(dir, 'a', 'b', 'planlint.config.yaml'))
    expect(findConfigFile(join(dir, 'a'))).toBe(join(dir, 'planlint.config.yaml'))
  })

  it('passes over a folder named like a config, and a start path that is a file (not a folder on the way)', () => {
    const dir = scratch({ 'planlint.config.yaml': 'preset: national\n', 'a/planlint.config.yaml/.keep': '', 'a/draft.txt': '' })
    expect(findConfigFile(join(dir, 'a'))).toBe(join(dir, 'planlint.config.yaml'))
    expect(findConfigFile(join(dir, 'a', 'draft.txt'))).toBe(join(dir, 'planlint.config.yaml'))
  })

  it('stops at the filesystem root', () => {
    const dir = scratch({ 'x/y/.keep': '' })
    expect(findConfigFile(join(dir, 'x', 'y'))).toBeUndefined()
    expect(findConfigFile('/')).toBeUndefined()
  })
})

describe('loadConfig', () => {
  it('reads every field and sets filePath', () => {
    const c = loadConfig(join(PROJECT, 'planlint.config.yaml'))
    expect(c.filePath).toBe(join(PROJECT, 'planlint.config.yaml'))
    expect(c.rules).toEqual({ 'lead-unit': 'error', 'target-quantified': ['warn', { years: [2025] }], numbering: 'off' })
    expect(c.ignores).toEqual(['drafts/old/**'])
    expect(c.exemptions).toEqual([{ population: 'farmers', reason: expect.stringContaining('城区') }])
    expect(c.asOf).toBe('2022-06-30')
    expect(c.status).toBe('final')
  })

  it('makes a preset path absolute relative to the config file; leaves ids and packages alone', () => {
    expect(loadConfig(join(PROJECT, 'planlint.config.yaml')).preset).toBe(join(PROJECT, 'presets', 'local.yaml'))
    const dir = scratch({ 'a.yaml': 'preset: nanchang\n', 'b.yaml': "preset: '@office/planlint-preset-city'\n" })
    expect(loadConfig(join(dir, 'a.yaml')).preset).toBe('nanchang')
    expect(loadConfig(join(dir, 'b.yaml')).preset).toBe('@office/planlint-preset-city')
  })

  it('treats an empty file as an empty config', () => {
    const dir = scratch({ 'planlint.config.yaml': '# 暂无设置\n' })
    expect(loadConfig(join(dir, 'planlint.config.yaml'))).toEqual({ filePath: join(dir, 'planlint.config.yaml') })
  })

  it('caches by path and mtime, and returns a frozen object', () => {
    const dir = scratch({ 'planlint.config.yaml': 'status: draft\n' })
    const file = join(dir, 'planlint.config.yaml')
    const first = loadConfig(file)
    expect(loadConfig(file)).toBe(first)
    expect(Object.isFrozen(first)).toBe(true)
    writeFileSync(file, 'status: final\n')
    const later = new Date(Date.now() + 5000)
    utimesSync(file, later, later)
    expect(loadConfig(file).status).toBe('final')
  })
})

describe('resolveConfig', () => {
  const file = join(PROJECT, 'drafts', '2024', 'plan.txt')

  it('finds the config upward from the linted file', () => {
    expect(resolveConfig(file).filePath).toBe(join(PROJECT, 'planlint.config.yaml'))
    expect(resolveConfig('drafts/2024/plan.txt', { cwd: PROJECT }).filePath).toBe(join(PROJECT, 'planlint.config.yaml'))
  })

  it('lets --config win over a config next to the file', () => {
    const c = resolveConfig(file, { configPath: join(FIXTURES, 'other', 'planlint.config.yml') })
    expect(c.preset).toBe('jiangxi')
    expect(resolveConfig(file, { configPath: 'other/planlint.config.yml', cwd: FIXTURES }).preset).toBe('jiangxi')
  })

  it('searches from cwd for stdin', () => {
    expect(resolveConfig(undefined, { cwd: join(PROJECT, 'drafts') }).filePath).toBe(join(PROJECT, 'planlint.config.yaml'))
  })

  it('returns {} when there is no config', () => {
    const dir = scratch({ 'plan.txt': '一、总体要求\n' })
    expect(resolveConfig(join(dir, 'plan.txt'))).toEqual({})
    expect(resolveConfig(undefined, { cwd: dir })).toEqual({})
  })

  it('fails clearly when --config names a missing file', () => {
    expect(errorOf(() => resolveConfig(file, { configPath: join(tmp, 'nope.yaml') }))).toMatch(/nope\.yaml: 找不到配置文件/)
  })
})

describe('bad configs give one line naming file, path and expectation', () => {
  const cases: [string, string, RegExp][] = [
    ['unknown severity', 'rules:\n  lead-unit: warning\n', /planlint\.config\.yaml: rules\.lead-unit: 规则设置应为off、info、warn、error、0、1、2 或 \[严重程度, 选项\]，实际为字符串 "warning"，是不是“warn”？/],
    ['unknown severity in an array', 'rules:\n  lead-unit: [erorr, {}]\n', /rules\.lead-unit: 规则设置的第一项（严重程度）应为 off、info、warn、error、0、1 或 2，实际为字符串 "erorr"，是不是“error”？/],
    ['severity out of range', 'rules:\n  lead-unit: 3\n', /rules\.lead-unit: 规则设置应为.*实际为数字 3/],
    ['exemption without reason', 'exemptions:\n  - population: farmers\n', /planlint\.config\.yaml: exemptions\[0\]\.reason: 缺少必填字段，应为接受该问题的理由/],
    ['exemption with an empty reason', 'exemptions:\n  - { population: farmers, reason: "  " }\n', /exemptions\[0\]\.reason: 应为接受该问题的理由（非空文字）/],
    ['exemption without population', 'exemptions:\n  - reason: 城区\n', /exemptions\[0\]: 应为形如 \{rule: 规则id/],
    ['ignores as a string', 'ignores: "drafts/**"\n', /planlint\.config\.yaml: ignores: 应为要忽略的文件 glob 组成的数组.*实际为字符串 "drafts\/\*\*"/],
    ['preset as a number', 'preset: 42\n', /preset: 应为预设：.*实际为数字 42/],
    ['misspelt key', 'rule:\n  lead-unit: off\n', /planlint\.config\.yaml: rule: 不认识的字段，是不是“rules”？/],
    ['unknown key', 'colour: red\n', /colour: 不认识的字段（可用的字段：.*preset.*rules/],
    ['status', 'status: published\n', /status: 应为以下之一：draft、final，实际为字符串 "published"/],
    ['asOf format', 'asOf: 2024年1月1日\n', /asOf: 应为日期，格式 YYYY-MM-DD/],
    ['asOf impossible date', 'asOf: "2025-02-30"\n', /asOf: “2025-02-30”不是有效的日期/],
    ['not a mapping', '- preset: national\n', /planlint\.config\.yaml: 不是配置文件：配置文件应为 YAML 映射（“键: 值”的写法）/],
    ['YAML syntax', 'preset: national\n  rules: x\n', /planlint\.config\.yaml:\d+:\d+: YAML 语法错误：/],
  ]
  it.each(cases)('%s', (_name, text, expected) => {
    const dir = scratch({ 'planlint.config.yaml': text })
    expect(errorOf(() => loadConfig(join(dir, 'planlint.config.yaml')))).toMatch(expected)
  })
})

describe('normalizeSeverity', () => {
  it.each<[RuleSetting, number, unknown]>([
    ['off', 0, undefined],
    ['info', 1, undefined],
    ['warn', 1, undefined],
    ['error', 2, undefined],
    [0, 0, undefined],
    [1, 1, undefined],
    [2, 2, undefined],
    [['warn'], 1, undefined],
    [['error', { max: 3 }], 2, { max: 3 }],
    [[1, 'a', 'b'], 1, ['a', 'b']],
  ])('%j → severity %i', (setting, severity, options) => {
    const r = normalizeSeverity(setting)
    expect(r.severity).toBe(severity)
    expect(r.options).toEqual(options)
    // only the name info gives a note; ESLint's numbers keep their meaning
    expect(r.level).toBe(setting === 'info' || (Array.isArray(setting) && setting[0] === 'info') ? 'info' : undefined)
  })

  it('["info", options] is a note with its options', () => {
    expect(normalizeSeverity(['info', { max: 3 }])).toEqual({ severity: 1, level: 'info', options: { max: 3 } })
  })

  it.each<[unknown, RegExp]>([
    ['warning', /规则设置应为off、info、warn、error、0、1、2 或 \[严重程度, 选项\]，实际为字符串 "warning"，是不是“warn”？/],
    ['notice', /实际为字符串 "notice"，是不是“info”？/],
    [3, /实际为数字 3/],
    [true, /实际为布尔值 true/],
    [[], /不能是空数组/],
    [['x'], /第一项（严重程度）/],
    [null, /实际为空值/],
  ])('rejects %j', (setting, expected) => {
    expect(errorOf(() => normalizeSeverity(setting as RuleSetting))).toMatch(expected)
  })

  it('names where the setting came from', () => {
    expect(errorOf(() => normalizeSeverity('bad' as RuleSetting, 'x.yaml: rules.foo'))).toMatch(/^x\.yaml: rules\.foo: 规则设置应为/)
  })
})
