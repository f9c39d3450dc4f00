/**
 * The plan plugin's entry points (src/plan/plugin.ts): the transformer records the plan on the
 * vfile, `planOf` refuses a file the plugin never ran on, and `withStructure` puts the plan's
 * structure into a copy of a caller's bare parser tree, never into the caller's tree.
 */
import { toString } from 'nlcst-to-string'
import retextStringify from 'retext-stringify'
import { unified } from 'unified'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { parseText } from '../src/parse/index.js'
import { buildPlan } from '../src/plan/index.js'
import { isStructured, planlintPlan, planOf, readPlanInto, withStructure } from '../src/plan/plugin.js'
import planlintParse from '../src/parse/index.js'

const PLAN = ['云溪县全民科学素质行动规划纲要实施方案', '一、提升行动', '（一）青少年科学素质提升行动', '1.开展科技活动。组织竞赛。（牵头单位：县教育局）', '二、组织实施', '加强组织领导。'].join('\n')

type N = { type: string; children?: N[]; data?: { role?: string; task?: { title: string } } }
const types = (n: N): string[] => [n.type, ...(n.children ?? []).flatMap(types)]

describe('the plan plugin', () => {
  it('records the plan it read on the file (planOf), with the structure in the same tree', () => {
    const file = new VFile({ value: PLAN })
    const processor = unified().use(planlintParse).use(retextStringify).use(planlintPlan)
    const tree = processor.runSync(processor.parse(file), file)
    const plan = planOf(file)
    expect(plan.tasks.map((t) => [t.title, t.lead.map((u) => u.name)])).toEqual([['开展科技活动', ['县教育局']]])
    expect(types(tree as N).filter((t) => t.endsWith('Node') && /Section|Action|Task/.test(t))).toEqual(['SectionNode', 'SectionNode', 'ActionNode', 'TaskNode', 'SectionNode'])
    expect(isStructured(tree as never)).toBe(true)
    expect(String(processor.stringify(tree, file))).toBe(PLAN)
  })

  it('planOf refuses a file the plugin did not run on, in one Chinese line', () => {
    expect(() => planOf(new VFile({ value: PLAN }))).toThrow('计划插件没有运行：file.data.plan 为空')
  })

  it('reads a file with no value as the empty text: an empty plan spanning nothing', () => {
    const file = new VFile()
    const processor = unified().use(planlintParse).use(retextStringify).use(planlintPlan)
    processor.runSync(processor.parse(file), file)
    const plan = planOf(file)
    expect([plan.position.start.offset, plan.position.end.offset]).toEqual([0, 0])
    expect([plan.title, plan.headings, plan.sections.length]).toEqual([undefined, [], 0])
  })
})

describe('readPlanInto and withStructure', () => {
  it('readPlanInto builds the plan of the text and puts its structure into the tree it is given', () => {
    const tree = parseText(PLAN)
    expect(isStructured(tree)).toBe(false)
    const plan = readPlanInto(tree, PLAN)
    expect(plan.tasks.map((t) => t.title)).toEqual(['开展科技活动'])
    expect(isStructured(tree)).toBe(true)
    expect(types(tree as N)).toContain('TaskNode')
    expect(toString(tree)).toBe(PLAN)
  })

  it('withStructure leaves a caller’s bare tree as it was and returns a structured copy', () => {
    const tree = parseText(PLAN)
    const before = structuredClone(tree)
    const plan = buildPlan(PLAN, tree)
    const copy = withStructure(tree, plan, PLAN)
    expect(copy).not.toBe(tree)
    expect(tree).toEqual(before)
    expect(isStructured(tree)).toBe(false)
    expect(isStructured(copy)).toBe(true)
    expect(types(copy as N).filter((t) => t === 'TaskNode')).toHaveLength(1)
    expect(types(tree as N)).not.toContain('TaskNode')
    expect(toString(copy)).toBe(PLAN)
    // a structured tree is used as it is: no second copy, no second structure inside it
    expect(withStructure(copy, plan, PLAN)).toBe(copy)
    expect(types(copy as N).filter((t) => t === 'TaskNode')).toHaveLength(1)
  })
})
