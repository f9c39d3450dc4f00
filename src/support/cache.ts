/**
 * A content-addressed cache of parsed and validated data files (presets, the unit
 * dictionary, config). Parsing YAML and compiling schemas costs far more than a lint run
 * of one plan, so the checked result is kept as JSON keyed by a hash of the file's text and
 * of the schema it was checked against: a changed file or schema is a miss, never stale.
 *
 * The cache lives in `node_modules/.cache/planlint` of the planlint package (the usual
 * place for tool caches), or in `$PLANLINT_CACHE_DIR`; `PLANLINT_NO_CACHE=1` turns it off.
 * Only successful results are cached; writes are atomic (temp file + rename) and every
 * cache failure silently falls back to parsing.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { packageRoot } from './package-info.js'

/** Bump when the shape of cached values changes. */
const CACHE_VERSION = '1'

let dir: string | null | undefined

function cacheDir(): string | null {
  if (dir !== undefined) return dir
  if (process.env.PLANLINT_NO_CACHE === '1') return (dir = null)
  const candidate = process.env.PLANLINT_CACHE_DIR || join(packageRoot(), 'node_modules', '.cache', 'planlint')
  try {
    mkdirSync(candidate, { recursive: true })
    dir = candidate
  } catch {
    dir = null
  }
  return dir
}

/** Hash of the given parts (text of the file, of its schema, …). */
export function contentKey(...parts: string[]): string {
  const h = createHash('sha1')
  h.update(CACHE_VERSION)
  for (const p of parts) h.update('\0').update(p)
  return h.digest('hex')
}

/**
 * Returns the cached value for `key`, or computes it (which may throw; errors are not
 * cached), stores it and returns it. Values must be JSON data.
 */
export function cached<T>(key: string, compute: () => T): T {
  const d = cacheDir()
  const file = d ? join(d, `${key}.json`) : undefined
  if (file) {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as T
    } catch {
      // miss or unreadable: compute below
    }
  }
  const value = compute()
  if (file) {
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`
    try {
      writeFileSync(tmp, JSON.stringify(value))
      renameSync(tmp, file)
    } catch {
      // read-only install or full disk: run without the cache
      rmSync(tmp, { force: true })
    }
  }
  return value
}

/** For tests: forget the resolved cache directory (re-read the environment). */
export function resetCacheDir(): void {
  dir = undefined
}
