/**
 * Recall and wrong findings on the fixture plans of test/fixtures/elsewhere, through the CLI
 * given (default: this checkout's bin/planlint.js). `npx tsx scripts/measure-elsewhere.ts
 * [path/to/bin/planlint.js] [--verbose]`. Recall = expected findings reported / (expected +
 * known misses); wrong = findings in a quiet place or accounted for by no expectation.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { JsonResult } from '../src/reporters/json.js'
import { fixtureNames, fixturesDir, judge, readSidecar, reportedOf } from '../test/helpers/expectations.js'

const args = process.argv.slice(2)
const verbose = args.includes('--verbose')
const bin = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'bin/planlint.js')
const names = fixtureNames()
const files = names.map((n) => path.join(fixturesDir, `${n}.txt`))
const r = spawnSync(process.execPath, [bin, '--format', 'json', ...files], { cwd: fixturesDir, encoding: 'utf8', maxBuffer: 1 << 26 })
const results = JSON.parse(r.stdout) as JsonResult[]
let expected = 0
let found = 0
let missed = 0
let wrong = 0
for (const [i, name] of names.entries()) {
  const text = fs.readFileSync(files[i]!, 'utf8')
  const sidecar = readSidecar(name)
  const result = results.find((x) => path.resolve(fixturesDir, x.filePath) === files[i])!
  // a run without grouping (older builds) reports each place: group by rule+message first
  const j = judge(text, sidecar, reportedOf(result))
  expected += sidecar.findings.length + sidecar.missed.length
  found += j.found.length + j.missedFound.length
  missed += j.absent.length + sidecar.missed.length - j.missedFound.length
  const bad = new Set([...j.unexpected, ...j.inQuiet.map((x) => x.reported), ...j.knownWrong])
  wrong += bad.size
  if (verbose || bad.size || j.absent.length) {
    console.log(`${name}: found ${j.found.length}/${sidecar.findings.length}, known misses ${sidecar.missed.length - j.missedFound.length}, wrong ${bad.size}`)
    for (const a of j.absent) console.log(`  MISSING ${a.rule} ${a.at ?? ''} ${a.says ?? ''}`)
    for (const b of bad) console.log(`  WRONG   ${b.rule} L${b.lines.join(',')} ${b.message}`)
  }
}
console.log(`fixtures ${names.length}; expected findings ${expected}; found ${found}; recall ${(found / Math.max(1, expected)).toFixed(2)}; missed ${missed}; wrong findings ${wrong}`)
