/**
 * The plan plugin's second half: puts the structure buildPlan found into the nlcst tree the
 * parser made (see tree.ts for the shape). Three named steps over the tree, each linear in its
 * size (plus a binary search per plan fact):
 *
 * 1. `nestContainers`: the Root's paragraphs (and the white space between them) move into
 *    SectionNode › ActionNode/ProjectNode › TaskNode containers by where they start. A
 *    container starts at the paragraph holding its heading and ends where the plan says
 *    its text ends; one that cannot nest (two tasks on one line) is left out of the tree
 *    and its plan object is kept as a fact of the node around it instead.
 * 2. `markParagraphs`: each Paragraph's `data.kind`; then lines a conversion broke in
 *    mid-sentence join into one logical paragraph (logical-paragraphs.ts).
 * 3. `attachFacts`: each plan fact goes into `data.plan` of the deepest node holding it.
 */
import type { Paragraph, Parent, Root, RootContent, Sentence, WhiteSpace } from 'nlcst'
import type { Point, Position } from '../support/position.js'
import { lastAtOrBefore } from '../text/arrays.js'
import { classifyLine, linesOf, type Line } from './lines.js'
import { joinBrokenLines } from './logical-paragraphs.js'
import type { ActionTreeNode, ParagraphKind, PlanLeaf, SectionTreeNode, StructureNode, TaskTreeNode } from './tree.js'
import type { ActionNode, PlanTree, ResponsibilityNode, TaskNode } from './types.js'

type Node = { type: string; position?: Position | undefined; children?: Node[]; data?: { plan?: PlanLeaf[] } }

type Spanned = { position?: { start: { offset?: number | undefined }; end: { offset?: number | undefined } } | undefined }
const startOf = (n: Spanned): number => n.position?.start.offset ?? 0
const endOf = (n: Spanned): number => n.position?.end.offset ?? 0

/** Puts `plan`'s structure into `tree` (the parser's tree of `text`); returns the tree. */
export function structureTree(tree: Root, plan: PlanTree, text: string, lines: readonly Line[] = linesOf(tree, text)): Root {
  const skipped = nestContainers(tree, plan)
  markParagraphs(tree, plan, text, lines)
  joinBrokenLines(tree as unknown as Parameters<typeof joinBrokenLines>[0], plan, text)
  attachFacts(tree, plan, skipped)
  return tree
}

interface Container {
  node: StructureNode
  /** Offset of the paragraph holding the container's start, and the plan's end. */
  from: number
  to: number
  rank: number
  /** What the plan knows the container as. */
  object: PlanLeaf | undefined
}

/** Step 1. Returns the plan objects of containers that could not nest. */
function nestContainers(tree: Root, plan: PlanTree): PlanLeaf[] {
  const children = tree.children as Array<Paragraph | WhiteSpace>
  const containers: Container[] = []
  // the start of the child holding `offset` (children are in order and touch)
  const alignedStart = (offset: number): number => (children.length > 0 ? startOf(children[lastAtOrBefore(children, offset, startOf)]!) : offset)
  const add = (node: StructureNode, object: PlanLeaf | undefined, start: number, end: number, rank: number): void => {
    containers.push({ node, from: alignedStart(start), to: end, rank, object })
  }
  for (const s of plan.sections) {
    const node: SectionTreeNode = { type: 'SectionNode', position: s.position, data: { role: s.role, section: s }, children: [] }
    add(node, undefined, startOf(s), endOf(s), 0)
  }
  const item = (a: ActionNode): void => {
    const node: ActionTreeNode = { type: a.type === 'project' ? 'ProjectNode' : 'ActionNode', position: a.position, data: { item: a }, children: [] }
    add(node, a, startOf(a), endOf(a), 1)
    for (const t of a.tasks) task(t)
  }
  const task = (t: TaskNode): void => {
    const node: TaskTreeNode = { type: 'TaskNode', position: t.position, data: { task: t }, children: [] }
    add(node, t, startOf(t), endOf(t), 2)
  }
  plan.actions.forEach(item)
  plan.projects.forEach(item)
  // tasks the caller's plan lists outside any action
  const placed = new Set(containers.map((c) => c.object))
  for (const t of plan.tasks) if (!placed.has(t)) task(t)
  containers.sort((a, b) => a.from - b.from || b.to - a.to || a.rank - b.rank)

  const skipped: PlanLeaf[] = []
  const skip = (c: Container): void => {
    if (c.object) skipped.push(c.object)
  }
  const root = { node: tree as unknown as Node, from: 0, to: Number.POSITIVE_INFINITY }
  const open: { node: Node; from: number; to: number }[] = [root]
  const out: RootContent[] = []
  const append = (parent: Node, child: Node): void => {
    if (parent === root.node) out.push(child as RootContent)
    else parent.children!.push(child)
  }
  let k = 0
  for (const child of children) {
    const cs = startOf(child)
    while (open.length > 1 && cs >= open[open.length - 1]!.to) open.pop()
    while (k < containers.length && containers[k]!.from <= cs) {
      const c = containers[k++]!
      if (c.to <= c.from || c.from < cs) {
        skip(c) // empty, or its start paragraph already went elsewhere
        continue
      }
      while (open.length > 1 && c.from >= open[open.length - 1]!.to) open.pop()
      const top = open[open.length - 1]!
      if (c.to > top.to) {
        skip(c)
        continue
      }
      append(top.node, c.node as unknown as Node)
      open.push({ node: c.node as unknown as Node, from: c.from, to: c.to })
    }
    append(open[open.length - 1]!.node, child as unknown as Node)
  }
  while (k < containers.length) skip(containers[k++]!)
  tree.children = out
  for (const c of containers) fitPosition(c.node as unknown as Node)
  return skipped
}

