/**
 * `planlint diff OLD NEW` through the real CLI, on the project's two drafts of one plan
 * (test/fixtures/review/draft1.txt → draft2.txt): draft 2 fixes an outdated name, a numbering
 * gap and a bookmark, adds a paragraph at the top, swaps two safeguards and renumbers them,
 * and adds one task without a lead. Also as two .docx files.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Document, Packer, Paragraph, TextRun } from 'docx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { root, runCli } from './helpers/cli.js'

const fixtures = path.join(root, 'test/fixtures/review')
let dir: string

interface ComparisonJson {
  old: string
  new: string
  summary: { introduced: number; introducedErrors: number; fixed: number; remaining: number }
  introduced: { ruleId: string; line: number; message: string; location?: { paragraph?: number } }[]
  fixed: { ruleId: string; line: number; message: string }[]
  remaining: { ruleId: string; line: number; message: string }[]
}

const run = (...args: string[]) => runCli(args, { cwd: dir })

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-diff-'))
  for (const f of ['planlint.config.yaml', 'draft1.txt', 'draft2.txt']) fs.copyFileSync(path.join(fixtures, f), path.join(dir, f))
  for (const n of [1, 2]) {
    const text = fs.readFileSync(path.join(fixtures, `draft${n}.txt`), 'utf8')
    const doc = new Document({ sections: [{ children: text.split('\n').map((l) => new Paragraph({ children: [new TextRun(l)] })) }] })
    fs.writeFileSync(path.join(dir, `draft${n}.docx`), await Packer.toBuffer(doc))
  }
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

function expectDraftChanges(c: ComparisonJson): void {
  expect(c.fixed.map((m) => m.ruleId)).toEqual(['outdated-unit-names', 'heading-numbering', 'draft-residue'])
  expect(c.introduced.map((m) => [m.ruleId, m.message])).toEqual([
    ['lead-unit', '任务「打造科普品牌活动」没有牵头单位：应在任务后或所属行动下注明（牵头单位：……）'],
  ])
  // Still open, although each moved down a line (the new paragraph at the top).
  expect(c.remaining.map((m) => m.ruleId)).toEqual(['lead-unit', 'draft-residue', 'key-projects'])
  expect(c.summary).toEqual({ introduced: 1, introducedErrors: 1, fixed: 3, remaining: 3 })
}

describe('planlint diff', () => {
  it('json: fixed / introduced / still open, matched by rule and sentence; exit 1 for a new error', () => {
    const r = run('diff', 'draft1.txt', 'draft2.txt', '--format', 'json')
    expect(r.stderr).toBe('')
    expect(r.status).toBe(1)
    const c = JSON.parse(r.stdout) as ComparisonJson
    expect([path.basename(c.old), path.basename(c.new)]).toEqual(['draft1.txt', 'draft2.txt'])
    expectDraftChanges(c)
    expect(c.remaining.map((m) => m.line)).toEqual([21, 28, 32])
    expect(c.fixed.map((m) => m.line)).toEqual([26, 38, 49])
  })

  it('two .docx drafts give the same answer, with paragraph numbers', () => {
    const r = run('diff', 'draft1.docx', 'draft2.docx', '-f', 'json')
    expect(r.status).toBe(1)
    const c = JSON.parse(r.stdout) as ComparisonJson
    expectDraftChanges(c)
    expect(c.introduced[0]!.location).toEqual({ paragraph: 42 })
  })

  it('stylish: three sections and a summary; html: a self-contained page with escaped text', () => {
    const s = run('diff', 'draft1.txt', 'draft2.txt')
    expect(s.status).toBe(1)
    expect(s.stdout).toContain('draft1.txt → draft2.txt')
    expect(s.stdout).toMatch(/新出现的问题（1 个，位置为新稿中的位置）\n\s+42:1\s+错误\s+任务「打造科普品牌活动」没有牵头单位/)
    expect(s.stdout).toContain('已改正的问题（3 个，位置为旧稿中的位置）')
    expect(s.stdout).toContain('仍未解决的问题（3 个，位置为新稿中的位置）')
    expect(s.stdout).toContain('✖ 新出现 1 个（其中 1 个错误），已改正 3 个，仍未解决 3 个')
    const h = run('diff', 'draft1.docx', 'draft2.docx', '--format', 'html', '-o', 'out/对比.html')
    expect(h.status).toBe(1)
    expect(h.stdout).toBe('')
    const page = fs.readFileSync(path.join(dir, 'out/对比.html'), 'utf8')
    expect(page).toContain('<h2>新出现的问题（1 个）</h2>')
    expect(page).toContain('新稿 第42段（42行）')
    expect(page).toContain('<mark>[bookmark: _GoBack]</mark>')
    expect(page).not.toMatch(/<script|src=|href="http/)
  })

  it('no new errors → exit 0 (the same draft twice: everything still open)', () => {
    const r = run('diff', 'draft2.txt', 'draft2.txt', '-f', 'json')
    expect(r.status).toBe(0)
    expect((JSON.parse(r.stdout) as ComparisonJson).summary).toEqual({ introduced: 0, introducedErrors: 0, fixed: 0, remaining: 4 })
    // The other way round, what draft 2 fixed comes back as new.
    expect(run('diff', 'draft2.txt', 'draft1.txt').stdout).toContain('✖ 新出现 3 个（其中 1 个错误），已改正 1 个，仍未解决 3 个')
  })

  it('bad input: a missing file, an unknown format, a report aimed at a draft → one line, exit 2', () => {
    for (const [args, fragment] of [
      [['diff', 'draft1.txt', 'nope.txt'], 'nope.txt'],
      [['diff', 'draft1.txt', 'draft2.txt', '-f', 'sarif'], 'planlint diff 的输出格式只能是 stylish、json、html'],
      [['diff', 'draft1.txt', 'draft2.txt', '-o', 'draft2.txt'], '报告不能写到被比较的文稿上'],
      [['diff', 'draft1.txt'], '缺少参数'],
    ] as const) {
      const r = run(...args)
      expect(r.status, r.stderr).toBe(2)
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
      expect(r.stderr).toContain(fragment)
    }
    expect(fs.readFileSync(path.join(dir, 'draft2.txt'), 'utf8')).toBe(fs.readFileSync(path.join(fixtures, 'draft2.txt'), 'utf8'))
  })
})
