/**
 * The one place that knows where the planlint package is installed and what version it is.
 * Works from `src/…` (vitest) and `dist/src/…` (tsc).
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PlanlintError } from '../errors.js'

let rootCache: string | undefined
let manifestCache: { name?: string; version?: string; repository?: unknown } | undefined

/** The planlint package root: the nearest directory above this module holding
 * `presets/schema.json` and `package.json`. */
export function packageRoot(): string {
  if (rootCache) return rootCache
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    if (existsSync(join(dir, 'presets', 'schema.json')) && existsSync(join(dir, 'package.json'))) {
      rootCache = dir
      return dir
    }
    const up = dirname(dir)
    if (up === dir) throw new PlanlintError('找不到内置预设目录 presets/（planlint 安装不完整）')
    dir = up
  }
}

/** planlint's own package.json (empty when it cannot be read or is another package's). */
function manifest(): { name?: string; version?: string; repository?: unknown } {
  if (manifestCache) return manifestCache
  try {
    const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { name?: string; version?: string; repository?: unknown }
    manifestCache = pkg.name === 'planlint' ? pkg : {}
  } catch {
    manifestCache = {}
  }
  return manifestCache
}

/** planlint's own version, from its package.json (`0.0.0` when it cannot be read). */
export function packageVersion(): string {
  return manifest().version ?? '0.0.0'
}

/** package.json's `repository` field as written (string, {url} or undefined). */
export function packageRepositoryField(): unknown {
  return manifest().repository
}
