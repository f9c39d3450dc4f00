/**
 * A rule's listener keys are checked when the rule is loaded: a key the walk never emits
 * (`Program`, `paragraph`, `Task`) would be a listener that silently never runs. The valid
 * keys are the walk's own list (`LISTENER_KEYS` in src/plan/walk.ts). Listeners are what
 * `create(ctx)` returns, so loading calls `create` once on an empty document (no report
 * reaches anyone). A rule whose `create` throws on an empty document is not checked here; it
 * reports its own error when it runs.
 */
import { PlanlintError } from '../errors.js'
import { mergeOptions } from '../engine/runner.js'
import { minimalPreset } from '../presets/empty.js'
import type { PlanlintConfig } from '../config/types.js'
import type { Rule } from '../rules-support/context.js'
import { LISTENER_KEYS, NODE_KEYS } from '../plan/walk.js'
import { editDistance } from '../text/edit-distance.js'
import { analysePlan } from './analyse.js'

const VALID = new Set(LISTENER_KEYS)
const checked = new WeakSet<object>()

/** A preset that requires nothing: what the probe hands `create`. */
const EMPTY_PRESET = minimalPreset({ id: 'empty', chain: ['empty'] })

/** The keys of a listener map that the walk never emits. */
export function unknownListenerKeys(visitors: unknown): string[] {
  if (!visitors || typeof visitors !== 'object') return []
  return Object.keys(visitors).filter((k) => typeof (visitors as Record<string, unknown>)[k] === 'function' && !VALID.has(k))
}

/** The valid key a misspelt one most likely meant (`paragraph` → `ParagraphNode`, `Task` → `task`). */
export function closestListenerKey(key: string): string | undefined {
  const exit = key.endsWith(':exit') ? ':exit' : ''
  const bare = (k: string) => k.replace(/:exit$/, '').replace(/Node$/, '').toLowerCase()
  const want = bare(key)
  let best: string | undefined
  let bestD = Infinity
  for (const k of NODE_KEYS) {
    const d = editDistance(want, bare(k))
    if (d < bestD) (best = k), (bestD = d)
  }
  return best !== undefined && bestD <= (want.length <= 3 ? 1 : 2) ? best + exit : undefined
}

/** One line: which key is wrong, what it may have meant, and every valid key. */
export function listenerKeyError(ruleId: string, keys: string[], where?: string): PlanlintError {
  const first = keys[0]!
  const near = closestListenerKey(first)
  const wrong = keys.map((k) => `「${k}」`).join('、')
  return new PlanlintError(
    `规则 ${ruleId} 的监听键${wrong}不是节点类型，这样的监听永远不会运行${near ? `，是否想写「${near}」？` : ''}` +
      `可用的键：${NODE_KEYS.join('、')}（每个键加 :exit 表示离开该节点时）`,
    where,
  )
}

/**
 * Throws a PlanlintError (exit 2 in the CLI) when the listeners `rule.create` returns use a
 * key the walk never emits. Runs once per rule object.
 */
export function checkListenerKeys(rule: Rule, where: string, config: PlanlintConfig = {}): void {
  if (checked.has(rule)) return
  let visitors: unknown
  try {
    const { env } = analysePlan('', { preset: EMPTY_PRESET, config })
    visitors = rule.create({
      ...env,
      id: rule.meta.id,
      options: (mergeOptions(rule.meta.defaultOptions ?? {}, undefined) ?? {}) as Record<string, unknown>,
      severity: rule.meta.severity,
      text: '',
      filePath: '<规则加载检查>',
      report: () => {},
      getText: () => '',
      ancestors: () => [],
      parent: () => undefined,
    })
  } catch {
    checked.add(rule)
    return // create needs a real document: the rule reports its own error when it runs
  }
  let unknown: string[]
  try {
    unknown = unknownListenerKeys(visitors)
  } catch {
    // a visitor object that throws when read (a getter, a Proxy): the kernel reports it as that rule's crash
    checked.add(rule)
    return
  }
  if (unknown.length > 0) throw listenerKeyError(rule.meta.id, unknown, where)
  checked.add(rule)
}
