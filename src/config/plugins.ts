/**
 * Plugins are code: loaded only when a config names them, resolved from the config's folder
 * (never installed or fetched). Two kinds:
 *
 * - `unifiedPlugins: [name | [name, options]]`: third-party unified/retext plugins (the
 *   module's default export is the attacher), run in planlint's pipeline on its tree
 *   (src/lint/third-party.ts). The name is used exactly as written; a path is relative to
 *   the config's folder.
 *
 * Rule plugins: `plugins: [name-or-path]` in a config loads ES modules exporting
 * `{ rules: { [localId]: Rule } }` (named or as the default export). A package
 * `planlint-plugin-foo` (written `foo`, `planlint-plugin-foo`, `@scope/foo` →
 * `@scope/planlint-plugin-foo`) is resolved from the config file's folder; a path (starting
 * with `.` or `/`) is relative to it. Rules are namespaced `foo/rule-id` and validated like
 * built-ins.
 *
 * `import()` is asynchronous and `lintText` is not: `await loadPlugins(config)` first (the
 * CLI and `lintFiles` do); it caches the modules, and `lintText` reads the cache and throws
 * a clear error when a configured plugin was not loaded.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { PlanlintError } from '../errors.js'
import type { Pluggable } from 'unified'
import type { PlanlintConfig, UnifiedPluginSetting } from './types.js'
import type { Rule } from '../engine/types.js'
import { validateRuleMeta } from '../engine/rule.js'

export interface LoadedPlugin {
  /** As written in the config. */
  spec: string
  /** Namespace of its rules: `foo` for `planlint-plugin-foo`. */
  namespace: string
  /** Resolved module file. */
  path: string
  /** Full rule id (`foo/rule-id`) → rule. */
  rules: Map<string, Rule>
}

/** `${baseDir}\0${spec}` → plugin. */
const cache = new Map<string, LoadedPlugin>()

/** Folder plugin paths and package names are resolved from. */
export function pluginBaseDir(config: PlanlintConfig, cwd?: string): string {
  return config.filePath ? dirname(resolve(config.filePath)) : resolve(cwd ?? process.cwd())
}

function isPathSpec(spec: string): boolean {
  return spec.startsWith('.') || isAbsolute(spec) || /^[a-zA-Z]:[\\/]/.test(spec)
}

/** Package names to try for a spec, preferred first. */
export function pluginPackageNames(spec: string): string[] {
  if (/^(@[^/]+\/)?planlint-plugin(-|$)/.test(spec)) return [spec]
  if (spec.startsWith('@')) {
    const [scope, rest] = spec.split('/', 2) as [string, string | undefined]
    return [rest ? `${scope}/planlint-plugin-${rest}` : `${scope}/planlint-plugin`, spec]
  }
  return [`planlint-plugin-${spec}`, spec]
}

/** The namespace of a package name: `@scope/planlint-plugin-foo` → `@scope/foo`. */
export function pluginNamespace(packageName: string): string {
  const m = /^(@[^/]+)\/planlint-plugin(?:-(.+))?$/.exec(packageName)
  if (m) return m[2] ? `${m[1]}/${m[2]}` : m[1]!
  return packageName.replace(/^planlint-plugin-/, '')
}

function packageEntry(pkgDir: string): string | undefined {
  const pkgPath = join(pkgDir, 'package.json')
  if (!existsSync(pkgPath)) return undefined
  let pkg: Record<string, unknown>
  try {
    pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as Record<string, unknown>
  } catch {
    return undefined
  }
  const pick = (e: unknown): string | undefined => {
    if (typeof e === 'string') return e
    if (e && typeof e === 'object' && !Array.isArray(e)) {
      const o = e as Record<string, unknown>
      if ('.' in o) return pick(o['.'])
      for (const k of ['import', 'node', 'default']) {
        const r = pick(o[k])
        if (r) return r
      }
    }
    return undefined
  }
  const entry = pick(pkg.exports) ?? (pkg.module as string | undefined) ?? (pkg.main as string | undefined) ?? 'index.js'
  const full = resolve(pkgDir, entry)
  return existsSync(full) ? full : undefined
}

