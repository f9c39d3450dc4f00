/**
 * The plan as the editor features (hover on a task heading, the outline, explain) see it:
 * the public `parseText` + `buildPlan` over the linted text, read only through the plan's
 * derived indexes (`plan.tasks`, `plan.actions`, `plan.projects`, `plan.outline`). Built
 * lazily — only when one of those features asks — and once per document version.
 */
import { buildPlan, parseText } from '../index.js'
import type { ActionNode, HeadingNode, PlanTree, TaskNode } from '../types.js'

export function planOf(lintedText: string): PlanTree {
  return buildPlan(lintedText, parseText(lintedText))
}

/** The task whose heading holds `offset` (an offset in the linted text). */
export function taskAt(plan: PlanTree, offset: number): TaskNode | undefined {
  return plan.tasks.find((t) => within(t.heading, offset))
}

/** The action or project whose heading holds `offset`. */
export function actionAt(plan: PlanTree, offset: number): ActionNode | undefined {
  return [...plan.actions, ...plan.projects].find((a) => within(a.heading, offset))
}

function within(h: HeadingNode, offset: number): boolean {
  return h.position.start.offset <= offset && offset <= h.position.end.offset
}
