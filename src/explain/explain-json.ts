/**
 * The stable JSON shape of a plan tree, as `planlint explain --format json` prints it and
 * as the editor and the review page consume it. Documented in docs/explain-json.md; bump
 * `version` on any change that is not purely additive.
 */
import type { ActionNode, CitationNode, HeadingNode, PlanTree, ResponsibilityConvention, ResponsibilityNode, TargetNode, TaskNode, UnitMention } from '../plan/types.js'
import type { Preset } from '../presets/types.js'
import type { Position, UserLocation } from '../support/position.js'

export const EXPLAIN_JSON_VERSION = 1

export interface ExplainPlace {
  line: number
  column: number
  paragraph?: number
  page?: number
}

export interface ExplainUnit {
  text: string
  name: string
  vague: boolean
}

export interface ExplainHeading {
  level: number
  marker: string
  number: number
  style: string
  title: string
  role: string
  position: ExplainPlace
  children: ExplainHeading[]
}

export interface ExplainResponsibility {
  convention: ResponsibilityConvention
  lead: ExplainUnit[]
  partners: ExplainUnit[]
  position: ExplainPlace
}

export interface ExplainTask {
  marker: string
  number: number
  title: string
  lead: ExplainUnit[]
  partners: ExplainUnit[]
  leadSource: ResponsibilityConvention | null
  position: ExplainPlace
}

export interface ExplainAction {
  name: string
  marker: string
  number: number
  title: string
  position: ExplainPlace
  responsibilities: ExplainResponsibility[]
  tasks: ExplainTask[]
}

export interface ExplainTarget {
  year: number
  text: string
  indicator: string | null
  value: number | null
  valueUnit: string | null
  comparator: string | null
  quantified: boolean
  vague: string[]
  inGoals: boolean
  position: ExplainPlace
}

export interface ExplainCitation {
  title: string
  docNumber: string | null
  position: ExplainPlace
}

export interface ExplainJSON {
  version: number
  title: string | null
  jurisdiction: { name: string; parts: string[]; level: string | null; suffix: string | null } | null
  period: { start: number; end: number } | null
  draft: boolean
  date: string | null
  docNumber: string | null
  preset: { id: string; title: string; chain: string[]; reason?: string } | null
  tasks: {
    total: number
    withLead: number
    withoutLead: number
    bySource: Record<ResponsibilityConvention, number>
  }
  outline: ExplainHeading[]
  actions: ExplainAction[]
  projects: ExplainAction[]
  targets: ExplainTarget[]
  citations: ExplainCitation[]
}

type Locate = (offset: number) => UserLocation

function placeOf(position: Position | undefined, locate?: Locate): ExplainPlace {
  if (!position) return { line: 0, column: 0 }
  if (!locate) return { line: position.start.line, column: position.start.column }
  const loc = locate(position.start.offset)
  const out: ExplainPlace = { line: loc.line, column: loc.column }
  if (loc.paragraph !== undefined) out.paragraph = loc.paragraph
  if (loc.page !== undefined) out.page = loc.page
  return out
}

const unit = (u: UnitMention): ExplainUnit => ({ text: u.text, name: u.name, vague: u.vague })

/**
 * Serialises a plan tree for `explain --format json`. Positions shrink to `{line, column}`
 * (plus `paragraph`/`page` when `locate` maps to a Word or PDF place); absent values are
 * `null`, so every key is always there.
 */
export function planToJSON(plan: PlanTree, preset?: Pick<Preset, 'id' | 'title' | 'chain'> & { reason?: string }, locate?: Locate): ExplainJSON {
  const at = (p: Position | undefined) => placeOf(p, locate)
  const heading = (h: HeadingNode): ExplainHeading => ({
    level: h.level,
    marker: h.marker,
    number: h.number,
    style: h.style,
    title: h.title,
    role: h.role,
    position: at(h.position),
    children: h.children.map(heading),
  })
  const responsibility = (r: ResponsibilityNode): ExplainResponsibility => ({
    convention: r.convention,
    lead: r.lead.map(unit),
    partners: r.partners.map(unit),
    position: at(r.position),
  })
  const task = (t: TaskNode): ExplainTask => ({
    marker: t.heading.marker,
    number: t.heading.number,
    title: t.title,
    lead: t.lead.map(unit),
    partners: t.partners.map(unit),
    leadSource: t.leadSource ?? null,
    position: at(t.position),
  })
  const action = (a: ActionNode): ExplainAction => ({
    name: a.name,
    marker: a.heading.marker,
    number: a.heading.number,
    title: a.heading.title,
    position: at(a.position),
    responsibilities: a.responsibilities.map(responsibility),
    tasks: a.tasks.map(task),
  })
  const target = (t: TargetNode): ExplainTarget => ({
    year: t.year,
    text: t.text,
    indicator: t.indicator ?? null,
    value: t.value ?? null,
    valueUnit: t.valueUnit ?? null,
    comparator: t.comparator ?? null,
    quantified: t.quantified,
    vague: [...t.vague],
    inGoals: t.inGoals,
    position: at(t.position),
  })
  const citation = (c: CitationNode): ExplainCitation => ({
    title: c.title,
    docNumber: c.docNumber?.text ?? null,
    position: at(c.position),
  })
  const bySource: Record<ResponsibilityConvention, number> = { inline: 0, block: 0, trailing: 0, 'own-line': 0, table: 0 }
  let withLead = 0
  for (const t of plan.tasks) {
    if (t.lead.length > 0) withLead++
    if (t.leadSource) bySource[t.leadSource]++
  }
  const j = plan.jurisdiction
  return {
    version: EXPLAIN_JSON_VERSION,
    title: plan.title?.text ?? null,
    jurisdiction: j ? { name: j.name, parts: [...j.parts], level: j.level ?? null, suffix: j.suffix ?? null } : null,
    period: plan.period ? { start: plan.period.start, end: plan.period.end } : null,
    draft: plan.draft,
    date: plan.date ?? null,
    docNumber: plan.docNumber?.text ?? null,
    preset: preset ? { id: preset.id, title: preset.title, chain: [...preset.chain], ...(preset.reason ? { reason: preset.reason } : {}) } : null,
    tasks: { total: plan.tasks.length, withLead, withoutLead: plan.tasks.length - withLead, bySource },
    outline: plan.outline.map(heading),
    actions: plan.actions.map(action),
    projects: plan.projects.map(action),
    targets: plan.targets.map(target),
    citations: plan.citations.map(citation),
  }
}