function resolvePackage(name: string, baseDir: string): string | undefined {
  const require = createRequire(join(baseDir, '__planlint__.js'))
  try {
    return require.resolve(name)
  } catch {
    // ESM-only packages (exports with only an `import` condition): find the folder ourselves.
    for (const dir of require.resolve.paths(name) ?? []) {
      const found = packageEntry(join(dir, name))
      if (found) return found
    }
    return undefined
  }
}

/** Resolves a plugin spec to a module file and a namespace, synchronously. */
export function resolvePlugin(spec: string, baseDir: string): { path: string; namespace: string } {
  if (isPathSpec(spec)) {
    const full = resolve(baseDir, spec)
    if (!existsSync(full)) throw new PlanlintError(`找不到插件文件「${spec}」（查找位置：${full}）`)
    const stem = basename(full, extname(full))
    return { path: full, namespace: stem.replace(/^planlint-plugin-/, '') }
  }
  for (const name of pluginPackageNames(spec)) {
    const found = resolvePackage(name, baseDir)
    if (found) return { path: found, namespace: pluginNamespace(name) }
  }
  throw new PlanlintError(
    `找不到插件「${spec}」：请在 ${baseDir} 下安装 ${pluginPackageNames(spec)[0]}（npm install -D ${pluginPackageNames(spec)[0]}）`,
  )
}

function cacheKey(baseDir: string, spec: string): string {
  return `${baseDir}\0${spec}`
}

/** Validates a plugin module's export and namespaces its rules. */
export function pluginFromModule(mod: unknown, spec: string, path: string, fallbackNamespace: string): LoadedPlugin {
  const m = mod as { rules?: unknown; name?: unknown; default?: { rules?: unknown; name?: unknown } }
  const body = m && typeof m === 'object' && m.rules === undefined && m.default ? m.default : m
  const where = `插件 ${spec}（${path}）`
  const rules = body?.rules
  if (!rules || typeof rules !== 'object' || Array.isArray(rules)) {
    throw new PlanlintError('插件没有导出 rules 对象（应导出 { rules: { 规则名: 规则 } }）', where)
  }
  const namespace = typeof body.name === 'string' && body.name.trim() ? body.name.trim() : fallbackNamespace
  const out = new Map<string, Rule>()
  for (const [localId, rule] of Object.entries(rules as Record<string, unknown>)) {
    validateRuleMeta(rule, where)
    if (rule.meta.id !== localId) {
      throw new PlanlintError(`规则 ${localId} 的 meta.id 是「${rule.meta.id}」，两者应相同`, where)
    }
    out.set(`${namespace}/${localId}`, rule)
  }
  return { spec, namespace, path, rules: out }
}

/** Loads (once) every plugin the config names — rule plugins and unified plugins; awaited
 * before `lintText` can use them. Returns the rule plugins. */
export async function loadPlugins(config: PlanlintConfig, opts: { cwd?: string } = {}): Promise<LoadedPlugin[]> {
  await loadUnifiedPlugins(config, opts)
  const specs = config.plugins ?? []
  if (specs.length === 0) return []
  const baseDir = pluginBaseDir(config, opts.cwd)
  const out: LoadedPlugin[] = []
  for (const spec of specs) {
    const key = cacheKey(baseDir, spec)
    let plugin = cache.get(key)
    if (!plugin) {
      const { path, namespace } = resolvePlugin(spec, baseDir)
      let mod: unknown
      try {
        mod = await import(pathToFileURL(path).href)
      } catch (e) {
        throw new PlanlintError(`无法加载插件「${spec}」：${((e as Error).message ?? String(e)).split('\n')[0]}`, path)
      }
      plugin = pluginFromModule(mod, spec, path, namespace)
      cache.set(key, plugin)
    }
    out.push(plugin)
  }
  return out
}

/** The plugins of a config from the cache; throws if one has not been loaded yet. */
export function getLoadedPlugins(config: PlanlintConfig, opts: { cwd?: string } = {}): LoadedPlugin[] {
  const specs = config.plugins ?? []
  if (specs.length === 0) return []
  const baseDir = pluginBaseDir(config, opts.cwd)
  return specs.map((spec) => {
    const plugin = cache.get(cacheKey(baseDir, spec))
    if (!plugin) {
      throw new PlanlintError(
        `插件「${spec}」尚未加载：lintText 是同步函数，请先 await loadPlugins(config)（lintFiles 和命令行会自动加载）`,
        config.filePath,
      )
    }
    return plugin
  })
}

