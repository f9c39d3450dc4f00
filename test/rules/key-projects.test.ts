import { describe, expect, it } from 'vitest'
import rule from '../../rules/key-projects.js'
import { lintText } from '../../src/lint/lint.js'
import { RuleTester } from '../../src/testing/rule-tester.js'

const tester = new RuleTester({ preset: 'national' })
const NATIONAL = '《全民科学素质行动规划纲要（2021—2035年）》'
const ALL = ['科技资源科普化工程', '科普信息化提升工程', '科普基础设施工程', '基层科普能力提升工程', '科学素质国际交流合作工程']
const plan = (projects: string[], body = (i: number) => `${i + 1}.开展建设。`) =>
  `一、总体要求\n正文。\n二、重点工程\n${projects.map((p, i) => `（${'一二三四五六'[i]}）${p}\n${body(i)}`).join('\n')}\n三、组织实施\n加强领导。`

tester.run('key-projects', rule, {
  valid: [
    plan(ALL),
    // accepted wordings (aliases) and a leading 实施
    plan(ALL.map((p) => `实施${p}`).map((p) => p.replace('科普基础设施工程', '科普基础设施建设工程').replace('国际交流合作', '区域交流合作'))),
    // a project the plan adds does not hurt
    plan([...ALL, '科普人才队伍建设工程']),
    // no project sections at all: nothing to compare (the plan may file them as tasks)
    '一、总体要求\n正文。\n二、主要任务\n1.开展建设。',
    // a missing project named in several other projects runs through the plan
    plan(ALL.slice(0, 4), (i) => `${i + 1}.结合科学素质国际交流合作工程开展活动。`),
  ],
  invalid: [
    {
      // projects organised the plan's own way: one finding, not one per upper project
      code: '一、总体要求\n正文。\n二、重点任务\n（一）加强科普基础设施建设\n1.建设科技馆。\n（二）繁荣科普创作\n1.创作作品。\n三、组织实施\n加强领导。',
      errors: [{ messageId: 'noneMatch', line: 3, severity: 1 }],
    },
    {
      // a plan with its actions but no project section at all: one finding
      code: '一、总体要求\n正文。\n二、提升行动\n（一）青少年科学素质提升行动\n1.开展活动。\n三、组织实施\n加强领导。',
      errors: [{ message: `未找到重点工程部分：${NATIONAL}部署了${ALL.map((p) => `「${p}」`).join('')}`, line: 3, column: 1, endColumn: 7, severity: 1 }],
    },
    {
      code: plan(ALL.slice(0, 4)),
      errors: [{ message: `缺少「科学素质国际交流合作工程」：${NATIONAL}部署的重点工程之一`, line: 3, column: 1, endLine: 3, endColumn: 7, severity: 1 }],
    },
    {
      // jinjiang-draft: 科技资源科普转化工程 for 科技资源科普化工程
      code: plan(['科技资源科普转化工程', ...ALL.slice(1)]),
      errors: [
        {
          message: `「科技资源科普转化工程」与${NATIONAL}的「科技资源科普化工程」提法不一致，上级方案的说法是「科技资源科普化工程」`,
          line: 4,
          column: 1,
          endColumn: 14,
        },
      ],
    },
    {
      // named only inside one other project
      code: plan(ALL.slice(0, 4), (i) => (i === 3 ? '4.开展科学素质国际交流合作工程。' : `${i + 1}.开展建设。`)),
      errors: [{ messageId: 'merged', data: { name: '科学素质国际交流合作工程', document: NATIONAL, section: '基层科普能力提升工程' }, line: 10 }],
    },
  ],
})

describe('key-projects and confidence', () => {
  const four = plan(ALL.slice(0, 4))
  const severities = (preset: string) =>
    lintText(four, { preset, config: { rules: { 'key-projects': 'error' } } }).messages.filter((m) => m.ruleId === 'key-projects').map((m) => m.severity)
  it('a verified list may give an error when configured so', () => expect(severities('national')).toEqual([2]))
  it('an inferred list (jiangxi) gives a warning at most', () => expect(severities('jiangxi')).toEqual([1]))
})
