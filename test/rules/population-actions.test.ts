import { describe, expect, it } from 'vitest'
import rule from '../../rules/population-actions.js'
import { RuleTester } from '../../src/testing/rule-tester.js'

const tester = new RuleTester({ preset: 'national' })

const ACTIONS = {
  youth: '（一）青少年科学素质提升行动\n1.开展科技活动。',
  farmers: '（二）农民科学素质提升行动\n2.开展农业培训。',
  workers: '（三）产业工人科学素质提升行动\n3.开展技能培训。',
  elderly: '（四）老年人科学素质提升行动\n4.开展智慧助老。',
  officials: '（五）领导干部和公务员科学素质提升行动\n5.加强教育培训。',
}
const plan = (...keys: (keyof typeof ACTIONS)[]) => `一、总体要求\n正文。\n二、提升行动\n${keys.map((k) => ACTIONS[k]).join('\n')}\n三、组织实施\n（一）加强组织领导。`
const all = plan('youth', 'farmers', 'workers', 'elderly', 'officials')
const IDS: Record<string, string> = { 农民科学素质提升行动: 'farmers', 领导干部和公务员科学素质提升行动: 'officials' }
const msg = (name: string) => `缺少「${name}」：《全民科学素质行动规划纲要（2021—2035年）》要求的五项提升行动之一。若本地确有理由替换或不单列，请在正文写明理由，或在配置的 exemptions 中登记（population: ${IDS[name]}，reason: 理由）`

const TOWN = '修水县义宁镇全民科学素质行动实施方案（2022—2025年）'
const townNote = (names: string) => `本方案是乡镇（街道）方案，可结合本地实际选择重点人群，不逐项要求；《全民科学素质行动规划纲要（2021—2035年）》列出的${names}本方案未单列，请确认是否有意不列`

tester.run('population-actions', rule, {
  valid: [
    all,
    // leping-style: actions numbered （一）–（五） under 重点任务和措施, prefixed with 实施
    all.replace('二、提升行动', '二、重点任务和措施').replace(/（([一二三四五])）/g, '（$1）实施'),
    // an alias of the population in the heading (乡村居民 for 农民)
    all.replace('农民科学素质提升行动', '乡村居民科学素质提升行动'),
    // a documented exemption silences the missing population
    { code: plan('youth', 'workers', 'elderly', 'officials'), config: { exemptions: [{ population: 'farmers', reason: '中心城区无农业人口' }] } },
    // by name, too
    { code: plan('youth', 'workers', 'elderly', 'officials'), config: { exemptions: [{ population: '农民', reason: '中心城区无农业人口' }] } },
    // the plan states the replacement and its reason
    plan('youth', 'workers', 'elderly', 'officials').replace('二、提升行动', '二、提升行动\n我区为中心城区，无农业人口，以城镇社区居民科学素质提升行动替代农民科学素质提升行动。'),
    // 干部 for 领导干部和公务员
    all.replace('领导干部和公务员科学素质提升行动', '干部科学素质提升行动'),
    // not a plan: no outline, nothing to check
    '关于做好科普工作的通知。请各单位认真落实。',
    // a town plan with every population, or with the missing one exempted or replaced in its text
    `${TOWN}\n${all}`,
    { code: `${TOWN}\n${plan('youth', 'workers', 'elderly', 'officials')}`, config: { exemptions: [{ population: 'farmers', reason: '街道无农业人口' }] } },
    `${TOWN}\n${plan('youth', 'workers', 'elderly', 'officials').replace('二、提升行动', '二、提升行动\n本街道无农业人口，以社区居民科学素质提升行动替代农民科学素质提升行动。')}`,
  ],
  invalid: [
    {
      // qingyunpu: four actions, no 农民
      code: plan('youth', 'workers', 'elderly', 'officials'),
      errors: [{ message: msg('农民科学素质提升行动'), line: 3, column: 1, endLine: 3, endColumn: 7, severity: 2 }],
    },
    {
      // jinjiang-draft: 城市居民 instead of 农民, and 农民 mentioned in passing in the body
      code: all.replace('农民科学素质提升行动\n2.开展农业培训。', '城市居民科学素质提升行动\n2.开展科普宣传，带动进城农民参与。'),
      errors: [{ messageId: 'missing', data: { name: '农民科学素质提升行动', document: '《全民科学素质行动规划纲要（2021—2035年）》', count: '五', id: 'farmers' }, line: 3 }],
    },
    {
      // two missing: one message each, in the preset's order
      code: plan('youth', 'workers', 'elderly'),
      errors: [
        { message: msg('农民科学素质提升行动'), line: 3 },
        { message: msg('领导干部和公务员科学素质提升行动'), line: 3 },
      ],
    },
    {
      // markdown and half-width markers do not hide the actions heading
      code: '## 一、总体要求\n正文。\n## **二、提升行动**\n**(一)青少年科学素质提升行动。**正文。\n**(二)产业工人科学素质提升行动。**正文。\n**(三)老年人科学素质提升行动。**正文。\n**(四)领导干部和公务员科学素质提升行动。**正文。',
      errors: [{ message: msg('农民科学素质提升行动'), line: 3, column: 6, endColumn: 12 }],
    },
    {
      // an outline without any action section
      code: '一、总体要求\n正文。\n二、保障措施\n正文。',
      errors: [{ messageId: 'noActions', line: 1, column: 1 }],
    },
    {
      // a town (街道) plan: one note listing the populations it does not address, not an error each
      code: `${TOWN}\n${plan('youth', 'elderly')}`,
      errors: [{ message: townNote('「农民科学素质提升行动」「产业工人科学素质提升行动」「领导干部和公务员科学素质提升行动」'), line: 4, column: 1, endLine: 4, endColumn: 7, severity: 1, level: 'info' }],
    },
    {
      // its items named after populations without 行动, under 重点任务 (not read as projects)
      code: `${TOWN}\n一、工作目标\n正文。\n二、重点任务\n（一）青少年科学素质提升\n1.组织科技节。\n（二）老年人科学素质提升\n2.开展健康讲座。\n三、保障措施\n正文。`,
      errors: [{ message: townNote('「农民科学素质提升行动」「产业工人科学素质提升行动」「领导干部和公务员科学素质提升行动」'), line: 4, column: 1, endColumn: 7, severity: 1, level: 'info' }],
    },
    {
      // a town plan with no action section: the same note, listing every population
      code: `${TOWN}\n一、总体要求\n正文。\n二、保障措施\n正文。`,
      errors: [{ messageId: 'townNote', line: 2, severity: 1, level: 'info' }],
    },
  ],
})

