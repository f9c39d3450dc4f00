/**
 * What planlint hands every rule besides the kernel's fields: the environment (plan, nlcst
 * tree, preset, config, input adapter's result) and the node types listeners can name. The
 * kernel (src/engine) is generic over both; this module binds them for planlint's rules.
 */
import type {
  Paragraph,
  Punctuation,
  Root as NlcstRootNode,
  Sentence,
  Source,
  Symbol as SymbolNode,
  Text,
  WhiteSpace,
  Word,
} from 'nlcst'
import type { VFile } from 'vfile'
import type { PlanlintConfig } from '../config/types.js'
import type { Rule as KernelRule, RuleContext as KernelRuleContext, RuleVisitors as KernelRuleVisitors } from '../engine/types.js'
import type { SourceText } from '../io/types.js'
import type {
  ActionNode,
  AnnexTableRow,
  CitationNode,
  DocNumberNode,
  HeadingNode,
  PlanSection,
  PlanTree,
  ResponsibilityNode,
  TargetNode,
  TaskNode,
  UnitMention,
} from '../plan/types.js'
import type { Preset } from '../presets/types.js'
import type { ActionTreeNode, SectionTreeNode, TaskTreeNode } from '../plan/tree.js'
import type { Position } from '../support/position.js'

export type NlcstRoot = NlcstRootNode

/** nlcst nodes as planlint's parser makes them: every node has a position with offsets. */
export type Positioned<T> = T & { position: Position }

/** Everything a planlint rule reads besides the text. */
export interface PlanEnv {
  preset: Preset
  plan: PlanTree
  nlcst: NlcstRoot
  config: PlanlintConfig
  /** What the input adapter read, when linting a file: its format, and Word comments and tracked changes (`residue`). */
  source?: SourceText
  /** The VFile planlint's unified processor ran on (what third-party plugins said is in `data.thirdParty`). */
  file?: VFile
}

/** Listener keys and the node each receives: the plan's objects and facts (lower case), then
 * the one tree's node types (`…Node`: the plan's structure nodes and nlcst's). */
export interface PlanNodes {
  plan: PlanTree
  section: PlanSection
  heading: HeadingNode
  action: ActionNode
  project: ActionNode
  task: TaskNode
  responsibility: ResponsibilityNode
  unit: UnitMention
  target: TargetNode
  citation: CitationNode
  docNumber: DocNumberNode
  tableRow: AnnexTableRow
  RootNode: Positioned<NlcstRoot>
  SectionNode: SectionTreeNode
  ActionNode: ActionTreeNode
  ProjectNode: ActionTreeNode
  TaskNode: TaskTreeNode
  ParagraphNode: Positioned<Paragraph>
  SentenceNode: Positioned<Sentence>
  WordNode: Positioned<Word>
  PunctuationNode: Positioned<Punctuation>
  SymbolNode: Positioned<SymbolNode>
  WhiteSpaceNode: Positioned<WhiteSpace>
  SourceNode: Positioned<Source>
  TextNode: Positioned<Text>
}

export type RuleContext<Options = Record<string, unknown>> = KernelRuleContext<Options, PlanEnv>
export type RuleVisitors = KernelRuleVisitors<PlanNodes>
export type Rule<Options = any> = KernelRule<Options, PlanEnv, PlanNodes>

/** Where a built-in rule's doc page lives. */
export function ruleDocsUrl(id: string): string {
  return `https://github.com/planlint/planlint/blob/main/rules/${id}.md`
}

/** Identity helper that types a rule, its options, its context and its listeners. */
export function defineRule<Options = Record<string, unknown>>(rule: Rule<Options>): Rule<Options> {
  return rule
}

/** [start, end) offsets of a node; planlint's parser and plan builder position every node. */
export function span(node: { position?: { start: { offset?: number | undefined }; end: { offset?: number | undefined } } | undefined }): [number, number] {
  const s = node.position?.start.offset
  const e = node.position?.end.offset
  if (s === undefined || e === undefined) throw new Error('节点缺少位置')
  return [s, e]
}
