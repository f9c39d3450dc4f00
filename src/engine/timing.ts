/**
 * `TIMING=1`, as in ESLint and textlint: where a run spends its time, by phase (read, parse,
 * plan, each rule, report) and by rule. Off by default; when off every hook is one boolean
 * test. The engine adds to one table per process (worker threads keep their own); the CLI
 * prints it to stderr after a run (`formatTiming`), and `npm run bench` reads it directly.
 */
import { maxOf } from '../text/arrays.js'

/** Milliseconds from a monotonic clock (process.hrtime: node:perf_hooks costs ms to load at every start). */
const performance = { now: (): number => Number(process.hrtime.bigint()) / 1e6 }

/** Phases in pipeline order; rules are added as `rule:<id>`. */
export type Phase = 'read' | 'config' | 'parse' | 'plan' | 'preset' | 'rules' | 'directives' | 'group' | 'report'

let enabled = typeof process !== 'undefined' && isTimingValue(process.env.TIMING)
const phases = new Map<string, number>()
const rules = new Map<string, number>()

function isTimingValue(v: string | undefined): boolean {
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false'
}

/** True when timing is being collected. */
export function timingEnabled(): boolean {
  return enabled
}

/** Turns collection on or off (the CLI calls it with its `TIMING` environment variable). */
export function setTiming(on: boolean | string | undefined): void {
  enabled = typeof on === 'boolean' ? on : isTimingValue(on)
}

/** Forgets everything measured so far. */
export function resetTiming(): void {
  phases.clear()
  rules.clear()
}

/** Adds `ms` to a phase. */
export function addPhase(phase: Phase, ms: number): void {
  phases.set(phase, (phases.get(phase) ?? 0) + ms)
}

/** Adds `ms` to a rule (its `create` and every listener call). */
export function addRule(id: string, ms: number): void {
  rules.set(id, (rules.get(id) ?? 0) + ms)
}

/** Runs `fn`, adding its time to `phase` when timing is on. */
export function timed<T>(phase: Phase, fn: () => T): T {
  if (!enabled) return fn()
  const start = performance.now()
  try {
    return fn()
  } finally {
    addPhase(phase, performance.now() - start)
  }
}

/** As `timed`, for a promise-returning function. */
export async function timedAsync<T>(phase: Phase, fn: () => Promise<T>): Promise<T> {
  if (!enabled) return fn()
  const start = performance.now()
  try {
    return await fn()
  } finally {
    addPhase(phase, performance.now() - start)
  }
}

/** Wraps a rule listener so its calls count towards the rule (identity when timing is off). */
export function timedListener<A extends unknown[], R>(id: string, fn: (...args: A) => R): (...args: A) => R {
  if (!enabled) return fn
  return (...args: A): R => {
    const start = performance.now()
    try {
      return fn(...args)
    } finally {
      addRule(id, performance.now() - start)
    }
  }
}

export interface TimingSnapshot {
  /** Milliseconds per phase; `rules` is the sum over all rules. */
  phases: Record<string, number>
  /** Milliseconds per rule id. */
  rules: Record<string, number>
}

/** What has been measured so far. */
export function timingSnapshot(): TimingSnapshot {
  return { phases: Object.fromEntries(phases), rules: Object.fromEntries(rules) }
}

/**
 * The timing table, sorted by time, longest first: phases (each rule a `rule:<id>` row
 * instead of one `rules` row), then the rules alone with their share of rule time.
 */
export function formatTiming(snapshot: TimingSnapshot = timingSnapshot()): string {
  const rows: [string, number][] = []
  for (const [k, v] of Object.entries(snapshot.phases)) if (k !== 'rules') rows.push([k, v])
  for (const [k, v] of Object.entries(snapshot.rules)) rows.push([`rule:${k}`, v])
  rows.sort((a, b) => b[1] - a[1])
  const total = rows.reduce((s, r) => s + r[1], 0)
  const ruleTotal = Object.values(snapshot.rules).reduce((s, v) => s + v, 0)
  const table = (title: string, list: [string, number][], sum: number): string[] => {
    const width = Math.max(title.length, maxOf(list.map((r) => r[0].length)))
    const out = [`${title.padEnd(width)} | Time (ms) | Relative`, `${'-'.repeat(width)}-|----------:|--------:`]
    for (const [k, v] of list) {
      out.push(`${k.padEnd(width)} | ${v.toFixed(3).padStart(9)} | ${(sum > 0 ? (100 * v) / sum : 0).toFixed(1).padStart(7)}%`)
    }
    return out
  }
  const ruleRows = Object.entries(snapshot.rules).sort((a, b) => b[1] - a[1])
  return [
    ...table('Phase', rows, total),
    `${'total'} ${total.toFixed(3)} ms`,
    '',
    ...table('Rule', ruleRows, ruleTotal),
    '',
  ].join('\n')
}
