import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import rule from '../../rules/numeral-typos.js'
import { lintText } from '../../src/lint/lint.js'
import { RuleTester } from '../../src/testing/rule-tester.js'
import { onlyRule } from '../helpers/rules.js'

const tester = new RuleTester()

tester.run('numeral-typos', rule, {
  valid: [
    // standards: number-year, not a year range
    '严格执行《科普基础设施建设标准》（DB36/T 1999-2021）和GB/T 2000-2019。',
    '二〇三五年远景目标纲要（2021—2035年）',
    // dates, phone numbers, codes and version numbers are not year ranges
    '2021-12-31印发，电话0791-2025123，GB/T 9704-2012，编号A2021-2025',
    // a Latin O next to letters is a word, not a numeral
    'O2O模式、一OA系统',
    // a year range running backwards is not a range
    '2025-2021',
    // full-width digits throughout are consistent
    '到２０２５年，建成３个基地。',
    // a chain of years already joined by 一字线; a chain running backwards is no period
    '《全民科学素质行动计划纲要（2006—2010—2020年）》',
    '2020-2010-2006',
    // a date whose year is written in full; 十二年 is a number of years, not a year
    '二〇一二年一月十二日',
    '历经十二年一月又三日',
    '2012年1月12日',
    // the digit-width check can be switched off
    { code: '到2025年，建成３个基地。', options: { digitWidth: false } },
  ],
  invalid: [
    {
      code: '第十四个五年规划和二O三五年远景目标纲要',
      errors: [{ messageId: 'zeroLookalike', data: { written: '二O三五', char: 'O', expected: '二〇三五' }, line: 1, column: 10, endColumn: 14 }],
      output: '第十四个五年规划和二〇三五年远景目标纲要',
    },
    {
      code: '二0二一年、二○二二年',
      errors: [
        { messageId: 'zeroLookalike', data: { written: '二0二一', char: '0', expected: '二〇二一' }, column: 1 },
        { messageId: 'zeroLookalike', data: { written: '二○二二', char: '○', expected: '二〇二二' }, column: 7 },
      ],
      output: '二〇二一年、二〇二二年',
    },
    {
      code: '实施方案(2022-2025年)、《规划（2018－2022年）》、2021 ~ 2025年',
      errors: [
        { messageId: 'yearRange', data: { written: '2022-2025', expected: '2022—2025' }, column: 6, endColumn: 15 },
        { messageId: 'yearRange', data: { written: '2018－2022', expected: '2018—2022' }, column: 22 },
        { messageId: 'yearRange', data: { written: '2021 ~ 2025', expected: '2021—2025' }, column: 35 },
      ],
      output: '实施方案(2022—2025年)、《规划（2018—2022年）》、2021—2025年',
    },
    {
      // a three-year chain (the 2006 纲要's period) with hyphens: every join becomes —
      code: '实施《全民科学素质行动计划纲要（2006-2010-2020年）》。',
      errors: [{ messageId: 'yearRange', data: { written: '2006-2010-2020', expected: '2006—2010—2020' }, line: 1, column: 17, endColumn: 31 }],
      output: '实施《全民科学素质行动计划纲要（2006—2010—2020年）》。',
    },
    {
      // one join right, one wrong: the chain is reported once, whole
      code: '2006—2010-2020年',
      errors: [{ messageId: 'yearRange', data: { written: '2006—2010-2020', expected: '2006—2010—2020' }, column: 1, endColumn: 15 }],
      output: '2006—2010—2020年',
    },
    {
      // the year of a signature date lost its first two digits: a suggestion (the century is a guess)
      code: '万载县人民政府办公室\n一二年一月十二日',
      errors: [
        {
          messageId: 'shortYear',
          data: { written: '一二年', expected: '二〇一二年' },
          line: 2,
          column: 1,
          endColumn: 4,
          suggestions: [{ desc: '改为「二〇一二年」', output: '万载县人民政府办公室\n二〇一二年一月十二日' }],
        },
      ],
      output: null,
    },
    {
      code: '九八年三月五日印发',
      errors: [{ messageId: 'shortYear', data: { written: '九八年', expected: '一九九八年' }, column: 1, endColumn: 4, suggestions: [{ desc: '改为「一九九八年」', output: '一九九八年三月五日印发' }] }],
      output: null,
    },
    {
      // a Latin O in a full year is a look-alike, not a short year
      code: '二O一二年一月十二日',
      errors: [{ messageId: 'zeroLookalike', column: 1, endColumn: 5 }],
      output: '二〇一二年一月十二日',
    },
    {
      code: '到2025年，建成３个基地和10个站点。',
      errors: [{ messageId: 'mixedDigits', data: { majority: '半角数字', minority: '全角', written: '３' }, column: 10, endColumn: 11 }],
      output: '到2025年，建成3个基地和10个站点。',
    },
    {
      // half-width in a full-width plan is reported, but which width is right is the author's call
      code: '到２０２５年，建成３个基地和10个站点。',
      errors: [{ messageId: 'mixedDigits', data: { majority: '全角数字', minority: '半角', written: '10' } }],
      output: null,
    },
  ],
})

describe('numeral-typos year chains (property)', async () => {
  const only = await onlyRule('numeral-typos')
  const lint = (code: string, fix: boolean) => lintText(code, { config: { rules: only }, preset: 'national', fix })
  const join = fc.constantFrom('-', '－', '~', '～', '—', ' - ', '–')
  const chain = fc
    .tuple(fc.integer({ min: 1990, max: 2040 }), fc.integer({ min: 1, max: 15 }), fc.integer({ min: 1, max: 15 }), join, join, fc.boolean())
    .map(([y, d1, d2, j1, j2, three]) => (three ? `${y}${j1}${y + d1}${j2}${y + d1 + d2}` : `${y}${j1}${y + d1}`))
  it('a fixed chain is joined by — only, keeps its years, and is reported no more', () => {
    fc.assert(
      fc.property(chain, (c) => {
        const code = `规划（${c}年）`
        const out = lint(code, true).output ?? code
        const years = (s: string) => s.match(/\d{4}/g)!.join(',')
        expect(years(out)).toBe(years(code))
        expect(out).toMatch(/^规划（\d{4}(—\d{4}){1,2}年）$/)
        expect(lint(out, false).messages.filter((m) => m.ruleId === 'numeral-typos')).toEqual([])
      }),
      { numRuns: 200 },
    )
  })
})
