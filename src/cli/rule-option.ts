/**
 * Parses `--rule` values: `id:severity` (`lead-unit:off`, `lead-unit:info`, `lead-unit:2`) or
 * `id:[severity, options]` as JSON (`lead-unit:["warn",{"allowVague":true}]`).
 */
import { PlanlintError } from '../errors.js'
import type { RuleSetting, RuleSeverityName } from '../engine/types.js'

const SEVERITIES = new Set<unknown>(['off', 'info', 'warn', 'error', 0, 1, 2])
const HINT = '写法示例：--rule lead-unit:error 或 --rule \'lead-unit:["warn",{…}]\''

function parseSeverity(raw: string): RuleSetting | undefined {
  const s = raw.trim()
  if (/^[012]$/.test(s)) return Number(s) as 0 | 1 | 2
  return SEVERITIES.has(s) ? (s as RuleSeverityName) : undefined
}

/** Parses one `--rule` value; throws PlanlintError with a one-line explanation. */
export function parseRuleOption(value: string): [string, RuleSetting] {
  const colon = value.indexOf(':')
  if (colon <= 0) throw new PlanlintError(`--rule 的值“${value}”缺少级别。${HINT}`)
  const id = value.slice(0, colon).trim()
  const rest = value.slice(colon + 1).trim()
  if (rest.startsWith('[')) {
    let parsed: unknown
    try {
      parsed = JSON.parse(rest)
    } catch {
      throw new PlanlintError(`--rule ${id} 的设置不是合法的 JSON：${rest}。${HINT}`)
    }
    if (!Array.isArray(parsed) || parsed.length === 0 || !SEVERITIES.has(parsed[0])) {
      throw new PlanlintError(`--rule ${id} 的设置应为 [级别, 选项]，级别是 off、info、warn 或 error。${HINT}`)
    }
    return [id, parsed as RuleSetting]
  }
  const sev = parseSeverity(rest)
  if (sev === undefined) {
    throw new PlanlintError(`--rule ${id} 的级别“${rest}”无效，应为 off、info、warn 或 error（或 0、1、2）`)
  }
  return [id, sev]
}

/** Collects repeated `--rule` values into one record (later values win). */
export function collectRules(values: string[]): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {}
  for (const v of values) {
    const [id, setting] = parseRuleOption(v)
    rules[id] = setting
  }
  return rules
}

/**
 * Throws for rule ids that are not known. Plugin rules are namespaced (`plugin/rule`) and
 * are checked by the engine once the plugin is loaded.
 */
export function checkRuleIds(rules: Record<string, RuleSetting>, known: Iterable<string>): void {
  const ids = new Set(known)
  for (const id of Object.keys(rules)) {
    if (ids.has(id) || id.includes('/')) continue
    const close = [...ids].filter((k) => k.includes(id) || id.includes(k)).slice(0, 3)
    const hint = close.length ? `，是否想写：${close.join('、')}？` : '（planlint rules 可列出全部规则）'
    throw new PlanlintError(`未知的规则“${id}”${hint}`, '--rule')
  }
}
