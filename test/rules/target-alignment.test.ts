import { describe, expect, it } from 'vitest'
import rule from '../../rules/target-alignment.js'
import { lintText } from '../../src/lint/lint.js'
import { RuleTester } from '../../src/testing/rule-tester.js'

const tester = new RuleTester({ preset: 'guangzhou' })
const plan = (goal: string, period = '2022—2025') =>
  `广州市某某区全民科学素质行动规划纲要实施方案（${period}年）\n一、总体要求\n（一）工作目标\n${goal}\n二、提升行动\n（一）青少年科学素质提升行动\n1.开展活动。`

tester.run('target-alignment', rule, {
  valid: [
    // a county is compared with its city, not across a level: 南昌 has no 2025 target, and a
    // district below 江西's provincial average is not a finding
    { code: '青云谱区全民科学素质行动规划纲要实施方案（2021—2025年）\n一、总体要求\n到 2025 年，全区公民具备科学素质的比例力争达到 13%。', preset: 'nanchang' },
    // equal to the city's 24.5% is fine, above too
    plan('到2025年，全区公民具备科学素质的比例达到24.5%。'),
    plan('到2025年，全区公民具备科学素质的比例超过25%，力争达到27%。'),
    // the long view beside a target within the period
    plan('到2025年，全区公民具备科学素质的比例达到25%。到2035年，全区公民具备科学素质的比例达到30%。'),
    // no percentage: quantified-targets' business
    plan('到2025年，全区各人群科学素质发展不均衡明显改善。'),
    // a number outside the goals section is not the headline target
    // a province below the national figure: an average over provinces, not a floor
    { code: '江西省全民科学素质行动规划纲要实施方案（2021—2025年）\n一、总体要求\n（一）工作目标\n到2025年，全省公民具备科学素质的比例超过14%。\n二、提升行动\n（一）青少年科学素质提升行动\n1.开展活动。', preset: 'national' },
    // a plan whose level is unknown (a name GB/T 2260 does not hold) is not compared
    { code: '黔东南州全民科学素质行动规划纲要实施方案（2021—2025年）\n一、总体要求\n（一）工作目标\n到2025年，全州公民具备科学素质的比例达到10%。\n二、提升行动\n（一）青少年科学素质提升行动\n1.开展活动。', preset: 'national' },
    // the plan's own preset named by the user is its own level, not the level above: a 广州市
    // plan is not held to the 广州市 plan's number
    '广州市全民科学素质行动规划纲要实施方案（2022—2025年）\n一、总体要求\n（一）工作目标\n到2025年，全市公民具备科学素质的比例达到20%。\n二、提升行动\n（一）青少年科学素质提升行动\n1.开展活动。',
    `${plan('到2025年，全区公民具备科学素质的比例达到25%。')}\n三、保障措施\n到2025年，公民具备科学素质的比例达到10%的街道全部完成整改。`,
  ],
  invalid: [
    {
      code: plan('到2025年，全区公民具备科学素质的比例达到20%。'),
      errors: [
        {
          message: '到2025年「公民具备科学素质的比例」的目标「全区公民具备科学素质的比例达到20%」低于《广州市全民科学素质行动规划纲要实施方案（2022—2025年）》的「达到24.5%」',
          line: 4,
          column: 8,
          endLine: 4,
          endColumn: 26,
          severity: 1,
        },
      ],
    },
    {
      // the firm value counts, not the 力争 one
      code: plan('到2025年，全区公民具备科学素质的比例超过22%，力争达到25%。'),
      errors: [{ messageId: 'below', data: { year: 2025, indicator: '公民具备科学素质的比例', stated: '全区公民具备科学素质的比例超过22%', document: '《广州市全民科学素质行动规划纲要实施方案（2022—2025年）》', expected: '达到24.5%' } }],
    },
    {
      // a target year left over from the previous plan
      code: plan('到2020年，全区公民具备科学素质的比例达到25%。'),
      errors: [{ message: '目标年份2020年不在方案规划期（2022—2025年）内：「全区公民具备科学素质的比例达到25%」', line: 4 }],
    },
  ],
})
