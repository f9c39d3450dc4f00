/**
 * Bulk suppressions (a baseline) through the real CLI: --suppress-all, --suppress-rule,
 * --suppressions-location, --prune-suppressions. Entries are keyed on file + rule + sentence,
 * so editing elsewhere, renumbering and moving paragraphs keep them.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { root, runCli } from './helpers/cli.js'

const fixtures = path.join(root, 'test/fixtures/review')
const draft = fs.readFileSync(path.join(fixtures, 'draft1.txt'), 'utf8')
const dirs: string[] = []
let dir: string

interface JsonOut {
  messages: { ruleId: string | null; line: number; message: string }[]
  suppressedMessages: { ruleId: string; suppressions: { kind: string; justification: string }[] }[]
  errorCount: number
  warningCount: number
}

function lint(...args: string[]) {
  return runCli(args, { cwd: dir })
}

function json(...args: string[]): { status: number | null; stderr: string; result: JsonOut } {
  const r = lint(...args, '--format', 'json')
  return { status: r.status, stderr: r.stderr, result: (JSON.parse(r.stdout) as JsonOut[])[0]! }
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-bulk-'))
  dirs.push(dir)
  fs.copyFileSync(path.join(fixtures, 'planlint.config.yaml'), path.join(dir, 'planlint.config.yaml'))
  fs.writeFileSync(path.join(dir, 'draft.txt'), draft)
})
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true })
})

describe('bulk suppressions', () => {
  it('suppress all → 0 findings, exit 0; a paragraph inserted at the top → still 0; one new error → exactly that one', () => {
    const before = json('draft.txt')
    expect(before.status).toBe(1)
    expect(before.result.messages.length).toBeGreaterThan(4)

    const rec = lint('draft.txt', '--suppress-all')
    expect(rec.status).toBe(0)
    expect(rec.stdout).toContain(`已把 ${before.result.messages.length} 个问题记入批量忽略文件 planlint-suppressions.json`)
    expect(rec.stdout).toContain('✔ 未发现问题')
    const file = JSON.parse(fs.readFileSync(path.join(dir, 'planlint-suppressions.json'), 'utf8'))
    expect(Object.keys(file.files)).toEqual(['draft.txt'])
    expect(file.files['draft.txt']['outdated-unit-names']).toEqual([
      { sentence: expect.stringContaining('县卫计委'), hash: expect.stringMatching(/^[0-9a-f]{16}$/), count: 1, reason: '' },
    ])

    const clean = json('draft.txt')
    expect(clean.status).toBe(0)
    expect(clean.result.messages).toEqual([])
    expect(clean.result.suppressedMessages).toHaveLength(before.result.messages.length)
    expect(clean.result.suppressedMessages.every((m) => m.suppressions[0]!.kind === 'bulk')).toBe(true)

    // Edit elsewhere: a paragraph at the top moves every line down by one.
    const lines = draft.split('\n')
    lines.splice(5, 0, '为进一步提升全县公民科学素质，县科协会同有关部门起草了本实施方案。')
    fs.writeFileSync(path.join(dir, 'draft.txt'), lines.join('\n'))
    const moved = json('draft.txt')
    expect(moved.status).toBe(0)
    expect(moved.result.messages).toEqual([])

    // One new error: a second page-number line.
    fs.writeFileSync(path.join(dir, 'draft.txt'), lines.join('\n').replace('四、保障措施', '— 5 —\n四、保障措施'))
    const one = json('draft.txt')
    expect(one.status).toBe(1)
    expect(one.result.messages.map((m) => [m.ruleId, m.message])).toEqual([['draft-residue', '残留的页码行「— 5 —」（来自 PDF 或 Word 页脚），应删除']])
  })

  it('moving a paragraph and renumbering headings keep the entries', () => {
    lint('draft.txt', '--suppress-all')
    // Swap the two 保障措施 items and renumber the tasks after 9 (11. → 10., 12. → 11.).
    let text = draft.replace('11.完善科普场馆体系', '10.完善科普场馆体系').replace('12.强化科普信息传播', '11.强化科普信息传播')
    const a = '（一）加强组织领导\n县全民科学素质工作领导小组负责统筹协调全县科学素质建设工作，各成员单位按照职责分工抓好落实。'
    const b = '（二）强化经费保障\n县财政按规定安排科普经费，并逐步提高投入水平。'
    text = text.replace(`${a}\n${b}`, `${b.replace('（二）', '（一）')}\n${a.replace('（一）', '（二）')}`)
    fs.writeFileSync(path.join(dir, 'draft.txt'), text)
    const r = json('draft.txt')
    // The renumbering fixed the heading-numbering finding; nothing is new.
    expect(r.result.messages).toEqual([])
    expect(r.stderr).toContain('planlint: 批量忽略文件 planlint-suppressions.json 中有 1 个问题已不再出现，可用 --prune-suppressions 清理')

    const pruned = lint('draft.txt', '--prune-suppressions')
    expect(pruned.stdout).toContain('已从批量忽略文件 planlint-suppressions.json 中删除 1 个不再出现的问题')
    const file = JSON.parse(fs.readFileSync(path.join(dir, 'planlint-suppressions.json'), 'utf8'))
    expect(file.files['draft.txt']['heading-numbering']).toBeUndefined()
    expect(json('draft.txt').stderr).toBe('')
  })

  it('--suppress-rule records only that rule; --suppressions-location puts the file elsewhere; a reason written in the file is the justification', () => {
    const rec = lint('draft.txt', '--suppress-rule', 'draft-residue', '--suppressions-location', 'review/baseline.json')
    expect(rec.stdout).toContain('已把 2 个问题记入批量忽略文件 review/baseline.json')
    const where = path.join(dir, 'review/baseline.json')
    const data = JSON.parse(fs.readFileSync(where, 'utf8'))
    expect(Object.keys(data.files)).toEqual(['../draft.txt'])
    expect(Object.keys(data.files['../draft.txt'])).toEqual(['draft-residue'])
    data.files['../draft.txt']['draft-residue'][0].reason = '页码行在定稿时统一删除'
    fs.writeFileSync(where, JSON.stringify(data))

    const r = json('draft.txt', '--suppressions-location', 'review/baseline.json')
    expect(r.result.messages.map((m) => m.ruleId)).not.toContain('draft-residue')
    expect(r.result.messages.length).toBeGreaterThan(0)
    expect(r.result.suppressedMessages.map((m) => m.suppressions[0]!.justification).sort()).toEqual(['', '页码行在定稿时统一删除'])
    // Without the location, the default file does not exist: every finding is back.
    expect(json('draft.txt').result.messages.map((m) => m.ruleId)).toContain('draft-residue')
  })

  it('bad input: an unknown rule, a malformed file, the file among the inputs → one line, exit 2, file untouched', () => {
    let r = lint('draft.txt', '--suppress-rule', 'draft-residu')
    expect([r.status, r.stderr.trim()]).toEqual([2, 'planlint: --suppress-rule: 未知规则「draft-residu」（planlint rules 列出全部规则）'])
    fs.writeFileSync(path.join(dir, 'planlint-suppressions.json'), '{"version": 1, "files": {"draft.txt": {"lead-unit": [{"hash": 3}]}}}')
    r = lint('draft.txt')
    expect(r.status).toBe(2)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toContain('planlint-suppressions.json: files["draft.txt"]["lead-unit"][0] 格式不正确')
    fs.writeFileSync(path.join(dir, 'planlint-suppressions.json'), '{not json')
    r = lint('draft.txt', '--suppress-all')
    expect(r.stderr.trim()).toBe('planlint: planlint-suppressions.json: 批量忽略文件不是有效的 JSON（可删除后用 --suppress-all 重新生成）')
    expect(fs.readFileSync(path.join(dir, 'planlint-suppressions.json'), 'utf8')).toBe('{not json')
    r = lint('draft.txt', '--suppress-all', '--suppressions-location', 'draft.txt')
    expect(r.status).toBe(2)
    expect(fs.readFileSync(path.join(dir, 'draft.txt'), 'utf8')).toBe(draft)
  })
})
