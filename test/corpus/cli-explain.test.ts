/** `planlint explain` on a real corpus plan (jinjiang-draft), through the real CLI (corpus suite). */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.js'
import { corpusDir as corpus } from './corpus.js'

const run = (args: string[], opts: { cwd?: string } = {}) => runCli(args, opts)
let tmp: string
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-corpus-explain-'))
})
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

describe('explain', () => {
  function corpusCopy(name: string): { dir: string; file: string } {
    const dir = path.join(tmp, `explain-${name}`)
    fs.mkdirSync(dir, { recursive: true })
    const file = path.join(dir, name)
    fs.copyFileSync(path.join(corpus, name), file)
    return { dir, file }
  }

  it('prints what was understood of a corpus plan, in Chinese', () => {
    const { dir } = corpusCopy('jinjiang-draft.txt')
    const r = run(['explain', 'jinjiang-draft.txt'], { cwd: dir })
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/^标题：成都市锦江区全民科学素质行动规划纲要/)
    expect(r.stdout).toContain('辖区：成都市锦江区')
    expect(r.stdout).toContain('期限：2021—2025年')
    expect(r.stdout).toContain('状态：征求意见稿')
    expect(r.stdout).toContain('预设：chengdu')
    expect(r.stdout).toMatch(/（一）实施青少年科学素质提升行动 +\[2级 · 提升行动 · 第\d+行\]/)
    expect(r.stdout).toMatch(/1\.培养青少年科学精神 {2}\[第\d+行\]\n {6}牵头：区教育局（来源：任务后括注）\n {6}配合：.*团区委/)
    expect(r.stdout).toMatch(/2025年 {2}公民具备科学素质的比例 {2}超过18% {2}\[已量化/)
    expect(r.stdout).toContain('国发〔2021〕9号')
  })

  it('prints the documented JSON shape with {line, column} positions', () => {
    const { dir } = corpusCopy('jinjiang-draft.txt')
    const r = run(['explain', 'jinjiang-draft.txt', '--format', 'json'], { cwd: dir })
    expect(r.status, r.stderr).toBe(0)
    const j = JSON.parse(r.stdout) as Record<string, any>
    expect(Object.keys(j)).toEqual([
      'version', 'title', 'jurisdiction', 'period', 'draft', 'date', 'docNumber', 'preset', 'tasks',
      'outline', 'actions', 'projects', 'targets', 'citations',
    ])
    expect(j.jurisdiction.name).toBe('成都市锦江区')
    expect(j.period).toEqual({ start: 2021, end: 2025 })
    expect(j.draft).toBe(true)
    expect(j.preset.id).toBe('chengdu')
    expect(j.actions.length).toBeGreaterThanOrEqual(5)
    expect(j.actions[0].name).toContain('青少年')
    const task = j.actions[0].tasks[0]
    expect(Object.keys(task).sort()).toEqual(['lead', 'leadSource', 'marker', 'number', 'partners', 'position', 'title'])
    expect(task.leadSource).toBe('inline')
    expect(task.lead[0]).toEqual({ text: '区教育局', name: expect.stringContaining('教育局'), vague: false })
    expect(task.position).toEqual({ line: expect.any(Number), column: expect.any(Number) })
    expect(j.tasks.total).toBe(j.tasks.withLead + j.tasks.withoutLead)
    expect(j.tasks.total).toBeGreaterThanOrEqual(29)
    expect(j.outline[0]).toMatchObject({ level: 1, role: 'goals' })
    const headline = j.targets.find((t: any) => t.indicator === '公民具备科学素质的比例')
    expect(headline).toMatchObject({ year: 2025, value: 18, valueUnit: '%', quantified: true })
    expect(j.citations.map((c: any) => c.docNumber)).toContain('国发〔2021〕9号')
  })

})
