/**
 * The order rules see a document in, handed to the kernel as its `walk`: ONE pre-order walk
 * of the one tree (tree.ts). `plan` comes first and `plan:exit` last; in between every node
 * of the tree is entered (`RootNode`, `SectionNode`, `ActionNode`/`ProjectNode`, `TaskNode`,
 * `ParagraphNode`, `SentenceNode`, `WordNode`, …) and exited after its children. A structure
 * node also gives the plan object it stands for under the plan's key, right after it
 * (`section`, `action`/`project`, `task`; their `:exit` just before its own). The plan facts
 * in a node's `data.plan` (heading, responsibility, unit, target, citation, docNumber,
 * tableRow) are visited after the node is entered and before its children, outer before inner
 * (a responsibility before its units, `responsibility:exit` after them).
 *
 * Ancestors are the tree nodes around a node, outermost first (for a fact: the tree nodes up
 * to the one holding it, then the facts it lies inside). Only keys some listener wants are
 * visited; when nothing listens below sentences, the walk does not enter them.
 */
import type { NlcstRoot } from '../parse/index.js'
import type { PlanLeaf } from './tree.js'
import type { PlanTree } from './types.js'

type Visit = (key: string, node: unknown, ancestors: readonly unknown[]) => void
type Wants = (key: string) => boolean

interface TreeNode {
  type: string
  position?: { start: { offset?: number | undefined }; end: { offset?: number | undefined } } | undefined
  children?: TreeNode[]
  data?: { plan?: PlanLeaf[]; item?: { type: string }; task?: unknown; section?: unknown }
}

/** Keys of the tree's node types. */
const TREE_KEYS = ['RootNode', 'SectionNode', 'ActionNode', 'ProjectNode', 'TaskNode', 'ParagraphNode', 'SentenceNode', 'WordNode', 'PunctuationNode', 'SymbolNode', 'WhiteSpaceNode', 'SourceNode', 'TextNode']
/** Keys of the plan's objects and facts. */
const PLAN_KEYS = ['section', 'heading', 'action', 'project', 'task', 'responsibility', 'unit', 'target', 'citation', 'docNumber', 'tableRow']
/**
 * Every node key the walk emits: `plan`, the plan's objects and facts, then the tree's node
 * types. Each may also be listened to as `key:exit`. Rule loading checks listener keys against
 * this list (src/lint/listener-keys.ts), so it cannot drift from what the walk does.
 */
export const NODE_KEYS: readonly string[] = ['plan', ...PLAN_KEYS, ...TREE_KEYS]

/** Every valid listener key: each node key and its `:exit` form. */
export const LISTENER_KEYS: readonly string[] = NODE_KEYS.flatMap((k) => [k, `${k}:exit`])

/** Types found only inside a sentence (the parser builds them only when something reads them:
 * src/lint/tree-depth.ts). */
export const BELOW_SENTENCE: readonly string[] = ['WordNode', 'PunctuationNode', 'SymbolNode', 'WhiteSpaceNode', 'SourceNode', 'TextNode']

const endOf = (n: { position?: TreeNode['position'] }): number => n.position?.end.offset ?? 0

/** The plan object a structure node stands for, and its key. */
function planObjectOf(node: TreeNode): [string, unknown] | undefined {
  const d = node.data
  if (!d) return undefined
  switch (node.type) {
    case 'SectionNode':
      return ['section', d.section]
    case 'ActionNode':
    case 'ProjectNode':
      return d.item ? [d.item.type, d.item] : undefined
    case 'TaskNode':
      return ['task', d.task]
    default:
      return undefined
  }
}

/** The kernel's walker for one linted document: `tree` is the one tree, or a function making
 * it (called only when some listener wants a node of it). */
export function planWalker(plan: PlanTree, tree: NlcstRoot | (() => NlcstRoot)) {
  return (visit: Visit, wants: Wants): void => {
    visit('plan', plan, [])
    const keys = [...TREE_KEYS, ...PLAN_KEYS]
    const onEnter = new Set(keys.filter((k) => wants(k)))
    const onExit = new Map(keys.filter((k) => wants(`${k}:exit`)).map((k) => [k, `${k}:exit`]))
    if (onEnter.size > 0 || onExit.size > 0) walkTree((typeof tree === 'function' ? tree() : tree) as unknown as TreeNode, visit, onEnter, onExit)
    visit('plan:exit', plan, [])
  }
}

function walkTree(root: TreeNode, visit: Visit, onEnter: Set<string>, onExit: Map<string, string>): void {
  const wantsFacts = PLAN_KEYS.some((k) => onEnter.has(k) || onExit.has(k))
  const intoSentences = BELOW_SENTENCE.some((k) => onEnter.has(k) || onExit.has(k))
  // Iterative (deep trees cannot overflow the stack): `ancestors` holds the open nodes, `next`
  // the index of the child to enter next in each.
  const ancestors: TreeNode[] = []
  const next: number[] = []
  const enter = (node: TreeNode): void => {
    if (onEnter.has(node.type)) visit(node.type, node, ancestors)
    const object = planObjectOf(node)
    if (object && onEnter.has(object[0])) visit(object[0], object[1], ancestors)
    ancestors.push(node)
    next.push(0)
    const facts = node.data?.plan
    if (wantsFacts && facts !== undefined) visitFacts(facts, visit, ancestors, onEnter, onExit)
  }
  enter(root)
  while (ancestors.length > 0) {
    const top = ancestors.length - 1
    const node = ancestors[top]!
    const children = intoSentences || node.type !== 'SentenceNode' ? node.children : undefined
    const i = next[top]!
    if (children !== undefined && i < children.length) {
      next[top] = i + 1
      enter(children[i]!)
      continue
    }
    ancestors.pop()
    next.pop()
    if (onExit.size > 0) {
      const object = planObjectOf(node)
      const objectExit = object ? onExit.get(object[0]) : undefined
      if (objectExit !== undefined) visit(objectExit, object![1], ancestors)
      const exit = onExit.get(node.type)
      if (exit !== undefined) visit(exit, node, ancestors)
    }
  }
}

/** A node's facts (in document order, outer first): a fact contains those after it that end
 * before it does, so a unit comes with its responsibility statement among its ancestors. */
function visitFacts(facts: PlanLeaf[], visit: Visit, around: readonly unknown[], onEnter: Set<string>, onExit: Map<string, string>): void {
  const open: PlanLeaf[] = []
  const ancestors: unknown[] = [...around]
  const close = (): void => {
    const done = open.pop()!
    ancestors.pop()
    const exit = onExit.get(done.type)
    if (exit !== undefined) visit(exit, done, ancestors)
  }
  for (const f of facts) {
    while (open.length > 0 && (endOf(open[open.length - 1]!) <= (f.position.start.offset ?? 0) || endOf(f) > endOf(open[open.length - 1]!))) close()
    if (onEnter.has(f.type)) visit(f.type, f, ancestors)
    open.push(f)
    ancestors.push(f)
  }
  while (open.length > 0) close()
}
