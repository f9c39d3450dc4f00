/**
 * The kernel's walk: enter and `:exit` events, ancestors and parent, in the order the
 * composition root's walker gives (one pre-order walk of the one tree: structure nodes, their
 * plan objects, the facts they hold, paragraphs, sentences).
 */
import { describe, expect, it } from 'vitest'
import { runRules, type RuleEntry } from '../src/engine/runner.js'
import { analysePlan } from '../src/lint/analyse.js'
import { defineRule } from '../src/rules-support/context.js'
import type { Rule, RuleContext, RuleVisitors } from '../src/types.js'
import { minimalPreset } from '../src/testing/empty-plan.js'

const PLAN = ['一、重点任务', '（一）青少年科学素质提升行动', '1.激发青少年好奇心。', '（牵头单位：区教育局）', '2.建立校内外科学教育资源有效衔接机制。'].join('\n')

function mkRule(create: (ctx: RuleContext) => RuleVisitors): Rule {
  return defineRule({
    meta: {
      id: 'probe',
      type: 'problem',
      severity: 'error',
      docs: { description: { zh: '测试', en: 'test' }, url: 'https://example.test/probe' },
      schema: { type: 'object', additionalProperties: false },
      messages: { x: 'x' },
    },
    create,
  })
}

function walk(text: string, create: (ctx: RuleContext) => RuleVisitors): void {
  const { env, walk } = analysePlan(text, { preset: minimalPreset(), config: {} })
  const out = runRules({ text, env, walk, rules: new Map<string, RuleEntry>([['probe', { rule: mkRule(create), severity: 2 }]]), filePath: 'x' })
  expect(out.filter((m) => m.fatal)).toEqual([])
}

describe('kernel walk', () => {
  it('visits an outer plan node before the nodes it contains, and exits it after them', () => {
    const events: string[] = []
    walk(PLAN, () => ({
      action: (n) => events.push(`action ${n.name}`),
      'action:exit': (n) => events.push(`/action ${n.name}`),
      heading: (n) => events.push(`heading ${n.title}`),
      task: (n) => events.push(`task ${n.title}`),
      'task:exit': (n) => events.push(`/task ${n.title}`),
      plan: () => events.push('plan'),
      'plan:exit': () => events.push('/plan'),
    }))
    expect(events).toEqual([
      'plan',
      'heading 重点任务',
      'action 青少年科学素质提升行动', // starts where its heading does, and is longer: first
      'heading 青少年科学素质提升行动',
      'task 激发青少年好奇心',
      'heading 激发青少年好奇心',
      '/task 激发青少年好奇心',
      'task 建立校内外科学教育资源有效衔接机制',
      'heading 建立校内外科学教育资源有效衔接机制',
      '/task 建立校内外科学教育资源有效衔接机制',
      '/action 青少年科学素质提升行动',
      '/plan',
    ])
  })

  it('gives a task its action as parent, and the section and root above it', () => {
    const seen: string[] = []
    walk(PLAN, (ctx) => ({
      task(n) {
        const parent = ctx.parent() as { type: string; data: { item: { name: string } } }
        const chain = ctx.ancestors().map((a) => (a as { type: string }).type)
        seen.push(`${n.title} ← ${parent.type} ${parent.data.item.name} | ${chain.join(' > ')}`)
      },
    }))
    expect(seen).toEqual([
      '激发青少年好奇心 ← ActionNode 青少年科学素质提升行动 | RootNode > SectionNode > ActionNode',
      '建立校内外科学教育资源有效衔接机制 ← ActionNode 青少年科学素质提升行动 | RootNode > SectionNode > ActionNode',
    ])
  })

  it('walks the one tree: structure nodes, paragraphs and the facts they hold, in document order', () => {
    const events: string[] = []
    walk(PLAN, (ctx) => ({
      SectionNode: (n) => events.push(`Section ${n.data.role}`),
      'SectionNode:exit': () => events.push('/Section'),
      ActionNode: (n) => events.push(`Action ${n.data.item.name}`),
      TaskNode: (n) => events.push(`Task ${n.data.task.title}`),
      'TaskNode:exit': () => events.push('/Task'),
      ParagraphNode: (n) => events.push(`P ${n.data?.kind}`),
      responsibility: () => events.push(`responsibility in ${(ctx.parent() as { type: string }).type}`),
      unit: (n) => events.push(`unit ${n.name} in ${(ctx.parent() as { type: string }).type}`),
      'responsibility:exit': () => events.push('/responsibility'),
    }))
    expect(events).toEqual([
      'Section actions', // 重点任务 holding only actions is the actions' section (四川's holds projects)
      'P heading',
      'Action 青少年科学素质提升行动',
      'P heading',
      'Task 激发青少年好奇心',
      'P heading',
      'P responsibility',
      'responsibility in SentenceNode',
      'unit 区教育局 in responsibility', // a unit's statement is among its ancestors
      '/responsibility',
      '/Task',
      'Task 建立校内外科学教育资源有效衔接机制',
      'P heading',
      '/Task',
      '/Section',
    ])
  })

  it('a plan object comes right after its structure node, its exit right before the node’s', () => {
    const events: string[] = []
    walk(PLAN, () => ({
      TaskNode: () => events.push('TaskNode'),
      task: () => events.push('task'),
      'task:exit': () => events.push('/task'),
      'TaskNode:exit': () => events.push('/TaskNode'),
    }))
    expect(events).toEqual(['TaskNode', 'task', '/task', '/TaskNode', 'TaskNode', 'task', '/task', '/TaskNode'])
  })

  it('walks nlcst in pre-order with exits, each node under its parents', () => {
    const events: string[] = []
    walk('甲乙。丙\n丁', (ctx) => ({
      ParagraphNode: () => events.push(`P(${ctx.ancestors().length})`),
      'ParagraphNode:exit': () => events.push('/P'),
      SentenceNode: (n) => events.push(`S ${ctx.getText(n)} <${(ctx.parent() as { type: string }).type}>`),
      'SentenceNode:exit': () => events.push('/S'),
    }))
    // no heading: the whole text is the front matter, a section under the root
    expect(events).toEqual(['P(2)', 'S 甲乙。 <ParagraphNode>', '/S', 'S 丙 <ParagraphNode>', '/S', '/P', 'P(2)', 'S 丁 <ParagraphNode>', '/S', '/P'])
  })

  it('ancestors() is a copy: a rule cannot change what others see', () => {
    const lengths: number[] = []
    walk('甲。乙。', (ctx) => ({
      SentenceNode() {
        const a = ctx.ancestors()
        lengths.push(a.length)
        a.length = 0
      },
    }))
    expect(lengths).toEqual([3, 3])
  })
})
