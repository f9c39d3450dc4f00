/**
 * Shared types of planlint. Every module imports from here so that the parser, the plan
 * builder, the engine, the presets and the surfaces agree on one shape.
 *
 * Offsets are UTF-16 code-unit offsets into the text the input adapter produced
 * (`SourceText.text`); lines and columns are 1-based, columns count code points the way an
 * editor shows them (a Han character is one column).
 */
import type { Root as NlcstRoot } from 'nlcst'

export type { NlcstRoot }

// ---------------------------------------------------------------------------------------
// Positions
// ---------------------------------------------------------------------------------------

/** A unist point: 1-based line and column plus the 0-based offset. */
export interface Point {
  line: number
  column: number
  offset: number
}

/** A unist position. */
export interface Position {
  start: Point
  end: Point
}

/** Where the user sees an offset: line/column always; paragraph/page for Word and PDF. */
export interface UserLocation {
  line: number
  column: number
  /** 1-based paragraph index in a Word document. */
  paragraph?: number
  /** 1-based page in a PDF. */
  page?: number
}

/** What an input adapter returns: the text to lint and how to map offsets back. */
export interface SourceText {
  /** Plain text; line ends are normalised to `\n`. */
  text: string
  /** Path as given by the user, or `<stdin>`. */
  filePath: string
  format: 'txt' | 'md' | 'docx' | 'doc' | 'pdf'
  /** Encoding that was detected or forced, e.g. `utf-8`, `gb18030`, `utf-16le`. */
  encoding?: string
  /** Maps an offset in `text` to where the user sees it. */
  locate(offset: number): UserLocation
  /**
   * What a Word document holds besides its text and must not be lost silently: comments
   * (批注) and tracked changes not yet accepted or rejected. `offset` is where in `text`
   * it sits; `text` is the comment's or the change's own text. Read by `draft-residue`.
   */
  residue?: SourceResidue[]
}

export interface SourceResidue {
  kind: 'comment' | 'insertion' | 'deletion'
  offset: number
  /** For a comment on a span of text: where the span ends (its start is `offset`). */
  end?: number
  text: string
  /** Who wrote it, when the document says. */
  author?: string
}

// ---------------------------------------------------------------------------------------
// Plan tree (unist-shaped; built by src/plan from the nlcst tree)
// ---------------------------------------------------------------------------------------

export interface PlanNodeBase {
  type: string
  position: Position
}

/** Numbering styles of outline markers, after GB/T 9704: 一、 › （一） › 1. › （1）. */
export type MarkerStyle =
  | 'part' // 第一部分 / 第一章 (level 0, above 一、)
  | 'cn-dun' // 一、
  | 'cn-paren' // （一） or (一)
  | 'arabic-dot' // 1. or 1．
  | 'arabic-dun' // 1、
  | 'arabic-paren' // （1） or (1)
  | 'markdown' // # heading with no number

export type SectionRole =
  | 'preamble' // 前言
  | 'goals' // 总体要求 / 指导思想 / 原则 / 目标
  | 'actions' // 提升行动 (the container of the population actions)
  | 'projects' // 重点工程 (the container of the projects)
  | 'safeguards' // 组织实施 / 保障措施
  | 'annex' // 附件 / 任务分工表
  | 'action' // one population action
  | 'project' // one project
  | 'task' // one numbered task inside an action or project
  | 'other'

export interface HeadingNode extends PlanNodeBase {
  type: 'heading'
  /** 0 = 第一部分, 1 = 一、, 2 = （一）, 3 = 1. / 1、, 4 = （1）. */
  level: number
  style: MarkerStyle
  /** The marker as written, e.g. `（一）`, `1．`, `(二)`. Empty for markdown headings. */
  marker: string
  /** The number the marker stands for (一 → 1), or 0 when there is none. */
  number: number
  /** Heading text without marker, markdown decoration and trailing 。. */
  title: string
  role: SectionRole
  /** Offsets of the marker itself. */
  markerPosition?: Position
  /** Offsets of the title text. */
  titlePosition: Position
  /** True when the heading line carries body text after its title (`**1. 标题。**正文…`). */
  runIn: boolean
  children: HeadingNode[]
}

