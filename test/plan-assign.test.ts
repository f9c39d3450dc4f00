/**
 * Which task or action a responsibility statement belongs to (src/plan/assign.ts, with
 * buildPlan's makeItem): every statement the builder keeps — its convention, its exact text,
 * its lead and partners — and each task's resulting lead. The cases are the conventions real
 * plans write, each beside the one that differs from it by a single feature (on its own line
 * or after the text, the last task or not, a body before it or not).
 */
import { describe, expect, it } from 'vitest'
import { buildPlan } from '../src/plan/index.js'
import type { ResponsibilityNode } from '../src/plan/types.js'

const HEAD = ['某某区全民科学素质行动规划纲要实施方案（2021—2025年）', '一、提升行动', '（一）青少年科学素质提升行动']

/** The action's own statements and, per task, [title, leadSource, lead, partners, its statements]. */
function read(lines: string[]) {
  const text = [...HEAD, ...lines].join('\n')
  const plan = buildPlan(text)
  const names = (us: { name: string }[]) => us.map((u) => u.name).join('、')
  const statement = (r: ResponsibilityNode) => `${r.convention}「${text.slice(r.position.start.offset, r.position.end.offset)}」${names(r.lead)}/${names(r.partners)}`
  expect(plan.actions).toHaveLength(1)
  const action = plan.actions[0]!
  return {
    own: action.responsibilities.map(statement),
    tasks: action.tasks.map((t) => [t.title, t.leadSource ?? null, names(t.lead), names(t.partners), t.responsibilities.map(statement)]),
    all: plan.responsibilities.map(statement),
  }
}

describe('bracketed statements', () => {
  it('a bracket of units closing a task’s text leads that task, also when the next task follows right after it', () => {
    expect(read(['1.开展科技活动。组织竞赛。（区教育局）', '2.建设科普基地。建成3个。（区科技局）']).tasks).toEqual([
      ['开展科技活动', 'inline', '区教育局', '', ['inline「（区教育局）」区教育局/']],
      ['建设科普基地', 'inline', '区科技局', '', ['inline「（区科技局）」区科技局/']],
    ])
  })

  it('a labelled bracket at the end of the last task’s text line is that task’s, not the action’s', () => {
    const r = read(['1.开展科技活动。组织竞赛。', '2.建设科普基地。建成3个。（牵头单位：区科技局）'])
    expect(r.own).toEqual([])
    expect(r.tasks).toEqual([
      ['开展科技活动', null, '', '', []],
      ['建设科普基地', 'inline', '区科技局', '', ['inline「（牵头单位：区科技局）」区科技局/']],
    ])
  })

  it('the same bracket on a line of its own after the last task, when no task has its own, is the action’s', () => {
    for (const line of ['（牵头单位：区科技局）', '[bookmark:_Toc1234]（牵头单位：区科技局）', '- （牵头单位：区科技局）。', '**（牵头单位：区科技局）**']) {
      const r = read(['1.开展科技活动。组织竞赛。', '2.建设科普基地。建成3个。', line])
      expect(r.own, line).toEqual(['block「（牵头单位：区科技局）」区科技局/'])
      expect(r.tasks, line).toEqual([
        ['开展科技活动', 'block', '区科技局', '', []],
        ['建设科普基地', 'block', '区科技局', '', []],
      ])
    }
  })

  it('a bracket followed by more text on its line is not a statement on its own line: it stays the last task’s', () => {
    const r = read(['1.开展科技活动。组织竞赛。', '2.建设科普基地。建成3个。', '（牵头单位：区科技局）等单位落实。'])
    expect(r.own).toEqual([])
    expect(r.tasks[1]).toEqual(['建设科普基地', 'inline', '区科技局', '', ['inline「（牵头单位：区科技局）」区科技局/']])
  })

  it('the action’s block statement and a task’s own responsible units: the block leads, partners of both, each once, the block’s list unchanged', () => {
    const r = read(['（牵头单位：区科协；责任单位：区教育局）', '1.开展科技活动。组织竞赛。（责任单位：团区委、区教育局）', '2.建设科普基地。建成3个。'])
    expect(r.own).toEqual(['block「（牵头单位：区科协；责任单位：区教育局）」区科协/区教育局'])
    expect(r.tasks).toEqual([
      ['开展科技活动', 'block', '区科协', '区教育局、团区委', ['inline「（责任单位：团区委、区教育局）」/团区委、区教育局']],
      ['建设科普基地', 'block', '区科协', '区教育局', []],
    ])
  })
})

