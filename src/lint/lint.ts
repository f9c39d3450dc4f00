/**
 * The public pipeline: config → plugins → preset → parse → buildPlan → rules → directives →
 * fix loop. `lintText` is synchronous (plugins must have been loaded with `loadPlugins`);
 * `lintFiles` reads files, resolves the config per file, loads plugins and honours `ignores`.
 */
import { detectPreset } from '../presets/detect.js'
import { dirname, relative, resolve } from 'node:path'
import { globMatcher } from '../text/safe-pattern.js'
import { PlanlintError } from '../errors.js'
import { loadPreset } from '../presets/index.js'
import type { PlanlintConfig } from '../config/types.js'
import type { LintResult, RuleSetting } from '../engine/types.js'
import type { SourceText } from '../io/types.js'
import type { PlanTree } from '../plan/types.js'
import type { Preset } from '../presets/types.js'
import { resolveConfig } from '../config/config.js'
import { groupMessages } from '../engine/group.js'
import { lintCore, makeResult } from '../engine/lint-core.js'
import { analysePlan } from './analyse.js'
import { analyseText } from './processor.js'
import { getLoadedUnifiedPlugins, loadPlugins } from '../config/plugins.js'
import { knownRules, resolveRuleEntries, type KnownRule, type SettingLayer } from './rule-registry.js'
import { needsWords } from './tree-depth.js'
import type { Rule } from '../rules-support/context.js'
import { timed, timedAsync } from '../engine/timing.js'

export interface LintOptions {
  /** Path of the linted text (for config lookup and messages); `<text>` when absent. */
  filePath?: string
  cwd?: string
  /** Use this config instead of looking one up. */
  config?: PlanlintConfig
  /** Config file to use instead of looking one up (`--config`). */
  configFile?: string
  /** Preset id, path or object (`--preset`); beats the config's `preset`. */
  preset?: string | Preset
  /** `--rule` overrides, highest precedence. */
  rules?: Record<string, RuleSetting>
  /** Apply fixes; the fixed text is returned as `output`. */
  fix?: boolean
  /** The input adapter's result, so messages point where the user sees them (Word/PDF). */
  source?: SourceText
}

export interface LintFilesOptions extends Omit<LintOptions, 'filePath' | 'source'> {
  /** Force an input encoding (`--encoding`). */
  encoding?: string
  /**
   * What to do with a file the config's `ignores` match: `true` (default) returns a result
   * with one warning saying so, as ESLint does for files named explicitly; `false` leaves
   * the file out (for files found by expanding a folder or glob).
   */
  warnIgnored?: boolean
}

/**
 * Which preset a document is linted against, and why. Today: the option, then the config,
 * then `national`. Detection from the title's jurisdiction plugs in here.
 */
export function choosePreset(
  plan: PlanTree,
  config: PlanlintConfig,
  options: Pick<LintOptions, 'preset' | 'cwd'> = {},
): { preset: Preset; reason: string } {
  const cwd = resolve(options.cwd ?? process.cwd())
  if (options.preset !== undefined) {
    if (typeof options.preset === 'object') return { preset: options.preset, reason: '调用参数指定' }
    return { preset: loadPreset(options.preset, { cwd }), reason: '命令行或调用参数 preset 指定' }
  }
  if (config.preset) {
    const base = config.filePath ? dirname(resolve(config.filePath)) : cwd
    return {
      preset: loadPreset(config.preset, { cwd: base }),
      reason: config.filePath ? `配置文件 ${config.filePath} 指定` : '配置指定',
    }
  }
  const detected = detectPreset(plan)
  return { preset: loadPreset(detected.id, { cwd }), reason: detected.reason }
}

/** Where rule settings come from, lowest precedence first: the preset, the config, `--rule`. */
export function ruleLayers(preset: Preset, config: PlanlintConfig, options: Pick<LintOptions, 'rules'> = {}): SettingLayer[] {
  return [
    { rules: preset.rules, source: preset.filePath ?? `预设 ${preset.id}` },
    { rules: config.rules, source: config.filePath ?? '配置' },
    { rules: options.rules, source: '--rule' },
  ]
}

export function configFor(filePath: string | undefined, options: LintOptions): PlanlintConfig {
  if (options.config) return options.config
  const real = filePath && filePath !== '<stdin>' && filePath !== '<text>' ? filePath : undefined
  const opts: { configPath?: string; cwd?: string } = {}
  if (options.configFile !== undefined) opts.configPath = options.configFile
  if (options.cwd !== undefined) opts.cwd = options.cwd
  return resolveConfig(real, opts)
}

/**
 * Runs the processor on the input once (parser, plan plugin, the config's unified plugins) and chooses its preset. The trees are handed out once (to
 * the first lint pass) and then dropped, so that a --fix pass over a large file does not
 * hold the first text's trees while it builds the fixed text's. (Nothing here closes over
 * the trees but `once`: a closure over them would keep them alive for the whole run.)
 */
