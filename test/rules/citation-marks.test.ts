import rule from '../../rules/citation-marks.js'
import { RuleTester } from '../../src/testing/rule-tester.js'

const tester = new RuleTester({ preset: 'national' })

tester.run('citation-marks', rule, {
  valid: [
    '为贯彻《国务院关于印发全民科学素质行动规划纲要（2021—2035年）的通知》（国发〔2021〕9号）精神。',
    '《四川省人民政府关于印发〈四川省全民科学素质行动实施方案〉的通知》（川府发〔2022〕28号）',
    // a quoted phrase inside a title is no nested title
    '《关于开展“全国科普日”活动的通知》',
    // 关于…的通知 without a 文号 after it may be a description, not a title
    '市科协关于做好科普工作的通知要求各单位抓好落实。',
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
      code: '根据《省人民政府关于印发<江西省全民科学素质行动规划纲要实施方案（2021—2025年）>的通知》。',
      errors: [{ messageId: 'nested', column: 13, endColumn: 46 }],
      output: '根据《省人民政府关于印发〈江西省全民科学素质行动规划纲要实施方案（2021—2025年）〉的通知》。',
    },
    {
      code: '《市政府关于印发“某市全民科学素质行动实施方案”的通知》',
      errors: [{ messageId: 'nested' }],
      output: '《市政府关于印发〈某市全民科学素质行动实施方案〉的通知》',
    },
  ],
})
