/**
 * Plans written elsewhere (other provinces, every level, notice-wrapped, older families,
 * fragments, every lead convention), each with a sidecar of what it must get and where
 * nothing may be reported — through the real CLI, as a user runs it.
 */
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { JsonResult } from '../src/reporters/json.js'
import { runCli } from './helpers/cli.js'
import { fixtureNames, fixturesDir, judge, readSidecar, reportedOf } from './helpers/expectations.js'

const names = fixtureNames()
const fileOf = (name: string) => path.join(fixturesDir, `${name}.txt`)
let results: JsonResult[] = []

// one run of the CLI over every fixture, as a user lints a folder
beforeAll(() => {
  const r = runCli(['--format', 'json', ...names.map(fileOf)], { cwd: fixturesDir })
  expect(r.status === 0 || r.status === 1, r.stderr).toBe(true)
  results = JSON.parse(r.stdout) as JsonResult[]
}, 120000)

describe('plans written elsewhere (test/fixtures/elsewhere)', () => {
  it('has at least 20 fixtures, each with a sidecar', () => {
    expect(names.length).toBeGreaterThanOrEqual(20)
    for (const n of names) expect(fs.existsSync(path.join(fixturesDir, `${n}.expect.yaml`)), n).toBe(true)
  })

  it.each(names)('%s: every expected finding, nothing where nothing may be, nothing unexpected', (name) => {
    const file = fileOf(name)
    const text = fs.readFileSync(file, 'utf8')
    const sidecar = readSidecar(name)
    const result = results.find((x) => path.resolve(fixturesDir, x.filePath) === file)
    expect(result, file).toBeDefined()
    const j = judge(text, sidecar, reportedOf(result!))
    const show = (x: unknown) => JSON.stringify(x, null, 1)
    expect(j.absent, `应报告而未报告：${show(j.absent)}`).toEqual([])
    expect(j.inQuiet, `不应报告之处有报告：${show(j.inQuiet)}`).toEqual([])
    expect(j.unexpected, `未列出的报告：${show(j.unexpected)}`).toEqual([])
    // a gap listed as missed that is now found belongs in findings
    expect(j.missedFound, `已能发现，应移到 findings：${show(j.missedFound)}`).toEqual([])
    expect(j.knownWrongGone, `已不再误报，应从 knownWrong 删除：${show(j.knownWrongGone)}`).toEqual([])
  })

  it.each(names.filter((n) => readSidecar(n).explain))('%s: explain reads title, jurisdiction, level, date and the upper plan', (name) => {
    const want = readSidecar(name).explain!
    const r = runCli(['explain', '--format', 'json', path.join(fixturesDir, `${name}.txt`)], { cwd: fixturesDir })
    expect(r.status, r.stderr).toBe(0)
    const j = JSON.parse(r.stdout) as Record<string, any>
    const got: Record<string, unknown> = {}
    if ('title' in want) got.title = j.title ?? null
    if ('jurisdiction' in want) got.jurisdiction = j.jurisdiction?.name ?? null
    if ('level' in want) got.level = j.jurisdiction?.level ?? null
    if ('date' in want) got.date = j.date ?? null
    if ('preset' in want) got.preset = j.preset?.id ?? null
    if ('period' in want) got.period = j.period ? `${j.period.start}—${j.period.end}` : null
    expect(got).toEqual(want)
    // the reason names the preset chosen
    if (want.preset) expect(j.preset.reason ?? '').toContain(want.preset)
  })
})
