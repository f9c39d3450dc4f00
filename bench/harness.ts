/**
 * The measurements of `npm run bench` (DESIGN.md "Performance budget", issue 18), on the
 * generated corpus of realistic whole plans:
 *   1. all rules, the whole corpus, cold CLI, against textlint + prh (50 renames), same run;
 *   2. throughput of that run with `--jobs auto`;  3. single-threaded;
 *   4. cold start on one small plan against `node -e 0`;
 *   5. worker start (the CLI's `--jobs` worker, to its first result);
 *   6. one ~40 KB plan in process, warm;  7. re-lint after a one-character edit (lintText,
 *      and the language server's re-lint + diagnostics, bench/lsp-relint.ts);
 *   8. the unit dictionary at 50 → 5,000 renames;  9. peak RSS of the corpus run.
 * Nothing is asserted: budgets are compared and printed, never thrown.
 */
import { readFileSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { medianRatio, runRounds, type ProcessStats } from './cli-runs.js'
import type { Generated } from './generate.js'
import {
  measureAgreement,
  measureDictionary,
  measureEditor,
  measureWarm,
  measureWorkerStart,
  round,
  type DictionaryResult,
  type Stats,
  type WarmResult,
} from './in-process.js'
import { measureServerEdit, type ServerEditStats } from './lsp-relint.js'
import { repoRoot } from './scripts.js'

export type { DictionaryResult, Stats } from './in-process.js'

export interface BenchOptions {
  generated: Generated
  /** Iterations of the in-process measurements after warm-up. */
  iterations: number
  /** Rounds of the small-plan cold start (and `node -e 0`), and of worker start. */
  cliRuns: number
  /** Rounds of the corpus runs (planlint serial, `--jobs auto`, textlint + prh). */
  passes: number
  /** Files of the corpus used by the in-process dictionary comparison. */
  compareFiles: number
  /** Progress lines (stderr). */
  log?: (line: string) => void
}

export interface BudgetRow {
  id: string
  what: string
  budget: string
  measured: string
  met: boolean
}

export interface BenchResult {
  machine: { cpus: number; model: string; loadavg: number[]; loadavgBefore: number[]; node: string; date: string }
  corpus: { files: number; bytes: number; planned: number; planBytes: number; smallPlanBytes: number; compareFiles: number }
  corpusRuns: { planlint: ProcessStats; planlintJobs: ProcessStats; textlint: ProcessStats; ratio: number; ratioJobs: number; cpuRatio: number }
  throughput: { serialMbPerS: number; jobsMbPerS: number }
  coldStart: { planlint: ProcessStats; node: ProcessStats; ratio: number }
  workerStart: Stats & { empty: Stats }
  warm: WarmResult
  editor: Stats
  editorServer: ServerEditStats
  dictionary: { small: DictionaryResult; large: DictionaryResult; scaleEndToEnd: number; scaleRuleOnly: number }
  agreement: { names: number; planlint: number; textlint: number }
  budgets: BudgetRow[]
}

/** The CLI's `--jobs` worker script, as the build made it. */
export function workerUrl(root: string): URL {
  return pathToFileURL(join(root, 'dist', 'bundle', 'lint-worker.js'))
}

function budgets(r: Omit<BenchResult, 'budgets'>): BudgetRow[] {
  const c = r.corpusRuns
  const d = r.dictionary
  const mb = (r.corpus.bytes / 1e6).toFixed(1)
  return [
    {
      id: '1',
      what: `all rules, ${r.corpus.files} plans (${mb} MB), cold CLI, vs textlint+prh (${d.small.entries} renames), same run`,
      budget: '≥ 10× faster',
      measured: `${c.ratio}× (planlint ${c.planlint.wallMs} ms, textlint ${c.textlint.wallMs} ms; CPU time ${c.cpuRatio}×; --jobs auto ${c.ratioJobs}×)`,
      met: c.ratio >= 10,
    },
    {
      id: '2',
      what: 'throughput, same run, `--jobs auto`',
      budget: '≥ 20 MB/s',
      measured: `${r.throughput.jobsMbPerS} MB/s (${c.planlintJobs.wallMs} ms)`,
      met: r.throughput.jobsMbPerS >= 20,
    },
    {
      id: '3',
      what: 'throughput, single-threaded',
      budget: '≥ 8 MB/s',
      measured: `${r.throughput.serialMbPerS} MB/s (${c.planlint.wallMs} ms)`,
      met: r.throughput.serialMbPerS >= 8,
    },
    {
      id: '4',
      what: `cold start, one small plan (${(r.corpus.smallPlanBytes / 1000).toFixed(1)} KB), vs \`node -e 0\``,
      budget: '≤ 1.5×',
      measured: `${r.coldStart.ratio}× (${r.coldStart.planlint.wallMs} ms vs ${r.coldStart.node.wallMs} ms)`,
      met: r.coldStart.ratio <= 1.5,
    },
    {
      id: '5',
      what: 'worker start, to its first result',
      budget: '≤ 60 ms',
      measured: `${r.workerStart.medianMs} ms (p95 ${r.workerStart.p95Ms}); a worker that loads nothing, same rounds: ${r.workerStart.empty.medianMs} ms`,
      met: r.workerStart.medianMs <= 60,
    },
    {
      id: '6',
      what: `one ${(r.corpus.planBytes / 1000).toFixed(1)} KB plan in process, all rules (median)`,
      budget: '≤ 3 ms',
      measured: `${r.warm.medianMs} ms (p95 ${r.warm.p95Ms}); every rule off (tree and plan only): ${r.warm.noRules.medianMs} ms`,
      met: r.warm.medianMs <= 3,
    },
    {
      id: '7',
      what: 'editor re-lint after a one-character edit (median): language server, with diagnostics',
      budget: '≤ 10 ms',
      measured: `${r.editorServer.medianMs} ms (p95 ${r.editorServer.p95Ms}); lintText alone ${r.editor.medianMs} ms`,
      met: r.editorServer.medianMs <= 10,
    },
    {
      id: '8',
      what: `dictionary ${d.small.entries} → ${d.large.entries} renames, end to end`,
      budget: '≤ 1.1×',
      measured: `${d.scaleEndToEnd}× (the rule alone ${d.scaleRuleOnly}×)`,
      met: d.scaleEndToEnd <= 1.1,
    },
    {
      id: '9',
      what: `peak RSS, ${r.corpus.files} plans`,
      budget: '≤ 150 MB',
      measured: `${c.planlint.maxRssMb} MB (--jobs auto ${c.planlintJobs.maxRssMb} MB)`,
      met: c.planlint.maxRssMb <= 150,
    },
  ]
}

export async function runBench(opts: BenchOptions): Promise<BenchResult> {
  const g = opts.generated
  const root = repoRoot()
  const log = opts.log ?? (() => {})
  const loadavgBefore = os.loadavg().map((l) => round(l, 2))
  const preload = join(root, 'bench', 'usage-preload.cjs')
  const bin = join(root, 'bin', 'planlint.js')
  const textlintBin = join(root, 'node_modules', 'textlint', 'bin', 'textlint.js')
  const corpusDir = join(g.files[0]!, '..')
  const smallPlan = join(root, 'examples', 'draft.txt')

  log(`corpus: ${opts.passes} rounds of planlint, planlint --jobs auto, textlint+prh on ${g.files.length} plans …`)
  const ok = [0, 1]
  const corpus = runRounds(
    [
      { name: 'planlint', args: [bin, corpusDir], ok },
      { name: 'planlintJobs', args: [bin, '--jobs', 'auto', corpusDir], ok },
      { name: 'textlint', args: [textlintBin, '--config', g.small.textlintrc, ...g.files], ok },
    ],
    opts.passes,
    root,
    preload,
  )
  log(`cold start: ${opts.cliRuns} rounds of planlint on one small plan and node -e 0 …`)
  const cold = runRounds(
    [
      { name: 'planlint', args: [bin, smallPlan], ok },
      { name: 'node', args: ['-e', '0'], ok: [0] },
    ],
    opts.cliRuns,
    root,
    preload,
  )
  log('worker start …')
  const workerStart = await measureWorkerStart(workerUrl(root), smallPlan, root, opts.cliRuns)

  log(`one plan in process, ${opts.iterations} iterations …`)
  const planText = readFileSync(g.plan, 'utf8')
  const planOptions = { filePath: g.plan, cwd: root }
  const warm = measureWarm(planText, planOptions, opts.iterations)
  const editor = measureEditor(planText, planOptions, opts.iterations)
  const editorServer = await measureServerEdit(planText, g.plan, root, opts.iterations)
  const compare = g.files.slice(0, opts.compareFiles).map((path) => ({ path, text: readFileSync(path, 'utf8') }))
  log(`dictionary, ${g.small.entries} and ${g.large.entries} entries, vs textlint+prh on ${compare.length} plans …`)
  const small = await measureDictionary(g.small, compare, root)
  const large = await measureDictionary(g.large, compare, root)
  const agreement = await measureAgreement(g, root)

  const p = corpus.planlint!
  const pj = corpus.planlintJobs!
  const t = corpus.textlint!
  const partial: Omit<BenchResult, 'budgets'> = {
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model ?? '',
      loadavg: os.loadavg().map((l) => round(l, 2)),
      loadavgBefore,
      node: process.version,
      date: new Date().toISOString(),
    },
    corpus: {
      files: g.files.length,
      bytes: g.bytes,
      planned: g.planted,
      planBytes: g.planBytes,
      smallPlanBytes: Buffer.byteLength(readFileSync(smallPlan)),
      compareFiles: compare.length,
    },
    corpusRuns: {
      planlint: p,
      planlintJobs: pj,
      textlint: t,
      ratio: medianRatio(t, p),
      ratioJobs: medianRatio(t, pj),
      cpuRatio: round(t.cpuMs / p.cpuMs, 2),
    },
    throughput: { serialMbPerS: round(g.bytes / 1e3 / p.wallMs, 2), jobsMbPerS: round(g.bytes / 1e3 / pj.wallMs, 2) },
    coldStart: { planlint: cold.planlint!, node: cold.node!, ratio: medianRatio(cold.planlint!, cold.node!) },
    workerStart,
    warm,
    editor,
    editorServer,
    dictionary: {
      small,
      large,
      scaleEndToEnd: round(large.planlintMs / small.planlintMs, 2),
      scaleRuleOnly: round(large.planlintRuleMs / Math.max(small.planlintRuleMs, 1e-6), 2),
    },
    agreement,
  }
  return { ...partial, budgets: budgets(partial) }
}

