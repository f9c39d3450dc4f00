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
import { BoundedReadError, readRegularTextSync } from '../io/read-bounded.js'
import { writeFileAtomic } from './write.js'

export const DEFAULT_CACHE_FILE = '.planlintcache'
// 3: results count notes at the info level apart (`infoCount`, messages' `level: 'info'`)
const FORMAT = 3
/** A cache is a few KB per file; one over this is not ours. */
const MAX_CACHE_BYTES = 256 * 1024 * 1024

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)
const isCount = (x: unknown): boolean => typeof x === 'number' && Number.isInteger(x) && x >= 0

function isMessage(m: unknown): boolean {
  if (!isObject(m)) return false
  const range = m.range
  return (
    (m.ruleId === null || typeof m.ruleId === 'string') &&
    (m.severity === 1 || m.severity === 2) &&
    (m.level === undefined || (m.level === 'info' && m.severity === 1)) &&
    typeof m.message === 'string' &&
    isCount(m.line) &&
    isCount(m.column) &&
    isCount(m.endLine) &&
    isCount(m.endColumn) &&
    Array.isArray(range) &&
    range.length === 2 &&
    isCount(range[0]) &&
    isCount(range[1]) &&
    (m.location === undefined || isObject(m.location)) &&
    (m.suggestions === undefined || Array.isArray(m.suggestions)) &&
    (m.fix === undefined || (isObject(m.fix) && Array.isArray(m.fix.range) && typeof m.fix.text === 'string'))
  )
}

/** A stored LintResult planlint can report without crashing. */
function isResult(r: unknown): r is LintResult {
  return (
    isObject(r) &&
    typeof r.filePath === 'string' &&
    Array.isArray(r.messages) &&
    r.messages.every(isMessage) &&
    ['errorCount', 'warningCount', 'infoCount', 'fatalErrorCount', 'fixableErrorCount', 'fixableWarningCount'].every((k) => isCount(r[k])) &&
    (r.source === undefined || typeof r.source === 'string') &&
    (r.preset === undefined || (isObject(r.preset) && typeof r.preset.id === 'string' && typeof r.preset.reason === 'string'))
  )
}

/** The entries of a parsed cache file, or undefined when its shape is not ours. */
export function cacheEntriesOf(data: unknown): CacheFile['entries'] | undefined {
  if (!isObject(data) || data.format !== FORMAT || !isObject(data.entries)) return undefined
  for (const e of Object.values(data.entries)) {
    if (!isObject(e) || typeof e.key !== 'string' || !isResult(e.result)) return undefined
  }
  return data.entries as CacheFile['entries']
}

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
  private pluginsModule?: typeof import('../config/plugins.js')

  /** A one-line note for stderr when the cache file was discarded. */
  readonly warning?: string

  constructor(
    file: string,
    private readonly settings: CacheSettings,
  ) {
    this.file = file
    const read = LintCache.read(file)
    this.entries = read.entries ?? {}
    if (read.problem) {
      // A cache file that exists but is not ours (corrupt, wrong shape, older format) is rebuilt.
      this.dirty = true
      this.warning = `缓存文件无效（${read.problem}），已忽略并将重建`
    }
  }

  /** The stored entries; none (with the reason) when the file is missing, unreadable or not ours. */
  private static read(file: string): { entries?: CacheFile['entries']; problem?: string } {
    let text: string
    try {
      text = readRegularTextSync(file, { what: '缓存文件', maxBytes: MAX_CACHE_BYTES })
    } catch (e) {
      if (e instanceof BoundedReadError && e.kind === 'not-found') return {}
      return { problem: e instanceof Error ? e.message.slice(e.message.indexOf(': ') + 2) : String(e) }
    }
    let data: unknown
    try {
      data = JSON.parse(text)
    } catch {
      return { problem: '不是 JSON' }
    }
    const entries = cacheEntriesOf(data)
    return entries ? { entries } : { problem: '内容结构不对' }
  }

  private async modules() {
    this.engine ??= await import('../index.js')
    this.presetsModule ??= await import('../presets/index.js')
    this.pluginsModule ??= await import('../config/plugins.js')
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