function prepareInput(text: string, config: PlanlintConfig, options: LintOptions, known: ReadonlyMap<string, KnownRule>) {
  const unified = getLoadedUnifiedPlugins(config, options.cwd !== undefined ? { cwd: options.cwd } : {})
  // sentences' words only when a rule or plugin of this run may read them
  const words = needsWords(rulesOf(known), unified)
  const analysis = analyseText(text, unified, { words })
  const { preset, reason } = timed('preset', () => choosePreset(analysis.plan, config, options))
  return { preset, reason, unified, words, takeAnalysis: once(analysis) }
}

function* rulesOf(known: ReadonlyMap<string, KnownRule>): Iterable<Rule> {
  for (const k of known.values()) yield k.rule
}

/** A function that returns `value` the first time and undefined after, holding it no longer. */
function once<T>(value: T): () => T | undefined {
  let held: T | undefined = value
  return () => {
    const v = held
    held = undefined
    return v
  }
}

/** Lints one text synchronously. Plugins named by the config must be loaded first. */
export function lintText(text: string, options: LintOptions = {}): LintResult {
  if (typeof text !== 'string') throw new PlanlintError('lintText 需要一个字符串')
  const filePath = options.filePath ?? options.source?.filePath ?? '<text>'
  const config = timed('config', () => configFor(filePath, options))
  const pluginOpts = options.cwd !== undefined ? { cwd: options.cwd } : {}
  const known = knownRules(config, pluginOpts)

  checkExemptionRules(config, known)

  const input = prepareInput(text, config, options, known)
  const { preset, reason } = input

  const rules = resolveRuleEntries(known, ruleLayers(preset, config, options))
  const locate = options.source && options.source.text === text ? options.source.locate.bind(options.source) : undefined

  const source = locate ? options.source : undefined
  const out = lintCore({
    text,
    filePath,
    rules,
    knownRuleIds: new Set(known.keys()),
    fix: options.fix === true,
    // the input's trees are built already; a fixed text is parsed again, without the adapter's source
    analyse: (t, first) => {
      const analysis = first ? input.takeAnalysis() : undefined
      const { unified, words } = input
      return analysis ? analysePlan(t, { preset, config, source, analysis, unified }) : analysePlan(t, { preset, config, unified, words })
    },
    suppression: config,
    ...(locate ? { locate, source: options.source! } : {}),
  })
  // one finding per distinct problem, with every place
  const messages = timed('group', () => groupMessages(out.output, out.messages))
  return makeResult(filePath, messages, {
    ...(out.fixed ? { output: out.output } : {}),
    source: out.output,
    preset: { id: preset.id, reason },
    suppressedMessages: out.suppressed,
  })
}

/** An exemption naming a rule that does not exist would silently exempt nothing: say so. */
function checkExemptionRules(config: PlanlintConfig, known: ReadonlyMap<string, unknown>): void {
  ;(config.exemptions ?? []).forEach((e, i) => {
    if ('rule' in e && !known.has(e.rule)) {
      throw new PlanlintError(`exemptions[${i}].rule: 未知规则「${e.rule}」（planlint rules 列出全部规则）`, config.filePath)
    }
  })
}

/** True when `filePath` matches the config's `ignores` (globs relative to the config's folder). */
export function isIgnored(filePath: string, config: PlanlintConfig, cwd?: string): boolean {
  const ignores = config.ignores
  if (!ignores || ignores.length === 0) return false
  const base = config.filePath ? dirname(resolve(config.filePath)) : resolve(cwd ?? process.cwd())
  const rel = relative(base, resolve(cwd ?? process.cwd(), filePath)).split('\\').join('/')
  if (rel.startsWith('../')) return false
  return globMatcher(ignores)(rel)
}

/** Reads and lints files one after another. */
export async function lintFiles(paths: string[], options: LintFilesOptions = {}): Promise<LintResult[]> {
  const results: LintResult[] = []
  for (const path of paths) {
    const config = timed('config', () => configFor(path, options))
    if (isIgnored(path, config, options.cwd)) {
      if (options.warnIgnored === false) continue
      results.push(
        makeResult(path, [
          {
            ruleId: null,
            severity: 1,
            message: '该文件被配置中的 ignores 忽略，未检查',
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 1,
            range: [0, 0],
          },
        ]),
      )
      continue
    }
    await loadPlugins(config, options.cwd !== undefined ? { cwd: options.cwd } : {})
    // Input adapters load on first use: lintText alone never pays for them.
    const { readSource } = await import('../io/index.js')
    const source = await timedAsync('read', () => readSource(path, options.encoding !== undefined ? { encoding: options.encoding } : {}))
    // Fixes are written back to .txt/.md only; a Word or PDF file is linted as it is (annotate writes its fixes).
    const fix = options.fix === true && (source.format === 'txt' || source.format === 'md')
    results.push(lintText(source.text, { ...options, fix, filePath: path, config, source }))
  }
  return results
}
