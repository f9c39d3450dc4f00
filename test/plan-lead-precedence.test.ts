/**
 * Which statement gives a task its lead when several apply (src/plan/assign.ts resolveLead):
 * the task's own statement, then the 任务分工表, then its action's block statement, then the
 * responsible units. Each step is tested against the next, so swapping two (a mutation that
 * survived the suite once) fails here.
 */
import { describe, expect, it } from 'vitest'
import { buildPlan } from '../src/plan/index.js'

const TABLE = ['附件', '| 序号 | 工作任务 | 牵头单位 | 配合单位 |', '|---|---|---|---|', '| 1 | 开展科技活动 | 区科技局 | 团区委 |', '| 2 | 建设科普基地 | 区科技局 | |']

const leads = (lines: string[]) =>
  buildPlan(['某某区全民科学素质行动规划纲要实施方案（2021—2025年）', ...lines].join('\n')).tasks.map((t) => [
    t.leadSource,
    t.lead.map((u) => u.name).join('、'),
    t.partners.map((u) => u.name).join('、'),
  ])

describe('lead precedence', () => {
  it("a task's own statement wins over the 分工表 row for the same task", () => {
    expect(
      leads([
        '一、提升行动',
        '（一）青少年科学素质提升行动',
        '1.开展科技活动。正文。（牵头单位：区教育局；责任单位：区科协）',
        '2.建设科普基地。正文。',
        '二、组织实施',
        '（一）加强组织领导',
        ...TABLE,
      ]),
    ).toEqual([
      // the own statement names the lead; partners of every statement of the task are kept
      ['inline', '区教育局', '区科协、团区委'],
      ['table', '区科技局', ''],
    ])
  })

  it("the 分工表 wins over the action's block statement", () => {
    expect(
      leads([
        '一、提升行动',
        '（一）青少年科学素质提升行动',
        '（牵头单位：区科协）',
        '1.开展科技活动。正文。',
        '2.建设科普基地。正文。',
        '二、组织实施',
        '（一）加强组织领导',
        ...TABLE,
      ]),
    ).toEqual([
      ['table', '区科技局', '团区委'],
      ['table', '区科技局', ''],
    ])
  })

  it('a block statement wins over units that are only responsible (按职责分工负责), which carry the task only with no lead at all', () => {
    expect(
      leads([
        '一、提升行动',
        '（一）青少年科学素质提升行动',
        '（牵头部门：区教育局）',
        '1.开展科技活动。正文。（区科协、团区委按职责分工负责）',
        '（二）农民科学素质提升行动',
        '2.培育高素质农民。正文。（区农业农村局、区科协按职责分工负责）',
      ]),
    ).toEqual([
      ['block', '区教育局', '区科协、团区委'],
      ['trailing', '区农业农村局、区科协', ''],
    ])
  })
})
