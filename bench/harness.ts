/**
 * The measurements of `npm run bench` (DESIGN.md, "Performance budget"):
 *   (a) one 40 KB plan in process, warm: median and p95 of `lintText`;
 *   (b) cold CLI on that plan: median wall time of `node bin/planlint.js FILE`;
 *   (c) throughput over the generated corpus, serial (own process) and with 2 worker threads;
 *   (d) outdated-unit-names alone, 50- and 5,000-entry dictionaries, against textlint +
 *       textlint-rule-prh with the same dictionaries on the same files;
 *   (e) `lintText` after a one-character edit of the 40 KB plan (the editor path);
 *   (e2) the language server's re-lint after such an edit (bench/lsp-relint.ts);
 *   (f) peak RSS over the corpus run, and RSS / heap after N files.
 * No measurement asserts anything: budgets are compared and printed, never thrown.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { performance } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import { getRules, lintText, type LintOptions } from '../src/index.js'
import { resetTiming, setTiming, timingSnapshot } from '../src/engine/timing.js'
import type { Generated } from './generate.js'
import { repoRoot, siblingScript } from './scripts.js'
import { textlintLinter, textlintPass } from './textlint-prh.js'
import { measureServerEdit, type ServerEditStats } from './lsp-relint.js'

export interface BenchOptions {
  generated: Generated
  /** Iterations of (a) and (e) after warm-up. */
  iterations: number
  /** Spawns of (b). */
  cliRuns: number
  /** Timed serial passes of (c). */
  passes: number
  /** Files of the corpus used by (d) (textlint+prh at 5,000 entries is slow). */
  compareFiles: number
  workers: number
  /** Progress lines (stderr). */
  log?: (line: string) => void
}

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
  /** textlint+prh time / planlint time, same files, same dictionary (the budget's ratio). */
  ratio: number
  /** textlint+prh time / the rule's own time (dictionary matching alone, no parse or plan). */
  ruleRatio: number
  planlintHits: number
  textlintHits: number
}

export interface BudgetRow {
  id: string
  what: string
  budget: string
  measured: string
  met: boolean
}

export interface BenchResult {
  machine: { cpus: number; model: string; loadavg: number[]; node: string; date: string }
  corpus: { files: number; bytes: number; planBytes: number; compareFiles: number; compareBytes: number }
  warm: Stats & { phasesMs: Record<string, number>; rulesMs: Record<string, number> }
  cli: Stats & { nodeAloneMs: number }
  throughput: {
    serial: { mbPerS: number; passesMs: number[]; bytes: number }
    workers: { workers: number; mbPerS: number; ms: number; startupMs: number; bytes: number }
  }
  dictionary: { small: DictionaryResult; large: DictionaryResult; scaleEndToEnd: number; scaleRuleOnly: number }
  editor: Stats
  editorServer: ServerEditStats
  memory: { peakRssMb: number; checkpoints: { files: number; rssMb: number; heapUsedMb: number }[]; heapGrowthMb: number; gc: boolean }
  agreement: { names: number; planlint: number; textlint: number }
  budgets: BudgetRow[]
}

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b)
  const q = (p: number): number => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!
  return { medianMs: round(q(0.5)), p95Ms: round(q(0.95)), minMs: round(s[0]!), runs: s.length }
}

function round(n: number, digits = 2): number {
  const f = 10 ** digits
  return Math.round(n * f) / f
}

function median(xs: number[]): number {
  return stats(xs).medianMs
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
function measureWarm(text: string, options: LintOptions, iterations: number): BenchResult['warm'] {
  for (let i = 0; i < Math.max(20, iterations / 5); i++) lintText(text, options)
  const s = stats(timeEach(iterations, () => lintText(text, options)))
  setTiming(true)
  resetTiming()
  for (let i = 0; i < iterations; i++) lintText(text, options)
  const snap = timingSnapshot()
  setTiming(false)
  const per = (r: Record<string, number>): Record<string, number> =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v / iterations, 3)]))
  return { ...s, phasesMs: per(snap.phases), rulesMs: per(snap.rules) }
}

