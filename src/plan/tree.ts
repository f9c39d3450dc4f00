/**
 * The one tree: nlcst with the plan's structure in it. The plan plugin (plugin.ts, with
 * structure.ts) turns the parser's Root → Paragraph → Sentence → Word tree into
 *
 *   RootNode
 *   └ SectionNode          data.role: front | preamble | goals | actions | projects | safeguards | annex | action | project | other
 *     └ ActionNode / ProjectNode   data.item: the plan's ActionNode (plan.actions / plan.projects)
 *       └ TaskNode         data.task: the plan's TaskNode (plan.tasks)
 *         └ ParagraphNode  data.kind: heading | body | responsibility | tableRow | furniture
 *           └ SentenceNode → WordNode / PunctuationNode / SymbolNode / WhiteSpaceNode
 *                            (or, in a run where nothing reads below sentences, one SourceNode
 *                            with the sentence's text: src/lint/tree-depth.ts)
 *
 * A Paragraph is a logical paragraph: lines a conversion broke in mid-sentence are one
 * Paragraph (see logical-paragraphs.ts for when physical lines join). The
 * plan's leaf facts — headings, responsibility statements, unit mentions, targets, citations,
 * 文号, table rows — sit in `data.plan` of the deepest node that contains them (usually a
 * Sentence), in document order, each with its exact position. `plan.tasks`, `plan.units`, …
 * remain read-only indexes over the same objects.
 */
import type { Paragraph, Parent, WhiteSpace } from 'nlcst'
import type { Position } from '../support/position.js'
import type {
  ActionNode,
  AnnexTableRow,
  CitationNode,
  DocNumberNode,
  HeadingNode,
  PlanSection,
  ResponsibilityNode,
  TargetNode,
  TaskNode,
  UnitMention,
} from './types.js'

/** What a Paragraph is in the plan. */
export type ParagraphKind = 'heading' | 'body' | 'responsibility' | 'tableRow' | 'furniture'

/** The plan's facts found inside a node of the tree. */
export type PlanLeaf = HeadingNode | ResponsibilityNode | UnitMention | TargetNode | CitationNode | DocNumberNode | AnnexTableRow | ActionNode | TaskNode

export interface PlanData {
  /** The plan's facts that lie inside this node and inside none of its children. */
  plan?: PlanLeaf[]
}

/** A top-level part of the plan. */
export interface SectionTreeNode extends Parent {
  type: 'SectionNode'
  position: Position
  data: PlanData & { role: PlanSection['role']; section: PlanSection }
  children: Array<ActionTreeNode | ParagraphOrSpace>
}

/** A population action (ActionNode) or a project (ProjectNode). */
export interface ActionTreeNode extends Parent {
  type: 'ActionNode' | 'ProjectNode'
  position: Position
  data: PlanData & { item: ActionNode }
  children: Array<TaskTreeNode | ParagraphOrSpace>
}

/** One numbered task inside an action or project. */
export interface TaskTreeNode extends Parent {
  type: 'TaskNode'
  position: Position
  data: PlanData & { task: TaskNode }
  children: ParagraphOrSpace[]
}

export type ParagraphOrSpace = Paragraph | WhiteSpace

export type StructureNode = SectionTreeNode | ActionTreeNode | TaskTreeNode

declare module 'nlcst' {
  interface RootContentMap {
    section: SectionTreeNode
    action: ActionTreeNode
    task: TaskTreeNode
  }
  interface RootData extends PlanData {}
  interface ParagraphData extends PlanData {
    /** What the paragraph is in the plan (set by the plan plugin). */
    kind?: ParagraphKind
  }
  interface SentenceData extends PlanData {}
  interface WordData extends PlanData {}
}
