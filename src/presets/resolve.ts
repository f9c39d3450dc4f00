/**
 * Where presets live and how a preset reference (`national`, `./my.yaml`,
 * `planlint-preset-foo`, `@scope/planlint-preset-foo`) becomes a file path.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PlanlintError } from '../errors.js'
import { packageRoot } from '../support/package-info.js'

export { packageRoot }

/** Absolute path of the bundled `presets/` directory. */
export function presetsDir(): string {
  return join(packageRoot(), 'presets')
}

/** Ids of the bundled presets (`presets/*.yaml`), sorted. */
export function bundledIds(): string[] {
  return readdirSync(presetsDir())
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => f.replace(/\.ya?ml$/, ''))
    .sort()
}

const PACKAGE_RE = /^(?:@[a-z0-9][\w.-]*\/)?planlint-preset-[\w.-]+$/i

/** True for `planlint-preset-foo` and `@scope/planlint-preset-foo`. */
export function isPresetPackageName(ref: string): boolean {
  return PACKAGE_RE.test(ref)
}

/** True when a reference is written as a file path rather than an id or package name. */
export function looksLikePath(ref: string): boolean {
  if (isPresetPackageName(ref)) return false
  return (
    ref.startsWith('.') ||
    isAbsolute(ref) ||
    ref.includes('/') ||
    ref.includes('\\') ||
    /\.ya?ml$/i.test(ref)
  )
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile()
  } catch {
    return false
  }
}

/**
 * Finds the preset file of an installed package, looked up from `fromDir` the way Node
 * does (`node_modules` upward). The file is the package's `main` when that is a YAML file,
 * else `preset.yaml` / `preset.yml` in the package. Returns undefined when not installed.
 * @throws PlanlintError when the package is installed but holds no preset file.
 */
export function resolvePresetPackage(name: string, fromDir: string): string | undefined {
  const req = createRequire(join(fromDir, '__planlint__.js'))
  const dirs = req.resolve.paths(name) ?? []
  for (const nm of dirs) {
    const pkgDir = join(nm, name)
    const pkgJson = join(pkgDir, 'package.json')
    if (!isFile(pkgJson)) continue
    let main: unknown
    try {
      main = (JSON.parse(readFileSync(pkgJson, 'utf8')) as { main?: unknown }).main
    } catch {
      throw new PlanlintError(`预设包 ${name} 的 package.json 不是有效的 JSON`, pkgJson)
    }
    const candidates: string[] = []
    if (typeof main === 'string' && /\.ya?ml$/i.test(main)) candidates.push(resolve(pkgDir, main))
    candidates.push(join(pkgDir, 'preset.yaml'), join(pkgDir, 'preset.yml'))
    for (const c of candidates) if (isFile(c)) return c
    throw new PlanlintError(
      `预设包 ${name} 里找不到预设文件：package.json 的 main 应指向 .yaml 文件，或在包根目录放 preset.yaml`,
      pkgDir,
    )
  }
  return undefined
}

export interface ResolvedRef {
  file: string
  kind: 'bundled' | 'path' | 'package'
}

/**
 * Resolves a preset reference. `baseDir` is where relative paths and packages are looked
 * up from (the working directory, or the directory of the preset that `extends` it).
 * Returns undefined when nothing matches; the caller words the error.
 */
export function resolvePresetRef(ref: string, baseDir: string): ResolvedRef | undefined {
  if (isPresetPackageName(ref)) {
    const file = resolvePresetPackage(ref, baseDir)
    return file ? { file, kind: 'package' } : undefined
  }
  if (looksLikePath(ref)) {
    const file = resolve(baseDir, ref)
    return isFile(file) ? { file, kind: 'path' } : undefined
  }
  for (const ext of ['.yaml', '.yml']) {
    const file = join(presetsDir(), ref + ext)
    if (/^[A-Za-z0-9][\w.-]*$/.test(ref) && isFile(file)) return { file, kind: 'bundled' }
  }
  // A short name for an installed package, as ESLint does: `foo` → `planlint-preset-foo`.
  if (/^[a-z0-9][\w.-]*$/i.test(ref)) {
    const file = resolvePresetPackage(`planlint-preset-${ref}`, baseDir)
    if (file) return { file, kind: 'package' }
  }
  return undefined
}