/** (e): every iteration lints the plan with one character inserted at a different place. */
function measureEditor(text: string, options: LintOptions, iterations: number): Stats {
  const edited = (i: number): string => {
    const at = Math.floor(text.length * 0.2 + ((i * 7919) % Math.floor(text.length * 0.6)))
    return text.slice(0, at) + (i % 2 ? '的' : '，') + text.slice(at)
  }
  for (let i = 0; i < 10; i++) lintText(edited(i), options)
  return stats(timeEach(iterations, (i) => lintText(edited(i + 10), options)))
}

/** (b): wall time of whole processes; `node -e 0` alongside, for what Node itself costs. */
function measureCli(file: string, runs: number, root: string): BenchResult['cli'] {
  const bin = join(root, 'bin', 'planlint.js')
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' }
  delete env.TIMING
  const spawnTimes = (args: string[], n = runs): number[] =>
    timeEach(n, () => {
      const r = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8' })
      if (r.status !== 0 && r.status !== 1) throw new Error(`planlint 退出码 ${r.status}：${r.stderr}`)
    })
  spawnTimes([bin, file], 1) // one unmeasured run: the OS file cache, the data cache
  const s = stats(spawnTimes([bin, file]))
  return { ...s, nodeAloneMs: median(spawnTimes(['-e', '0'])) }
}

async function runChild(files: string[], passes: number, root: string): Promise<{
  bytes: number
  passesMs: number[]
  memory: { files: number; rssMb: number; heapUsedMb: number }[]
  peakRssMb: number
  gc: boolean
}> {
  const dir = mkdtempSync(join(os.tmpdir(), 'planlint-bench-'))
  try {
    const n = files.length
    const checkpoints = [...new Set([1, Math.ceil(n / 8), Math.ceil(n / 4), Math.ceil(n / 2), Math.ceil((3 * n) / 4), n])].filter((c) => c >= 1)
    const list = join(dir, 'input.json')
    writeFileSync(list, JSON.stringify({ files, cwd: root, passes, checkpoints, warmup: Math.min(10, n) }))
    const script = siblingScript('corpus-child')
    const r = spawnSync(process.execPath, [...script.execArgv, '--expose-gc', script.path, list], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    })
    if (r.status !== 0) throw new Error(`吞吐量子进程失败：${r.stderr}`)
    return JSON.parse(r.stdout.trim().split('\n').at(-1)!)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** (c) with worker threads: the files dealt round-robin, timed from 'go' to the last 'done'. */
async function measureWorkers(files: string[], workers: number, root: string): Promise<BenchResult['throughput']['workers']> {
  const script = siblingScript('worker')
  const started = performance.now()
  const pool = Array.from({ length: workers }, (_, w) => {
    const mine = files.filter((_, i) => i % workers === w)
    const workerData = { files: mine, warmup: mine.slice(0, 5), cwd: root }
    if (script.execArgv.length === 0) return new Worker(script.path, { workerData })
    // TypeScript (the smoke test): register tsx inside the worker, then load the script.
    const boot = `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(pathToFileURL(script.path).href)}) })`
    return new Worker(boot, { eval: true, workerData })
  })
  const wait = (w: Worker, type: string): Promise<{ ms: number; bytes: number }> =>
    new Promise((resolve, reject) => {
      const onMessage = (m: { type: string; ms: number; bytes: number }): void => {
        if (m.type === type) {
          w.off('message', onMessage)
          resolve(m)
        }
      }
      w.on('message', onMessage)
      w.once('error', reject)
    })
  try {
    await Promise.all(pool.map((w) => wait(w, 'ready')))
    const startupMs = performance.now() - started
    const start = performance.now()
    const done = pool.map((w) => wait(w, 'done'))
    for (const w of pool) w.postMessage('go')
    const results = await Promise.all(done)
    const ms = performance.now() - start
    const bytes = results.reduce((s, r) => s + r.bytes, 0)
    return { workers, mbPerS: round(bytes / 1e6 / (ms / 1000)), ms: round(ms), startupMs: round(startupMs), bytes }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()))
  }
}