describe('documents outside the preset family', () => {
  it('a plan whose title lacks the scope keywords is not checked for actions, projects or targets', async () => {
    const { lintText } = await import('../../src/index.js')
    const text = '修水县2022年全国科普日活动实施方案\n一、活动主题\n正文。\n二、活动安排\n（一）开展科普进社区活动\n1.组织讲座。\n三、工作要求\n正文。'
    const r = lintText(text, { config: {}, preset: 'jiangxi' })
    expect(r.messages.filter((m) => ['population-actions', 'quantified-targets', 'key-projects', 'target-alignment'].includes(m.ruleId ?? ''))).toEqual([])
    // the same body under a family title is checked
    const family = lintText(text.replace('2022年全国科普日活动实施方案', '全民科学素质行动规划纲要实施方案（2021—2025年）'), { config: {}, preset: 'jiangxi' })
    expect(family.messages.some((m) => m.ruleId === 'population-actions')).toBe(true)
  })

  it('a plan of an older family (its period, or the upper plan it cites) is not checked against the 2021 family', async () => {
    const { lintText } = await import('../../src/index.js')
    // (a vague target is still reported by quantified-targets: that is a general convention)
    const family = ['population-actions', 'key-projects', 'target-alignment']
    const body = '\n一、工作目标\n到2010年，全县公民科学素质明显提高。\n二、主要行动\n（一）未成年人科学素质行动\n1.开展活动。\n三、保障措施\n正文。'
    // the period ends before the 2021—2035 纲要 begins
    const byPeriod = lintText(`XX县全民科学素质行动计划纲要实施方案（2006—2010年）${body}`, { config: {}, preset: 'jiangxi' })
    expect(byPeriod.messages.filter((m) => family.includes(m.ruleId ?? ''))).toEqual([])
    // a 2006—2010—2020 chain is read as one period, 2006 to 2020
    const chain = lintText(`XX县全民科学素质行动计划纲要（2006—2010—2020年）实施方案${body}`, { config: {}, preset: 'jiangxi' })
    expect(chain.messages.filter((m) => family.includes(m.ruleId ?? ''))).toEqual([])
    // no period in the title: the upper plan cited at the top is the superseded 纲要
    const byCitation = lintText(`XX县全民科学素质工作方案\n根据《全民科学素质行动计划纲要（2006—2010—2020年）》，制定本方案。${body}`, { config: {}, preset: 'jiangxi' })
    expect(byCitation.messages.filter((m) => family.includes(m.ruleId ?? ''))).toEqual([])
    // citing the current 纲要 keeps it in the family
    const current = lintText(`XX县全民科学素质工作方案\n根据《全民科学素质行动规划纲要（2021—2035年）》，制定本方案。${body}`, { config: {}, preset: 'jiangxi' })
    expect(current.messages.some((m) => m.ruleId === 'population-actions')).toBe(true)
  })
})
