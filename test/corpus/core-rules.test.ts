/**
 * End to end through the real CLI on the four corpus plans: the findings a reviewer would
 * make from the four core rules, and no others. Presets are detected from the titles.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { corpusDir, corpusFiles, type CorpusName } from './corpus.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const bin = path.join(root, 'bin/planlint.js')
const CORE = ['population-actions', 'lead-unit', 'quantified-targets', 'outdated-unit-names']

interface JsonMessage {
  ruleId: string
  severity: number
  message: string
  line: number
  relatedLocations?: { line: number }[]
}

function lint(file: string, cwd = root): { status: number | null; messages: JsonMessage[] } {
  const r = spawnSync(process.execPath, [bin, '--format', 'json', file], { cwd, encoding: 'utf8' })
  expect(r.stderr).toBe('')
  const [result] = JSON.parse(r.stdout) as { messages: JsonMessage[] }[]
  return { status: r.status, messages: result!.messages.filter((m) => CORE.includes(m.ruleId)) }
}

/** The preset planlint chose, as `explain --format json` reports it. */
function presetOf(file: string): string {
  const r = spawnSync(process.execPath, [bin, 'explain', '--format', 'json', file], { cwd: root, encoding: 'utf8' })
  return (JSON.parse(r.stdout) as { preset: { id: string } }).preset.id
}

/** Rule, severity and every line of the finding (a grouped finding has several). */
const short = (m: JsonMessage) => [m.ruleId, m.severity, ...(m.relatedLocations ? m.relatedLocations.map((l) => l.line) : [m.line])] as const

const expected: Record<CorpusName, { preset: string; findings: (readonly [string, number, ...number[]])[] }> = {
  // 4 actions, no 农民: the one finding
  qingyunpu: { preset: 'nanchang', findings: [['population-actions', 2, 47]] },
  // 市文广新局 (the 2018 name; the same plan writes 市文广新旅局 elsewhere). 市乡村振兴局 was
  // current when leping was issued (2022-03-29): see the asOf test below.
  leping: { preset: 'jingdezhen', findings: [['outdated-unit-names', 1, 134]] },
  'jinjiang-draft': {
    preset: 'chengdu',
    findings: [
      ['population-actions', 2, 12], // 城市居民 replaces 农民 without a documented reason
      // 区委社治委, six times: one finding with every place (a draft without a date is judged as of today)
      ['outdated-unit-names', 1, 22, 32, 33, 34, 44, 57],
      ['quantified-targets', 1, 47], // 到2025年，建成一批典型基地
    ],
  },
  // the 2025 goal states no percentage at all
  nansha: { preset: 'guangzhou', findings: [['quantified-targets', 2, 51]] },
}

describe('the four core rules on the corpus, through the CLI', () => {
  it.each(corpusFiles)('%s', (name) => {
    const r = lint(path.join(corpusDir, `${name}.txt`))
    expect(presetOf(path.join(corpusDir, `${name}.txt`))).toBe(expected[name].preset)
    expect(r.messages.map(short)).toEqual(expected[name].findings)
  })

  it('messages quote the upper plan', () => {
    const q = lint(path.join(corpusDir, 'qingyunpu.txt'))
    expect(q.messages[0]!.message).toBe('缺少「农民科学素质提升行动」：《全民科学素质行动规划纲要（2021—2035年）》要求的五项提升行动之一。若本地确有理由替换或不单列，请在正文写明理由，或在配置的 exemptions 中登记（population: farmers，reason: 理由）')
    const n = lint(path.join(corpusDir, 'nansha.txt'))
    expect(n.messages[0]!.message).toBe(
      '主要目标没有给出到2025年「公民具备科学素质的比例」的具体数值：《广州市全民科学素质行动规划纲要实施方案（2022—2025年）》要求达到24.5%',
    )
    const j = lint(path.join(corpusDir, 'jinjiang-draft.txt'))
    expect(j.messages.find((m) => m.line === 22)!.message).toContain('「区委社治委」是2023—2024年机构改革')
  })

  describe('leping judged as of today (config asOf), as a drafter reusing it would be', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-asof-'))
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
    fs.copyFileSync(path.join(corpusDir, 'leping.txt'), path.join(dir, 'leping.txt'))
    fs.writeFileSync(path.join(dir, 'planlint.config.yaml'), 'asOf: 2026-11-23\n')

    it('reports 市乡村振兴局 (merged into 农业农村局 by the 2023–24 reform), with no autofix next to 市农业农村局', () => {
      const r = lint(path.join(dir, 'leping.txt'), dir)
      expect(r.messages.map(short)).toEqual([
        ['outdated-unit-names', 1, 61],
        ['outdated-unit-names', 1, 134],
      ])
      expect(r.messages[0]!.message).toContain('「市乡村振兴局」是2023—2024年机构改革（2023年3月起）前的名称，现为「市农业农村局」')
    })
  })
})
