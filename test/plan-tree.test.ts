/**
 * The one tree: planlint's unified processor (our CJK parser in place of retext-latin,
 * retext-stringify as compiler, the plan plugin as transformer) puts the plan's structure into
 * the nlcst tree — sections with roles, actions/projects, tasks, paragraph kinds, and the
 * plan's facts at their exact places.
 */
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { toString } from 'nlcst-to-string'
import { describe, expect, it } from 'vitest'
import { analyseText, planlintProcessor } from '../src/lint/processor.js'
import type { PlanLeaf } from '../src/plan/tree.js'
import { fragments, planText } from './fuzz/properties.js'

type N = { type: string; position?: { start: { offset?: number }; end: { offset?: number } }; children?: N[]; data?: { role?: string; kind?: string; plan?: PlanLeaf[] } }

const PLAN = [
  '云溪县全民科学素质行动规划纲要实施方案',
  '一、总体要求',
  '到2025年，全县公民具备科学素质的比例超过15%。',
  '二、提升行动',
  '（一）青少年科学素质提升行动',
  '1.弘扬科学精神。将科学精神融入课堂教学和课外实践活动，',
  '— 3 —',
  '每年开展科学家精神进校园活动。',
  '牵头单位：县教育体育局',
  '2.开展青少年科技活动。深化馆校合作。（牵头单位：县科协）',
  '三、组织实施',
  '加强组织领导。',
].join('\n')

const shape = (n: N, depth = 0): string[] => {
  if (n.type === 'WhiteSpaceNode' || n.type === 'SentenceNode') return []
  const label = n.data?.role ?? n.data?.kind ?? ''
  return [`${'  '.repeat(depth)}${n.type}${label ? ` ${label}` : ''}`, ...(n.children ?? []).flatMap((c) => shape(c, depth + 1))]
}

function* nodes(n: N, parents: N[] = []): Generator<[N, N[]]> {
  yield [n, parents]
  for (const c of n.children ?? []) yield* nodes(c, [...parents, n])
}

describe('the unified processor', () => {
  it('is a unified processor: parse → plan plugin → retext-stringify gives the text back', () => {
    const file = planlintProcessor().processSync(PLAN)
    expect(String(file)).toBe(PLAN)
    expect(file.data.plan?.tasks.map((t) => t.title)).toEqual(['弘扬科学精神', '开展青少年科技活动'])
  })

  it('puts sections, actions, tasks and paragraph kinds into the one tree', () => {
    const { tree } = analyseText(PLAN)
    expect(shape(tree as N)).toEqual([
      'RootNode',
      '  SectionNode front',
      '    ParagraphNode body',
      '  SectionNode goals',
      '    ParagraphNode heading',
      '    ParagraphNode body',
      '  SectionNode actions',
      '    ParagraphNode heading',
      '    ActionNode',
      '      ParagraphNode heading',
      '      TaskNode',
      '        ParagraphNode heading',
      '        ParagraphNode furniture',
      '        ParagraphNode body',
      '        ParagraphNode responsibility',
      '      TaskNode',
      '        ParagraphNode heading',
      '  SectionNode safeguards',
      '    ParagraphNode heading',
      '    ParagraphNode body',
    ])
  })

  it('holds each plan fact in the deepest node around it, at its exact place', () => {
    const { tree, plan } = analyseText(PLAN)
    const held = new Map<PlanLeaf, N>()
    for (const [n] of nodes(tree as N)) for (const f of n.data?.plan ?? []) held.set(f, n)
    const task2 = plan.tasks[1]!
    const statement = task2.responsibilities[0]!
    expect(PLAN.slice(statement.position.start.offset, statement.position.end.offset)).toBe('（牵头单位：县科协）')
    expect(held.get(statement)?.type).toBe('SentenceNode')
    const unit = plan.units.find((u) => u.name === '县科协')!
    expect(held.get(unit)).toBe(held.get(statement))
    const target = plan.targets[0]!
    expect(toString(held.get(target) as never)).toContain('15%')
    // every fact is held exactly once, inside the node holding it
    for (const [f, n] of held) {
      expect(n.position!.start.offset!).toBeLessThanOrEqual(f.position.start.offset)
      expect(n.position!.end.offset!).toBeGreaterThanOrEqual(f.position.end.offset)
    }
    expect(new Set([...held.keys()]).size).toBe(held.size)
    for (const h of plan.headings) expect(held.has(h)).toBe(true)
  })

  it('gives every structure node its plan object: plan.tasks and plan.actions are indexes over the tree', () => {
    const { tree, plan } = analyseText(PLAN)
    const tasks = [...nodes(tree as N)].filter(([n]) => n.type === 'TaskNode').map(([n]) => (n.data as { task: unknown }).task)
    expect(tasks).toEqual(plan.tasks)
    const actions = [...nodes(tree as N)].filter(([n]) => n.type === 'ActionNode').map(([n]) => (n.data as { item: unknown }).item)
    expect(actions).toEqual(plan.actions)
  })

  it('keeps the tree lossless and well nested on the fixture plans', () => {
    const dir = path.resolve(import.meta.dirname, 'fixtures/plans')
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(path.join(dir, name), 'utf8')
      const { tree, plan } = analyseText(text)
      expect(toString(tree), name).toBe(text)
      wellNested(tree as N, name)
      const inTree = [...nodes(tree as N)].filter(([n]) => n.type === 'TaskNode').length
      expect(inTree, name).toBe(plan.tasks.length)
    }
  })

  it('is lossless and well nested on any plan-like text (property)', () => {
    fc.assert(
      fc.property(planText(fragments()), (text) => {
        const { tree } = analyseText(text)
        expect(toString(tree)).toBe(text)
        wellNested(tree as N, text)
      }),
      { numRuns: 150 },
    )
  })
})

/** Children touch, in order, inside their parent; structure nodes only above paragraphs. */
function wellNested(root: N, name: string): void {
  const STRUCTURE = new Set(['SectionNode', 'ActionNode', 'ProjectNode', 'TaskNode'])
  for (const [n, parents] of nodes(root)) {
    const kids = n.children ?? []
    for (let i = 1; i < kids.length; i++) expect(kids[i]!.position!.start.offset, name).toBe(kids[i - 1]!.position!.end.offset)
    if (kids.length > 0 && n.type !== 'RootNode') {
      expect(kids[0]!.position!.start.offset, name).toBe(n.position!.start.offset)
      expect(kids[kids.length - 1]!.position!.end.offset, name).toBe(n.position!.end.offset)
    }
    if (STRUCTURE.has(n.type)) expect(parents.every((p) => p.type === 'RootNode' || STRUCTURE.has(p.type)), name).toBe(true)
  }
}
