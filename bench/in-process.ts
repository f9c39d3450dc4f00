/**
 * The in-process measurements of `npm run bench`: one ~40 KB plan linted warm (median, p95
 * and time per phase), re-lint after a one-character edit (the editor path), the unit
 * dictionary at 50 and 5,000 entries against textlint + prh on the same texts, and how long
 * a `--jobs` worker takes from `new Worker` to its first result.
 */
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import { getRules, lintText, type LintOptions } from '../src/index.js'
import { resetTiming, setTiming, timingSnapshot } from '../src/engine/timing.js'
import type { Generated } from './generate.js'
import { textlintLinter, textlintPass } from './textlint-prh.js'

export interface Stats {
  medianMs: number
  p95Ms: number
  minMs: number
  runs: number
}

export interface DictionaryResult {
  entries: number
  /** First lintText with this preset: read, validate and compile the dictionary. */
  firstRunMs: number
  /** lintText with outdated-unit-names alone over the compare files (parse and plan included). */
  planlintMs: number
  /** The rule's own time in that pass (TIMING). */
  planlintRuleMs: number
  textlintMs: number
  /** textlint+prh time / planlint time, same files, same dictionary. */
  ratio: number
  /** textlint+prh time / the rule's own time (dictionary matching alone, no parse or plan). */
  ruleRatio: number
  planlintHits: number
  textlintHits: number
}

export type WarmResult = Stats & {
  phasesMs: Record<string, number>
  rulesMs: Record<string, number>
  /** The same plan with every rule off: reading it into the one tree and the plan, the floor the rules stand on. */
  noRules: Stats
}

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b)
  const q = (p: number): number => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!
  return { medianMs: round(q(0.5)), p95Ms: round(q(0.95)), minMs: round(s[0]!), runs: s.length }
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits
  return Math.round(n * f) / f
}

export function median(xs: number[]): number {
  return stats(xs).medianMs
}

/** Every known rule off. */
function allRulesOff(): Record<string, 'off'> {
  const rules: Record<string, 'off'> = {}
  for (const id of getRules().keys()) rules[id] = 'off'
  return rules
}

/** Options that run one rule alone (every other known rule off). */
function onlyRule(id: string): Record<string, 'off'> {
  const rules: Record<string, 'off'> = {}
  for (const other of getRules().keys()) if (other !== id) rules[other] = 'off'
  return rules
}

function timeEach(n: number, fn: (i: number) => void): number[] {
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const start = performance.now()
    fn(i)
    out.push(performance.now() - start)
  }
  return out
}

/** (a) and the per-phase breakdown of it. */
export function measureWarm(text: string, options: LintOptions, iterations: number): WarmResult {
  for (let i = 0; i < Math.max(20, iterations / 5); i++) lintText(text, options)
  const s = stats(timeEach(iterations, () => lintText(text, options)))
  setTiming(true)
  resetTiming()
  for (let i = 0; i < iterations; i++) lintText(text, options)
  const snap = timingSnapshot()
  setTiming(false)
  const per = (r: Record<string, number>): Record<string, number> =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v / iterations, 3)]))
  const bare: LintOptions = { ...options, rules: { ...options.rules, ...allRulesOff() } }
  const left = lintText(text, bare).messages
  if (left.length > 0) throw new Error(`every rule off, yet ${left.length} messages (${left[0]!.ruleId}): the floor would measure rules`)
  for (let i = 0; i < Math.max(20, iterations / 5); i++) lintText(text, bare)
  const noRules = stats(timeEach(iterations, () => lintText(text, bare)))
  return { ...s, phasesMs: per(snap.phases), rulesMs: per(snap.rules), noRules }
}

/** (e): every iteration lints the plan with one character inserted at a different place. */
export function measureEditor(text: string, options: LintOptions, iterations: number): Stats {
  const edited = (i: number): string => {
    const at = Math.floor(text.length * 0.2 + ((i * 7919) % Math.floor(text.length * 0.6)))
    return text.slice(0, at) + (i % 2 ? '的' : '，') + text.slice(at)
  }
  for (let i = 0; i < 10; i++) lintText(edited(i), options)
  return stats(timeEach(iterations, (i) => lintText(edited(i + 10), options)))
}