/** A container spans exactly its children (the first one's start to the last one's end). */
function fitPosition(node: Node): void {
  const kids = node.children ?? []
  if (kids.length === 0) return
  for (const k of kids) if (k.type === 'SectionNode' || k.type === 'ActionNode' || k.type === 'ProjectNode' || k.type === 'TaskNode') fitPosition(k)
  const start: Point = kids[0]!.position!.start
  const end: Point = kids[kids.length - 1]!.position!.end
  node.position = { start, end }
}

/** Step 2: heading (holds a heading of the outline), tableRow, furniture (a page number
 * between dashes), responsibility (nothing but a responsibility statement), else body. */
function markParagraphs(tree: Root, plan: PlanTree, text: string, lines: readonly Line[]): void {
  const headings = plan.headings
  const rows = plan.tableRows
  const statements = plan.responsibilities.filter((r) => r.convention !== 'table')
  let h = 0
  let t = 0
  let s = 0
  let l = 0
  const alone = new Map<ResponsibilityNode, boolean>()
  forEachParagraph(tree as unknown as Node, (p) => {
    const ps = startOf(p)
    const pe = endOf(p)
    while (h < headings.length && endOf(headings[h]!) <= ps) h++
    while (t < rows.length && endOf(rows[t]!) <= ps) t++
    while (s < statements.length && endOf(statements[s]!) <= ps) s++
    let kind: ParagraphKind = 'body'
    let end = pe
    if (text.charCodeAt(end - 1) === 13) end--
    // a paragraph is a whole physical line (src/parse), so the builder's line for it already
    // says what the line is; classified here only if the two ever disagree on the span
    while (l < lines.length && lines[l]!.start < ps) l++
    const read = lines[l]
    const line = read !== undefined && read.start === ps && read.end === end ? read : classifyLine(text.slice(ps, end), ps, end, 0)
    if (line.kind === 'furniture') kind = 'furniture'
    else if (line.kind === 'table' || (t < rows.length && startOf(rows[t]!) < pe)) kind = 'tableRow'
    else if (h < headings.length && startOf(headings[h]!) < pe) kind = 'heading'
    else if (s < statements.length && onlyStatement(text, line.contentStart, line.contentEnd, statements[s]!, alone)) kind = 'responsibility'
    p.data = { ...p.data, kind }
  })
}

const BEFORE_STATEMENT = /^[\s*（(〔【\[]*$/
const AFTER_STATEMENT = /^[\s*）)〕】\]。；;.]*$/

/** Nothing in [from, to) but a statement standing on lines of its own — all of it, or the part
 * of it on this line (`牵头单位：…` and the `责任单位：…` line under it, a bracket broken over two
 * lines) — with brackets, bold marks and closing punctuation around it. A statement that begins
 * or ends in a line's text leaves every line it runs over body. `alone` keeps, per statement,
 * whether its first line holds nothing before it and its last line nothing after it (each
 * statement's lines are scanned once however many lines it runs over). */
function onlyStatement(text: string, from: number, to: number, r: ResponsibilityNode, alone: Map<ResponsibilityNode, boolean>): boolean {
  const rs = startOf(r)
  const re = endOf(r)
  if (rs >= to) return false // it begins on a later line
  if (rs >= from && re <= to) return BEFORE_STATEMENT.test(text.slice(from, rs)) && AFTER_STATEMENT.test(text.slice(re, to))
  let ok = alone.get(r)
  if (ok === undefined) {
    const lineEnd = text.indexOf('\n', re)
    ok = BEFORE_STATEMENT.test(text.slice(text.lastIndexOf('\n', rs - 1) + 1, rs)) && AFTER_STATEMENT.test(text.slice(re, lineEnd === -1 ? text.length : lineEnd))
    alone.set(r, ok)
  }
  return ok
}

function forEachParagraph(node: Node, fn: (p: Paragraph) => void): void {
  for (const c of node.children ?? []) {
    if (c.type === 'ParagraphNode') fn(c as unknown as Paragraph)
    else if (c.children && c.type !== 'SentenceNode') forEachParagraph(c, fn)
  }
}

/** Step 3: every plan fact, once, in `data.plan` of the deepest node (down to a Sentence)
 * holding its whole range; facts of one node in document order, outer before inner. */
function attachFacts(tree: Root, plan: PlanTree, skipped: PlanLeaf[]): void {
  const seen = new Set<unknown>()
  const facts: PlanLeaf[] = []
  const lists: PlanLeaf[][] = [plan.headings, plan.responsibilities, plan.units, plan.targets, plan.citations, plan.docNumbers, plan.tableRows, skipped]
  for (const list of lists) {
    for (const f of list) {
      if (seen.has(f)) continue
      seen.add(f)
      facts.push(f)
    }
  }
  // each holder's few facts are put in order, not all of the plan's (a thousand and more)
  const holders: PlanLeaf[][] = []
  for (const f of facts) {
    const holder = deepestHolding(tree as unknown as Node, startOf(f), endOf(f))
    const data = (holder.data ??= {})
    if (!data.plan) holders.push((data.plan = []))
    data.plan.push(f)
  }
  for (const held of holders) if (held.length > 1) held.sort((a, b) => startOf(a) - startOf(b) || endOf(b) - endOf(a))
}

function deepestHolding(root: Node, s: number, e: number): Node {
  let node = root
  for (;;) {
    if (node.type === 'SentenceNode') return node
    const kids = node.children
    if (!kids || kids.length === 0) return node
    const c = kids[lastAtOrBefore(kids, s, startOf)]!
    if (!c.children || startOf(c) > s || endOf(c) < e || (endOf(c) === s && e > s)) return node
    node = c
  }
}

export type { Sentence, Parent }