/** (d) for one dictionary. */
async function measureDictionary(
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
async function measureAgreement(g: Generated, root: string): Promise<BenchResult['agreement']> {
  const path = join(dirname(g.plan), 'agreement.txt')
  const planlint = lintText(g.agreementText, { filePath: path, cwd: root, preset: g.large.preset, rules: onlyRule('outdated-unit-names') })
    .messages.filter((m) => m.ruleId === 'outdated-unit-names').length
  const linter = await textlintLinter(g.large.textlintrc, root)
  const textlint = (await textlintPass(linter, [{ path, text: g.agreementText }])).hits
  return { names: g.agreementNames, planlint, textlint }
}

function budgets(r: Omit<BenchResult, 'budgets'>): BudgetRow[] {
  const d = r.dictionary
  const growth = r.memory.heapGrowthMb
  return [
    { id: 'a', what: '40 KB plan, in process, warm (median)', budget: '≤ 10 ms', measured: `${r.warm.medianMs} ms (p95 ${r.warm.p95Ms})`, met: r.warm.medianMs <= 10 },
    { id: 'b', what: '`planlint file.txt`, cold CLI (median)', budget: '≤ 250 ms', measured: `${r.cli.medianMs} ms (node alone ${r.cli.nodeAloneMs})`, met: r.cli.medianMs <= 250 },
    { id: 'c', what: 'corpus throughput, one core', budget: '≥ 20 MB/s', measured: `${r.throughput.serial.mbPerS} MB/s (${r.throughput.workers.workers} workers: ${r.throughput.workers.mbPerS})`, met: r.throughput.serial.mbPerS >= 20 },
    {
      id: 'd',
      what: 'outdated-unit-names vs textlint+prh',
      budget: '≥ 10× at 50 and 5,000; 5,000/50 ≤ 1.5×',
      measured: `${d.small.ratio}× / ${d.large.ratio}×; 5,000/50 = ${d.scaleEndToEnd}× (rule alone ${d.scaleRuleOnly}×)`,
      met: d.small.ratio >= 10 && d.large.ratio >= 10 && d.scaleEndToEnd <= 1.5,
    },
    { id: 'e', what: 're-lint after a one-character edit (median)', budget: '≤ 30 ms', measured: `${r.editor.medianMs} ms (p95 ${r.editor.p95Ms})`, met: r.editor.medianMs <= 30 },
    {
      id: 'e2',
      what: 'language server: re-lint + diagnostics after a keystroke (median)',
      budget: '≤ 10 ms',
      measured: `${r.editorServer.medianMs} ms (p95 ${r.editorServer.p95Ms})`,
      met: r.editorServer.medianMs <= 10,
    },
    {
      id: 'f',
      what: 'memory vs number of files',
      budget: 'no growth',
      measured: `peak RSS ${r.memory.peakRssMb} MB; heap ${r.memory.checkpoints.map((c) => `${c.files}:${c.heapUsedMb}`).join(' ')} MB`,
      met: growth <= 5,
    },
  ]
}

export async function runBench(opts: BenchOptions): Promise<BenchResult> {
  const log = opts.log ?? (() => {})
  const root = repoRoot()
  const g = opts.generated
  const planText = readFileSync(g.plan, 'utf8')
  const planOptions: LintOptions = { filePath: g.plan, cwd: root }

  log('(a) 40 KB plan, warm …')
  const warm = measureWarm(planText, planOptions, opts.iterations)
  log('(e) one-character edits …')
  const editor = measureEditor(planText, planOptions, opts.iterations)
  log('(e2) language server re-lint …')
  const editorServer = await measureServerEdit(planText, g.plan, root, opts.iterations)
  log('(b) cold CLI …')
  const cli = measureCli(g.plan, opts.cliRuns, root)
  log('(c, f) serial throughput and memory, own process …')
  const child = await runChild(g.files, opts.passes, root)
  log(`(c) ${opts.workers} worker threads …`)
  const workers = await measureWorkers(g.files, opts.workers, root)
  const compare = g.files.slice(0, opts.compareFiles).map((path) => ({ path, text: readFileSync(path, 'utf8') }))
  log(`(d) outdated-unit-names vs textlint+prh, ${g.small.entries} entries …`)
  const small = await measureDictionary(g.small, compare, root)
  log(`(d) outdated-unit-names vs textlint+prh, ${g.large.entries} entries …`)
  const large = await measureDictionary(g.large, compare, root)
  const agreement = await measureAgreement(g, root)

  const heap = child.memory.map((m) => m.heapUsedMb)
  const partial: Omit<BenchResult, 'budgets'> = {
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model ?? '',
      loadavg: os.loadavg().map((l) => round(l)),
      node: process.version,
      date: new Date().toISOString(),
    },
    corpus: {
      files: g.files.length,
      bytes: g.bytes,
      planBytes: g.planBytes,
      compareFiles: compare.length,
      compareBytes: compare.reduce((s, t) => s + Buffer.byteLength(t.text), 0),
    },
    warm,
    cli,
    throughput: {
      serial: { mbPerS: round(child.bytes / 1e6 / (median(child.passesMs) / 1000)), passesMs: child.passesMs.map((m) => round(m)), bytes: child.bytes },
      workers,
    },
    dictionary: {
      small,
      large,
      scaleEndToEnd: round(large.planlintMs / small.planlintMs),
      scaleRuleOnly: round(large.planlintRuleMs / Math.max(small.planlintRuleMs, 1e-6)),
    },
    editor,
    editorServer,
    memory: {
      peakRssMb: child.peakRssMb,
      checkpoints: child.memory,
      // after the first eighth of the files, heap after GC should stay flat
      heapGrowthMb: heap.length > 1 ? round(heap[heap.length - 1]! - heap[Math.min(1, heap.length - 1)]!, 1) : 0,
      gc: child.gc,
    },
    agreement,
  }
  return { ...partial, budgets: budgets(partial) }
}

