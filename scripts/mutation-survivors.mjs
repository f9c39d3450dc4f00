#!/usr/bin/env node
/**
 * The mutants a Stryker run left alive, read from its JSON report, one line each:
 *   src/engine/runner.ts:130:12 Survived ConditionalExpression `true`  ← original text
 * and per file: killed / survived / no coverage / timeout, and the score Stryker shows
 * ((killed + timeout) / (all − ignored − errors)).
 *
 *   node scripts/mutation-survivors.mjs [reports/mutation-engine/mutation.json] [--file runner.ts] [--summary]
 */
import { readFileSync } from 'node:fs'

const args = process.argv.slice(2)
const summaryOnly = args.includes('--summary')
const fileIdx = args.indexOf('--file')
const onlyFile = fileIdx >= 0 ? args[fileIdx + 1] : undefined
const reportPath = args.find((a, i) => !a.startsWith('--') && (fileIdx < 0 || i !== fileIdx + 1)) ?? 'reports/mutation-engine/mutation.json'

const report = JSON.parse(readFileSync(reportPath, 'utf8'))
const ALIVE = new Set(['Survived', 'NoCoverage'])
const rows = []
let all = { killed: 0, survived: 0, noCoverage: 0, timeout: 0, other: 0 }

function tally(t, status) {
  if (status === 'Killed') t.killed++
  else if (status === 'Survived') t.survived++
  else if (status === 'NoCoverage') t.noCoverage++
  else if (status === 'Timeout') t.timeout++
  else if (status !== 'Ignored') t.other++
}
const score = (t) => {
  const valid = t.killed + t.survived + t.noCoverage + t.timeout
  return valid === 0 ? 'n/a' : `${((100 * (t.killed + t.timeout)) / valid).toFixed(1)} %`
}

for (const [path, file] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  const t = { killed: 0, survived: 0, noCoverage: 0, timeout: 0, other: 0 }
  const lines = file.source.split('\n')
  for (const m of file.mutants) {
    tally(t, m.status)
    tally(all, m.status)
    if (!ALIVE.has(m.status) || summaryOnly) continue
    if (onlyFile && !path.endsWith(onlyFile)) continue
    const { start, end } = m.location
    const original =
      start.line === end.line
        ? lines[start.line - 1].slice(start.column - 1, end.column - 1)
        : `${lines[start.line - 1].slice(start.column - 1)}…`
    const oneLine = (s) => (s.length > 90 ? `${s.slice(0, 87)}…` : s).replace(/\s+/g, ' ')
    rows.push(`${path}:${start.line}:${start.column} ${m.status} ${m.mutatorName} \`${oneLine(m.replacement ?? '')}\`  ← ${oneLine(original)}`)
  }
  console.log(`${path.padEnd(32)} killed ${String(t.killed).padStart(4)}  timeout ${String(t.timeout).padStart(3)}  survived ${String(t.survived).padStart(4)}  no coverage ${String(t.noCoverage).padStart(4)}  score ${score(t)}`)
}
console.log(`${'all'.padEnd(32)} killed ${String(all.killed).padStart(4)}  timeout ${String(all.timeout).padStart(3)}  survived ${String(all.survived).padStart(4)}  no coverage ${String(all.noCoverage).padStart(4)}  score ${score(all)}`)
if (rows.length) console.log(`\n${rows.join('\n')}`)
