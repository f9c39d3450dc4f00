/**
 * `planlint --print-config FILE`: the configuration a lint of FILE runs with, as ESLint's
 * `--print-config` shows it — the config file found (or given), the preset chosen and why
 * (with its chain of upper plans), and every known rule with its level and its options after
 * the rule's defaults are merged in. It runs the same functions as a lint (config lookup,
 * plugin loading, `choosePreset`, the preset/config/--rule layers), so what it prints is what
 * lint uses. Output: JSON on stdout, nothing else.
 */
import fs from 'node:fs'
import path from 'node:path'
import { PlanlintError } from '../errors.js'
import type { Exemption } from '../types.js'
import type { CliIO } from './lint.js'
import { collectRules } from './rule-option.js'
import { levelOfEntry } from '../engine/levels.js'

export interface PrintConfigOptions {
  preset?: string
  config?: string
  rule: string[]
}

export interface PrintedConfig {
  filePath: string
  /** The config file used, relative to the working directory; null when none was found. */
  configFile: string | null
  /** `file`: the preset's YAML file; null for a bundled preset (`bundled: true`). */
  preset: { id: string; title: string; chain: string[]; bundled: boolean; file: string | null; reason: string }
  status?: 'draft' | 'final'
  asOf?: string
  ignores: string[]
  plugins: string[]
  exemptions: Exemption[]
  /** rule id → [level] or [level, options]; `off` rules are listed too. */
  rules: Record<string, ['off'] | ['info' | 'warn' | 'error', Record<string, unknown>?]>
}

const rel = (cwd: string, p: string) => path.relative(cwd, p) || '.'

export async function resolvedConfigFor(file: string, opts: PrintConfigOptions, io: Pick<CliIO, 'cwd'>): Promise<PrintedConfig> {
  const abs = path.resolve(io.cwd, file)
  let isFile = false
  try {
    isFile = fs.statSync(abs).isFile()
  } catch {
    throw new PlanlintError('找不到该文件', file)
  }
  if (!isFile) throw new PlanlintError('不是文件（--print-config 说明一个文件所用的配置）', file)
  const [{ readSource }, { buildPlan }, { parseText }, { configFor, choosePreset, ruleLayers }, { loadPlugins }, { knownRules, resolveRuleEntries }, { resolveRuleOptions }] =
    await Promise.all([
      import('../io/index.js'),
      import('../plan/index.js'),
      import('../parse/index.js'),
      import('../lint/lint.js'),
      import('../config/plugins.js'),
      import('../lint/rule-registry.js'),
      import('../engine/runner.js'),
    ])
  const { presetsDir } = await import('../presets/resolve.js')
  const lintOptions = {
    cwd: io.cwd,
    ...(opts.config === undefined ? {} : { configFile: path.resolve(io.cwd, opts.config) }),
    ...(opts.preset === undefined ? {} : { preset: opts.preset }),
    ...(opts.rule.length > 0 ? { rules: collectRules(opts.rule) } : {}),
  }
  const config = configFor(abs, lintOptions)
  await loadPlugins(config, { cwd: io.cwd })
  const known = knownRules(config, { cwd: io.cwd })
  const source = await readSource(abs)
  const plan = buildPlan(source.text, parseText(source.text))
  const { preset, reason } = choosePreset(plan, config, lintOptions)
  const enabled = resolveRuleEntries(known, ruleLayers(preset, config, lintOptions))
  const bundled = preset.filePath !== undefined && path.resolve(preset.filePath).startsWith(presetsDir() + path.sep)
  const rules: PrintedConfig['rules'] = {}
  for (const id of [...known.keys()].sort()) {
    const entry = enabled.get(id)
    if (!entry) {
      rules[id] = ['off']
      continue
    }
    const options = resolveRuleOptions(id, entry)
    const level = levelOfEntry(entry)
    rules[id] = Object.keys(options).length > 0 ? [level, options] : [level]
  }
  return {
    filePath: rel(io.cwd, abs),
    configFile: config.filePath ? rel(io.cwd, path.resolve(config.filePath)) : null,
    preset: { id: preset.id, title: preset.title, chain: preset.chain, bundled, file: bundled || !preset.filePath ? null : rel(io.cwd, preset.filePath), reason: reason.split(io.cwd + path.sep).join('') },
    ...(config.status ? { status: config.status } : {}),
    ...(config.asOf ? { asOf: config.asOf } : {}),
    ignores: config.ignores ?? [],
    plugins: config.plugins ?? [],
    exemptions: config.exemptions ?? [],
    rules,
  }
}

/** Runs `planlint --print-config FILE`. */
export async function runPrintConfig(file: string, opts: PrintConfigOptions, io: CliIO): Promise<number> {
  const printed = await resolvedConfigFor(file, opts, io)
  io.stdout.write(JSON.stringify(printed, null, 2) + '\n')
  return 0
}
