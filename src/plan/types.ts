/** The plan tree's node types (unist-shaped; built by src/plan). */
import type { Position } from '../support/position.js'

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

/** A top-level part of the plan: the front matter before the first heading (title, issuing
 * notice), one per top-level heading (role from its title), or the annex. */
export interface PlanSection extends PlanNodeBase {
  type: 'section'
  role: SectionRole | 'front'
  /** The top-level heading it starts with (none for the front matter and the annex). */
  heading?: HeadingNode
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
  /** The top-level sections in document order, covering the whole text. */
  sections: PlanSection[]
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
  | PlanSection
  | ActionNode
  | TaskNode
  | ResponsibilityNode
  | UnitMention
  | TargetNode
  | CitationNode
  | DocNumberNode
  | AnnexTableRow