/** The table printed on stdout. */
export function formatResult(r: BenchResult): string {
  const lines: string[] = []
  const m = r.machine
  lines.push(`planlint bench — ${m.cpus} × ${m.model}, Node ${m.node}, load ${m.loadavg.join(' ')}`)
  lines.push(
    `corpus: ${r.corpus.files} plans, ${(r.corpus.bytes / 1e6).toFixed(2)} MB; single plan ${(r.corpus.planBytes / 1000).toFixed(1)} KB; textlint comparison on ${r.corpus.compareFiles} plans (${(r.corpus.compareBytes / 1e6).toFixed(2)} MB)`,
  )
  lines.push('')
  lines.push('| | Measurement | Budget | Measured | Met |')
  lines.push('|---|---|---|---|---|')
  for (const b of r.budgets) lines.push(`| ${b.id} | ${b.what} | ${b.budget} | ${b.measured} | ${b.met ? 'yes' : '**no**'} |`)
  lines.push('')
  lines.push('| Dictionary | planlint, rule alone (of which in the rule) | textlint + prh | ratio (vs the rule\'s own time) | planlint first run (load + compile) | hits planlint / prh |')
  lines.push('|---|---|---|---|---|---|')
  for (const d of [r.dictionary.small, r.dictionary.large]) {
    lines.push(
      `| ${d.entries} entries | ${d.planlintMs} ms (${d.planlintRuleMs} ms) | ${d.textlintMs} ms | **${d.ratio}×** (${d.ruleRatio}×) | ${d.firstRunMs} ms | ${d.planlintHits} / ${d.textlintHits} |`,
    )
  }
  lines.push(
    `agreement text: ${r.agreement.names} dictionary names → planlint ${r.agreement.planlint} hits, textlint+prh ${r.agreement.textlint} hits`,
  )
  lines.push('')
  const phases = Object.entries(r.warm.phasesMs)
    .filter(([k]) => k !== 'rules')
    .concat(Object.entries(r.warm.rulesMs).map(([k, v]) => [`rule:${k}`, v]))
    .sort((a, b) => b[1] - a[1])
  lines.push(`(a) per phase, mean of ${r.warm.runs} runs (TIMING): ${phases.map(([k, v]) => `${k} ${v} ms`).join(', ')}`)
  lines.push(
    `(c) serial passes ${r.throughput.serial.passesMs.map((x) => Math.round(x)).join(' / ')} ms; ${r.throughput.workers.workers} workers ${Math.round(r.throughput.workers.ms)} ms after ${Math.round(r.throughput.workers.startupMs)} ms start-up`,
  )
  lines.push(
    `(f) after N files (GC ${r.memory.gc ? 'forced' : 'not available'}): ${r.memory.checkpoints.map((c) => `${c.files}: RSS ${c.rssMb} MB, heap ${c.heapUsedMb} MB`).join('; ')}`,
  )
  return lines.join('\n') + '\n'
}
