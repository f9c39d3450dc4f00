import { describe, expect, it } from 'vitest'
import rule from '../../rules/unit-name-consistency.js'
import { lintText } from '../../src/lint/lint.js'
import { RuleTester } from '../../src/testing/rule-tester.js'

const tester = new RuleTester({ preset: 'national' })
const lead = (...units: string[]) => `开展活动。（牵头单位：${units.join('、')}）`
/** Tasks of one action, each with its own lead (units are read from responsibilities). */
const lines = (...ls: string[]) => ['（一）青少年科学素质提升行动', ...ls.map((l, i) => (l.startsWith('（') ? l : `${i + 1}.${l}`))].join('\n')

tester.run('unit-name-consistency', rule, {
  valid: [
    // different units, one character apart or alike in shape
    lines(lead('区教育局'), lead('区体育局'), lead('区教育局')),
    lines(lead('区科技局'), lead('区科协'), lead('区科技局')),
    lines(lead('区委宣传部'), lead('区委统战部'), lead('区委宣传部')),
    // an accepted abbreviation of the full name
    lines(lead('市发展改革委员会'), lead('市发展改革委员会'), lead('市发展改革委')),
    lines(lead('区应急管理局'), lead('区应急局'), lead('区应急局')),
    // listed side by side: two units
    lines(lead('区教体局', '区教育局'), lead('区教体局')),
    // a tie and no preferred form: nothing to say which is right
    lines(lead('市文广新局'), lead('市文广新旅局')),
    // different levels
    lines(lead('市教育局'), lead('区教育局'), lead('区教育局')),
    // alias group members of different kinds of body are not merged
    lines(lead('区党史研究室'), lead('区地方志办公室'), lead('区党史研究室')),
  ],
  invalid: [
    {
      // jinjiang-draft: 和 / 与; the majority is the dictionary's name, so the fix is certain
      code: lines(lead('区新经济和科技局'), lead('区新经济和科技局'), lead('区新经济与科技局', '区科协')),
      errors: [
        {
          message: '「区新经济与科技局」与本方案其他2处的「区新经济和科技局」应是同一单位，名称应统一',
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 22,
          severity: 1,
        },
      ],
      output: lines(lead('区新经济和科技局'), lead('区新经济和科技局'), lead('区新经济和科技局', '区科协')),
    },
    {
      // the level prefix elided after the first unit: the replacement keeps it elided
      code: lines(lead('区科协', '新经济与科技局'), lead('区新经济和科技局'), lead('区新经济和科技局')),
      errors: [{ messageId: 'inconsistent', line: 2, column: 18, endColumn: 25 }],
      output: lines(lead('区科协', '新经济和科技局'), lead('区新经济和科技局'), lead('区新经济和科技局')),
    },
    {
      // qingyunpu: 区教育局 in the tasks of an action led by 区教体局 — a suggestion, no autofix
      code: lines('（牵头部门：区教体局、区科协）', lead('区教体局'), lead('区教育局', '区科协'), lead('区教体局')),
      errors: [
        {
          messageId: 'inconsistent',
          data: { written: '区教育局', count: 3, preferred: '区教体局' },
          line: 4,
          column: 14,
          endColumn: 18,
          suggestions: [{ desc: '改为「区教体局」', output: lines('（牵头部门：区教体局、区科协）', lead('区教体局'), lead('区教体局', '区科协'), lead('区教体局')) }],
        },
      ],
      output: null,
    },
    {
      // leping: one character dropped
      code: lines(lead('市文广新旅局'), lead('市文广新局'), lead('市文广新旅局')),
      errors: [
        {
          messageId: 'inconsistent',
          data: { written: '市文广新局', count: 2, preferred: '市文广新旅局' },
          line: 3,
          suggestions: [{ desc: '改为「市文广新旅局」', output: lines(lead('市文广新旅局'), lead('市文广新旅局'), lead('市文广新旅局')) }],
        },
      ],
      output: null,
    },
    {
      // one message per occurrence of the minority form
      code: lines(lead('区卫健委'), lead('区卫健局'), lead('区卫健委'), lead('区卫健局'), lead('区卫健委')),
      errors: [
        {
          messageId: 'inconsistent',
          data: { written: '区卫健局', count: 3, preferred: '区卫健委' },
          line: 3,
          suggestions: [{ desc: '改为「区卫健委」', output: lines(lead('区卫健委'), lead('区卫健委'), lead('区卫健委'), lead('区卫健局'), lead('区卫健委')) }],
        },
        {
          messageId: 'inconsistent',
          line: 5,
          suggestions: [{ desc: '改为「区卫健委」', output: lines(lead('区卫健委'), lead('区卫健局'), lead('区卫健委'), lead('区卫健委'), lead('区卫健委')) }],
        },
      ],
      output: null,
    },
  ],
})
