/**
 * Smoke test of `npm run bench`: the generator and every measurement of the harness on a
 * tiny corpus generated from the project's own fixture plans (npm test reads nothing outside
 * the repository): 3 plans, 20- and 40-entry dictionaries, one round. No timing is asserted —
 * only that every figure of the budget table is there, that the generator is deterministic,
 * and that planlint and textlint+prh find the same dictionary hits where that is
 * well-defined. test/corpus/bench.test.ts checks the corpus the real bench generates.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generate, type Generated } from '../bench/generate.js'
import { formatResult, runBench, type BenchResult } from '../bench/harness.js'

const tmp = mkdtempSync(path.join(os.tmpdir(), 'planlint-bench-test-'))
const corpusDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/plans')
const names = ['fuliang-county', 'huadu-district', 'qingxi-county', 'wuhou-district-draft', 'xinjian-district']
const options = { corpusDir, names, plans: 3, smallDict: 20, largeDict: 40, seed: 7 }
let generated: Generated
let result: BenchResult

beforeAll(async () => {
  generated = generate({ ...options, outDir: path.join(tmp, 'a') })
  result = await runBench({ generated, iterations: 3, cliRuns: 1, passes: 1, compareFiles: 2 })
})

afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('bench generator', () => {
  it('writes the plans with planted mistakes, the single plan and both dictionaries as presets and prh files', () => {
    expect(generated.files).toHaveLength(3)
    expect(generated.planted).toBeGreaterThanOrEqual(3 * 3)
    expect(generated.small.entries).toBe(20)
    expect(generated.large.entries).toBe(40)
    expect(readFileSync(generated.large.preset, 'utf8')).toContain('extends: national')
    const prh = readFileSync(generated.small.prh, 'utf8')
    expect(prh.match(/expected:/g)).toHaveLength(20)
    expect(prh.match(/pattern:/g)).toHaveLength(20)
  })

  it('is deterministic: the same seed gives the same bytes', () => {
    const again = generate({ ...options, outDir: path.join(tmp, 'b') })
    expect(again.bytes).toBe(generated.bytes)
    generated.files.forEach((f, i) => expect(readFileSync(again.files[i]!, 'utf8')).toBe(readFileSync(f, 'utf8')))
    expect(readFileSync(again.large.preset, 'utf8')).toBe(readFileSync(generated.large.preset, 'utf8'))
  })
})

describe('bench harness', () => {
  it('reports every figure of the budget table', () => {
    const positive = (n: number) => expect(n).toBeGreaterThan(0)
    for (const s of [result.corpusRuns.planlint, result.corpusRuns.planlintJobs, result.corpusRuns.textlint, result.coldStart.planlint, result.coldStart.node]) {
      positive(s.wallMs)
      positive(s.cpuMs)
      positive(s.maxRssMb)
    }
    positive(result.corpusRuns.ratio)
    positive(result.throughput.serialMbPerS)
    positive(result.throughput.jobsMbPerS)
    positive(result.coldStart.ratio)
    positive(result.workerStart.medianMs)
    positive(result.workerStart.empty.medianMs)
    positive(result.warm.medianMs)
    positive(result.warm.noRules.medianMs)
    expect(Object.keys(result.warm.phasesMs)).toEqual(expect.arrayContaining(['parse', 'plan', 'rules']))
    expect(Object.keys(result.warm.rulesMs)).toContain('outdated-unit-names')
    positive(result.editor.medianMs)
    positive(result.editorServer.medianMs)
    expect(result.editorServer.diagnostics).toBeGreaterThan(0)
    for (const d of [result.dictionary.small, result.dictionary.large]) {
      positive(d.planlintMs)
      positive(d.textlintMs)
    }
    positive(result.dictionary.scaleEndToEnd)
    expect(result.budgets.map((b) => b.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9'])
    for (const b of result.budgets) expect(b.measured).not.toMatch(/NaN|undefined/)
    const table = formatResult(result)
    expect(table).toContain('textlint + prh')
    expect(table).toContain('load average')
  })

  it('planlint and textlint+prh find the same dictionary hits on the agreement text', () => {
    expect(result.agreement.names).toBe(20)
    expect(result.agreement.planlint).toBe(result.agreement.names)
    expect(result.agreement.textlint).toBe(result.agreement.planlint)
  })
})
