/**
 * The plan builder: from text (and, when the caller has it, the nlcst tree) to the plan tree
 * rules read — outline with roles, actions and projects with their tasks, who leads each
 * task, targets, unit mentions, citations and 文号. `planlint explain` prints this tree.
 */
import type { NlcstRoot } from '../parse/index.js'
import type { ActionNode, CitationNode, JurisdictionInfo, HeadingNode, PlanTree, ResponsibilityNode, SectionRole, TaskNode, UnitMention } from './types.js'
import { findCitations, findDocNumbers } from './citations.js'
import { splitLines, Locator, type Line } from './lines.js'
import { readMeta } from './meta.js'
import { classify, findBlocks, nest, stripVerb, type Block } from './outline.js'
import { resolveLead, statementsIn } from './assign.js'
import { firstListedLeads, sectionLeads } from './section-leads.js'
import { toNode } from './responsibilities.js'
import { matchTable, normTitle, readTable } from './table.js'
import { findTargets, type Region } from './targets.js'
import type { UnitListContext } from './units.js'
import { placeParts } from './meta.js'
import { placeDivision } from './places.js'
import { pushAll } from '../text/arrays.js'

export { chineseNumber, matchMarker } from './markers.js'
export { placeParts, jurisdictionFrom } from './meta.js'
export { placeDivision, divisionsNamed, type Division } from './places.js'
export { parseUnitList, isUnitName, unitPrefix } from './units.js'
export { Locator } from './lines.js'
export { placeNamesOf } from '../lexicon/index.js'
import { placeNamesOf } from '../lexicon/index.js'

const ANNEX_TITLE = /(任务分工|分工表|任务清单|责任分工|重点任务分解)/

/** Builds the plan tree. `nlcst` is accepted for callers that parsed already; the builder
 * reads lines and offsets itself, so it gives identical results without it. */
export function buildPlan(text: string, _nlcst?: NlcstRoot): PlanTree {
  const loc = new Locator(text)
  const lines = splitLines(text)
  const annexLine = findAnnexStart(lines, text)
  const blocks = findBlocks(lines, text, loc, annexLine)
  const roots = nest(blocks)
  const items = classify(roots)
  const headings = blocks.filter((b) => !b.inAnnex).map((b) => b.heading)
  const firstHeadingLine = blocks.find((b) => !b.inAnnex)?.firstLine ?? lines.length
  const docNumbers = findDocNumbers(text, loc)
  const meta = readMeta(text, lines, loc, firstHeadingLine, docNumbers)
  const ctx: UnitListContext = { placeNames: placeNamesOf(meta.jurisdiction?.parts ?? []) }

  const extentEnd = (b: Block) => {
    const i = blocks.indexOf(b)
    for (let k = i + 1; k < blocks.length; k++) {
      const n = blocks[k]!
      if (n.inAnnex || n.heading.level <= b.heading.level) return lines[n.firstLine]!.start
    }
    return annexLine < lines.length ? lines[annexLine]!.start : text.length
  }

  const responsibilities: ResponsibilityNode[] = []
  const makeItem = (b: Block, type: 'action' | 'project'): ActionNode => {
    const tasks: TaskNode[] = b.children.map((t) => ({
      type: 'task',
      heading: t.heading,
      title: t.heading.title,
      lead: [],
      partners: [],
      responsibilities: [],
      position: loc.position(t.heading.position.start.offset, extentEnd(t)),
    }))
    const item: ActionNode = {
      type,
      heading: b.heading,
      name: stripVerb(b.heading.title),
      tasks,
      responsibilities: [],
      position: loc.position(b.heading.position.start.offset, extentEnd(b)),
    }
    // statements in the item's own text, before its first task: block level
    const ownEnd = b.children[0] ? lines[b.children[0].firstLine]!.start : extentEnd(b)
    for (const s of statementsIn(text, lines, b.heading.titlePosition.end.offset, ownEnd, loc, ctx)) {
      item.responsibilities.push(toNode(s.parsed, s.start, s.end, loc, s.ownLine ? 'own-line' : 'block'))
    }
    const perTask = b.children.map((t, k) =>
      statementsIn(text, lines, t.heading.titlePosition.end.offset, tasks[k]!.position.end.offset, loc, ctx),
    )
    perTask.forEach((found, k) => {
      const isLast = k === perTask.length - 1
      const othersHaveOwn = perTask.some((f, j) => j !== k && f.length > 0)
      for (const s of found) {
        const labelled = s.parsed.lead.length > 0 || (s.parsed.responsibleOnly === true && s.parsed.convention === 'inline')
        if (isLast && !othersHaveOwn && s.standalone && labelled && s.afterBody) {
          item.responsibilities.push(toNode(s.parsed, s.start, s.end, loc, s.ownLine ? 'own-line' : 'block'))
        } else {
          tasks[k]!.responsibilities.push(toNode(s.parsed, s.start, s.end, loc, s.ownLine ? 'own-line' : s.parsed.convention))
        }
      }
    })
    return item
  }

  const actions = items.actions.map((b) => makeItem(b, 'action'))
  const projects = items.projects.map((b) => makeItem(b, 'project'))
  const ordered = [...actions, ...projects].sort((a, b) => a.position.start.offset - b.position.start.offset)

  // the appended 任务分工表
  const entries = readTable(lines, loc, ctx)
  const tableRows = entries.map((e) => e.row)
  const matched = matchTable(
    entries,
    ordered.map((i) => i.tasks),
  )
  const fromRow = (entry: (typeof entries)[number]): ResponsibilityNode => ({
    type: 'responsibility',
    convention: 'table',
    lead: entry.lead,
    partners: entry.partners,
    position: entry.row.position,
  })
  for (const [entry, task] of matched) task.responsibilities.push(fromRow(entry))
  // a row that names an action or project (`科普基础设施工程`) covers its tasks
  for (const entry of entries) {
    if (matched.has(entry) || entry.lead.length === 0) continue
    const item = ordered.find((i) => normTitle(i.name) === entry.title || (entry.title.length >= 4 && normTitle(i.name).includes(entry.title)))
    if (!item) continue
    const node = fromRow(entry)
    if (item.tasks.length === 0) item.responsibilities.push({ ...node, convention: 'table' })
    for (const task of item.tasks) if (!task.responsibilities.some((r) => r.convention === 'table')) task.responsibilities.push(node)
  }

  // leads stated once for a whole section (以上五项行动分别由…牵头)
  sectionLeads(text, actions, loc, ctx)
  sectionLeads(text, projects, loc, ctx)
  for (const item of ordered) {
    pushAll(responsibilities, item.responsibilities)
    const blockLead = item.responsibilities.find((r) => r.lead.length > 0)
    const blockResponsible = item.responsibilities.find((r) => r.responsibleOnly)
    for (const task of item.tasks) {
      pushAll(responsibilities, task.responsibilities)
      resolveLead(task, blockLead, blockResponsible)
    }
  }
  responsibilities.sort((a, b) => a.position.start.offset - b.position.start.offset)
  // 排在第一位的为牵头单位: the first unit of each list leads
  firstListedLeads(text, ordered.flatMap((i) => i.tasks))

  const units = dedupeUnits(responsibilities.flatMap((r) => [...r.lead, ...r.partners]))
  const regions = topRegions(roots, lines, text.length, annexLine)
  const targets = findTargets(text, loc, regions, meta.period)
  const citations = findCitations(text, loc, docNumbers)
  if (meta.jurisdiction) placeJurisdiction(meta.jurisdiction, citations, firstHeadingLine < lines.length ? lines[firstHeadingLine]!.start : text.length)

  const tree: PlanTree = {
    type: 'plan',
    position: loc.position(0, text.length),
    draft: meta.draft,
    outline: roots.map((r) => r.heading),
    headings,
    actions,
    projects,
    tasks: ordered.flatMap((i) => i.tasks),
    responsibilities,
    targets,
    units,
    citations,
    docNumbers,
    tableRows,
  }
  if (meta.title) tree.title = meta.title
  if (meta.jurisdiction) tree.jurisdiction = meta.jurisdiction
  if (meta.period) tree.period = meta.period
  if (meta.date) tree.date = meta.date
  if (meta.docNumber) tree.docNumber = meta.docNumber
  const actionsHeading = items.actionsContainer?.heading ?? actions[0]?.heading
  const projectsHeading = items.projectsContainer?.heading ?? projects[0]?.heading
  if (actionsHeading) tree.actionsHeading = actionsHeading
  if (projectsHeading) tree.projectsHeading = projectsHeading
  return tree
}

