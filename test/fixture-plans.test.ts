/**
 * The project's own realistic plans (test/fixtures/plans), through the real CLI: each plan's
 * sidecar NAME.expect.yaml says which findings a default run must report, where nothing may
 * be reported, and what `explain` must read. See test/fixtures/plans/README.md.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import YAML from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { root, runCli } from './helpers/cli.js'

const dir = path.join(root, 'test/fixtures/plans')
const names = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort()

interface Expectation {
  preset: string
  tree: { draft: boolean; docNumber?: string; actions: number; projects: number; tasks: number; withLead: number; leadSource: string; headline2025?: number }
  must: { line: number; rule: string; severity: 1 | 2; text?: string }[]
  nothing: { lines: [number, number]; why: string }[]
}
interface Message { ruleId: string | null; severity: 1 | 2; line: number; message: string }

let tmp: string
const results = new Map<string, Message[]>()

beforeAll(() => {
  // Copies in a folder of their own, so no config file of the repository applies.
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-plans-'))
  for (const n of names) fs.copyFileSync(path.join(dir, `${n}.txt`), path.join(tmp, `${n}.txt`))
  const r = runCli(['.', '--format', 'json'], { cwd: tmp })
  expect(r.stderr).toBe('')
  for (const f of JSON.parse(r.stdout) as { filePath: string; messages: Message[] }[]) results.set(path.basename(f.filePath, '.txt'), f.messages)
})
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const expectationOf = (name: string): Expectation => YAML.parse(fs.readFileSync(path.join(dir, `${name}.expect.yaml`), 'utf8')) as Expectation

it('has at least five plans, each with its sidecar', () => {
  expect(names.length).toBeGreaterThanOrEqual(5)
  for (const n of names) expect(fs.existsSync(path.join(dir, `${n}.expect.yaml`)), n).toBe(true)
})

describe.each(names)('%s', (name) => {
  const want = expectationOf(name)
  const lines = fs.readFileSync(path.join(dir, `${name}.txt`), 'utf8').split('\n')

  it('reports every planted mistake at its line, with its rule and severity', () => {
    const got = results.get(name)!
    for (const m of want.must) {
      const hit = got.find((g) => g.ruleId === m.rule && g.line === m.line)
      expect(hit, `${name}:${m.line} ${m.rule} — got ${JSON.stringify(got.map((g) => [g.line, g.ruleId]))}`).toBeDefined()
      expect(hit!.severity).toBe(m.severity)
      if (m.text) expect(`${lines[m.line - 1]}\n${hit!.message}`).toContain(m.text)
    }
  })

  it('reports nothing where the plan is correct', () => {
    const got = results.get(name)!
    for (const range of want.nothing) {
      const inside = got.filter((g) => g.line >= range.lines[0] && g.line <= range.lines[1])
      expect(inside, `${name} lines ${range.lines.join('–')}: ${range.why}`).toEqual([])
    }
  })

  it('is read as a reviewer would (explain --format json)', () => {
    const r = runCli(['explain', `${name}.txt`, '--format', 'json'], { cwd: tmp })
    expect(r.status, r.stderr).toBe(0)
    const j = JSON.parse(r.stdout) as {
      preset: { id: string }
      draft: boolean
      docNumber: string | null
      actions: { tasks: { leadSource: string | null }[] }[]
      projects: unknown[]
      tasks: { total: number; withLead: number }
      targets: { year: number; indicator: string | null; value: number | null }[]
    }
    const t = want.tree
    expect(j.preset.id).toBe(want.preset)
    expect(j.draft).toBe(t.draft)
    if (t.docNumber) expect(j.docNumber).toBe(t.docNumber)
    expect(j.actions).toHaveLength(t.actions)
    expect(j.projects).toHaveLength(t.projects)
    expect(j.tasks).toMatchObject({ total: t.tasks, withLead: t.withLead })
    for (const a of j.actions) for (const task of a.tasks) expect(task.leadSource).toBe(t.leadSource)
    const headline = j.targets.find((x) => x.year === 2025 && x.indicator === '公民具备科学素质的比例')
    if (t.headline2025 === undefined) expect(headline?.value ?? null).toBeNull()
    else expect(headline?.value).toBe(t.headline2025)
  })
})

describe('--fix on the plans', () => {
  it('fixes what it can in one pass: the fixed text has nothing fixable left, and fixing it again changes nothing', () => {
    const r = runCli(['.', '--fix-dry-run', '--format', 'json'], { cwd: tmp })
    const fixed = JSON.parse(r.stdout) as { filePath: string; output?: string; messages: { fix?: unknown }[] }[]
    const changed = fixed.filter((f) => f.output !== undefined)
    // wuhou (2021-2025, page line, bookmark, half-width brackets) and huadu (文号) have autofixes.
    expect(changed.map((f) => path.basename(f.filePath)).sort()).toEqual(expect.arrayContaining(['huadu-district.txt', 'wuhou-district-draft.txt']))
    const again = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-plans-fixed-'))
    try {
      for (const f of changed) fs.writeFileSync(path.join(again, path.basename(f.filePath)), f.output!)
      const second = JSON.parse(runCli(['.', '--fix-dry-run', '--format', 'json'], { cwd: again }).stdout) as { output?: string; messages: { fix?: unknown }[] }[]
      expect(second).toHaveLength(changed.length)
      for (const f of second) {
        expect(f.output).toBeUndefined()
        expect(f.messages.filter((m) => m.fix)).toEqual([])
      }
    } finally {
      fs.rmSync(again, { recursive: true, force: true })
    }
  })
})