/** A unit (department) as written, with its normalised full name. */
export interface UnitMention extends PlanNodeBase {
  type: 'unit'
  /** Exactly as written, e.g. `科学技术局`. */
  text: string
  /** Normalised full name with the elided prefix restored, e.g. `市科学技术局`. */
  name: string
  /** The level prefix (区/县/市/团区委-style handled as part of name), or '' if none. */
  prefix: string
  /** True for names that name no one in particular: 各成员单位, 有关部门, 各街道… */
  vague: boolean
}

export type ResponsibilityConvention =
  | 'inline' // （牵头单位：…；责任单位：…） or 〔…〕 right after a task
  | 'block' // once per action or project: （牵头部门：…）
  | 'trailing' // （X、Y按职责分工负责）
  | 'own-line' // 牵头单位：市教育局、科学技术局、科协 on a line of its own
  | 'table' // a row of an appended 任务分工表

export interface ResponsibilityNode extends PlanNodeBase {
  type: 'responsibility'
  convention: ResponsibilityConvention
  lead: UnitMention[]
  partners: UnitMention[]
  /** True when the statement names responsible units (责任单位, 按职责分工负责) but no lead:
   * the units then stand in for the lead. */
  responsibleOnly?: boolean
}

export interface TaskNode extends PlanNodeBase {
  type: 'task'
  heading: HeadingNode
  title: string
  /** Resolved lead units (may come from the task, its block, or the 分工表). */
  lead: UnitMention[]
  partners: UnitMention[]
  /** Where the lead came from; undefined when no lead was found. */
  leadSource?: ResponsibilityConvention
  /** True when no 牵头单位 is named and the responsible units (责任单位, 按职责分工负责)
   * stand in for the lead. */
  leadFromResponsible?: boolean
  responsibilities: ResponsibilityNode[]
}

export interface ActionNode extends PlanNodeBase {
  type: 'action' | 'project'
  heading: HeadingNode
  /** Heading title without leading 实施 and trailing 。, e.g. `青少年科学素质提升行动`. */
  name: string
  tasks: TaskNode[]
  /** Block-level responsibilities (once per action). */
  responsibilities: ResponsibilityNode[]
}

export interface TargetNode extends PlanNodeBase {
  type: 'target'
  year: number
  /** The clause that states the target. */
  text: string
  /** The indicator when recognised, e.g. `公民具备科学素质的比例`. */
  indicator?: string
  /** Numeric value when the clause has one, e.g. 17 for `达到17%`. */
  value?: number
  /** `%`, `个`, `家`, … */
  valueUnit?: string
  comparator?: '>' | '>=' | '=' | '<' | '<='
  /** True when the clause carries a number, count or an absolute (全覆盖). */
  quantified: boolean
  /** The vague measure words found (一批, 明显, …) when not quantified. */
  vague: string[]
  /** True when the target sits in a goals section. */
  inGoals: boolean
  /** Role of the top-level section the target sits in. */
  sectionRole: SectionRole
  /** The sentence split at ，；: each clause with its own measure. */
  clauses: TargetClause[]
}

export interface TargetClause {
  text: string
  position: Position
  quantified: boolean
  vague: string[]
  indicator?: string
  value?: number
  valueUnit?: string
  comparator?: '>' | '>=' | '=' | '<' | '<='
}

export interface DocNumberNode extends PlanNodeBase {
  type: 'docNumber'
  text: string
  /** 机关代字, e.g. `国发`. */
  agency: string
  year: number
  serial: number
  /** The brackets around the year as written, e.g. `〔〕`, `[]`, `（）`. */
  brackets: string
}

export interface CitationNode extends PlanNodeBase {
  type: 'citation'
  /** Text between 《 and 》. */
  title: string
  /** The 文号 written right after the citation, if any. */
  docNumber?: DocNumberNode
}

export interface AnnexTableRow extends PlanNodeBase {
  type: 'tableRow'
  cells: string[]
}