function findAnnexStart(lines: Line[], text: string): number {
  let seenTop = false
  for (const line of lines) {
    if (line.kind !== 'text') continue
    const c = text.slice(line.contentStart, line.contentEnd).replace(/\s+/g, '')
    if (/^[一二三四五六七八九十]+、/.test(c)) seenTop = true
    if (!seenTop) continue
    if (/^附件[0-9一二三四五六七八九十]*[:：]?$/.test(c)) return line.index
    if (c.length <= 60 && ANNEX_TITLE.test(c) && !/[。；;]/.test(c) && !/^[一二三四五六七八九十]+、|^[（(][一二三四五六七八九十]+[）)]|^\d+[.．、]/.test(c)) return line.index
  }
  return lines.length
}

function topRegions(roots: Block[], lines: Line[], textLength: number, annexLine: number): Region[] {
  const regions: Region[] = []
  roots.forEach((r, k) => {
    const start = lines[r.firstLine]!.start
    const next = roots[k + 1]
    const end = next ? lines[next.firstLine]!.start : annexLine < lines.length ? lines[annexLine]!.start : textLength
    regions.push({ start, end, role: r.heading.role as SectionRole })
  })
  if (annexLine < lines.length) regions.push({ start: lines[annexLine]!.start, end: textLength, role: 'annex' })
  return regions
}

/** Level and GB/T 2260 placement of the jurisdiction; the upper plans cited before the
 * first heading (江西省…, 景德镇市…) disambiguate names that occur twice. */
function placeJurisdiction(j: JurisdictionInfo, citations: CitationNode[], frontEnd: number): void {
  const hints = citations
    .filter((c) => c.position.start.offset < frontEnd)
    .flatMap((c) => placeParts(c.title.replace(/^.*?关于印发[〈<《]?/, '')))
  // a town (镇/乡/街道) is placed by the county above it, and stays a town
  const town = j.level === 'town'
  const d = placeDivision(town ? j.parts.slice(0, -1) : j.parts, hints)
  if (!d) return
  j.division = { code: d.code, province: d.province, ...(d.city ? { city: d.city } : {}), ...(d.county ? { county: d.county } : {}) }
  if (!town) j.level = d.level
}

function dedupeUnits(units: UnitMention[]): UnitMention[] {
  const seen = new Set<number>()
  const out: UnitMention[] = []
  for (const u of units.sort((a, b) => a.position.start.offset - b.position.start.offset)) {
    if (seen.has(u.position.start.offset)) continue
    seen.add(u.position.start.offset)
    out.push(u)
  }
  return out
}

export type { HeadingNode }
