/**
 * The rule runner (the kernel): every enabled rule's `create(ctx)` once, then ONE walk of
 * the document, as the composition root's `walk` emits it (enter events, `key:exit` events,
 * with the ancestors of each node). Listeners are looked up in a map built once per run, and
 * the walker is told which keys have listeners, so a node type no rule listens to costs
 * nothing. A rule that throws becomes one fatal message naming it, is disabled for the rest
 * of the file, and the others go on. The runner knows no node type, parser, plan or preset.
 */
import { PlanlintError } from '../errors.js'
import type { Fix, LintMessage, Position, RelatedPlace, ReportDescriptor, Rule, RuleContext, Suggestion } from './types.js'
import { deepFreeze } from '../support/freeze.js'
import { textLocator, type Locate } from '../support/location.js'
import { formatAjvErrors, getOptionsValidator } from './rule.js'
import { addRule, timedListener, timingEnabled } from './timing.js'
import { resolveFix } from './rule-fixer.js'
import { levelOfEntry, lowerOf, messageLevel } from './levels.js'

export interface RuleEntry {
  rule: Rule
  /** 1 = warn, 2 = error (rules that are off are not in the map); a rule set to `info` runs
   * at severity 1 with `level: 'info'`, as its messages carry it. */
  severity: 1 | 2
  level?: 'info'
  /** The user's options (second item of `[severity, options]`), before defaults. */
  options?: unknown
  /** Where the rule came from, for error messages (`内置规则`, a plugin path). */
  source?: string
  /** Where its setting came from, for error messages (a config file, `--rule`). */
  settingSource?: string
}

/** Emits one document's nodes in order: `visit(key, node, ancestors)` for each node a
 * listener may want (`wants(key)`), and `visit(key + ':exit', …)` after its children. */
export type Walker = (
  visit: (key: string, node: unknown, ancestors: readonly unknown[]) => void,
  wants: (key: string) => boolean,
) => void