/** (d) for one dictionary. */
export async function measureDictionary(
  dict: Generated['small'],
  texts: { path: string; text: string }[],
  root: string,
): Promise<DictionaryResult> {
  const rules = onlyRule('outdated-unit-names')
  const options = (path: string): LintOptions => ({ filePath: path, cwd: root, preset: dict.preset, rules })
  const hitsOf = (path: string, text: string): number =>
    lintText(text, options(path)).messages.filter((m) => m.ruleId === 'outdated-unit-names').length

  const firstStart = performance.now()
  hitsOf(texts[0]!.path, texts[0]!.text)
  const firstRunMs = performance.now() - firstStart
  for (const t of texts.slice(0, 3)) hitsOf(t.path, t.text) // warm-up

  const planlintPasses: number[] = []
  let planlintHits = 0
  for (let p = 0; p < 3; p++) {
    planlintHits = 0
    const start = performance.now()
    for (const t of texts) planlintHits += hitsOf(t.path, t.text)
    planlintPasses.push(performance.now() - start)
  }
  setTiming(true)
  resetTiming()
  for (const t of texts) hitsOf(t.path, t.text)
  const planlintRuleMs = timingSnapshot().rules['outdated-unit-names'] ?? 0
  setTiming(false)

  const linter = await textlintLinter(dict.textlintrc, root)
  await textlintPass(linter, texts.slice(0, 1)) // warm-up
  const tl = await textlintPass(linter, texts)
  const planlintMs = median(planlintPasses)
  return {
    entries: dict.entries,
    firstRunMs: round(firstRunMs),
    planlintMs: round(planlintMs),
    planlintRuleMs: round(planlintRuleMs),
    textlintMs: round(tl.ms),
    ratio: round(tl.ms / planlintMs, 1),
    ruleRatio: round(tl.ms / Math.max(planlintRuleMs, 1e-3), 1),
    planlintHits,
    textlintHits: tl.hits,
  }
}

/** Both tools on a text where every dictionary name is one unit name: same number of hits. */
export async function measureAgreement(g: Generated, root: string): Promise<{ names: number; planlint: number; textlint: number }> {
  const path = join(dirname(g.plan), 'agreement.txt')
  const planlint = lintText(g.agreementText, { filePath: path, cwd: root, preset: g.large.preset, rules: onlyRule('outdated-unit-names') })
    .messages.filter((m) => m.ruleId === 'outdated-unit-names').length
  const linter = await textlintLinter(g.large.textlintrc, root)
  const textlint = (await textlintPass(linter, [{ path, text: g.agreementText }])).hits
  return { names: g.agreementNames, planlint, textlint }
}

/**
 * Worker start: from `new Worker(workerUrl)` (the CLI's own `--jobs` worker) to the result of
 * its first file, a small plan — loading the engine, presets and dictionary included.
 */
export async function measureWorkerStart(workerUrl: URL, file: string, cwd: string, runs: number): Promise<Stats & { empty: Stats }> {
  const samples: number[] = []
  const empty: number[] = []
  for (let i = 0; i < runs; i++) {
    empty.push(await emptyWorkerStart())
    const start = performance.now()
    const w = new Worker(workerUrl, { workerData: { options: { cwd } } })
    try {
      await new Promise<void>((resolve, reject) => {
        w.once('message', (reply: { error?: { message: string } }) => (reply.error ? reject(new Error(reply.error.message)) : resolve()))
        w.once('error', reject)
        w.postMessage({ index: 0, file, warnIgnored: true })
      })
      samples.push(performance.now() - start)
    } finally {
      await w.terminate()
    }
  }
  return { ...stats(samples), empty: stats(empty) }
}

/**
 * Node's own floor for a worker, measured in the same rounds: from `new Worker` to the first
 * message of a worker that loads nothing and replies at once (an ES module, as planlint's is).
 */
const EMPTY_WORKER = new URL(`data:text/javascript,${encodeURIComponent("import { parentPort } from 'node:worker_threads'; parentPort.postMessage(0)")}`)

async function emptyWorkerStart(): Promise<number> {
  const start = performance.now()
  const w = new Worker(EMPTY_WORKER)
  try {
    await new Promise<void>((resolve, reject) => {
      w.once('message', () => resolve())
      w.once('error', reject)
    })
    return performance.now() - start
  } finally {
    await w.terminate()
  }
}