/** The table printed on stdout. */
export function formatResult(r: BenchResult): string {
  const lines: string[] = []
  const m = r.machine
  lines.push(`planlint bench — ${m.cpus} × ${m.model}, Node ${m.node}, load average ${m.loadavgBefore.join(' ')} before, ${m.loadavg.join(' ')} after`)
  lines.push(
    `corpus: ${r.corpus.files} realistic plans, ${(r.corpus.bytes / 1e6).toFixed(2)} MB, ${r.corpus.planned} planted mistakes; in-process plan ${(r.corpus.planBytes / 1000).toFixed(1)} KB`,
  )
  lines.push('')
  lines.push('| # | Figure | Budget | Measured | Met |')
  lines.push('|---|---|---|---|---|')
  for (const b of r.budgets) lines.push(`| ${b.id} | ${b.what} | ${b.budget} | ${b.measured} | ${b.met ? 'yes' : '**no**'} |`)
  lines.push('')
  const c = r.corpusRuns
  const row = (name: string, s: ProcessStats): string =>
    `| ${name} | ${s.wallMs} ms | ${s.walls.map((w) => Math.round(w)).join(' / ')} | ${s.cpuMs} ms | ${s.maxRssMb} MB |`
  lines.push('| Process (median of rounds) | wall | each round | CPU (all threads) | peak RSS |')
  lines.push('|---|---|---|---|---|')
  lines.push(row('planlint, corpus', c.planlint))
  lines.push(row('planlint --jobs auto, corpus', c.planlintJobs))
  lines.push(row('textlint + prh, corpus', c.textlint))
  lines.push(row('planlint, one small plan', r.coldStart.planlint))
  lines.push(row('node -e 0', r.coldStart.node))
  lines.push('')
  lines.push('| Dictionary | planlint, rule alone (of which in the rule) | textlint + prh | ratio (vs the rule\'s own time) | planlint first run (load + compile) | hits planlint / prh |')
  lines.push('|---|---|---|---|---|---|')
  for (const d of [r.dictionary.small, r.dictionary.large]) {
    lines.push(
      `| ${d.entries} entries | ${d.planlintMs} ms (${d.planlintRuleMs} ms) | ${d.textlintMs} ms | **${d.ratio}×** (${d.ruleRatio}×) | ${d.firstRunMs} ms | ${d.planlintHits} / ${d.textlintHits} |`,
    )
  }
  lines.push(`agreement text: ${r.agreement.names} dictionary names → planlint ${r.agreement.planlint} hits, textlint+prh ${r.agreement.textlint} hits`)
  lines.push('')
  const phases = Object.entries(r.warm.phasesMs)
    .filter(([k]) => k !== 'rules')
    .concat(Object.entries(r.warm.rulesMs).map(([k, v]) => [`rule:${k}`, v]))
    .sort((a, b) => b[1] - a[1])
  lines.push(`in process, per phase, mean of ${r.warm.runs} runs (TIMING): ${phases.map(([k, v]) => `${k} ${v} ms`).join(', ')}`)
  return lines.join('\n') + '\n'
}
