/**
 * `--cache`: remembers each file's result so an unchanged file is not linted again.
 *
 * A result is reused only when everything that could change it is the same. The key hashes
 * - the file's bytes;
 * - the resolved config (every field, including where it was found);
 * - the preset: the merged preset the config or `--preset` names (its whole content, so an
 *   edited preset file or a new preset package version invalidates), and always the bundled
 *   presets and unit dictionaries (which title detection and every chain end in);
 * - planlint's version, and the rule set: every known rule's id and metadata, plus the
 *   source of each plugin module the config loads;
 * - the command-line settings that reach the engine (`--rule`, `--preset`, `--encoding`).
 * Results with fatal messages are never stored, nor are files that could not be read. A
 * cache file that cannot be read or parsed is ignored and rewritten; one that cannot be
 * written costs a one-line note on stderr, never the run.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { LintResult, PlanlintConfig, RuleSetting } from '../types.js'
import { writeFileAtomic } from './write.js'

export const DEFAULT_CACHE_FILE = '.planlintcache'
const FORMAT = 2

export interface CacheSettings {
  cwd: string
  version: string
  rules?: Record<string, RuleSetting>
  preset?: string
  configFile?: string
  encoding?: string
}

interface CacheFile {
  format: number
  entries: Record<string, { key: string; result: LintResult }>
}

/** Where the cache lives: `--cache-location` (a file, or a directory to put it in) or cwd. */
export function cacheFilePath(cwd: string, location: string | undefined): string {
  if (location === undefined || location === '') return path.join(cwd, DEFAULT_CACHE_FILE)
  const abs = path.resolve(cwd, location)
  const isDir = /[\\/]$/.test(location) || (fs.existsSync(abs) && fs.statSync(abs).isDirectory())
  return isDir ? path.join(abs, DEFAULT_CACHE_FILE) : abs
}

function sha(...parts: (string | Uint8Array)[]): string {
  const h = createHash('sha256')
  for (const p of parts) {
    h.update(p)
    h.update('\u0000')
  }
  return h.digest('hex')
}

/** Every file under `dir` (sorted, recursive) with its content, hashed. */
function hashTree(dir: string): string {
  const h = createHash('sha256')
  const walk = (d: string) => {
    let entries: fs.Dirent[]
    try {
      entries = fs.readdirSync(d, { withFileTypes: true })
    } catch {
      return
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = path.join(d, e.name)
      if (e.isDirectory()) walk(p)
      else if (e.isFile()) h.update(path.relative(dir, p)).update('\u0000').update(fs.readFileSync(p)).update('\u0000')
    }
  }
  walk(dir)
  return h.digest('hex')
}

export class LintCache {
  readonly file: string
  private entries: CacheFile['entries'] = {}
  private dirty = false
  private readonly memo = new Map<string, string>()
  private engine?: typeof import('../index.js')
  private presetsModule?: typeof import('../presets/index.js')
  private pluginsModule?: typeof import('../engine/plugins.js')

  constructor(
    file: string,
    private readonly settings: CacheSettings,
  ) {
    this.file = file
    const read = LintCache.read(file)
    this.entries = read ?? {}
    // A cache file that exists but is not ours (corrupt, older format) is rewritten.
    if (read === undefined && fs.existsSync(file)) this.dirty = true
  }

  /** The stored entries, or none when the file is missing, unreadable or not ours. */
  private static read(file: string): CacheFile['entries'] | undefined {
    try {
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<CacheFile>
      if (data && data.format === FORMAT && data.entries && typeof data.entries === 'object' && !Array.isArray(data.entries)) {
        return data.entries
      }
    } catch {
      // missing or corrupt: start afresh (the file is rewritten on save)
    }
    return undefined
  }

  private async modules() {
    this.engine ??= await import('../index.js')
    this.presetsModule ??= await import('../presets/index.js')
    this.pluginsModule ??= await import('../engine/plugins.js')
    return { engine: this.engine, presets: this.presetsModule, plugins: this.pluginsModule }
  }

  private once(key: string, compute: () => string): string {
    let v = this.memo.get(key)
    if (v === undefined) {
      v = compute()
      this.memo.set(key, v)
    }
    return v
  }

  /** The key for `file` linted under `config`. */
  async keyFor(file: string, bytes: Uint8Array, config: PlanlintConfig): Promise<string> {
    const { engine, presets, plugins } = await this.modules()
    const s = this.settings
    const configJson = JSON.stringify(config)
    await engine.loadPlugins(config, { cwd: s.cwd })
    const rulesHash = this.once(`rules:${configJson}`, () => {
      const rules = [...engine.getRules(config, { cwd: s.cwd })].sort(([a], [b]) => (a < b ? -1 : 1))
      const metas = JSON.stringify(rules.map(([id, r]) => [id, r.meta]))
      const pluginSources = plugins.getLoadedPlugins(config, { cwd: s.cwd }).map((p) => {
        try {
          return sha(p.spec, fs.readFileSync(p.path))
        } catch {
          return sha(p.spec, p.path)
        }
      })
      return sha(metas, ...pluginSources)
    })
    const bundled = this.once('bundled', () => hashTree(presets.presetsDir()))
    const presetRef = s.preset ?? config.preset
    const presetBase = s.preset !== undefined ? s.cwd : config.filePath ? path.dirname(path.resolve(config.filePath)) : s.cwd
    const presetHash =
      presetRef === undefined
        ? 'detected'
        : this.once(`preset:${presetBase}:${presetRef}`, () => sha(JSON.stringify(presets.loadPreset(presetRef, { cwd: presetBase }))))
    const cli = JSON.stringify([s.rules ?? {}, s.preset ?? null, s.encoding ?? null, s.configFile ?? null])
    return sha(String(FORMAT), s.version, bytes, configJson, bundled, presetHash, rulesHash, cli, file)
  }

  /** The stored result for `file` when its key matches. */
  get(file: string, key: string): LintResult | undefined {
    const e = this.entries[file]
    return e && e.key === key && e.result && typeof e.result === 'object' ? e.result : undefined
  }

  /** Stores a result (never one with fatal messages). */
  set(file: string, key: string, result: LintResult): void {
    if (result.fatalErrorCount > 0 || result.messages.some((m) => m.fatal)) {
      if (this.entries[file]) {
        delete this.entries[file]
        this.dirty = true
      }
      return
    }
    this.entries[file] = { key, result }
    this.dirty = true
  }

  /** Drops a file's entry (it failed to lint). */
  forget(file: string): void {
    if (this.entries[file]) {
      delete this.entries[file]
      this.dirty = true
    }
  }

  /** Writes the cache atomically (dropping entries of files that no longer exist). */
  save(): void {
    for (const f of Object.keys(this.entries)) {
      if (!fs.existsSync(f)) {
        delete this.entries[f]
        this.dirty = true
      }
    }
    if (!this.dirty && fs.existsSync(this.file)) return
    fs.mkdirSync(path.dirname(this.file), { recursive: true })
    writeFileAtomic(this.file, JSON.stringify({ format: FORMAT, entries: this.entries } satisfies CacheFile))
    this.dirty = false
  }
}
