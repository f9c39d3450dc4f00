import { describe, expect, it } from 'vitest'
import { expandGroups, groupMessages } from '../src/engine/group.js'
import { lintText } from '../src/lint/lint.js'
import { toJsonResults } from '../src/reporters/json.js'
import { toSarif } from '../src/reporters/sarif.js'
import { placesSuffix } from '../src/reporters/common.js'
import type { LintMessage } from '../src/types.js'

const at = (start: number, end: number, extra: Partial<LintMessage> = {}): LintMessage => ({
  ruleId: 'outdated-unit-names',
  severity: 1,
  message: '「区安监局」是旧名称',
  line: start + 1,
  column: 1,
  endLine: start + 1,
  endColumn: 1 + end - start,
  range: [start, end],
  ...extra,
})

describe('one finding per distinct problem', () => {
  it('groups the same rule, severity and text, keeping every place and the order of first places', () => {
    const other: LintMessage = { ...at(3, 5), ruleId: 'numeral-typos', message: '别的问题' }
    const out = groupMessages('x'.repeat(40), [at(10, 14), other, at(20, 24), at(30, 34)])
    expect(out.map((m) => [m.ruleId, m.count ?? 1, m.line])).toEqual([
      ['outdated-unit-names', 3, 11],
      ['numeral-typos', 1, 4],
    ])
    expect(out[0]!.places!.map((p) => p.range)).toEqual([[10, 14], [20, 24], [30, 34]])
    // a different severity or text is a different problem
    expect(groupMessages('', [at(1, 2), at(3, 4, { severity: 2 }), at(5, 6, { message: '另一句' })])).toHaveLength(3)
    // fatal messages are never grouped
    expect(groupMessages('', [at(1, 2, { fatal: true }), at(3, 4, { fatal: true })])).toHaveLength(2)
  })

  it('merges the members’ fixes into one that fixes every place, keeping the text between', () => {
    const text = '甲区安监局乙区安监局丙'
    const fix = (s: number) => ({ range: [s, s + 4] as [number, number], text: '区应急局' })
    const [g] = groupMessages(text, [at(1, 5, { fix: fix(1) }), at(6, 10, { fix: fix(6) })])
    expect(g!.fix).toEqual({ range: [1, 10], text: '区应急局乙区应急局' })
    // a member without a fix: no merged fix, the places keep their own
    const [h] = groupMessages(text, [at(1, 5, { fix: fix(1) }), at(6, 10)])
    expect(h!.fix).toBeUndefined()
    expect(h!.places![0]!.fix).toEqual(fix(1))
  })

  it('expands a group back into one message per place, each with its own fix', () => {
    const fix = (s: number) => ({ range: [s, s + 4] as [number, number], text: '区应急局' })
    const grouped = groupMessages('甲区安监局乙区安监局丙', [at(1, 5, { fix: fix(1) }), at(6, 10, { fix: fix(6) })])
    const back = expandGroups(grouped)
    expect(back.map((m) => [m.range, m.fix])).toEqual([
      [[1, 5], fix(1)],
      [[6, 10], fix(6)],
    ])
    expect(back.every((m) => m.places === undefined && m.count === undefined)).toBe(true)
  })

  it('lintText reports a repeated old name once, with the count and every line, in JSON and SARIF', () => {
    const text = '（责任单位：区安监局、区科协）\n（责任单位：区安监局）\n（责任单位：区安监局、区教育局）\n'
    const r = lintText(text, { config: { asOf: '2022-01-01', rules: {} }, preset: 'national' })
    const found = r.messages.filter((m) => m.ruleId === 'outdated-unit-names')
    expect(found).toHaveLength(1)
    expect(found[0]!.count).toBe(3)
    expect(placesSuffix(found[0]!)).toBe('（共 3 处：第1、2、3行）')
    // one fix for the whole group: applying it fixes every place
    const f = found[0]!.fix!
    expect(text.slice(0, f.range[0]) + f.text + text.slice(f.range[1])).toBe(text.replace(/区安监局/g, '区应急管理局'))
    const json = toJsonResults([r])[0]!.messages.find((m) => m.ruleId === 'outdated-unit-names')!
    expect(json.count).toBe(3)
    expect(json.relatedLocations!.map((l) => l.line)).toEqual([1, 2, 3])
    const sarif = toSarif([r], { cwd: process.cwd(), color: false, rulesMeta: {} })
    const result = sarif.runs[0]!.results!.find((x) => x.ruleId === 'outdated-unit-names')!
    expect(result.locations![0]!.physicalLocation!.region!.startLine).toBe(1)
    expect(result.relatedLocations!.map((l) => l.physicalLocation!.region!.startLine)).toEqual([2, 3])
    expect(result.message.text).toContain('（共 3 处：第1、2、3行）')
  })

  it('a Word paragraph or PDF page names the place as the user sees it', () => {
    const m = { ...at(0, 1), places: [{ ...at(0, 1), location: { paragraph: 4 } }, { ...at(5, 6), location: { paragraph: 9 } }] }
    expect(placesSuffix(m)).toBe('（共 2 处：第4段、第9段）')
    expect(placesSuffix(at(0, 1))).toBe('')
  })
})
