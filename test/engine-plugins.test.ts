import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { PlanlintError } from '../src/errors.js'
import { lintText } from '../src/lint/lint.js'
import { clearPluginCache, loadPlugins, pluginNamespace, pluginPackageNames } from '../src/config/plugins.js'
import { getRules } from '../src/lint/rule-registry.js'
import { minimalPreset } from '../src/testing/empty-plan.js'
import type { PlanlintConfig } from '../src/types.js'

const fixtures = fileURLToPath(new URL('./fixtures/plugins/', import.meta.url))
/** A config as if loaded from test/fixtures/plugins/planlint.config.yaml. */
const cfg = (extra: Partial<PlanlintConfig>): PlanlintConfig => ({ filePath: join(fixtures, 'planlint.config.yaml'), ...extra })
const preset = minimalPreset()

beforeEach(() => clearPluginCache())

describe('local plugins', () => {
  it('lintText refuses a config whose plugins were not loaded, saying what to do', () => {
    const call = () => lintText('foo', { config: cfg({ plugins: ['./planlint-plugin-demo.js'] }), preset })
    expect(call).toThrow(PlanlintError)
    expect(call).toThrow(/插件「\.\/planlint-plugin-demo\.js」尚未加载.*await loadPlugins\(config\)/)
  })

  it('loads a plugin relative to the config file; its rules are namespaced and run like built-ins', async () => {
    const config = cfg({ plugins: ['./planlint-plugin-demo.js'], rules: { 'demo/no-foo': 'error' } })
    const [plugin] = await loadPlugins(config)
    expect(plugin!.namespace).toBe('demo')
    // Plugin rules are off until configured.
    expect(lintText('foo', { config: { ...config, rules: {} }, preset }).messages).toEqual([])
    expect([...getRules(config).keys()]).toContain('demo/no-foo')
    const r = lintText('甲 foo 乙\n<!-- planlint-disable-next-line demo/no-foo -- 演示 -->\nfoo', { config, preset })
    expect(r.messages.map((m) => [m.ruleId, m.severity, m.line, m.column, m.message])).toEqual([
      ['demo/no-foo', 2, 1, 3, '不要写「foo」'],
    ])
    expect(r.messages[0]!.url).toBe('https://example.test/demo/no-foo')
    const fixed = lintText('foo foo', { config, preset, fix: true })
    expect(fixed.output).toBe('bar bar')
  })

  it('plugin rule options are validated like built-ins', async () => {
    const config = cfg({ plugins: ['./planlint-plugin-demo.js'], rules: { 'demo/no-foo': ['warn', { word: 7 }] } })
    await loadPlugins(config)
    expect(() => lintText('foo', { config, preset })).toThrow(/规则 demo\/no-foo 的选项无效：\/word 应为 string 类型/)
  })

  it('refuses a plugin rule without docs, schema or messages, naming rule and plugin', async () => {
    const load = loadPlugins(cfg({ plugins: ['./missing-meta.js'] }))
    await expect(load).rejects.toThrow(PlanlintError)
    await expect(loadPlugins(cfg({ plugins: ['./missing-meta.js'] }))).rejects.toThrow(
      /^插件 \.\/missing-meta\.js（.*missing-meta\.js）: 规则 half-done 无效：缺少 meta\.docs$/,
    )
  })

  it('a missing plugin file or a module that does not parse is one clear line', async () => {
    await expect(loadPlugins(cfg({ plugins: ['./nope.js'] }))).rejects.toThrow(/^找不到插件文件「\.\/nope\.js」/)
    const err = await loadPlugins(cfg({ plugins: ['./syntax-error.js'] })).catch((e: Error) => e)
    expect(err).toBeInstanceOf(PlanlintError)
    expect((err as Error).message).toMatch(/无法加载插件「\.\/syntax-error\.js」：/)
    expect((err as Error).message).not.toContain('\n')
  })
})

describe('plugin packages', () => {
  const dir = mkdtempSync(join(tmpdir(), 'planlint-plugins-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('resolves planlint-plugin-<name> from the config folder, ESM-only exports included', async () => {
    const pkg = join(dir, 'node_modules', 'planlint-plugin-pkg')
    mkdirSync(join(pkg, 'lib'), { recursive: true })
    writeFileSync(
      join(pkg, 'package.json'),
      JSON.stringify({ name: 'planlint-plugin-pkg', type: 'module', exports: { '.': { import: './lib/index.js' } } }),
    )
    writeFileSync(
      join(pkg, 'lib', 'index.js'),
      `export const rules = { 'no-x': { meta: { id: 'no-x', type: 'problem', severity: 'error',
        docs: { description: { zh: '甲', en: 'a' }, url: 'u' }, schema: { type: 'object' }, messages: { x: 'x' } },
        create: (ctx) => ({ plan: () => ctx.report({ messageId: 'x', range: [0, 1] }) }) } }`,
    )
    const config: PlanlintConfig = { filePath: join(dir, 'planlint.config.yaml'), plugins: ['pkg'], rules: { 'pkg/no-x': 'warn' } }
    const [p] = await loadPlugins(config)
    expect(p!.namespace).toBe('pkg')
    expect(lintText('甲', { config, preset }).messages.map((m) => m.ruleId)).toEqual(['pkg/no-x'])
    await expect(loadPlugins({ ...config, plugins: ['absent'] })).rejects.toThrow(/找不到插件「absent」：请在 .* 下安装 planlint-plugin-absent/)
  })

  it('names packages and namespaces the ESLint way', () => {
    expect(pluginPackageNames('foo')).toEqual(['planlint-plugin-foo', 'foo'])
    expect(pluginPackageNames('@org/foo')).toEqual(['@org/planlint-plugin-foo', '@org/foo'])
    expect(pluginPackageNames('@org')).toEqual(['@org/planlint-plugin', '@org'])
    expect(pluginPackageNames('planlint-plugin-foo')).toEqual(['planlint-plugin-foo'])
    expect(pluginNamespace('@org/planlint-plugin-foo')).toBe('@org/foo')
    expect(pluginNamespace('@org/planlint-plugin')).toBe('@org')
  })
})