/** Every plugin loaded so far. */
export function allLoadedPlugins(): LoadedPlugin[] {
  return [...new Set(cache.values())]
}

/** Forgets loaded plugins (for the language server after a config change, and tests). */
export function clearPluginCache(): void {
  cache.clear()
  unifiedCache.clear()
}

/** A unified plugin named in the config, loaded. */
export interface LoadedUnifiedPlugin {
  /** The rule id its messages are reported under: the package name, or a path's file name. */
  id: string
  /** As written in the config. */
  spec: string
  /** Resolved module file. */
  path: string
  /** The attacher (the module's default export) and its options. */
  attacher: Pluggable
  options: unknown[]
}

const unifiedCache = new Map<string, { id: string; path: string; attacher: Pluggable }>()

function unifiedSpec(setting: UnifiedPluginSetting): { spec: string; options: unknown[] } {
  return typeof setting === 'string' ? { spec: setting, options: [] } : { spec: setting[0], options: setting.slice(1) }
}

/** The rule id of a unified plugin: `retext-repeated-words`; a path's file name (`./lib/my-plugin.js` → `my-plugin`). */
export function unifiedPluginId(spec: string, path: string): string {
  return isPathSpec(spec) ? basename(path, extname(path)) : spec
}

/** A unified plugin's module file: a path relative to `baseDir`, or a package installed there. */
function resolveUnifiedPlugin(spec: string, baseDir: string): string {
  if (isPathSpec(spec)) {
    const full = resolve(baseDir, spec)
    if (!existsSync(full)) throw new PlanlintError(`找不到 unified 插件文件「${spec}」（查找位置：${full}）`)
    return full
  }
  const found = resolvePackage(spec, baseDir)
  if (!found) throw new PlanlintError(`找不到 unified 插件「${spec}」：请在 ${baseDir} 下安装它（npm install -D ${spec}）`)
  return found
}

/** Loads (once) every unified plugin the config names. */
export async function loadUnifiedPlugins(config: PlanlintConfig, opts: { cwd?: string } = {}): Promise<LoadedUnifiedPlugin[]> {
  const settings = config.unifiedPlugins ?? []
  if (settings.length === 0) return []
  const baseDir = pluginBaseDir(config, opts.cwd)
  const out: LoadedUnifiedPlugin[] = []
  for (const setting of settings) {
    const { spec, options } = unifiedSpec(setting)
    const key = cacheKey(baseDir, spec)
    let loaded = unifiedCache.get(key)
    if (!loaded) {
      const path = resolveUnifiedPlugin(spec, baseDir)
      let mod: { default?: unknown }
      try {
        mod = (await import(pathToFileURL(path).href)) as { default?: unknown }
      } catch (e) {
        throw new PlanlintError(`无法加载 unified 插件「${spec}」：${((e as Error).message ?? String(e)).split('\n')[0]}`, path)
      }
      if (typeof mod.default !== 'function') {
        throw new PlanlintError(`「${spec}」不是 unified 插件：它的默认导出应是一个插件函数`, path)
      }
      loaded = { id: unifiedPluginId(spec, path), path, attacher: mod.default as Pluggable }
      unifiedCache.set(key, loaded)
    }
    out.push({ ...loaded, spec, options })
  }
  return out
}

/** The unified plugins of a config from the cache; throws if one has not been loaded yet. */
export function getLoadedUnifiedPlugins(config: PlanlintConfig, opts: { cwd?: string } = {}): LoadedUnifiedPlugin[] {
  const settings = config.unifiedPlugins ?? []
  if (settings.length === 0) return []
  const baseDir = pluginBaseDir(config, opts.cwd)
  return settings.map((setting) => {
    const { spec, options } = unifiedSpec(setting)
    const loaded = unifiedCache.get(cacheKey(baseDir, spec))
    if (!loaded) {
      throw new PlanlintError(
        `unified 插件「${spec}」尚未加载：lintText 是同步函数，请先 await loadPlugins(config)（lintFiles 和命令行会自动加载）`,
        config.filePath,
      )
    }
    return { ...loaded, spec, options }
  })
}
