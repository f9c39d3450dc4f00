/**
 * The in-process 40 KB plan figure of `npm run bench` alone (seconds, not the full bench):
 * lintText on the generated ~40 KB plan, 5 rounds of 200 runs, median and min per round.
 * Run it through the suite lock: `flock /work/suite.lock npx tsx scripts/bench-one-plan.ts`.
 */
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { generate } from '../bench/generate.js'
import { measureWarm } from '../bench/in-process.js'

const root = resolve(import.meta.dirname, '..')
const corpusDir = process.env.PLANLINT_CORPUS ?? resolve(root, '..', 'shared', 'corpus')
const g = generate({ corpusDir, outDir: join(tmpdir(), `bench-one-plan-${process.pid}`), plans: 4, smallDict: 20, largeDict: 40 })
const text = readFileSync(g.plan, 'utf8')
for (let round = 0; round < 5; round++) {
  const r = measureWarm(text, { filePath: 'plan.txt' }, 200)
  process.stdout.write(`round ${round + 1}: ${(text.length / 1024).toFixed(1)} K chars, median ${r.medianMs} ms, min ${r.minMs} ms, p95 ${r.p95Ms} ms; phases ${JSON.stringify(r.phasesMs)}\n`)
}
