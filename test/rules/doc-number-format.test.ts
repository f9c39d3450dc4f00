import { describe, expect, it } from 'vitest'
import rule from '../../rules/doc-number-format.js'
import { lintText } from '../../src/lint/lint.js'
import { RuleTester } from '../../src/testing/rule-tester.js'

const tester = new RuleTester({ preset: 'national' })

tester.run('doc-number-format', rule, {
  valid: [
    '为贯彻落实《国务院关于印发全民科学素质行动规划纲要（2021—2035年）的通知》（国发〔2021〕9号）精神。',
    '青政发〔2022〕14号',
    // a year in brackets after a word that is no 机关代字: not a 文号
    '依托科普基地(2023)3号楼开展活动。',
    // 0 is not a leading zero of a longer number
    '粤府〔2021〕10号',
  ],
  invalid: [
    {
      // nansha: its own 文号 with ASCII brackets
      code: '穗南府[2022]7号\n\n广州市南沙区人民政府关于印发…的通知',
      errors: [
        {
          message: '文号「穗南府[2022]7号」的年份应用六角括号〔〕括入（GB/T 9704-2012），应为「穗南府〔2022〕7号」',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 12,
          severity: 2,
        },
      ],
      output: '穗南府〔2022〕7号\n\n广州市南沙区人民政府关于印发…的通知',
    },
    {
      code: '按照《通知》（粤府【2021】76号）要求，参照川府发（2022）28号和国办发［2016］10号。',
      errors: [
        { messageId: 'brackets', data: { written: '粤府【2021】76号', expected: '粤府〔2021〕76号' }, line: 1, column: 8, endColumn: 19 },
        { messageId: 'brackets', data: { written: '川府发（2022）28号', expected: '川府发〔2022〕28号' }, line: 1, column: 25, endColumn: 37 },
        { messageId: 'brackets', data: { written: '国办发［2016］10号', expected: '国办发〔2016〕10号' }, line: 1, column: 38, endColumn: 50 },
      ],
      output: '按照《通知》（粤府〔2021〕76号）要求，参照川府发〔2022〕28号和国办发〔2016〕10号。',
    },
    {
      code: '（国发(2021)9号）',
      errors: [{ messageId: 'brackets', column: 2, endColumn: 12 }],
      output: '（国发〔2021〕9号）',
    },
    {
      // 第 and a leading zero: only the serial changes
      code: '国发〔2021〕第09号',
      errors: [{ messageId: 'serial', data: { written: '国发〔2021〕第09号', expected: '国发〔2021〕9号' }, line: 1, column: 9, endColumn: 12 }],
      output: '国发〔2021〕9号',
    },
    {
      // both at once: two messages, both fixed
      code: '穗府[2022]第4号',
      errors: [
        { messageId: 'brackets', data: { written: '穗府[2022]第4号', expected: '穗府〔2022〕4号' }, column: 1, endColumn: 12 },
        { messageId: 'serial', column: 9, endColumn: 11 },
      ],
      output: '穗府〔2022〕4号',
    },
  ],
})
