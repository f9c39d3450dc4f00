/**
 * A rule's listener keys are checked when the rule is loaded: a key the walk never emits
 * (`Program`, `paragraph`, `Task`) would be a listener that silently never runs. The valid
 * keys are the walk's own list (`LISTENER_KEYS` in src/plan/walk.ts). Listeners are what
 * `create(ctx)` returns, so loading calls `create` once on an empty document (no report
 * reaches anyone). A rule whose `create` throws on an empty document is not checked here; it
 * reports its own error when it runs. The same probe tells whether a rule listens below
 * sentences (`listensBelowSentences`, for tree-depth.ts).
 */
import { PlanlintError } from '../errors.js'
import { mergeOptions } from '../engine/runner.js'
import { minimalPreset } from '../presets/empty.js'
import type { PlanlintConfig } from '../config/types.js'
import type { PlanEnv, Rule } from '../rules-support/context.js'
import { BELOW_SENTENCE, LISTENER_KEYS, NODE_KEYS } from '../plan/walk.js'
import { editDistance } from '../text/edit-distance.js'
import { analysePlan } from './analyse.js'

const VALID = new Set(LISTENER_KEYS)
const checked = new WeakSet<object>()
/** Listener keys of the nodes inside a sentence, with their `:exit`. */
const BELOW_SENTENCE_KEYS = new Set(BELOW_SENTENCE.flatMap((k) => [k, `${k}:exit`]))

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

/** What `probeListeners` found: the listener map `create` returned, or that it could not be had. */
type Probe = { visitors: unknown } | { failed: true }

let emptyEnv: PlanEnv | undefined

/** Calls `rule.create` once on an empty document, as a rule would be created for a real one
 * (without a config, all such calls share one empty document). */
function probeListeners(rule: Rule, config?: PlanlintConfig): Probe {
  try {
    const env = config ? analysePlan('', { preset: EMPTY_PRESET, config }).env : (emptyEnv ??= analysePlan('', { preset: EMPTY_PRESET, config: {} }).env)
    const visitors = rule.create({
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
    return { visitors }
  } catch {
    return { failed: true } // create needs a real document: the rule reports its own error when it runs
  }
}

/**
 * Throws a PlanlintError (exit 2 in the CLI) when the listeners `rule.create` returns use a
 * key the walk never emits. Runs once per rule object.
 */
export function checkListenerKeys(rule: Rule, where: string, config: PlanlintConfig = {}): void {
  if (checked.has(rule)) return
  const probe = probeListeners(rule, config)
  if ('failed' in probe) {
    checked.add(rule)
    return
  }
  let unknown: string[]
  try {
    unknown = unknownListenerKeys(probe.visitors)
  } catch {
    // a visitor object that throws when read (a getter, a Proxy): the kernel reports it as that rule's crash
    checked.add(rule)
    return
  }
  if (unknown.length > 0) throw listenerKeyError(rule.meta.id, unknown, where)
  checked.add(rule)
}

const belowSentences = new WeakMap<object, boolean>()

/**
 * Whether `rule` listens to a node inside a sentence (`WordNode`, `PunctuationNode`, …, or
 * their `:exit`), from the listeners its `create` returns on an empty document; once per rule
 * object. A rule whose listeners cannot be had that way (create throws, a getter or Proxy)
 * counts as one that does.
 */
export function listensBelowSentences(rule: Rule): boolean {
  let answer = belowSentences.get(rule)
  if (answer === undefined) {
    const probe = probeListeners(rule)
    try {
      answer = 'failed' in probe || listenerKeys(probe.visitors).some((k) => BELOW_SENTENCE_KEYS.has(k))
    } catch {
      answer = true
    }
    belowSentences.set(rule, answer)
  }
  return answer
}

/** The keys of a listener map that hold functions. */
function listenerKeys(visitors: unknown): string[] {
  if (!visitors || typeof visitors !== 'object') return []
  return Object.keys(visitors).filter((k) => typeof (visitors as Record<string, unknown>)[k] === 'function')
}
