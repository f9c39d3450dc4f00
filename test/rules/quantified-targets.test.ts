import rule from '../../rules/quantified-targets.js'
import { RuleTester } from '../../src/testing/rule-tester.js'

const tester = new RuleTester({ preset: 'national' })
const title = '某某区全民科学素质行动规划纲要实施方案（2021—2025年）\n'
const goals = (sentence: string) => `${title}一、总体要求\n（一）工作目标\n${sentence}\n二、组织实施\n（一）明确进度安排。到2025年，不断完善工作机制。`

tester.run('quantified-targets', rule, {
  valid: [
    goals('到2025年，全区公民具备科学素质的比例超过18%，力争达到20%，各人群科学素质发展不均衡明显改善。'),
    // half-width, spaces, without 的, with a bracketed comparator (leping)
    goals('到 2025 年,我市公民具备科学素质比例达到（超过）15%。'),
    // a percentage in the clause after the one naming the indicator
    goals('到2025年，提升公民具备科学素质的比例，达到17%。'),
    // a number, a count, an absolute: silent
    goals('到2025年，全区公民具备科学素质的比例达到16%。\n到2025年，新增区级以上科普基地3个。\n到2025年，实现社区科普活动室全覆盖。'),
    // stated before the first heading, and in another wording of the indicator
    `${title}到2025年，全区公民科学素质达标率超过16%。\n一、总体要求\n正文。`,
    // a list item whose vague heading is followed by its number on the same line
    goals('到2025年，实现以下目标：\n——公民科学素质水平大幅提升。全县公民具备科学素质的比例达到15%。'),
    // the headline check can be switched off
    { code: goals('到2025年，科普服务体系不断完善。'), options: { headline: false, vagueWords: ['一批'] } },
    // counted indicators with their numbers; a qualitative goals line is no count
    goals('到2025年，全区公民具备科学素质的比例超过15%，建成科普场馆5个。\n——注册科技志愿者达到3000人，科普人才队伍不断壮大。\n——科学素质建设体制机制更加完善。'),
    // a counted clause whose neighbour gives the number; a team growing is no count
    goals('到2025年，全区公民具备科学素质的比例超过15%，科普场馆数量明显增加，其中新建社区科普e站30个。'),
    goals('到2025年，全区公民具备科学素质的比例超过15%，科普工作队伍不断壮大。'),
    // “十四五”期间 inside a clause (not opening it) is no time-bound target; 时期 in the preamble neither
    goals('到2025年，全区公民具备科学素质的比例超过15%。明确我区“十四五”期间进一步发展的方向。'),
    `${title}“十四五”时期是科普事业发展的关键时期，科普工作进一步加强。\n一、工作目标\n到2025年，全区公民具备科学素质的比例超过15%。`,
    // a plan whose period does not reach a headline year has nothing to state
    '某某区科普工作方案（2019—2020年）\n一、工作目标\n到2020年，科普工作取得进展。',
  ],
  invalid: [
    {
      // nansha: the 2025 goal with no percentage at all
      code: goals('到 2025 年,全区各人群科学素质发展不均衡明显改善,科普供给侧结构性改革成效明显。'),
      errors: [
        {
          message: '主要目标没有给出到2025年「公民具备科学素质的比例」的具体数值：《全民科学素质行动规划纲要（2021—2035年）》要求超过15%',
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 44,
          severity: 2,
        },
      ],
    },
    {
      // no 2025 sentence in the goals at all: reported at the goals heading
      code: goals('科普服务体系更加完善。'),
      errors: [{ messageId: 'headlineMissing', line: 3, column: 1, endColumn: 8 }],
    },
    {
      // jinjiang: 一批 in a commitment with no number
      code: goals('到2025年，全区公民具备科学素质的比例超过18%。') + '\n三、重点工程\n（一）科普基础设施工程\n1.加强社区科普设施建设。到2025年，建成一批典型基地并向社会开放。',
      errors: [{ messageId: 'vague', data: { clause: '建成一批典型基地并向社会开放', words: '一批' }, line: 9, column: 21, endColumn: 35, severity: 1 }],
    },
    {
      // one warning per sentence, at its first vague clause, naming every vague word there
      code: goals('到2025年，全区公民具备科学素质的比例超过18%。') + '\n三、重点工程\n（一）科普信息化工程\n1.丰富科普资源。到2030年，科普资源进一步丰富，传播能力明显提升。',
      errors: [{ messageId: 'vague', data: { clause: '科普资源进一步丰富', words: '进一步' }, line: 9, column: 17 }],
    },
    {
      // a goals list: a line about something counted is a target even without a percentage
      code: goals('到2025年，主要目标是：\n——全区公民具备科学素质的比例超过15%。\n——科普场馆数量明显增加。'),
      errors: [{ messageId: 'countUnquantified', data: { clause: '科普场馆数量明显增加', year: 2025 }, line: 6, column: 3, endColumn: 13, severity: 1 }],
    },
    {
      // a counted indicator without its number in the sentence of the headline's percentage
      code: goals('到2025年，全区公民具备科学素质的比例超过15%，科普基础设施持续完善，科普场馆数量明显增加。'),
      errors: [{ messageId: 'countUnquantified', data: { clause: '科普场馆数量明显增加', year: 2025 }, line: 4, column: 38, endColumn: 48 }],
    },
    {
      // “十四五”期间 opening a clause is a time-bound target (for 2025) wherever it is written
      code: goals('到2025年，全区公民具备科学素质的比例超过18%。') + '\n三、重点工程\n（一）科普基础设施工程\n1.“十四五”期间，培育一批科普示范基地。',
      errors: [{ messageId: 'vague', data: { clause: '培育一批科普示范基地', words: '一批' }, line: 9, column: 11, endColumn: 21, severity: 1 }],
    },
    {
      // a deadline (2023年底前) is a time-bound target; 有较大提高 is no measure
      code: goals('到2025年，全区公民具备科学素质的比例超过18%。') + '\n三、重点工程\n（一）科普基础设施工程\n1.2023年底前建成若干社区科普e站。\n2.到2025年，基层科普能力有较大提高。',
      errors: [
        { messageId: 'vague', data: { clause: '建成若干社区科普e站', words: '若干' }, line: 9, column: 10, endColumn: 20 },
        { messageId: 'vague', data: { clause: '基层科普能力有较大提高', words: '较大' }, line: 10, column: 10, endColumn: 21 },
      ],
    },
  ],
})
