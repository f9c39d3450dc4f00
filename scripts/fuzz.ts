/**
 * `npm run fuzz`: the properties of test/fuzz/properties.ts for a long run (issue 12,
 * item 9). FUZZ_MINUTES (default 20) bounds the time, FUZZ_SEED picks the seed; the count
 * of inputs checked is printed at the end. The corpus next to the repository
 * (../shared/corpus), when present, adds its lines to the fragments.
 *
 *   npm run fuzz                 # about 20 minutes
 *   FUZZ_MINUTES=60 npm run fuzz
 */
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { toString } from 'nlcst-to-string'
import { parseText } from '../src/parse/index.js'
import { checkInvariants, fragments, planText } from '../test/fuzz/properties.js'

const minutes = Number(process.env.FUZZ_MINUTES ?? 20)
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31)
const corpus = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../shared/corpus')
const extra = fs.existsSync(corpus) ? fs.readdirSync(corpus).filter((f) => f.endsWith('.txt')).map((f) => path.join(corpus, f)) : []
const lines = fragments(extra)
const budget = minutes * 60_000

function run(name: string, share: number, property: fc.IProperty<[string]>): number {
  const started = Date.now()
  const out = fc.check(property, { seed, numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: Math.round(budget * share), markInterruptAsFailure: false })
  if (out.failed) {
    console.error(`✖ ${name}: ${fc.defaultReportMessage(out)}`)
    process.exitCode = 1
  }
  console.log(`${name}: ${out.numRuns.toLocaleString('en-US')} inputs in ${((Date.now() - started) / 1000).toFixed(0)} s${out.failed ? '（失败）' : ''}`)
  return out.numRuns
}

console.log(`fuzz: seed ${seed}, ${minutes} min, ${lines.length} fragment lines`)
let total = 0
// every invariant (lint, lint --fix twice): the expensive one
total += run('all invariants (lint + fix + idempotence)', 0.7, fc.property(planText(lines), (t) => checkInvariants(t)))
// the parser alone on wilder input (any Unicode, long)
total += run('lossless parser', 0.3, fc.property(fc.oneof(planText(lines), fc.string({ unit: 'binary', maxLength: 2000 })), (t) => toString(parseText(t)) === t && toString(parseText(t, { words: false })) === t))
console.log(`total: ${total.toLocaleString('en-US')} inputs`)
