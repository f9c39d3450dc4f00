/**
 * The plan's walker (src/plan/walk.ts) on its own, as the kernel calls it: `planWalker(plan,
 * tree)(visit, wants)`. What it promises: `plan` first and `plan:exit` last (no ancestors),
 * only keys some listener wants are visited, the tree is made only when a listener wants a
 * node of it, a structure node's plan object right after it, and a node's facts nested by
 * their spans (a fact holds those after it that end inside it).
 */
import { describe, expect, it } from 'vitest'
import { analyseText } from '../src/lint/processor.js'
import { planWalker } from '../src/plan/walk.js'
import type { NlcstRoot } from '../src/parse/index.js'
import type { PlanTree } from '../src/plan/types.js'

const PLAN = ['一、重点任务', '（一）青少年科学素质提升行动', '1.激发青少年好奇心。', '牵头单位：区教育局', '（二）科普基础设施工程', '1.建设科普基地。'].join('\n')

type Named = { type?: string; name?: string; title?: string; data?: { kind?: string } }
const label = (key: string, n: unknown): string => {
  const x = n as Named
  return x.name ?? x.title ?? x.data?.kind ?? ''
}

/** Runs the walker, recording `key label <ancestor types>` for every visit. */
function record(plan: PlanTree, tree: NlcstRoot | (() => NlcstRoot), keys: string[]): string[] {
  const out: string[] = []
  planWalker(plan, tree)(
    (key, node, ancestors) => {
      out.push(`${key} ${label(key, node)} <${ancestors.map((a) => (a as Named).type ?? String(a)).join(' ')}>`.replace(/ +</, ' <'))
    },
    (key) => keys.includes(key),
  )
  return out
}

describe('planWalker', () => {
  const { tree, plan } = analyseText(PLAN)

  it('visits plan first and plan:exit last, with no ancestors, and only the keys wanted', () => {
    expect(record(plan, tree, ['TaskNode:exit', 'project'])).toEqual([
      'plan <>',
      'TaskNode:exit <RootNode SectionNode ActionNode>',
      'project 科普基础设施工程 <RootNode SectionNode>',
      'TaskNode:exit <RootNode SectionNode ProjectNode>',
      'plan:exit <>',
    ])
  })

  it('exit listeners alone are enough to walk the tree', () => {
    expect(record(plan, tree, ['SectionNode:exit', 'action:exit', 'project:exit'])).toEqual([
      'plan <>',
      'action:exit 青少年科学素质提升行动 <RootNode SectionNode>',
      'project:exit 科普基础设施工程 <RootNode SectionNode>',
      'SectionNode:exit <RootNode>',
      'plan:exit <>',
    ])
  })

  it('makes the tree only when a listener wants a node of it', () => {
    let made = 0
    const lazy = () => {
      made++
      return tree
    }
    expect(record(plan, lazy, ['plan', 'plan:exit'])).toEqual(['plan <>', 'plan:exit <>'])
    expect(made).toBe(0)
    expect(record(plan, lazy, ['task'])).toEqual(['plan <>', 'task 激发青少年好奇心 <RootNode SectionNode ActionNode>', 'task 建设科普基地 <RootNode SectionNode ProjectNode>', 'plan:exit <>'])
    expect(made).toBe(1)
  })

  it('an own-line statement holds all its units, the last one too (it ends where the statement does)', () => {
    const events = record(plan, tree, ['responsibility', 'responsibility:exit', 'unit', 'unit:exit'])
    expect(events.slice(1, -1).map((e) => e.replace(/<RootNode SectionNode ActionNode TaskNode ParagraphNode SentenceNode/, '<…'))).toEqual([
      'responsibility <…>',
      'unit 区教育局 <… responsibility>',
      'unit:exit 区教育局 <… responsibility>',
      'responsibility:exit <…>',
    ])
  })
})

describe('planWalker on a hand-made tree: facts nest by their spans', () => {
  const at = (type: string, name: string, from: number, to: number) => ({ type, name, position: { start: { offset: from }, end: { offset: to } } })
  // a [0,10) holds b [2,5) and c [5,10) (c ends where a does); d [10,12) follows a; e [11,14)
  // starts inside d but ends after it, so it is not inside d
  const facts = [at('responsibility', 'a', 0, 10), at('unit', 'b', 2, 5), at('unit', 'c', 5, 10), at('target', 'd', 10, 12), at('citation', 'e', 11, 14)]
  const tree = {
    type: 'RootNode',
    position: { start: { offset: 0 }, end: { offset: 14 } },
    children: [{ type: 'SectionNode', position: { start: { offset: 0 }, end: { offset: 14 } }, children: [], data: { plan: facts } }],
  } as unknown as NlcstRoot
  const plan = { type: 'plan' } as unknown as PlanTree
  const keys = ['responsibility', 'responsibility:exit', 'unit', 'unit:exit', 'target', 'target:exit', 'citation', 'citation:exit']

  it('enters each fact inside those that hold it and exits it before them', () => {
    expect(record(plan, tree, keys).map((e) => e.replace('<RootNode SectionNode', '<…'))).toEqual([
      'plan <>',
      'responsibility a <…>',
      'unit b <… responsibility>',
      'unit:exit b <… responsibility>',
      'unit c <… responsibility>',
      'unit:exit c <… responsibility>',
      'responsibility:exit a <…>',
      'target d <…>',
      'target:exit d <…>',
      'citation e <…>',
      'citation:exit e <…>',
      'plan:exit <>',
    ])
  })

  it('a structure node without data stands for no plan object', () => {
    const bare = { type: 'RootNode', children: [{ type: 'SectionNode', children: [] }] } as unknown as NlcstRoot
    expect(record(plan, bare, ['section', 'SectionNode'])).toEqual(['plan <>', 'SectionNode <RootNode>', 'plan:exit <>'])
  })
})
