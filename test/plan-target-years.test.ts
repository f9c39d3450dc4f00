/**
 * Target years (src/plan/target-years.ts): `yearMatches` finds exactly the matches of
 * `text.matchAll(YEAR_PATTERN)`, in order, with the same groups — on the plan forms, on open
 * ended text (fast-check over the pattern's own alphabet: lead-ins, quotes, every kind of
 * white space and line end, anchors, suffixes) — and stays linear where the pattern over the
 * whole text was quadratic (a long run of white space).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { YEAR_PATTERN, yearMatches } from '../src/plan/target-years.js'
import { buildPlan } from '../src/plan/index.js'

const asList = (ms: readonly RegExpMatchArray[]) => ms.map((m) => ({ index: m.index, groups: [...m] }))
const reference = (text: string) => asList([...text.matchAll(YEAR_PATTERN)])

describe('yearMatches', () => {
  it.each([
    ['到2025年，全区公民具备科学素质的比例达到15%。', [[0, '到2025年', '2025']]],
    ['截止到 二〇二五年底，建成10个基地。', [[0, '截止到 二〇二五年底', '二〇二五']]],
    ['到“十四五”末，科普场馆明显增加。', [[0, '到“十四五”末', undefined, '十四五']]],
    ['工作安排如下。2025年，完成评估。', [[7, '2025年', undefined, undefined, '2025']]],
    ['（一）“十四五”期间，每年举办科普活动。', [[3, '“十四五”期间', undefined, undefined, undefined, '十四五']]],
    ['2025年底前完成；2030年以后再议。', [[0, '2025年底前', undefined, undefined, undefined, undefined, '2025']]],
    // the year is the second of two overlapping anchors
    ['编号192025年前完成', [[4, '2025年前', undefined, undefined, undefined, undefined, '2025']]],
    // a lead-in broken by a line end, and white space with a line end before a year opening a line
    ['到\n2025年，达到', [[0, '到\n2025年', '2025']]],
    ['任务如下。 \n  2025年，完成', [[7, '  2025年', undefined, undefined, '2025']]],
    // the lead-in reaches back over a quote, 在 and white space to where the match starts
    ['工作中。   在“十四五”期间，', [[4, '   在“十四五”期间', undefined, undefined, undefined, '十四五']]],
    ['到  “十四五”末，', [[0, '到  “十四五”末', undefined, '十四五']]],
    // a line end inside white space: a year may open the new line (`^` after \r, \u2028, \u2029 too)
    ['工作 \r 2025年，完成', [[4, ' 2025年', undefined, undefined, '2025']]],
    ['工作 \u2028 2025年，完成', [[4, ' 2025年', undefined, undefined, '2025']]],
    ['工作 \u2029 2025年，完成', [[4, ' 2025年', undefined, undefined, '2025']]],
    ['到  "十四五"末，', [[0, '到  "十四五"末', undefined, '十四五']]],
    // a match holding a second anchor (`二〇` twice) is found once
    ['到二〇二〇年，完成', [[0, '到二〇二〇年', '二〇二〇']]],
    ['无年份的句子，十四五规划。', []],
  ] as [string, (string | number | undefined)[][]][])('%s', (text, expected) => {
    const got = yearMatches(text).map((m) => [m.index, ...m])
    expect(got).toEqual(expected.map(([index, ...groups]) => [index, ...groups, ...Array(6 - groups.length).fill(undefined)]))
    expect(asList(yearMatches(text))).toEqual(reference(text))
  })

  it('finds what the pattern finds over the whole text, on any text of its alphabet', () => {
    const alphabet = [
      '到', '至', '截', '止', '在', '“', '"', '”', ' ', '\t', '\n', '\r', '\u2028', '\u3000', '\u00a0',
      '1', '9', '2', '0', '5', '二', '〇', '○', '零', '三', '四', '五', '六', '十', '年', '底', '末', '以', '前', '后',
      '期', '间', '时', '内', '结', '束', '。', '；', '，', ',', '、', '）', '.', '科',
    ]
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }).map((a) => a.join(''))
    fc.assert(
      fc.property(text, (t) => {
        expect(asList(yearMatches(t))).toEqual(reference(t))
      }),
      { numRuns: 20_000 },
    )
  })

  it('finds every match when many follow each other, and none twice', () => {
    const t = '到2025年，达到。2025年底前完成。到“十四五”末，增加。'.repeat(50)
    expect(yearMatches(t)).toHaveLength(150)
    expect(asList(yearMatches(t))).toEqual(reference(t))
  })

  it(
    'stays linear in long runs of white space (the pattern over the whole text took 35 s on one line of 200,000 spaces)',
    () => {
      // each is over an hour for the whole-text pattern (quadratic); linear, a few ms each
      const n = 1_000_000
      expect(yearMatches(`${' '.repeat(n)}到 2025年`).map((m) => m.index)).toEqual([n])
      expect(yearMatches(`到${' '.repeat(n)}2025年`).map((m) => m.index)).toEqual([0])
      expect(yearMatches(`${'\t'.repeat(n)}2025年前完成。`).map((m) => m[5])).toEqual(['2025'])
      expect(yearMatches(`${'\n'.repeat(n)}到“十四五”末`).map((m) => m[2])).toEqual(['十四五'])
      expect(yearMatches(`${' \n'.repeat(n / 2)}2025年，`).map((m) => m[3])).toEqual(['2025'])
    },
    60_000,
  )

  it('a target moved from a baseline (`由…%…提高到…`) takes the value after the rise, in linear time', () => {
    const goal = (clause: string) => buildPlan(`一、主要目标\n到2025年，${clause}。\n`).targets.map((t) => [t.year, t.value, t.indicator])
    expect(goal('全区公民具备科学素质的比例由2020年的9.6%提高到15%以上')).toEqual([[2025, 15, '公民具备科学素质的比例']])
    expect(goal(`比例${'由10%'.repeat(20_000)}提高到15%`)).toEqual([[2025, 15, '比例']])
    // with no rise after them, the pattern this replaced backtracked over every 由 and every % of the
    // clause (cubic: 20,000 of them took over a minute); now the first 由 settles it
    expect(goal(`比例达到${'由10%'.repeat(20_000)}`)).toEqual([[2025, 10, '比例']])
  })

  it('the plan reads its targets through it: a goal after a long line of spaces is found', () => {
    const text = `一、主要目标\n${' '.repeat(200_000)}\n到2025年，全区公民具备科学素质的比例达到15%。\n`
    expect(buildPlan(text).targets.map((t) => [t.year, t.value])).toEqual([[2025, 15]])
  })
})