export interface JurisdictionInfo {
  /** As written in the title, e.g. `南昌市青云谱区`, `乐平市`. */
  name: string
  /** Names from the top down, e.g. [`南昌市`, `青云谱区`]. */
  parts: string[]
  level?: 'province' | 'city' | 'county' | 'town'
  /** The short self-reference suffix: 区, 县, 市, 旗, 镇, 乡. */
  suffix?: string
  /** Where GB/T 2260 places it, when the name is unambiguous. */
  division?: { code: string; province: string; city?: string; county?: string }
}

export interface PlanTree extends PlanNodeBase {
  type: 'plan'
  /** Document title (the 实施方案 title line(s) joined), if found. */
  title?: { text: string; position: Position }
  jurisdiction?: JurisdictionInfo
  /** Plan period as written in the title, e.g. { start: 2021, end: 2025 }. */
  period?: { start: number; end: number }
  /** Issue date if the document states one (印发 date), ISO `YYYY-MM-DD`. */
  date?: string
  /** The document's own 文号, if it carries one. */
  docNumber?: DocNumberNode
  /** True when the document says it is a draft (征求意见稿). */
  draft: boolean
  /** Top-level headings with nested children. */
  outline: HeadingNode[]
  /** All headings in document order. */
  headings: HeadingNode[]
  actions: ActionNode[]
  projects: ActionNode[]
  tasks: TaskNode[]
  responsibilities: ResponsibilityNode[]
  targets: TargetNode[]
  units: UnitMention[]
  citations: CitationNode[]
  docNumbers: DocNumberNode[]
  /** Heading of the actions container (二、提升行动), if any. */
  actionsHeading?: HeadingNode
  projectsHeading?: HeadingNode
  /** Rows of an appended 任务分工表. */
  tableRows: AnnexTableRow[]
}

export type PlanNode =
  | PlanTree
  | HeadingNode
  | ActionNode
  | TaskNode
  | ResponsibilityNode
  | UnitMention
  | TargetNode
  | CitationNode
  | DocNumberNode
  | AnnexTableRow

// ---------------------------------------------------------------------------------------
// Presets
// ---------------------------------------------------------------------------------------

/** `verified` facts may raise errors; anything weaker at most a warning. */
export type Confidence = 'verified' | 'corpus' | 'memory' | 'inferred'

export interface PresetDocument {
  id: string
  title: string
  shortTitle?: string
  aliases?: string[]
  docNumber?: string
  issuer?: string
  date?: string
  period?: string
  level?: string
  status?: 'current' | 'superseded' | 'expired'
  supersededBy?: string
  confidence: Confidence
  source?: string[]
}

export interface PresetNamedItem {
  /** Stable id, e.g. `farmers`. */
  id: string
  /** Name as the upper plan writes it, e.g. `农民科学素质提升行动`. */
  name: string
  /** The key word(s) a heading must contain, e.g. [`农民`, `乡村居民`, `新型职业农民`]. */
  aliases: string[]
  confidence: Confidence
  /** Id of the document (upper plan) the item comes from (filled in by the loader). */
  from?: string
}

export interface PresetTarget {
  year: number
  indicator: string
  /** Other wordings of the indicator a plan may use. */
  aliases?: string[]
  /** Wording in the upper plan, e.g. `超过15%`. */
  value?: string
  comparator?: '>' | '>=' | '=' | '<' | '<='
  pct?: number
  headline?: boolean
  confidence: Confidence
  /** Id of the preset the target comes from (filled in by the loader). */
  from?: string
}

export interface UnitRename {
  old: string[]
  new: string[]
  reform: string
  since: string
  severity: 'error' | 'warning'
  /** True when one new name is certain, so an autofix is safe. */
  unambiguous?: boolean
  levels?: string[]
  guards?: string[]
  note?: string
  confidence: string
}

export interface UnitDictionary {
  prefixes: string[]
  renames: UnitRename[]
  /** Groups of names for the same unit; the first is preferred. */
  aliases: string[][]
  /** Names that look outdated but are current. */
  keep: string[]
}

