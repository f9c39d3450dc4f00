/**
 * Config: `planlint.config.yaml` (or `.yml`), found upward from the linted file, or given
 * with `--config`. Validated against `config-schema.json`; every problem is one line naming
 * the file, the path inside it and what was expected.
 *
 * Rule ids are not checked here (the engine knows the rules); only the shape is.
 */
import { statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { PlanlintError } from '../errors.js'
import { cached, contentKey } from '../support/cache.js'
import { looksLikePath } from '../presets/resolve.js'
import { trustedRun } from '../presets/trust.js'
import { dataError, describeValue, didYouMean, getValidator, validateOrThrow } from '../presets/validate.js'
import { displayPath, parseYamlText, readTextFile, requireMapping } from '../presets/yaml.js'
import type { PlanlintConfig } from './types.js'
import type { RuleSetting, Severity } from '../engine/types.js'
import { unsafeGlobReason } from '../text/safe-pattern.js'

// Imported (not read at run time) so that the single-file build carries it.
import configSchema from './config-schema.json' with { type: 'json' }

/** File names looked for, in order, in each directory. */
export const CONFIG_FILE_NAMES = ['planlint.config.yaml', 'planlint.config.yml'] as const

function isFile(p: string): boolean {
  try {
    // a missing name is the common case (two names in every folder up to the root, at every
    // lint through the library): answered without building an exception
    return statSync(p, { throwIfNoEntry: false })?.isFile() ?? false
  } catch {
    return false // not a folder on the way, no permission: no config file there
  }
}

/**
 * Looks for a config file in `startDir` and each directory above it, up to the filesystem
 * root. Returns the absolute path of the first one found.
 */
export function findConfigFile(startDir: string): string | undefined {
  let dir = resolve(startDir)
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const file = join(dir, name)
      if (isFile(file)) return file
    }
    const up = dirname(dir)
    if (up === dir) return undefined
    dir = up
  }
}

/** A rule's severity as the engine runs it: 0 off, 1 warn, 2 error; `info` is 1 with level info. */
export interface NormalizedSeverity {
  severity: Severity
  level?: 'info'
}
const SEVERITY_NAMES: Record<string, NormalizedSeverity> = { off: { severity: 0 }, info: { severity: 1, level: 'info' }, warn: { severity: 1 }, error: { severity: 2 } }
const EXPECTED_SETTING = 'off、info、warn、error、0、1、2 或 [严重程度, 选项]'

function severityOf(value: unknown): NormalizedSeverity | undefined {
  if (typeof value === 'string' && Object.hasOwn(SEVERITY_NAMES, value)) return { ...SEVERITY_NAMES[value]! }
  if (value === 0 || value === 1 || value === 2) return { severity: value }
  return undefined
}

function badSetting(value: unknown, where: string | undefined, inArray: boolean): PlanlintError {
  const typo = typeof value === 'string' ? didYouMean(value, ['off', 'info', 'warn', 'error']) : undefined
  const hint = value === 'warning' ? '，是不是“warn”？' : value === 'note' || value === 'notice' ? '，是不是“info”？' : typo ? `，是不是“${typo}”？` : ''
  const what = inArray ? `规则设置的第一项（严重程度）应为 off、info、warn、error、0、1 或 2` : `规则设置应为${EXPECTED_SETTING}`
  return new PlanlintError(`${what}，实际为${describeValue(value)}${hint}`, where)
}

/**
 * Normalises a rule setting: `off|info|warn|error|0|1|2` or `[severity, options]`.
 * With more than one option after the severity, `options` is the array of them.
 * @param where how to name the setting in the error, e.g. `planlint.config.yaml: rules.lead-unit`
 * @throws PlanlintError with one line saying what was expected.
 */
export function normalizeSeverity(setting: RuleSetting, where?: string): NormalizedSeverity & { options?: unknown } {
  if (Array.isArray(setting)) {
    if (setting.length === 0) throw new PlanlintError(`规则设置不能是空数组，应为${EXPECTED_SETTING}`, where)
    const severity = severityOf(setting[0])
    if (severity === undefined) throw badSetting(setting[0], where, true)
    if (setting.length === 1) return severity
    return { ...severity, options: setting.length === 2 ? setting[1] : setting.slice(1) }
  }
  const severity = severityOf(setting)
  if (severity === undefined) throw badSetting(setting, where, false)
  return severity
}

function isValidDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso
}

const cache = new Map<string, { mtime: number; run: number | undefined; config: PlanlintConfig }>()
const schemaText = JSON.stringify(configSchema)

/** Shape checks of a config file's data (the rule settings first, for their clearer errors). */
function checkConfig(data: unknown, file: string): PlanlintConfig {
  const rules = (data as { rules?: unknown }).rules
  if (rules && typeof rules === 'object' && !Array.isArray(rules)) {
    for (const [id, setting] of Object.entries(rules)) {
      normalizeSeverity(setting as RuleSetting, `${displayPath(file)}: rules.${id}`)
    }
  }
  validateOrThrow(getValidator('config', configSchema), data, file)
  const config = data as PlanlintConfig
  if (config.asOf !== undefined && !isValidDate(config.asOf)) {
    throw dataError(file, 'asOf', `“${config.asOf}”不是有效的日期`)
  }
  return config
}

/**
 * Reads and validates a config file. An empty file is an empty config. A `preset` written
 * as a path is made absolute (relative to the config file's directory). `filePath` is set.
 * Cached by path and modification time; the result is frozen.
 * @throws PlanlintError (exit 2) for unreadable files, YAML errors and schema violations.
 */
export function loadConfig(filePath: string): PlanlintConfig {
  const file = resolve(filePath)
  const hit = cache.get(file)
  const run = trustedRun()
  if (hit && run !== undefined && hit.run === run) return hit.config
  let mtime: number
  try {
    mtime = statSync(file).mtimeMs
  } catch {
    throw new PlanlintError('找不到配置文件', displayPath(file))
  }
  if (hit && hit.mtime === mtime) {
    hit.run = run
    return hit.config
  }

  const text = readTextFile(file, '配置文件')
  const data = cached(contentKey('config', schemaText, text), () => {
    const parsed = parseYamlText(text, file)
    requireMapping(parsed, file, '配置文件')
    return checkConfig(parsed ?? {}, file)
  })
  // user globs are compiled to backtracking regexes: refuse the shapes that explode
  ;(data.ignores ?? []).forEach((glob, i) => {
    const why = unsafeGlobReason(glob)
    if (why) throw new PlanlintError(`ignores[${i}]: 模式“${glob.length > 40 ? glob.slice(0, 40) + '…' : glob}”被拒绝：${why}`, displayPath(file))
  })
  const config = { ...data, filePath: file }
  if (config.preset !== undefined && looksLikePath(config.preset)) {
    config.preset = resolve(dirname(file), config.preset)
  }
  delete (config as { $schema?: unknown }).$schema
  const frozen = Object.freeze(config)
  cache.set(file, { mtime, run, config: frozen })
  return frozen
}

/** Forgets loaded configs (for long-running processes and tests). */
export function clearConfigCache(): void {
  cache.clear()
  lookups.clear()
}

/**
 * The config that applies to a file: `opts.configPath` (`--config`) wins; else the first
 * config file found upward from the file's directory (or from `opts.cwd` for stdin, when
 * `forFile` is undefined); else `{}`.
 */
export function resolveConfig(forFile: string | undefined, opts: { configPath?: string; cwd?: string } = {}): PlanlintConfig {
  const cwd = resolve(opts.cwd ?? process.cwd())
  if (opts.configPath !== undefined) return loadConfig(resolve(cwd, opts.configPath))
  const start = forFile === undefined ? cwd : dirname(resolve(cwd, forFile))
  const found = configFileFor(start)
  return found ? loadConfig(found) : {}
}

const lookups = new Map<string, { file: string | undefined; run: number }>()

/**
 * `findConfigFile`, remembered per directory during a trusted run (`beginTrustedRun`, the
 * CLI's): looking stats two names in every directory up to the root, for every file.
 */
function configFileFor(dir: string): string | undefined {
  const run = trustedRun()
  if (run === undefined) return findConfigFile(dir)
  const hit = lookups.get(dir)
  if (hit && hit.run === run) return hit.file
  const file = findConfigFile(dir)
  if (lookups.size > 10_000) lookups.clear()
  lookups.set(dir, { file, run })
  return file
}
