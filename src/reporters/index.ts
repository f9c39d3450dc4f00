/**
 * Formatter registry. Each formatter lives in its own module and is imported only when
 * asked for, so `--format json` never loads the stylish reporter.
 *
 * A name that is not built in is loaded like an ESLint formatter: a path (`./my.js`,
 * `/abs/x.mjs`) is imported from the working directory; any other name is the package
 * `planlint-formatter-<name>` (`@scope/x` → `@scope/planlint-formatter-x`), resolved from
 * the working directory. The module exports (default) a function `(results, context) => string`.
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { PlanlintError } from '../errors.js'
import type { Formatter } from './types.js'

export type { Formatter, FormatterContext } from './types.js'

type Loader = () => Promise<Formatter>

const formatters = new Map<string, Loader>([
  ['stylish', async () => (await import('./stylish.js')).stylish],
  ['json', async () => (await import('./json.js')).json],
  ['sarif', async () => (await import('./sarif.js')).sarif],
  ['github', async () => (await import('./github.js')).github],
  ['html', async () => (await import('./html.js')).html],
  ['junit', async () => (await import('./junit.js')).junit],
  ['gitlab', async () => (await import('./gitlab.js')).gitlab],
  ['rdjson', async () => (await import('./rdjson.js')).rdjson],
])

/** Names of the formatters that can be passed to `--format`. */
export function listFormatters(): string[] {
  return [...formatters.keys()]
}

/** Adds a formatter under `name`; `load` is called the first time it is asked for. */
export function registerFormatter(name: string, load: Loader): void {
  formatters.set(name, load)
}

/** True when `name` names a registered formatter. */
export function hasFormatter(name: string): boolean {
  return formatters.has(name)
}

function unknown(name: string): PlanlintError {
  return new PlanlintError(
    `未知的输出格式“${name}”，可用的格式：${listFormatters().join('、')}（也可安装 ${packageName(name)} 或给出格式模块的路径）`,
  )
}

/** True when `name` is meant as a file path rather than a package name. */
function looksLikePath(name: string): boolean {
  return /^\.{1,2}[\\/]/.test(name) || path.isAbsolute(name) || /\.(c|m)?js$/i.test(name)
}

/** The npm package a third-party format name stands for, ESLint-style. */
export function packageName(name: string): string {
  if (name.startsWith('@')) {
    const [scope, rest] = name.split('/', 2) as [string, string | undefined]
    if (!rest) return `${scope}/planlint-formatter`
    return rest.startsWith('planlint-formatter') ? name : `${scope}/planlint-formatter-${rest}`
  }
  return name.startsWith('planlint-formatter-') ? name : `planlint-formatter-${name}`
}

async function importFormatter(file: string, name: string): Promise<Formatter> {
  let mod: Record<string, unknown>
  try {
    mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e)
    throw new PlanlintError(`无法加载输出格式“${name}”：${why}`)
  }
  const fn = typeof mod.default === 'function' ? mod.default : typeof mod.format === 'function' ? mod.format : undefined
  if (typeof fn !== 'function') {
    throw new PlanlintError(`输出格式“${name}”（${file}）没有导出格式化函数 (results, context) => string`)
  }
  const format = fn as Formatter
  return (results, context) => {
    let out: unknown
    try {
      out = format(results, context)
    } catch (e) {
      throw new PlanlintError(`输出格式“${name}”出错：${e instanceof Error ? e.message.split('\n')[0] : String(e)}`)
    }
    if (typeof out !== 'string') throw new PlanlintError(`输出格式“${name}”没有返回文本（应返回字符串）`)
    return out
  }
}

/**
 * The formatter called `name`: built in, a module path, or a `planlint-formatter-*`
 * package found from `cwd`. A PlanlintError naming the available ones otherwise.
 */
export async function getFormatter(name: string, opts: { cwd?: string } = {}): Promise<Formatter> {
  const load = formatters.get(name)
  if (load) return load()
  if (name.trim() === '') throw unknown(name)
  const cwd = opts.cwd ?? process.cwd()
  if (looksLikePath(name)) {
    const file = path.resolve(cwd, name)
    const fs = await import('node:fs')
    if (!fs.existsSync(file)) throw new PlanlintError(`找不到输出格式模块 ${name}`)
    return importFormatter(file, name)
  }
  let resolved: string
  try {
    resolved = createRequire(path.join(cwd, '__planlint__.js')).resolve(packageName(name))
  } catch {
    throw unknown(name)
  }
  return importFormatter(resolved, name)
}