export interface Preset {
  id: string
  title: string
  /** ids from the root (national) down to this preset. */
  chain: string[]
  jurisdiction?: { name: string; level: 'national' | 'province' | 'city' | 'county'; parent?: string }
  /** The document this preset encodes (the upper plan). */
  document?: PresetDocument
  documents: PresetDocument[]
  populations: PresetNamedItem[]
  projects: PresetNamedItem[]
  targets: PresetTarget[]
  units: UnitDictionary
  /** Which documents the preset's family checks apply to: a plan whose title has none of
   * these words (a 科普日 activity plan, a 营商环境 plan) is not checked for the family's
   * actions, projects and targets. */
  scope?: { titleKeywords: string[] }
  /** Rule settings carried by the preset. */
  rules: Record<string, RuleSetting>
  /** Path of the file it was loaded from. */
  filePath?: string
}

// ---------------------------------------------------------------------------------------
// Config
// ---------------------------------------------------------------------------------------

export type SeverityName = 'off' | 'warn' | 'error'
export type Severity = 0 | 1 | 2
export type RuleSetting = SeverityName | Severity | [SeverityName | Severity, ...unknown[]]

/**
 * A finding the reviewers accepted, written in the config with its reason. The first form is
 * population-actions' own (an action the plan does not set up); the second works for any
 * rule: the findings of `rule` whose flagged text contains `text`, or whose sentence
 * contains `sentence` (white space ignored), or every finding of the rule when neither is given.
 */
export type Exemption = PopulationExemption | RuleExemption

export interface PopulationExemption {
  population: string
  reason: string
}

export interface RuleExemption {
  rule: string
  text?: string
  sentence?: string
  reason: string
}

/** How inline directives are themselves checked (ESLint's `linterOptions`). */
export interface LinterOptions {
  /** A disable directive or Word comment that suppressed nothing (default `warn`). */
  reportUnusedDisableDirectives?: SeverityName
  /** A disable directive or Word comment without a reason (default `warn`). */
  requireDisableReason?: SeverityName
}

export interface PlanlintConfig {
  /** Bundled preset id, path, or package name. */
  preset?: string
  rules?: Record<string, RuleSetting>
  ignores?: string[]
  plugins?: string[]
  exemptions?: Exemption[]
  linterOptions?: LinterOptions
  /** ISO date the plan is judged at (renames after it are ignored). */
  asOf?: string
  /** `draft` or `final`; `final` makes 征求意见稿 a finding. */
  status?: 'draft' | 'final'
  /** File the config was loaded from. */
  filePath?: string
}

// ---------------------------------------------------------------------------------------
// Rules and messages
// ---------------------------------------------------------------------------------------

export interface Fix {
  /** [start, end) offsets into the linted text. */
  range: [number, number]
  text: string
}

export interface Suggestion {
  desc: string
  fix: Fix
}

/** Another place of a grouped finding: where the preferred spelling is written, where the
 * first copy of a repeat is. Editors show these beside the finding (LSP `relatedInformation`). */
export interface RelatedPlace {
  /** [start, end) offsets into the linted text. */
  range: [number, number]
  message: string
}

export interface LintMessage {
  ruleId: string | null
  messageId?: string
  /** 1 = warning, 2 = error. */
  severity: 1 | 2
  message: string
  line: number
  column: number
  endLine: number
  endColumn: number
  /** Offsets of the finding in the linted text. */
  range: [number, number]
  fix?: Fix
  suggestions?: Suggestion[]
  /** True for a message that stopped a rule or the run. */
  fatal?: boolean
  /** Where the user sees it in Word/PDF. */
  location?: { paragraph?: number; page?: number }
  /** What the text should say instead, for reporters that show it; `expectedFrom` says whose
   * wording it is (an upper plan's, a standard's, or the document's own majority spelling). */
  expected?: string
  expectedFrom?: ExpectedSource
  actual?: string
  url?: string
  /** The other places of a grouped finding. */
  related?: RelatedPlace[]
  /** The same problem at several places: how many, and every place (the first included). */
  count?: number
  places?: RelatedLocation[]
}

