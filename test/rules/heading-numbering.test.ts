import { describe, expect, it } from 'vitest'
import rule from '../../rules/heading-numbering.js'
import { lintText } from '../../src/lint/lint.js'
import { RuleTester } from '../../src/testing/rule-tester.js'

const tester = new RuleTester()

tester.run('heading-numbering', rule, {
  valid: [
    // tasks numbered 1–3 across the actions; lists in the goals and safeguards restart at 1
    '一、总体要求\n（一）工作目标\n1.公民科学素质比例超过15%。\n2.建成科普基地5个。\n二、提升行动\n（一）青少年科学素质提升行动\n1.任务甲。\n2.任务乙。\n（二）农民科学素质提升行动\n3.任务丙。\n三、保障措施\n（一）加强组织领导\n1.领导小组负责统筹协调。\n2.各单位履职尽责。',
    // restart under each parent (nansha)
    '一、提升行动\n（一）青少年\n1.甲。\n2.乙。\n（二）农民\n1.丙。\n2.丁。\n二、保障措施',
    // run on across the level (qingyunpu 1–38, jinjiang 1–29)
    '一、提升行动\n（一）青少年\n1.甲。\n2.乙。\n（二）农民\n3.丙。\n二、重点工程\n（一）科普工程\n4.丁。\n5.戊。',
    // half-width markers with Latin spacing and bold decoration (qingyunpu)
    '## 一、提升行动\n**(一)青少年。**正文。\n**1. 甲。**正文。\n**2. 乙。**正文。',
    // full-width dot and a fourth level
    '一、总体要求\n（一）目标\n1．甲\n（1）子项\n（2）子项\n2．乙',
  ],
  invalid: [
    {
      // jinjiang: 1、 among 二、三、 at the top level, with a space after it
      code: '1、 总体要求\n（一）指导思想\n二、提升行动\n三、保障措施',
      errors: [
        { messageId: 'wrongMarker', data: { marker: '1、', level: '一级', expected: '一、' }, line: 1, column: 1, endColumn: 3 },
        { messageId: 'spaceAfter', data: { marker: '1、' }, line: 1, column: 3, endColumn: 4 },
      ],
      output: '一、总体要求\n（一）指导思想\n二、提升行动\n三、保障措施',
    },
    {
      code: '一、总体要求\n（一）目标\n（三）原则\n（四）任务',
      errors: [{ messageId: 'gap', data: { level: '二级', marker: '（三）', prev: 1, missing: '2' }, line: 3, column: 1, endColumn: 4 }],
      output: null,
    },
    {
      code: '一、总体要求\n（一）目标\n（二）原则\n（二）任务',
      errors: [{ messageId: 'repeat', line: 4 }],
      output: null,
    },
    {
      // one wrong number between two right ones: the right number is certain
      code: '一、提升行动\n1.甲。\n2.乙。\n2.丙。\n4.丁。',
      errors: [{ messageId: 'wrongNumber', data: { level: '三级', marker: '2.', expected: '3.', prev: 2, next: 4 }, line: 4 }],
      output: '一、提升行动\n1.甲。\n2.乙。\n3.丙。\n4.丁。',
    },
    {
      // continuous numbering broken by a restart
      code: '一、行动\n（一）甲\n1.a。\n2.b。\n（二）乙\n3.c。\n4.d。\n（三）丙\n5.e。\n6.f。\n（四）丁\n1.g。\n2.h。',
      errors: [{ messageId: 'outOfOrder', data: { level: '三级', marker: '1.', prev: 6, expected: 7 }, line: 12 }],
      output: null,
    },
    {
      code: '一、行动\n1.甲。\n2.乙。\n3、丙。',
      errors: [
        {
          messageId: 'mixedForm',
          data: { level: '三级', majority: '1.', marker: '3、' },
          line: 4,
          column: 1,
          endColumn: 3,
          suggestions: [{ desc: '改为「3.」', output: '一、行动\n1.甲。\n2.乙。\n3.丙。' }],
        },
      ],
      output: null,
    },
    {
      code: '一，总体要求\n二、保障措施',
      errors: [{ messageId: 'wrongMarker', data: { marker: '一，', level: '一级', expected: '一、' } }],
      output: '一、总体要求\n二、保障措施',
    },
    {
      code: '一、总体要求\n（一）　指导思想',
      errors: [{ messageId: 'spaceAfter', line: 2, column: 4 }],
      output: '一、总体要求\n（一）指导思想',
    },
  ],
})