describe('statements without brackets', () => {
  it('牵头单位： on a line of its own, with the 责任单位： line after it, is one statement of the task', () => {
    expect(read(['1.开展科技活动。组织竞赛。', '牵头单位：区教育局', '责任单位：区科协、团区委', '2.建设科普基地。建成3个。']).tasks).toEqual([
      ['开展科技活动', 'own-line', '区教育局', '区科协、团区委', ['own-line「牵头单位：区教育局\n责任单位：区科协、团区委」区教育局/区科协、团区委']],
      ['建设科普基地', null, '', '', []],
    ])
  })

  it('an own-line statement and a later bracket of the same task are both kept, in document order', () => {
    expect(read(['1.开展科技活动。组织竞赛。', '牵头单位：区教育局', '依托平台开展（区科协、团区委按职责分工负责）', '2.建设科普基地。建成3个。']).tasks[0]).toEqual([
      '开展科技活动',
      'own-line',
      '区教育局',
      '区科协、团区委',
      ['own-line「牵头单位：区教育局」区教育局/', 'trailing「（区科协、团区委按职责分工负责）」/区科协、团区委'],
    ])
  })

  it('a 责任单位： line alone is its own statement; it joins a 牵头单位： line only when it follows one', () => {
    expect(read(['1.开展科技活动。组织竞赛。', '责任单位：区科协', '2.建设科普基地。建成3个。', '牵头单位：区科技局', '责任单位：团区委']).tasks).toEqual([
      ['开展科技活动', 'own-line', '区科协', '', ['own-line「责任单位：区科协」/区科协']],
      ['建设科普基地', 'own-line', '区科技局', '团区委', ['own-line「牵头单位：区科技局\n责任单位：团区委」区科技局/团区委']],
    ])
  })

  it('own-line labels after the last task, a blank line between them, are the action’s when no task has its own', () => {
    const r = read(['1.开展科技活动。组织竞赛。', '2.建设科普基地。建成3个。', '牵头单位：区科技局', '', '责任单位：团区委'])
    expect(r.own).toEqual(['own-line「牵头单位：区科技局\n\n责任单位：团区委」区科技局/团区委'])
    expect(r.tasks.map((t) => t.slice(0, 4))).toEqual([
      ['开展科技活动', 'own-line', '区科技局', '团区委'],
      ['建设科普基地', 'own-line', '区科技局', '团区委'],
    ])
  })

  it('a 牵头单位： line after a 责任单位： line is a statement of its own: a lead is never merged in as a partner', () => {
    expect(read(['1.开展科技活动。组织竞赛。', '责任单位：区科协', '牵头单位：区教育局', '2.建设科普基地。建成3个。']).tasks[0]).toEqual([
      '开展科技活动',
      'own-line',
      '区教育局',
      '区科协',
      ['own-line「责任单位：区科协」/区科协', 'own-line「牵头单位：区教育局」区教育局/'],
    ])
  })

  it('a 牵头单位： line closing the last task, when no task has its own, is the action’s — and only once', () => {
    const r = read(['1.开展科技活动。组织竞赛。', '2.建设科普基地。建成3个。', '3.建设科技馆。建成1个。', '牵头单位：区文旅局'])
    expect(r.own).toEqual(['own-line「牵头单位：区文旅局」区文旅局/'])
    expect(r.tasks.map((t) => [t[0], t[1], t[2], t[4]])).toEqual([
      ['开展科技活动', 'own-line', '区文旅局', []],
      ['建设科普基地', 'own-line', '区文旅局', []],
      ['建设科技馆', 'own-line', '区文旅局', []],
    ])
    expect(r.all).toHaveLength(1)
  })

  it('a 责任单位： line joins only an own-line 牵头单位： statement right above it', () => {
    const statements = (lines: string[]) => read(['1.开展科技活动。组织竞赛。', ...lines, '2.建设科普基地。建成3个。']).tasks[0]![4]
    expect(statements(['牵头单位：区教育局', '开展宣传。', '责任单位：区科协'])).toEqual(['own-line「牵头单位：区教育局」区教育局/', 'own-line「责任单位：区科协」/区科协'])
    expect(statements(['（牵头单位：区教育局）', '责任单位：区科协'])).toEqual(['inline「（牵头单位：区教育局）」区教育局/', 'own-line「责任单位：区科协」/区科协'])
  })

  it('labels left blank in a draft (`牵头单位：` with nothing after it) are no statement', () => {
    expect(read(['1.开展科技活动。组织竞赛。', '牵头单位：', '责任单位：', '2.建设科普基地。建成3个。']).tasks).toEqual([
      ['开展科技活动', null, '', '', []],
      ['建设科普基地', null, '', '', []],
    ])
  })

  it('labels after the text of the last task stay that task’s: they are not on a line of their own', () => {
    const r = read(['1.开展科技活动。组织竞赛。', '2.建设科普基地。建成3个。牵头单位：区科技局。'])
    expect(r.own).toEqual([])
    expect(r.tasks[1]).toEqual(['建设科普基地', 'inline', '区科技局', '', ['inline「牵头单位：区科技局。」区科技局/']])
  })

  it('labels after the text on the task’s line: `…。牵头单位：…；责任单位：…。`', () => {
    expect(read(['1.开展科技活动。组织竞赛。牵头单位：区教育局；责任单位：区科协。', '2.建设科普基地。建成3个。']).tasks).toEqual([
      ['开展科技活动', 'inline', '区教育局', '区科协', ['inline「牵头单位：区教育局；责任单位：区科协。」区教育局/区科协']],
      ['建设科普基地', null, '', '', []],
    ])
  })

  it('`由X、Y牵头，Z配合实施。` as a sentence of its own line names the leads; the same words inside a body line do not', () => {
    expect(read(['1.开展科技活动。组织竞赛。', '由区教育局、区科协牵头，团区委配合实施。', '2.建设科普基地。由区科技局、区科协牵头，团区委配合实施。']).tasks).toEqual([
      ['开展科技活动', 'own-line', '区教育局、区科协', '团区委', ['own-line「由区教育局、区科协牵头，团区委配合实施。」区教育局、区科协/团区委']],
      ['建设科普基地', null, '', '', []],
    ])
  })

  it('a `由X牵头，Y配合实施。` line closing the last task, when no task has its own, is the action’s', () => {
    const r = read(['1.开展科技活动。组织竞赛。', '2.建设科普基地。建成3个。', '由区科技局牵头，区科协配合实施。'])
    expect(r.own).toEqual(['own-line「由区科技局牵头，区科协配合实施。」区科技局/区科协'])
    expect(r.tasks.map((t) => t.slice(0, 4))).toEqual([
      ['开展科技活动', 'own-line', '区科技局', '区科协'],
      ['建设科普基地', 'own-line', '区科技局', '区科协'],
    ])
  })

  it('a closing sentence starts at its line when the line before has no 。', () => {
    expect(read(['1.开展科技活动。组织竞赛', '区教育局牵头，区科协配合。', '2.建设科普基地。建成3个。']).tasks[0]).toEqual([
      '开展科技活动',
      'inline',
      '区教育局',
      '区科协',
      ['inline「区教育局牵头，区科协配合」区教育局/区科协'],
    ])
  })

  it('a closing sentence `X牵头，Y配合。` / `X、Y负责。` names who carries the task, without its 。 and the spaces around it', () => {
    expect(read(['1.开展科技活动。组织竞赛。', '  区教育局牵头，区科协配合。  ', '2.建设科普基地。建成3个。区科技局、区科协负责。', '']).tasks).toEqual([
      ['开展科技活动', 'inline', '区教育局', '区科协', ['inline「区教育局牵头，区科协配合」区教育局/区科协']],
      ['建设科普基地', 'trailing', '区科技局、区科协', '', ['trailing「区科技局、区科协负责」/区科技局、区科协']],
    ])
  })

  it('a closing sentence is not looked for when a labelled statement names the lead already: one statement per task', () => {
    const r = read(['1.开展科技活动。组织竞赛。（牵头单位：区教育局）', '2.建设科普基地。建成3个。（责任单位：区科技局）'])
    expect(r.tasks).toEqual([
      ['开展科技活动', 'inline', '区教育局', '', ['inline「（牵头单位：区教育局）」区教育局/']],
      ['建设科普基地', 'inline', '区科技局', '', ['inline「（责任单位：区科技局）」/区科技局']],
    ])
    expect(r.all).toHaveLength(2)
  })

  it('a label after a 。 inside a bracket is part of the bracket’s statement, not a second one', () => {
    expect(read(['1.开展科技活动。组织竞赛。（牵头单位：区教育局。责任单位：区科协）', '2.建设科普基地。建成3个。']).tasks[0]).toEqual([
      '开展科技活动',
      'inline',
      '区教育局',
      '区科协',
      ['inline「（牵头单位：区教育局。责任单位：区科协）」区教育局/区科协'],
    ])
  })
})
