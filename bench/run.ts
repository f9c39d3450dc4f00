/**
 * `npm run bench`: generates the corpus and dictionaries (bench/.generated/), runs every
 * measurement of bench/harness.ts, prints the table and writes bench/results.json.
 *
 *   npm run bench                 the full run (200 plans, 50 and 5,000 entries, 3 rounds)
 *   npm run bench -- --rounds N   N rounds of the corpus runs (the machine is shared: repeat)
 *   npm run bench -- --tiny       4 plans, 20 and 40 entries (seconds; what the smoke test runs)
 *   npm run bench -- --out FILE   write the JSON elsewhere
 *   npm run bench -- --scaling    only the scaling table of the hostile shapes (issue 12)
 *
 * The corpus plans are read from ../shared/corpus (next to the repository, as in CI) or
 * from $PLANLINT_CORPUS.
 */
import { writeFileSync } from 'node:fs'
import { setFlagsFromString } from 'node:v8'
import { join, resolve } from 'node:path'
import { generate } from './generate.js'
import { formatResult, runBench } from './harness.js'
import { repoRoot } from './scripts.js'

// The in-process figures stand for `planlint lsp` (and a warm library user), which runs under
// bin/planlint.js: the same V8 settings as that launcher gives the language server (see the
// comments there) — pretenuring off, V8's default interrupt budget (the larger budget the
// launcher gives batch runs is measured by the cold CLI rows, which run the launcher itself).
setFlagsFromString('--no-allocation-site-pretenuring')

const args = process.argv.slice(2)
if (args.includes('--scaling')) {
  // issue 12: the hostile shapes at 1×, 4×, 16× only (minutes, not the full bench)
  const { runScaling } = await import('./scaling.js')
  const { rows, ok } = await runScaling((line) => void process.stderr.write(`${line}\n`))
  process.stdout.write(`Scaling (time through the CLI; linear ≈ 4 per step, quadratic ≈ 16):\n\n${rows.join('\n')}\n`)
  process.exit(ok ? 0 : 1)
}
const tiny = args.includes('--tiny')
const outArg = args.indexOf('--out')
const roundsArg = args.indexOf('--rounds')
const rounds = roundsArg >= 0 ? Math.max(1, Number(args[roundsArg + 1]) || 1) : tiny ? 1 : 3
const root = repoRoot()
const out = outArg >= 0 && args[outArg + 1] ? resolve(args[outArg + 1]!) : join(root, 'bench', 'results.json')
const corpusDir = process.env.PLANLINT_CORPUS ?? resolve(root, '..', 'shared', 'corpus')
const log = (line: string): void => void process.stderr.write(`${line}\n`)

log(`generating the benchmark corpus from ${corpusDir} …`)
const generated = generate({
  corpusDir,
  outDir: join(root, 'bench', '.generated'),
  plans: tiny ? 4 : 200,
  smallDict: tiny ? 20 : 50,
  largeDict: tiny ? 40 : 5000,
})
const result = await runBench({
  generated,
  iterations: tiny ? 10 : 200,
  cliRuns: tiny ? 2 : 15,
  passes: rounds,
  compareFiles: tiny ? 3 : 20,
  log,
})
writeFileSync(out, JSON.stringify(result, null, 2) + '\n')
process.stdout.write(formatResult(result))
log(`results written to ${out}`)
