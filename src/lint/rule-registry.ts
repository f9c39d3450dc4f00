/**
 * Which rules exist (built-ins plus loaded plugins) and which run, at what severity and
 * with which options. Settings are layered: the rule's own default (a built-in is on at
 * `meta.severity` unless `docs.recommended: false`; a plugin rule is off until configured),
 * then the preset's `rules`, the config's `rules`, and `--rule` overrides last. A severity-only setting keeps the options of an earlier layer, as in ESLint.
 */
import { builtinRules } from '../../rules/index.js'
import { PlanlintError } from '../errors.js'
import type { PlanlintConfig } from '../config/types.js'
import type { RuleSetting } from '../engine/types.js'
import type { Rule } from '../rules-support/context.js'
import { normalizeSeverity } from '../config/config.js'
import { allLoadedPlugins, getLoadedPlugins, getLoadedUnifiedPlugins } from '../config/plugins.js'
import { thirdPartyRule } from './third-party.js'
import { validateRuleMeta } from '../engine/rule.js'
import type { RuleEntry } from '../engine/runner.js'
import { editDistance } from '../text/edit-distance.js'
import { checkListenerKeys } from './listener-keys.js'

export const BUILTIN_SOURCE = '内置规则'
/** Where the rule of a third-party unified plugin comes from (its messages; on when named). */
export const UNIFIED_SOURCE = 'unified 插件'

let builtins: Map<string, Rule> | undefined

/** Built-in rules by id, validated once. */
export function builtinRuleMap(): Map<string, Rule> {
  if (!builtins) {
    const map = new Map<string, Rule>()
    for (const rule of builtinRules) {
      validateRuleMeta(rule, `${BUILTIN_SOURCE} rules/${(rule as Rule)?.meta?.id ?? '?'}.ts`)
      if (map.has(rule.meta.id)) throw new PlanlintError(`内置规则 ${rule.meta.id} 重复注册`)
      map.set(rule.meta.id, rule)
    }
    builtins = map
  }
  return builtins
}

export interface KnownRule {
  rule: Rule
  source: string
}

/** Built-ins plus the plugins of `config` (which must be loaded), or every loaded plugin. */
export function knownRules(config?: PlanlintConfig, opts: { cwd?: string } = {}): Map<string, KnownRule> {
  const out = new Map<string, KnownRule>()
  for (const [id, rule] of builtinRuleMap()) out.set(id, { rule, source: BUILTIN_SOURCE })
  const plugins = config ? getLoadedPlugins(config, opts) : allLoadedPlugins()
  for (const p of plugins) {
    for (const [id, rule] of p.rules) {
      const source = `插件 ${p.spec}（${p.path}）`
      // A misspelt listener key is a load error, not a listener that never runs (once per rule).
      checkListenerKeys(rule, source, config)
      out.set(id, { rule, source })
    }
  }
  for (const u of config ? getLoadedUnifiedPlugins(config, opts) : []) {
    if (out.has(u.id)) throw new PlanlintError(`unified 插件「${u.spec}」的名称与已有规则 ${u.id} 相同`, config?.filePath)
    out.set(u.id, { rule: thirdPartyRule(u), source: `${UNIFIED_SOURCE} ${u.spec}（${u.path}）` })
  }
  return out
}

/** Public: every rule id → rule (built-ins and the plugins of `config`, or all loaded). */
export function getRules(config?: PlanlintConfig, opts: { cwd?: string } = {}): Map<string, Rule> {
  const out = new Map<string, Rule>()
  for (const [id, k] of knownRules(config, opts)) out.set(id, k.rule)
  return out
}


/** The known id closest to `id`. */
export function closestRuleId(id: string, known: Iterable<string>): string | undefined {
  let best: string | undefined
  let bestD = Infinity
  for (const k of known) {
    const d = editDistance(id, k)
    if (d < bestD) (best = k), (bestD = d)
  }
  return best
}

export interface SettingLayer {
  rules?: Record<string, RuleSetting>
  /** Where the settings come from (a file path, `--rule`), for error messages. */
  source: string
}

/** Enabled rules with severity and options, from layered settings. */
export function resolveRuleEntries(known: Map<string, KnownRule>, layers: SettingLayer[]): Map<string, RuleEntry> {
  const state = new Map<string, { severity: 0 | 1 | 2; level?: 'info'; options?: unknown; settingSource?: string }>()
  for (const [id, { rule, source }] of known) {
    // Built-ins are on unless `recommended: false`; plugin rules only when configured; a
    // unified plugin's messages are on (at warn) since naming the plugin configured it.
    const on = source === BUILTIN_SOURCE || source.startsWith(UNIFIED_SOURCE) ? rule.meta.docs.recommended !== false : false
    if (on) state.set(id, rule.meta.severity === 'error' ? { severity: 2 } : rule.meta.severity === 'info' ? { severity: 1, level: 'info' } : { severity: 1 })
  }
  for (const layer of layers) {
    if (!layer.rules) continue
    for (const [id, setting] of Object.entries(layer.rules)) {
      if (!known.has(id)) {
        const near = closestRuleId(id, known.keys())
        throw new PlanlintError(`未知规则「${id}」${near ? `，是否想写「${near}」？` : ''}`, layer.source)
      }
      const norm = normalizeSeverity(setting, `${layer.source}: rules.${id}`)
      const before = state.get(id)
      state.set(id, {
        severity: norm.severity,
        ...(norm.level ? { level: norm.level } : {}),
        options: norm.options !== undefined ? norm.options : before?.options,
        settingSource: norm.options !== undefined ? layer.source : (before?.settingSource ?? layer.source),
      })
    }
  }
  const out = new Map<string, RuleEntry>()
  for (const [id, s] of state) {
    if (s.severity === 0) continue
    const k = known.get(id)!
    const entry: RuleEntry = { rule: k.rule, severity: s.severity, source: k.source }
    if (s.level) entry.level = s.level
    if (s.options !== undefined) entry.options = s.options
    if (s.settingSource !== undefined) entry.settingSource = s.settingSource
    out.set(id, entry)
  }
  return out
}
