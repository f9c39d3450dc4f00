/**
 * Smoke test of `npm run bench`: the generator and every measurement of the harness on a
 * tiny corpus generated from test/fixtures/plans (3 plans, 20- and 40-entry dictionaries). No timing is asserted — only that
 * every measurement is there, that the generator is deterministic, and that planlint and
 * textlint+prh find the same dictionary hits where that is well-defined.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generate, type Generated } from '../bench/generate.js'
import { formatResult, runBench, type BenchResult } from '../bench/harness.js'

const tmp = mkdtempSync(path.join(os.tmpdir(), 'planlint-bench-test-'))
// The project's own plans stand in for the corpus (npm test reads nothing outside the repository).
const corpusDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/plans')
const names = ['fuliang-county', 'huadu-district', 'qingxi-county', 'wuhou-district-draft', 'xinjian-district']
const options = { corpusDir, names, plans: 3, smallDict: 20, largeDict: 40, seed: 7 }
let generated: Generated
let result: BenchResult

beforeAll(async () => {
  generated = generate({ ...options, outDir: path.join(tmp, 'a') })
  result = await runBench({ generated, iterations: 3, cliRuns: 1, passes: 1, compareFiles: 2, workers: 2 })
}, 180_000)

afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('bench generator', () => {
  it('writes the plans, the 40 KB plan and both dictionaries as presets and prh files', () => {
    expect(generated.files).toHaveLength(3)
    expect(generated.planBytes).toBeGreaterThanOrEqual(40_000)
    expect(generated.small.entries).toBe(20)
    expect(generated.large.entries).toBe(40)
    const preset = readFileSync(generated.large.preset, 'utf8')
    expect(preset).toContain('extends: national')
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
  it('has every measurement', () => {
    const positive = (n: number) => expect(n).toBeGreaterThan(0)
    positive(result.warm.medianMs)
    positive(result.warm.p95Ms)
    expect(Object.keys(result.warm.phasesMs)).toEqual(expect.arrayContaining(['parse', 'plan', 'rules']))
    expect(Object.keys(result.warm.rulesMs)).toContain('outdated-unit-names')
    positive(result.cli.medianMs)
    positive(result.throughput.serial.mbPerS)
    positive(result.throughput.workers.mbPerS)
    expect(result.throughput.workers.workers).toBe(2)
    for (const d of [result.dictionary.small, result.dictionary.large]) {
      positive(d.planlintMs)
      positive(d.textlintMs)
      positive(d.ratio)
      positive(d.ruleRatio)
    }
    positive(result.dictionary.scaleEndToEnd)
    positive(result.editor.medianMs)
    positive(result.editorServer.medianMs)
    expect(result.editorServer.diagnostics).toBeGreaterThan(0)
    positive(result.memory.peakRssMb)
    expect(result.memory.checkpoints.length).toBeGreaterThanOrEqual(2)
    expect(result.budgets.map((b) => b.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'e2', 'f'])
    expect(formatResult(result)).toContain('textlint + prh')
  })

  it('planlint and textlint+prh find the same dictionary hits on the agreement text', () => {
    expect(result.agreement.names).toBe(20)
    expect(result.agreement.planlint).toBe(result.agreement.names)
    expect(result.agreement.textlint).toBe(result.agreement.planlint)
  })
})