/** Whose wording `expected` is: an upper plan's, a standard's (GB/T, 公文 rules), or the
 * document's own majority spelling. */
export type ExpectedSource = 'upper-plan' | 'standard' | 'document'

/** One place of a grouped finding. */
export interface RelatedLocation {
  line: number
  column: number
  endLine: number
  endColumn: number
  range: [number, number]
  location?: { paragraph?: number; page?: number }
  fix?: Fix
  suggestions?: Suggestion[]
}

export interface LintResult {
  filePath: string
  messages: LintMessage[]
  errorCount: number
  warningCount: number
  fatalErrorCount: number
  fixableErrorCount: number
  fixableWarningCount: number
  /** The fixed text, when fixing was requested and something changed. */
  output?: string
  /** The text that was linted (kept for reporters that quote it). */
  source?: string
  /** Id of the preset used, and how it was chosen. */
  preset?: { id: string; reason: string }
  /** Findings a directive, a Word comment, the config or the bulk-suppressions file
   * suppressed, each with why (ESLint's `suppressedMessages`). Not counted above. */
  suppressedMessages?: SuppressedMessage[]
}

/** Where a suppression was written: an inline directive, a Word comment (批注), the
 * config's `exemptions`, or the bulk-suppressions file. */
export type SuppressionKind = 'directive' | 'wordComment' | 'config' | 'bulk'

export interface Suppression {
  kind: SuppressionKind
  /** The reason written with it ('' when none was given). */
  justification: string
}

export interface SuppressedMessage extends LintMessage {
  suppressions: Suppression[]
}

export type RuleType = 'problem' | 'suggestion' | 'layout'

export interface RuleMeta {
  id: string
  type: RuleType
  /** Default severity when the rule is enabled without one. */
  severity: 'error' | 'warn'
  docs: {
    description: { zh: string; en: string }
    url: string
    /** Whether the rule is on in the default config. */
    recommended?: boolean
  }
  fixable?: false | 'code'
  hasSuggestions?: boolean
  /** JSON Schema of the options object (the second item of `[severity, options]`). */
  schema: Record<string, unknown>
  defaultOptions?: Record<string, unknown>
  /** messageId → zh-CN template with {{placeholders}}. */
  messages: Record<string, string>
}

export interface ReportDescriptor {
  messageId: string
  data?: Record<string, string | number>
  /** A plan or nlcst node whose position is the finding's place. */
  node?: { position?: Position }
  /** Or explicit offsets. */
  range?: [number, number]
  fix?: Fix | null
  suggest?: { desc: string; fix: Fix }[]
  /** Overrides the rule's severity for this one message (e.g. a fact known only from memory). */
  severity?: 'error' | 'warn'
  expected?: string
  /** Whose wording `expected` is (default: none said). */
  expectedFrom?: ExpectedSource
  actual?: string
  /** The other places of a grouped finding (at most 20 are kept). */
  related?: RelatedPlace[]
}

export interface RuleContext<Options = Record<string, unknown>> {
  id: string
  options: Options
  /** The severity the rule runs at. */
  severity: 'error' | 'warn'
  preset: Preset
  plan: PlanTree
  nlcst: NlcstRoot
  text: string
  filePath: string
  config: PlanlintConfig
  /** What the input adapter read, when linting a file: its format, and Word comments and tracked changes (`residue`). */
  source?: SourceText
  report(descriptor: ReportDescriptor): void
  /** Text of a node or range. */
  getText(nodeOrRange: { position?: Position } | [number, number]): string
}

/** Visitor keys: plan node types (`plan`, `heading`, `action`, `project`, `task`,
 * `responsibility`, `unit`, `target`, `citation`, `docNumber`, `tableRow`), nlcst node
 * types (`ParagraphNode`, `SentenceNode`, `WordNode`, `PunctuationNode`, `SymbolNode`,
 * `WhiteSpaceNode`), and `plan:exit` after everything else. */
export type RuleVisitors = {
  [key: string]: ((node: any) => void) | undefined
}

export interface Rule<Options = any> {
  meta: RuleMeta
  create(context: RuleContext<Options>): RuleVisitors
}
