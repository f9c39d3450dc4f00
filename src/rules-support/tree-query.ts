/**
 * Questions rules ask the one tree (src/plan/tree.ts): which sentence or paragraph holds a
 * place, which structure node a node sits in. Binary search down the tree: O(depth · log n).
 */
import type { Paragraph, Sentence } from 'nlcst'
import type { NlcstRoot } from '../parse/index.js'
import type { ActionTreeNode, SectionTreeNode, TaskTreeNode } from '../plan/tree.js'
import { lastAtOrBefore } from '../text/arrays.js'

interface TreeNode {
  type: string
  position?: { start: { offset?: number | undefined }; end: { offset?: number | undefined } } | undefined
  children?: TreeNode[]
}

const startOf = (n: TreeNode): number => n.position?.start.offset ?? 0
const endOf = (n: TreeNode): number => n.position?.end.offset ?? 0

export interface TreeTypes {
  ParagraphNode: Paragraph
  SentenceNode: Sentence
  SectionNode: SectionTreeNode
  ActionNode: ActionTreeNode
  ProjectNode: ActionTreeNode
  TaskNode: TaskTreeNode
}

/** The innermost node of `type` holding all of [start, end), or undefined. */
export function enclosing<K extends keyof TreeTypes>(tree: NlcstRoot, start: number, end: number, type: K): TreeTypes[K] | undefined {
  let node = tree as unknown as TreeNode
  let found: TreeNode | undefined
  for (;;) {
    if (node.type === type) found = node
    if (node.type === 'SentenceNode') break
    const kids = node.children
    if (!kids || kids.length === 0) break
    const c = kids[lastAtOrBefore(kids, start, startOf)]!
    if (startOf(c) > start || endOf(c) < end || (endOf(c) === start && end > start)) break
    node = c
  }
  return found as TreeTypes[K] | undefined
}

/** The nearest of `ancestors` (outermost first, as `ctx.ancestors()` gives them) of `type`. */
export function nearest<K extends keyof TreeTypes>(ancestors: readonly unknown[], type: K): TreeTypes[K] | undefined {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const a = ancestors[i] as { type?: unknown }
    if (a && a.type === type) return a as TreeTypes[K]
  }
  return undefined
}

/** True when one of `ancestors` is an action or a project of the plan. */
export function insideActionOrProject(ancestors: readonly unknown[]): boolean {
  return ancestors.some((a) => {
    const t = (a as { type?: unknown }).type
    return t === 'ActionNode' || t === 'ProjectNode'
  })
}
