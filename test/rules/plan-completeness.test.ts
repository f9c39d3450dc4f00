import rule from '../../rules/plan-completeness.js'
import { RuleTester } from '../../src/testing/rule-tester.js'

const tester = new RuleTester({ preset: 'national' })
const excerpt = '（三）老年人科学素质提升行动\n1.实施智慧助老行动。（牵头单位：市民政局；责任单位：市科协）\n2.实施银龄科普行动。（牵头单位：市科协）'

tester.run('plan-completeness', rule, {
  valid: [
    // a whole plan
    '某市全民科学素质行动实施方案\n一、工作目标\n到2025年，全市公民具备科学素质的比例超过15%。\n二、提升行动\n（一）青少年科学素质提升行动\n1.开展活动。',
    // a short plan numbered from （一） that has its goals
    '某街道科普工作方案\n（一）工作目标\n到2025年，建成科普e站10个。\n（二）主要任务\n1.开展活动。',
    // a snippet that is no plan at all and no notice
    '（牵头单位：市农业农村局、市科协）',
  ],
  invalid: [
    { code: excerpt, errors: [{ messageId: 'excerpt', line: 1, column: 1, severity: 1, level: 'info' }] },
    {
      code: '某市人民政府办公室关于印发某市全民科学素质行动实施方案的通知\n各县（区）人民政府，市政府各部门：\n现将《某市全民科学素质行动实施方案》印发给你们，请认真贯彻执行。\n某市人民政府办公室\n2022年3月1日',
      errors: [{ message: '这份文本只有印发通知，没有方案正文，不是完整方案；请连同所附方案一起检查', severity: 1, level: 'info' }],
    },
  ],
})
