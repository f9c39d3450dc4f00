/**
 * The order rules see a document in, handed to the kernel as its `walk`: `plan`, then the
 * plan tree's nodes in document order (an outer node before the nodes it contains), then the
 * nlcst tree in pre-order, then `plan:exit`. Each node comes with its ancestors (the plan
 * nodes that contain it, or its nlcst parents), and `type:exit` follows a node's contents for
 * listeners that ask for it. Only the keys some listener wants are collected.
 */
import type { NlcstRoot } from '../parse/index.js'
import type { PlanTree } from './types.js'

type Visit = (key: string, node: unknown, ancestors: readonly unknown[]) => void
type Wants = (key: string) => boolean

interface Positioned {
  type: string
  position?: { start: { offset?: number }; end: { offset?: number } }
}

/** Plan-tree visitor keys and the arrays of the plan tree that hold those nodes. */
const PLAN_ARRAYS: ReadonlyArray<readonly [keys: readonly string[], array: keyof PlanTree]> = [
  [['heading'], 'headings'],
  [['action', 'project'], 'actions'],
  [['action', 'project'], 'projects'],
  [['task'], 'tasks'],
  [['responsibility'], 'responsibilities'],
  [['unit'], 'units'],
  [['target'], 'targets'],
  [['citation'], 'citations'],
  [['docNumber'], 'docNumbers'],
  [['tableRow'], 'tableRows'],
]

const NLCST_KEYS = ['RootNode', 'ParagraphNode', 'SentenceNode', 'WordNode', 'PunctuationNode', 'SymbolNode', 'WhiteSpaceNode', 'SourceNode', 'TextNode']

/**
 * Every node key the walk emits, in the order it emits them: `plan`, the plan tree's node
 * types, then the nlcst types. Each may also be listened to as `key:exit`. Rule loading
 * checks listener keys against this list (src/lint/listener-keys.ts), so it cannot drift from
 * what the walk does.
 */
export const NODE_KEYS: readonly string[] = ['plan', ...new Set(PLAN_ARRAYS.flatMap(([keys]) => keys)), ...NLCST_KEYS]

/** Every valid listener key: each node key and its `:exit` form. */
export const LISTENER_KEYS: readonly string[] = NODE_KEYS.flatMap((k) => [k, `${k}:exit`])

/** nlcst types found only inside a sentence (and white space between sentences). */
const BELOW_SENTENCE = ['WordNode', 'PunctuationNode', 'SymbolNode', 'WhiteSpaceNode', 'SourceNode', 'TextNode']

const startOf = (n: Positioned): number => n.position?.start?.offset ?? 0
const endOf = (n: Positioned): number => n.position?.end?.offset ?? 0

/** The kernel's walker for one linted document. */
export function planWalker(plan: PlanTree, nlcst: NlcstRoot) {
  return (visit: Visit, wants: Wants): void => {
    visit('plan', plan, [])
    walkPlanNodes(plan, visit, wants)
    if (NLCST_KEYS.some((k) => wants(k) || wants(`${k}:exit`))) walkNlcst(nlcst, visit, wants)
    visit('plan:exit', plan, [])
  }
}

function walkPlanNodes(plan: PlanTree, visit: Visit, wants: Wants): void {
  const nodes: { node: Positioned; order: number }[] = []
  const seen = new Set<unknown>()
  let order = 0
  // Every plan node is collected once any is wanted, so ancestors are the same whatever the
  // rules listen to; only the wanted ones are visited.
  const keys = PLAN_ARRAYS.flatMap(([k]) => k)
  if (!keys.some((k) => wants(k) || wants(`${k}:exit`))) return
  const enter = new Set(keys.filter((k) => wants(k)))
  const exit = new Set(keys.filter((k) => wants(`${k}:exit`)))
  for (const [, array] of PLAN_ARRAYS) {
    const list = plan[array]
    if (!Array.isArray(list)) continue
    for (const node of list as Positioned[]) {
      if (seen.has(node)) continue
      seen.add(node)
      nodes.push({ node, order: order++ })
    }
  }
  nodes.sort((a, b) => {
    const as = startOf(a.node)
    const bs = startOf(b.node)
    if (as !== bs) return as - bs
    // Outer nodes (longer spans) before the nodes they contain.
    return endOf(b.node) - endOf(a.node) || a.order - b.order
  })
  // The open nodes: each contains the ones after it.
  const open: Positioned[] = []
  const ancestors: unknown[] = [plan]
  for (const { node } of nodes) {
    const s = startOf(node)
    // a node ends where the next one that does not lie inside it begins
    while (open.length > 0 && (endOf(open[open.length - 1]!) <= s || endOf(node) > endOf(open[open.length - 1]!))) {
      const done = open.pop()!
      ancestors.pop()
      if (exit.has(done.type)) visit(`${done.type}:exit`, done, ancestors)
    }
    if (enter.has(node.type)) visit(node.type, node, ancestors)
    open.push(node)
    ancestors.push(node)
  }
  while (open.length > 0) {
    const done = open.pop()!
    ancestors.pop()
    if (exit.has(done.type)) visit(`${done.type}:exit`, done, ancestors)
  }
}

function walkNlcst(root: NlcstRoot, visit: Visit, wants: Wants): void {
  // nlcst types already end in `Node` (`ParagraphNode`): the key is the type itself. Which
  // types are wanted on enter and on exit is decided once, not per node.
  const onEnter = new Set(NLCST_KEYS.filter((k) => wants(k)))
  const onExit = new Map(NLCST_KEYS.filter((k) => wants(`${k}:exit`)).map((k) => [k, `${k}:exit`]))
  // Most of the tree's nodes are words and punctuation; when no rule listens to them the walk
  // does not enter sentences (same events, in the same order, for every listened type).
  const intoSentences = BELOW_SENTENCE.some((k) => onEnter.has(k) || onExit.has(k))
  // Iterative walk (deep trees cannot overflow the stack): `ancestors` holds the open nodes,
  // `next` the index of the child to enter next in each.
  const ancestors: (Positioned & { children?: Positioned[] })[] = []
  const next: number[] = []
  const enter = (node: Positioned & { children?: Positioned[] }): void => {
    if (onEnter.has(node.type)) visit(node.type, node, ancestors)
    ancestors.push(node)
    next.push(0)
  }
  enter(root as unknown as Positioned)
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
    const exit = onExit.size > 0 ? onExit.get(node.type) : undefined
    if (exit !== undefined) visit(exit, node, ancestors)
  }
}
