import { describe, expect, it } from 'vitest'
import rule from '../../rules/declared-counts.js'
import { lintText } from '../../src/lint/lint.js'
import { RuleTester } from '../../src/testing/rule-tester.js'

const tester = new RuleTester({ preset: 'national' })

const actions = (n: number) =>
  ['青少年', '农民', '产业工人', '老年人', '领导干部和公务员'].slice(0, n).map((p, i) => `（${'一二三四五'[i]}）${p}科学素质提升行动\n${i + 1}.开展活动。`).join('\n')
const projects = (n: number) =>
  ['科技资源科普化', '科普信息化提升', '科普基础设施', '基层科普能力提升', '科学素质国际交流合作'].slice(0, n).map((p, i) => `（${'一二三四五'[i]}）${p}工程\n${i + 1}.开展建设。`).join('\n')
const plan = (intro: string, nActions: number, projectsIntro = '深化科普供给侧改革。', nProjects = 5) =>
  `一、总体要求\n到2025年，全区各人群科学素质发展不均衡明显改善。\n二、提升行动\n${intro}\n${actions(nActions)}\n三、重点工程\n${projectsIntro}\n${projects(nProjects)}\n四、组织实施\n加强领导。`

tester.run('declared-counts', rule, {
  valid: [
    // looking back, and counts of a part of the plan
    '一、总体要求\n“十三五”以来，我县深入实施青少年、农民等四项科学素质提升行动，成效明显。\n2016年以来，我县大力实施科普信息化等六大工程。\n二、提升行动\n各乡镇结合实际，每年至少实施两项提升行动。\n（一）青少年科学素质提升行动\n（二）农民科学素质提升行动\n（三）产业工人科学素质提升行动\n（四）老年人科学素质提升行动\n（五）领导干部和公务员科学素质提升行动\n三、重点工程\n（一）科技资源科普化工程\n（二）科普信息化提升工程\n四、组织实施\n正文。',
    // a county adds a sixth action for 社区居民: the 五大重点人群 are the national groups
    '一、总体要求\n到2025年，“五大”重点人群科学素质整体水平不断提升。\n二、提升行动\n实施六项提升行动。\n（一）青少年科学素质提升行动\n（二）农民科学素质提升行动\n（三）产业工人科学素质提升行动\n（四）老年人科学素质提升行动\n（五）领导干部和公务员科学素质提升行动\n（六）社区居民科学素质提升行动\n三、组织实施\n正文。',
    // qingyunpu: declares 4 and has 4
    plan('在“十四五”时期实施 4 项提升行动。', 4),
    plan('重点实施5项提升行动。', 5, '实施5项重点工程。', 5),
    plan('围绕“五大”重点人群开展工作。', 5, '在"十四五"时期实施5大重点工程。'),
    // a count about the upper plan
    plan('国家纲要部署实施五项提升行动，结合我区实际，开展以下工作。', 4),
    plan('《纲要》提出实施五大工程。', 4, '深化科普供给侧改革。', 4),
    // N项工程 is not a declaration of the projects
    plan('开展活动。', 5, '推进5项工程建设。', 4),
    // a count inside an action is about something smaller
    plan('开展活动。', 2).replace('1.开展活动。', '1.实施三项提升行动，开展活动。'),
    // no action sections found: nothing to compare with
    '重点实施5项提升行动。',
  ],
  invalid: [
    {
      code: plan('在“十四五”时期实施 5 项提升行动。', 4),
      errors: [
        {
          message: '「5 项提升行动」与方案实际列出的提升行动数不符：方案共有4项（青少年科学素质提升行动、农民科学素质提升行动、产业工人科学素质提升行动、老年人科学素质提升行动）',
          line: 4,
          column: 12,
          endLine: 4,
          endColumn: 19,
          severity: 2,
        },
      ],
    },
    {
      code: plan('开展活动。', 5, '实施五大工程。', 4),
      errors: [{ messageId: 'mismatch', data: { written: '五大工程', kind: '重点工程', actual: 4, names: '科技资源科普化工程、科普信息化提升工程、科普基础设施工程、基层科普能力提升工程' }, line: 16, column: 3, endColumn: 7 }],
    },
    {
      // white space and a quote in every gap between the words of a declaration
      code: plan('实施 6 ” 项 ” 重点　科学素质　提升行动。', 4),
      errors: [{ messageId: 'mismatch', data: { written: '6 ” 项 ” 重点　科学素质　提升行动', kind: '提升行动', actual: 4, names: '青少年科学素质提升行动、农民科学素质提升行动、产业工人科学素质提升行动、老年人科学素质提升行动' }, line: 4, column: 4 }],
    },
    {
      // the quote belongs to the count
      code: plan('充分激发“五大”重点人群活力。', 4),
      errors: [{ messageId: 'mismatch', line: 4, column: 5, endColumn: 13 }],
    },
  ],
})
