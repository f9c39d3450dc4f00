/**
 * The plan plugin: a unified transformer that reads what a plan is from the nlcst tree the
 * parser made (and the file's text), puts the plan's structure into that same tree
 * (structure.ts: sections, actions, tasks, paragraph kinds, facts; see tree.ts) and records
 * the plan's read-only indexes on the file as `file.data.plan` (`plan.tasks`, `plan.actions`, …).
 *
 *   unified().use(planlintParse).use(retextStringify).use(planlintPlan)
 */
import type { Plugin } from 'unified'
import type { VFile } from 'vfile'
import type { NlcstRoot } from '../parse/index.js'
import { readPlan } from './index.js'
import { structureTree } from './structure.js'
import type { PlanTree } from './types.js'

declare module 'vfile' {
  interface DataMap {
    /** The plan read from the file by the plan plugin. */
    plan: PlanTree
  }
}

/** The plan the plan plugin recorded on `file` (throws when the plugin did not run). */
export function planOf(file: VFile): PlanTree {
  const plan = file.data.plan
  if (!plan) throw new Error('计划插件没有运行：file.data.plan 为空')
  return plan
}

const structured = new WeakSet<object>()

/** True when the plan plugin (or `withStructure`) has put a plan's structure into `tree`. */
export function isStructured(tree: NlcstRoot): boolean {
  return structured.has(tree)
}

/** Reads the plan of `text` from its tree and puts the plan's structure into the tree. */
export function readPlanInto(tree: NlcstRoot, text: string): PlanTree {
  const { plan, lines } = readPlan(text, tree)
  structureTree(tree, plan, text, lines)
  structured.add(tree)
  return plan
}

/** `tree` with `plan`'s structure in it: the tree itself when it has it already, else a
 * structured copy (a caller's tree is never changed). */
export function withStructure(tree: NlcstRoot, plan: PlanTree, text: string): NlcstRoot {
  if (structured.has(tree)) return tree
  const copy = structuredClone(tree)
  structureTree(copy, plan, text)
  structured.add(copy)
  return copy
}

const planlintPlan: Plugin<[], NlcstRoot> = function () {
  return (tree, file) => {
    file.data.plan = readPlanInto(tree, String(file.value ?? ''))
  }
}

export default planlintPlan
export { planlintPlan }
