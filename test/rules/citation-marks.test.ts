import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import rule from '../../rules/citation-marks.js'
import { lintText } from '../../src/lint/lint.js'
import { RuleTester } from '../../src/testing/rule-tester.js'
import { onlyRule } from '../helpers/rules.js'

const tester = new RuleTester({ preset: 'national' })
const NATIONAL = '《国务院关于印发全民科学素质行动规划纲要（2021—2035年）的通知》（国发〔2021〕9号）'
const JIANGXI = '《江西省全民科学素质行动规划纲要实施方案（2021—2025年）》'
const JIUJIANG = '《九江市全民科学素质行动规划纲要实施方案（2021—2025年）》'

tester.run('citation-marks', rule, {
  valid: [
    '为贯彻《国务院关于印发全民科学素质行动规划纲要（2021—2035年）的通知》（国发〔2021〕9号）精神。',
    '《四川省人民政府关于印发〈四川省全民科学素质行动实施方案〉的通知》（川府发〔2022〕28号）',
    // a quoted phrase inside a title is no nested title
    '《关于开展“全国科普日”活动的通知》',
    // 关于…的通知 without a 文号 after it may be a description, not a title
    '市科协关于做好科普工作的通知要求各单位抓好落实。',
    // the period inside the marks; a 文号 or a single year after them is no period
    '《全民科学素质行动规划纲要（2021—2035年）》',
    '《四川省全民科学素质行动实施方案》（川府发〔2022〕28号）',
    '《2021年科普工作要点》（2021年）',
    // a title naming its own period: the bracket after it is a gloss
    '《“十四五”国家科学技术普及发展规划》（2021—2025年）',
    '《2022—2024年科普示范创建行动计划》（2022—2024年）',
    // abbreviations taken from the cited title's words, a level word, or made of numbers
    '《全民科学素质行动规划纲要（2021—2035年）》（以下简称《纲要》）',
    '《全民科学素质行动规划纲要（2021—2035年）》（以下简称《国家纲要》）',
    `${NATIONAL.slice(0, -1)}，以下简称《科学素质纲要》）`,
    '《咸宁市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》（以下简称《规划纲要》）',
    '《中华人民共和国科学技术普及法》（以下简称《科普法》）',
    '《关于进一步减轻义务教育阶段学生作业负担和校外培训负担的意见》（以下简称“双减”）',
    // the same document given its abbreviation twice
    '根据《全民科学素质行动规划纲要（2021—2035年）》（以下简称《纲要》）。落实《全民科学素质行动规划纲要（2021—2035年）》（以下简称《纲要》）要求。',
    // most documents of the list are cited without a 文号: nothing to compare with
    `根据${NATIONAL}、${JIANGXI}、${JIUJIANG}，制定本方案。`,
    // a law is cited without a 文号; separate sentences are separate lists
    `根据《中华人民共和国科学技术普及法》、${NATIONAL}和${JIANGXI}（赣府发〔2021〕29号），制定本方案。`,
    `根据${NATIONAL}、${JIANGXI}（赣府发〔2021〕29号）。落实${JIUJIANG}。`,
  ],
  invalid: [
    {
      code: '根据省人民政府关于加强科普工作的意见（赣府发〔2022〕3号）精神。',
      errors: [{ messageId: 'unmarked', column: 3, endColumn: 19 }],
      output: '根据《省人民政府关于加强科普工作的意见》（赣府发〔2022〕3号）精神。',
    },
    {
      code: '为贯彻国务院关于印发全民科学素质行动规划纲要（2021—2035年）的通知（国发〔2021〕9号）精神。',
      errors: [{ messageId: 'unmarked', line: 1, column: 4, endColumn: 38, severity: 1 }],
      output: '为贯彻《国务院关于印发全民科学素质行动规划纲要（2021—2035年）的通知》（国发〔2021〕9号）精神。',
    },
    {
      // on a later, indented line, two in one paragraph: each at its own place
      code: '一、总体要求\n　　根据市人民政府关于加强科普工作的意见（九府发〔2022〕3号）、县人民政府关于推进科普工作的通知（修府发〔2023〕1号）精神。',
      errors: [
        { messageId: 'unmarked', line: 2, column: 5, endLine: 2, endColumn: 21 },
        { messageId: 'unmarked', line: 2, column: 35, endLine: 2, endColumn: 51 },
      ],
      output: '一、总体要求\n　　根据《市人民政府关于加强科普工作的意见》（九府发〔2022〕3号）、《县人民政府关于推进科普工作的通知》（修府发〔2023〕1号）精神。',
    },
    {
      code: '根据《省人民政府关于印发<江西省全民科学素质行动规划纲要实施方案（2021—2025年）>的通知》。',
      errors: [{ messageId: 'nested', column: 13, endColumn: 46 }],
      output: '根据《省人民政府关于印发〈江西省全民科学素质行动规划纲要实施方案（2021—2025年）〉的通知》。',
    },
    {
      code: '《市政府关于印发“某市全民科学素质行动实施方案”的通知》',
      errors: [{ messageId: 'nested' }],
      output: '《市政府关于印发〈某市全民科学素质行动实施方案〉的通知》',
    },
    {
      // the period outside the marks, title unknown to the preset: a suggestion only
      code: '根据《江西省全民科学素质行动规划纲要实施方案》（2021—2025年），制定本方案。',
      errors: [
        {
          messageId: 'periodOutside',
          data: { written: '》（2021—2025年）', expected: '（2021—2025年）》' },
          column: 23,
          endColumn: 36,
          suggestions: [{ desc: '把规划期移入书名号：「（2021—2025年）》」', output: '根据《江西省全民科学素质行动规划纲要实施方案（2021—2025年）》，制定本方案。' }],
        },
      ],
      output: null,
    },
    {
      // the preset knows the title with its period inside: a fix
      code: '落实《全民科学素质行动规划纲要》（2021—2035年）要求。',
      errors: [{ messageId: 'periodOutside', column: 16, endColumn: 29 }],
      output: '落实《全民科学素质行动规划纲要（2021—2035年）》要求。',
    },
    {
      // a nested title with the 2006 纲要's three-year period outside its 〈〉
      code: '《国务院关于印发〈全民科学素质行动计划纲要〉(2006-2010-2020年)的通知》',
      errors: [{ messageId: 'periodOutside', data: { written: '〉(2006-2010-2020年)', expected: '(2006-2010-2020年)〉' }, column: 22, endColumn: 40 }],
      output: '《国务院关于印发〈全民科学素质行动计划纲要(2006-2010-2020年)〉的通知》',
    },
    {
      // 《纲要》 is the upper plan the cited 实施方案 implements
      code: '根据《江西省全民科学素质行动规划纲要实施方案（2021—2025年）》（以下简称《纲要》），制定本方案。',
      errors: [{ messageId: 'abbreviationUpper', data: { short: '《纲要》', kind: '纲要', title: '江西省全民科学素质行动规划纲要实施方案（2021—2025年）' }, column: 42, endColumn: 44 }],
      output: null,
    },
    {
      code: '落实《全民科学素质行动规划纲要（2021—2035年）》（以下简称《实施方案》）。',
      errors: [{ messageId: 'abbreviationMismatch', data: { short: '《实施方案》', title: '全民科学素质行动规划纲要（2021—2035年）' }, column: 35, endColumn: 39 }],
      output: null,
    },
    {
      // one abbreviation for two documents: the second is reported
      code: '根据《全民科学素质行动规划纲要（2021—2035年）》（以下简称《纲要》）。落实《江西省全民科学素质行动规划纲要实施方案（2021—2025年）》（以下简称《纲要》）。',
      errors: [
        {
          messageId: 'abbreviationTwice',
          data: { short: '《纲要》', first: '全民科学素质行动规划纲要（2021—2035年）', title: '江西省全民科学素质行动规划纲要实施方案（2021—2025年）' },
          column: 81,
          endColumn: 83,
        },
      ],
      output: null,
    },
    {
      // a local plan without the 文号 its neighbours in the list carry; no suggestion (not known)
      code: `按照${NATIONAL}、${JIANGXI}（赣府发〔2021〕29号）和${JIUJIANG}要求，制定本方案。`,
      errors: [{ messageId: 'missingDocNumber', data: { title: JIUJIANG.slice(1, -1), hint: '' }, column: 100, endColumn: 133, severity: 1 }],
      output: null,
    },
  ],
})

