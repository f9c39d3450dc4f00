import { describe, expect, it } from 'vitest'
import rule from '../../rules/jurisdiction-terms.js'
import { lintText } from '../../src/lint/lint.js'
import { RuleTester } from '../../src/testing/rule-tester.js'

const tester = new RuleTester({ preset: 'national' })
const plan = (place: string, body: string) => `${place}全民科学素质行动规划纲要实施方案（2021—2025年）\n一、总体要求\n${body}`

tester.run('jurisdiction-terms', rule, {
  valid: [
    // leping, a county-level 市: 全市 / 我市 are its own
    plan('乐平市', '到2025年，我市公民具备科学素质比例达到15%，全市各人群科学素质发展不均衡明显改善。'),
    // a district speaking of the city and province above it
    plan('南昌市青云谱区', '服务全市发展大局，争当全省排头兵，全区上下共同推进。'),
    // words that only look like a self-reference
    plan('乐平市', '建设应急避难安全区，推动科普资源全区域覆盖，支持工业园区发展。'),
    plan('南昌市青云谱区', '各县（市、区）结合实际推进，引导全县域参与的做法不适用于城区。'),
    // in a quotation or a title: another document's words
    plan('乐平市', '学习借鉴“全区一盘棋”的经验，参照《某某区科普工作方案》中“我区”的做法。'),
    // 全区 in a county of 宁夏 is the 自治区
    plan('盐池县', '落实全区科普工作部署，推动全县科学素质提升。'),
    // the sentence speaks of another place of that level
    plan('南昌市青云谱区', '对口帮扶修水县，助力全县科普能力提升。'),
    // no jurisdiction known: nothing to compare with
    '一、总体要求\n全区公民科学素质明显提升。',
  ],
  invalid: [
    {
      code: plan('乐平市', '到2025年，全区公民具备科学素质的比例达到15%。'),
      errors: [
        {
          message: '「全区」与方案的行政级别不符：乐平市应称「全市」',
          line: 3,
          column: 8,
          endLine: 3,
          endColumn: 10,
          severity: 1,
          suggestions: [{ desc: '改为「全市」', output: plan('乐平市', '到2025年，全市公民具备科学素质的比例达到15%。') }],
        },
      ],
    },
    {
      code: plan('南昌市青云谱区', '结合我县实际，制定本方案。本县各部门要认真落实。'),
      errors: [
        {
          messageId: 'wrongLevel',
          data: { written: '我县', name: '南昌市青云谱区', expected: '我区' },
          line: 3,
          column: 3,
          endColumn: 5,
          suggestions: [{ desc: '改为「我区」', output: plan('南昌市青云谱区', '结合我区实际，制定本方案。本县各部门要认真落实。') }],
        },
        {
          messageId: 'wrongLevel',
          data: { written: '本县', name: '南昌市青云谱区', expected: '本区' },
          line: 3,
          column: 14,
          endColumn: 16,
          suggestions: [{ desc: '改为「本区」', output: plan('南昌市青云谱区', '结合我县实际，制定本方案。本区各部门要认真落实。') }],
        },
      ],
    },
  ],
})
