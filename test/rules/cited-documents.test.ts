import { describe, expect, it } from 'vitest'
import rule from '../../rules/cited-documents.js'
import { lintText } from '../../src/lint/lint.js'
import { RuleTester } from '../../src/testing/rule-tester.js'

const tester = new RuleTester({ preset: 'national' })
const NATIONAL = '国务院关于印发全民科学素质行动规划纲要（2021—2035年）的通知'
const OLD = '全民科学素质行动计划纲要实施方案（2016—2020年）'

tester.run('cited-documents', rule, {
  valid: [
    // a look back on what the superseded plan achieved is not citing it as the basis
    '某县全民科学素质行动规划纲要实施方案（2021—2025年）\n一、总体要求\n“十三五”期间，我县按照《全民科学素质行动计划纲要实施方案（2016—2020年）》部署，圆满完成各项目标任务。',
    `根据《${NATIONAL}》（国发〔2021〕9号）精神。`,
    // the short title, half-width brackets and a hyphen (punctuation-width's business, not this rule's)
    '按照《全民科学素质行动规划纲要(2021-2035年)》要求。',
    // 〈〉 for the nested title
    { code: '《四川省人民政府关于印发〈四川省全民科学素质行动实施方案〉的通知》（川府发〔2022〕28号）', preset: 'sichuan' },
    // documents the preset does not know
    '严格落实《干部教育培训工作条例》《公务员培训规定》。',
    // another city's plan is not a misspelling of the upper plan
    { code: '参照《九江市全民科学素质行动规划纲要实施方案（2021—2025年）》。', preset: 'nanchang' },
    // the 科普法 as it stood when the plan was issued (before the 2024 revision) …
    '根据《中华人民共和国科学技术普及法》。\n\n2022年7月21日印发',
    // … and in an undated draft: the current law
    '根据《中华人民共和国科学技术普及法》。',
    // looking back on the superseded plan is no citation of it as the basis
    `《${OLD}》实施以来，全区科普工作取得显著成效。`,
    // issued before the successor existed
    `根据《${OLD}》制定本方案。\n\n2020年5月1日印发`,
    // a 年度 after the bracket is no misplaced year
    '《科普工作要点（2021—2022）年度》',
  ],
  invalid: [
    {
      // leping: the provincial plan runs to 2025, not 2035
      code: '根据《江西省全民科学素质行动规划纲要实施方案（2021—2035年）》。',
      preset: 'jiangxi',
      errors: [
        {
          message:
            '引用的《江西省全民科学素质行动规划纲要实施方案（2021—2035年）》规划期有误：该文件的规划期是2021—2025年，应为《江西省全民科学素质行动规划纲要实施方案（2021—2025年）》',
          line: 1,
          column: 3,
          endLine: 1,
          endColumn: 36,
          severity: 2,
        },
      ],
      output: null,
    },
    {
      // jinjiang-draft: the year outside the bracket
      code: '为贯彻落实《国务院关于印发全民科学素质行动规划纲要（2021—2035）年的通知》（国发〔2021〕9号）',
      errors: [{ message: '年份应写在括号内：「（2021—2035）年」应为「（2021—2035年）」', line: 1, column: 26, endLine: 1, endColumn: 38, severity: 2 }],
      output: '为贯彻落实《国务院关于印发全民科学素质行动规划纲要（2021—2035年）的通知》（国发〔2021〕9号）',
    },
    {
      code: `根据《${NATIONAL}》（国发〔2021〕19号）精神。`,
      errors: [
        {
          messageId: 'wrongDocNumber',
          data: { document: '《全民科学素质行动规划纲要（2021—2035年）》', expected: '国发〔2021〕9号', written: '国发〔2021〕19号' },
          line: 1,
          column: 40,
          endColumn: 51,
        },
      ],
      output: null,
    },
    {
      // 计划纲要 is the 2006 document's name; with the 2021—2035 period the 规划纲要 is meant
      code: '依据《全民科学素质行动计划纲要（2021—2035年）》。',
      errors: [{ messageId: 'wrongTitle', data: { written: '全民科学素质行动计划纲要（2021—2035年）', expected: '《全民科学素质行动规划纲要（2021—2035年）》' }, column: 3, endColumn: 29 }],
      output: null,
    },
    {
      code: '根据《国务院办公厅关于印发全民科学素质行动规划纲要（2021—2035年）的通知》。',
      errors: [{ messageId: 'wrongTitle', data: { written: '国务院办公厅关于印发全民科学素质行动规划纲要（2021—2035年）的通知', expected: `《${NATIONAL}》` } }],
      output: null,
    },
    {
      // Sichuan's plan has no period in its title
      code: '根据《四川省全民科学素质行动实施方案（2021—2025年）》。',
      preset: 'sichuan',
      errors: [{ messageId: 'wrongTitle', data: { written: '四川省全民科学素质行动实施方案（2021—2025年）', expected: '《四川省全民科学素质行动实施方案》' }, severity: 2 }],
      output: null,
    },
    {
      // the 景德镇 plan is known only from a citation (confidence corpus): a warning at most
      code: '根据《景德镇市全民科学素质行动规划纲要实施方案（2021—2035年）》。',
      preset: 'jingdezhen',
      errors: [{ messageId: 'wrongPeriod', severity: 1 }],
      output: null,
    },
    {
      // the superseded plan as the basis of a plan issued after its successor
      code: `根据《${OLD}》，结合我区实际，制定本方案。`,
      errors: [
        {
          message: `《${OLD}》已被《全民科学素质行动规划纲要（2021—2035年）》取代，方案应以现行文件为依据`,
          column: 3,
          endColumn: 33,
          severity: 1,
        },
      ],
      output: null,
    },
  ],
})