export interface RunRulesInput<Env extends object = object> {
  text: string
  /** What every rule's context carries besides the kernel's fields. */
  env: Env
  walk: Walker
  /** Rule id (as the user writes it, `foo/bar` for plugins) → enabled rule. */
  rules: Map<string, RuleEntry>
  filePath: string
  /** Offset → where the user sees it; defaults to line/column in `text`. */
  locate?: Locate
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Defaults deep-merged with user options; arrays and scalars from the user replace. */
export function mergeOptions(defaults: unknown, user: unknown): unknown {
  if (user === undefined) return structuredClone(defaults)
  if (isPlainObject(defaults) && isPlainObject(user)) {
    const out: Record<string, unknown> = structuredClone(defaults)
    for (const [k, v] of Object.entries(user)) out[k] = mergeOptions(defaults[k], v)
    return out
  }
  return user
}

/**
 * Merged and schema-checked options of a rule; invalid → PlanlintError naming rule and path.
 * Frozen, as ESLint freezes them: a rule reads its options and never changes them. The same
 * rule with the same options (no options, or the one object of a config read once and used for
 * every file it covers) is merged and checked once, not once per file.
 */
export function resolveRuleOptions(id: string, entry: RuleEntry): Record<string, unknown> {
  const { rule } = entry
  const validate = getOptionsValidator(rule, entry.source ?? '内置规则')
  const user = entry.options
  const memo = optionsMemo.get(rule)
  const known = user === undefined ? memo?.defaults : typeof user === 'object' && user !== null ? memo?.byObject.get(user) : undefined
  if (known) return known
  const merged = mergeOptions(rule.meta.defaultOptions ?? {}, user) ?? {}
  if (!validate(merged)) {
    throw new PlanlintError(
      `规则 ${id} 的选项无效：${formatAjvErrors(validate.errors)}`,
      entry.settingSource,
    )
  }
  // the user's own values are in `merged` as given: frozen in a copy, never in the caller's config
  let options: Record<string, unknown>
  try {
    options = deepFreeze(user === undefined ? (merged as Record<string, unknown>) : structuredClone(merged as Record<string, unknown>))
  } catch {
    return merged as Record<string, unknown> // a value that cannot be copied (a function): as before, unshared
  }
  const slot = memo ?? { byObject: new WeakMap<object, Record<string, unknown>>() }
  if (!memo) optionsMemo.set(rule, slot)
  if (user === undefined) slot.defaults = options
  else if (typeof user === 'object' && user !== null) slot.byObject.set(user, options)
  return options
}

/** Checked options per rule: for no options, and per user options object (weakly held, so a
 * long-running server that reloads its config does not keep the old ones). */
const optionsMemo = new WeakMap<Rule, { defaults?: Record<string, unknown>; byObject: WeakMap<object, Record<string, unknown>> }>()

const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g

/** Fills `{{name}}` from data; a placeholder without data stays as written. */
export function interpolate(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template
  return template.replace(PLACEHOLDER, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(data, key) ? String(data[key]) : whole,
  )
}

function offsetsOf(position: Position | undefined): [number, number] | undefined {
  const s = position?.start?.offset
  const e = position?.end?.offset
  if (typeof s !== 'number' || typeof e !== 'number') return undefined
  return [s, e]
}

interface Listener {
  id: string
  fn: (node: unknown) => void
}

export function compareMessages(a: LintMessage, b: LintMessage): number {
  return a.line - b.line || a.column - b.column || a.range[0] - b.range[0] || a.range[1] - b.range[1]
}

/** Builds a message at [start, end) with line/column from `locate`. */
export function makeMessage(
  locate: Locate,
  range: [number, number],
  fields: Omit<LintMessage, 'line' | 'column' | 'endLine' | 'endColumn' | 'range'>,
): LintMessage {
  const s = locate(range[0])
  const e = locate(range[1])
  const msg: LintMessage = {
    ...fields,
    line: s.line,
    column: s.column,
    endLine: e.line,
    endColumn: e.column,
    range,
  }
  if (s.paragraph !== undefined || s.page !== undefined) {
    msg.location = {}
    if (s.paragraph !== undefined) msg.location.paragraph = s.paragraph
    if (s.page !== undefined) msg.location.page = s.page
  }
  return msg
}

/** A rule's related places, checked like its range and capped (a grouped finding lists a few). */
function checkRelated(related: RelatedPlace[], length: number): RelatedPlace[] {
  return related.slice(0, 20).map((r) => {
    const [s, e] = r.range
    if (!(Number.isInteger(s) && Number.isInteger(e) && 0 <= s && s <= e && e <= length)) {
      throw new Error(`report() 的 related 范围 [${s}, ${e}) 超出文本`)
    }
    return { range: [s, e], message: String(r.message) }
  })
}

/** Runs the rules over one document and returns their messages sorted by line/column. */
export function runRules<Env extends object>(input: RunRulesInput<Env>): LintMessage[] {
  const { text, filePath } = input
  const locate = input.locate ?? textLocator(text)
  const byRule = new Map<string, LintMessage[]>()
  const crashed = new Set<string>()
  const listeners = new Map<string, Listener[]>()
  let ancestors: readonly unknown[] = []

  const crash = (id: string, err: unknown, where?: unknown): void => {
    crashed.add(id)
    const reason = err instanceof Error ? err.message : String(err)
    const range = offsetsOf((where as { position?: Position } | undefined)?.position) ?? [0, 0]
    byRule.set(id, [
      makeMessage(locate, [range[0], range[0]], {
        ruleId: id,
        severity: 2,
        fatal: true,
        message: `规则 ${id} 运行出错：${reason.split('\n')[0]}`,
      }),
    ])
  }

  // Options first, for every rule: a bad option is a config error (exit 2), not a finding.
  const prepared: { id: string; entry: RuleEntry; options: Record<string, unknown> }[] = []
  for (const [id, entry] of input.rules) {
    prepared.push({ id, entry, options: resolveRuleOptions(id, entry) })
  }

  for (const { id, entry, options } of prepared) {
    const { rule } = entry
    const meta = rule.meta
    const sink: LintMessage[] = []
    byRule.set(id, sink)
    const report = (d: ReportDescriptor): void => {
      if (crashed.has(id)) return
      const template = meta.messages[d.messageId]
      if (template === undefined) {
        throw new Error(`报告了未在 meta.messages 中定义的 messageId「${d.messageId}」`)
      }
      const range = d.range ?? offsetsOf(d.node?.position)
      if (!range) throw new Error('report() 需要带位置的 node 或 range')
      if (!(range[0] >= 0 && range[0] <= range[1] && range[1] <= text.length)) {
        throw new Error(`report() 的范围 [${range[0]}, ${range[1]}) 超出文本`)
      }
      // A per-message severity can lower the rule's level (error → warn for a fact known
      // only from memory, → info for a note), never raise it above what the user set.
      const level = lowerOf(levelOfEntry(entry), d.severity)
      const msg = makeMessage(locate, [range[0], range[1]], {
        ruleId: id,
        messageId: d.messageId,
        ...messageLevel(level),
        message: interpolate(template, d.data),
        url: meta.docs.url,
      })
      const fix = resolveFix(d.fix, text)
      if (fix) {
        if (!meta.fixable) throw new Error('报告了修复，但 meta.fixable 未设为 "code"')
        msg.fix = checkFix(fix, text.length)
      }
      if (d.suggest && d.suggest.length > 0) {
        if (!meta.hasSuggestions) throw new Error('提供了建议修改，但 meta.hasSuggestions 未设为 true')
        const suggestions: Suggestion[] = []
        for (const s of d.suggest) {
          const sfix = resolveFix(s.fix, text)
          if (sfix) suggestions.push({ desc: s.desc, fix: checkFix(sfix, text.length) })
        }
        if (suggestions.length > 0) msg.suggestions = suggestions
      }
      if (d.expected !== undefined) msg.expected = d.expected
      if (d.expectedFrom !== undefined) msg.expectedFrom = d.expectedFrom
      if (d.actual !== undefined) msg.actual = d.actual
      if (d.related && d.related.length > 0) msg.related = checkRelated(d.related, text.length)
      sink.push(msg)
    }
    const ctx = {
      ...input.env,
      id,
      options,
      severity: levelOfEntry(entry),
      text,
      filePath,
      report,
      getText(nodeOrRange: { position?: Position | undefined } | [number, number]) {
        const r = Array.isArray(nodeOrRange) ? nodeOrRange : offsetsOf(nodeOrRange.position)
        return r ? text.slice(r[0], r[1]) : ''
      },
      /** The nodes around the one being visited, outermost first (a copy). */
      ancestors: (): unknown[] => [...ancestors],
      /** The node directly around the one being visited. */
      parent: (): unknown => ancestors[ancestors.length - 1],
    } as RuleContext<Record<string, unknown>, Env>
    let visitors: Record<string, unknown>
    const createStart = timingEnabled() ? performance.now() : 0
    try {
      visitors = (rule as Rule<Record<string, unknown>, Env>).create(ctx) as Record<string, unknown>
    } catch (e) {
      crash(id, e)
      continue
    } finally {
      if (timingEnabled()) addRule(id, performance.now() - createStart)
    }
    if (!visitors || typeof visitors !== 'object') continue
    // a plugin's visitor object may throw when read (a getter, a Proxy): that rule crashes, not the run
    let own: [string, (node: unknown) => void][]
    try {
      own = Object.entries(visitors).filter((e): e is [string, (node: unknown) => void] => typeof e[1] === 'function')
    } catch (e) {
      crash(id, e)
      continue
    }
    for (const [key, fn] of own) {
      let list = listeners.get(key)
      if (!list) listeners.set(key, (list = []))
      list.push({ id, fn: timedListener(id, fn) })
    }
  }

  if (listeners.size > 0) {
    input.walk(
      (key, node, around) => {
        const list = listeners.get(key)
        if (!list) return
        ancestors = around
        for (const l of list) {
          if (crashed.has(l.id)) continue
          try {
            l.fn(node)
          } catch (e) {
            crash(l.id, e, node)
          }
        }
      },
      (key) => listeners.has(key),
    )
  }

  const out: LintMessage[] = []
  for (const list of byRule.values()) for (const m of list) out.push(m)
  return out.sort(compareMessages)
}

function checkFix(fix: Fix, length: number): Fix {
  const [s, e] = fix.range
  if (!(Number.isInteger(s) && Number.isInteger(e) && s >= 0 && s <= e && e <= length)) {
    throw new Error(`修复的范围 [${s}, ${e}) 超出文本`)
  }
  if (typeof fix.text !== 'string') throw new Error('修复缺少 text')
  return { range: [s, e], text: fix.text }
}