// the 文号 known to the preset is offered as a suggestion
new RuleTester({ preset: 'jiangxi' }).run('citation-marks', rule, {
  valid: [
    // the preset knows this title without a period: the bracket after it is a gloss
    { code: '根据《四川省全民科学素质行动实施方案》（2022—2025年），制定本方案。', preset: 'sichuan' },
  ],
  invalid: [
    {
      code: `按照${NATIONAL}、${JIUJIANG}（九府发〔2022〕3号）和${JIANGXI}要求。`,
      errors: [
        {
          messageId: 'missingDocNumber',
          data: { title: JIANGXI.slice(1, -1), hint: '（赣府发〔2021〕29号）' },
          column: 99,
          endColumn: 132,
          suggestions: [{ desc: '补上文号「（赣府发〔2021〕29号）」', output: `按照${NATIONAL}、${JIUJIANG}（九府发〔2022〕3号）和${JIANGXI}（赣府发〔2021〕29号）要求。` }],
        },
      ],
      output: null,
    },
  ],
})

describe('citation-marks properties', async () => {
  const only = await onlyRule('citation-marks')
  const lint = (code: string, fix: boolean) => lintText(code, { config: { rules: only }, preset: 'national', fix })
  // pieces of citing sentences: titles the preset knows with their period, others, marks, brackets, periods
  const piece = fc.constantFrom(
    '《全民科学素质行动规划纲要》',
    '〈全民科学素质行动计划纲要〉',
    '《某市科普工作方案》',
    '（2021—2035年）',
    '(2006-2010-2020年)',
    '（国发〔2021〕9号）',
    '（以下简称《纲要》）',
    '根据',
    '，',
    '。',
    ' ',
    '《',
    '》',
  )
  const texts = fc.array(piece, { maxLength: 12 }).map((a) => a.join(''))
  it('a period fix only moves characters (dropping a space before the period), and fixing again changes nothing', () => {
    const chars = (s: string) => [...s.replace(/ /g, '')].sort().join('')
    fc.assert(
      fc.property(texts, (code) => {
        const out = lint(code, true).output ?? code
        expect(chars(out)).toBe(chars(code))
        expect(lint(out, true).output).toBeUndefined()
      }),
      { numRuns: 200 },
    )
  })
  it('never reports a period already inside the marks', () => {
    fc.assert(
      fc.property(texts, (code) => {
        for (const m of lint(code, false).messages) {
          if (m.ruleId !== 'citation-marks' || !m.message.startsWith('规划期')) continue
          expect('》〉').toContain(code[m.range![0]])
        }
      }),
      { numRuns: 200 },
    )
  })
})
