/**
 * The plan builder: from the parser's nlcst tree (its lines) and the text to the plan tree
 * rules read — outline with roles, actions and projects with their tasks, who leads each
 * task, targets, unit mentions, citations and 文号. `planlint explain` prints this tree.
 */
import type { NlcstRoot } from '../parse/index.js'
import type { ActionNode, AnnexTableRow, CitationNode, DocNumberNode, JurisdictionInfo, HeadingNode, PlanSection, PlanTree, ResponsibilityNode, SectionRole, TaskNode, UnitMention } from './types.js'
import { findCitations, findDocNumbers } from './citations.js'
import { linesOf, Locator, type Line } from './lines.js'
import { parseText } from '../parse/index.js'
import { readMeta } from './meta.js'
import { findBlocks, nest, type Block } from './outline.js'
import { findItems, stripVerb, type Items } from './items.js'
import { resolveLead, statementsIn } from './assign.js'
import { firstListedLeads, sectionLeads } from './section-leads.js'
import { toNode } from './responsibilities.js'
import { matchTable, normTitle, readTable } from './table.js'
import { findTargets } from './targets.js'
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

/** What the builder's steps share: the text read once into lines, outline and front matter. */
interface Reading {
  text: string
  loc: Locator
  lines: Line[]
  /** Index of the annex's first line (`lines.length` when there is none). */
  annexLine: number
  /** Offset where the annex starts (the text's length when there is none). */
  annexStart: number
  blocks: Block[]
  roots: Block[]
  items: Items
  /** Index of the first heading's line before the annex. */
  firstHeadingLine: number
  docNumbers: DocNumberNode[]
  meta: ReturnType<typeof readMeta>
  units: UnitListContext
}

/**
 * Builds the plan's read-only indexes from the text and its parser tree, in named steps: read
 * the outline (from the tree's lines) and the front matter, make the actions and projects with
 * their tasks and statements, match the appended 任务分工表, resolve who leads each task, then
 * targets and citations. Without a tree (or with one that already carries a plan's structure)
 * the text is parsed first. The plan plugin puts the structure found into the tree (structure.ts).
 */
export function buildPlan(text: string, nlcst?: NlcstRoot): PlanTree {
  return readPlan(text, nlcst).plan
}

/** buildPlan, also handing back the classified lines it read (the plan plugin's structure step
 * marks paragraphs with them instead of classifying every line again). */
export function readPlan(text: string, nlcst?: NlcstRoot): { plan: PlanTree; lines: readonly Line[] } {
  const tree = nlcst && isParserTree(nlcst) ? nlcst : parseText(text)
  const r = readOutline(text, tree)
  const actions = r.items.actions.map((b) => makeItem(r, b, 'action'))
  const projects = r.items.projects.map((b) => makeItem(r, b, 'project'))
  const ordered = [...actions, ...projects].sort((a, b) => a.position.start.offset - b.position.start.offset)
  const tableRows = assignTableRows(r, ordered)
  // leads stated once for a whole section (以上五项行动分别由…牵头)
  sectionLeads(text, actions, r.loc, r.units)
  sectionLeads(text, projects, r.loc, r.units)
  const responsibilities = resolveLeads(text, ordered)
  const sections = sectionsOf(r)
  const targets = findTargets(text, r.loc, sections.filter((s) => s.heading || s.role === 'annex').map((s) => ({ start: s.position.start.offset, end: s.position.end.offset, role: s.role as SectionRole })), r.meta.period)
  const citations = findCitations(text, r.loc, r.docNumbers)
  if (r.meta.jurisdiction) placeJurisdiction(r.meta.jurisdiction, citations, r.firstHeadingLine < r.lines.length ? r.lines[r.firstHeadingLine]!.start : text.length)
  return { plan: assemble(r, { actions, projects, ordered, tableRows, responsibilities, sections, targets, citations }), lines: r.lines }
}

/** A tree as the parser makes it: paragraphs and the white space between them under the root. */
function isParserTree(tree: NlcstRoot): boolean {
  return tree.children.every((c) => c.type === 'ParagraphNode' || c.type === 'WhiteSpaceNode')
}

/** Step 1: lines, annex, headings nested by level with their roles, front matter (title,
 * jurisdiction, period, date, 文号). */
function readOutline(text: string, tree: NlcstRoot): Reading {
  const loc = new Locator(text)
  const lines = linesOf(tree, text)
  const annexLine = findAnnexStart(lines, text)
  const blocks = findBlocks(lines, text, loc, annexLine)
  const roots = nest(blocks)
  const items = findItems(roots)
  const firstHeadingLine = blocks.find((b) => !b.inAnnex)?.firstLine ?? lines.length
  const docNumbers = findDocNumbers(text, loc)
  const meta = readMeta(text, lines, loc, firstHeadingLine, docNumbers)
  const annexStart = annexLine < lines.length ? lines[annexLine]!.start : text.length
  const units: UnitListContext = { placeNames: placeNamesOf(meta.jurisdiction?.parts ?? []) }
  return { text, loc, lines, annexLine, annexStart, blocks, roots, items, firstHeadingLine, docNumbers, meta, units }
}

/** Where a block's text ends: at the next heading of its level or above, or at the annex. */
function extentEnd(r: Reading, b: Block): number {
  const i = r.blocks.indexOf(b)
  for (let k = i + 1; k < r.blocks.length; k++) {
    const n = r.blocks[k]!
    if (n.inAnnex || n.heading.level <= b.heading.level) return r.lines[n.firstLine]!.start
  }
  return r.annexStart
}

/** Step 2: an action or project with its tasks; the responsibility statements in its own
 * text (before its first task) are the block's, those in a task's text the task's — except
 * a labelled statement standing alone after the last task when no task has its own. */
function makeItem(r: Reading, b: Block, type: 'action' | 'project'): ActionNode {
  const { text, lines, loc, units } = r
  const tasks: TaskNode[] = b.children.map((t) => ({
    type: 'task',
    heading: t.heading,
    title: t.heading.title,
    lead: [],
    partners: [],
    responsibilities: [],
    position: loc.position(t.heading.position.start.offset, extentEnd(r, t)),
  }))
  const item: ActionNode = {
    type,
    heading: b.heading,
    name: stripVerb(b.heading.title),
    tasks,
    responsibilities: [],
    position: loc.position(b.heading.position.start.offset, extentEnd(r, b)),
  }
  const ownEnd = b.children[0] ? lines[b.children[0].firstLine]!.start : extentEnd(r, b)
  for (const s of statementsIn(text, lines, b.heading.titlePosition.end.offset, ownEnd, loc, units)) {
    item.responsibilities.push(toNode(s.parsed, s.start, s.end, loc, s.ownLine ? 'own-line' : 'block'))
  }
  const perTask = b.children.map((t, k) => statementsIn(text, lines, t.heading.titlePosition.end.offset, tasks[k]!.position.end.offset, loc, units))
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

/** Step 3: the appended 任务分工表 — a row matched to a task by its title is the task's; a row
 * naming an action or project (`科普基础设施工程`) covers its tasks. Returns the table's rows. */
function assignTableRows(r: Reading, ordered: ActionNode[]): AnnexTableRow[] {
  const entries = readTable(r.lines, r.loc, r.units)
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
  for (const entry of entries) {
    if (matched.has(entry) || entry.lead.length === 0) continue
    const item = ordered.find((i) => normTitle(i.name) === entry.title || (entry.title.length >= 4 && normTitle(i.name).includes(entry.title)))
    if (!item) continue
    const node = fromRow(entry)
    if (item.tasks.length === 0) item.responsibilities.push({ ...node, convention: 'table' })
    for (const task of item.tasks) if (!task.responsibilities.some((x) => x.convention === 'table')) task.responsibilities.push(node)
  }
  return entries.map((e) => e.row)
}

/** Step 4: each task's lead (its own statement, the table, its block's), then 排在第一位的为
 * 牵头单位 (the first unit of each list leads). Returns every statement in document order. */
function resolveLeads(text: string, ordered: ActionNode[]): ResponsibilityNode[] {
  const responsibilities: ResponsibilityNode[] = []
  for (const item of ordered) {
    pushAll(responsibilities, item.responsibilities)
    const blockLead = item.responsibilities.find((x) => x.lead.length > 0)
    const blockResponsible = item.responsibilities.find((x) => x.responsibleOnly)
    for (const task of item.tasks) {
      pushAll(responsibilities, task.responsibilities)
      resolveLead(task, blockLead, blockResponsible)
    }
  }
  responsibilities.sort((a, b) => a.position.start.offset - b.position.start.offset)
  firstListedLeads(text, ordered.flatMap((i) => i.tasks))
  return responsibilities
}

/** Step 5: the top-level sections — the front matter before the first heading (title, issuing
 * notice), one per top-level heading up to the next, and the annex. */
function sectionsOf(r: Reading): PlanSection[] {
  const sections: PlanSection[] = []
  const { lines, loc, roots } = r
  const firstStart = roots[0] ? lines[roots[0].firstLine]!.start : r.annexStart
  if (firstStart > 0) sections.push({ type: 'section', role: 'front', position: loc.position(0, firstStart) })
  roots.forEach((b, k) => {
    const start = lines[b.firstLine]!.start
    const next = roots[k + 1]
    const end = next ? lines[next.firstLine]!.start : r.annexStart
    sections.push({ type: 'section', role: b.heading.role, heading: b.heading, position: loc.position(start, end) })
  })
  if (r.annexLine < lines.length) sections.push({ type: 'section', role: 'annex', position: loc.position(r.annexStart, r.text.length) })
  return sections
}

/** Step 6: the plan's indexes. */
function assemble(
  r: Reading,
  found: Pick<PlanTree, 'actions' | 'projects' | 'tableRows' | 'responsibilities' | 'sections' | 'targets' | 'citations'> & { ordered: ActionNode[] },
): PlanTree {
  const { meta, items } = r
  const tree: PlanTree = {
    type: 'plan',
    position: r.loc.position(0, r.text.length),
    draft: meta.draft,
    outline: r.roots.map((b) => b.heading),
    headings: r.blocks.filter((b) => !b.inAnnex).map((b) => b.heading),
    sections: found.sections,
    actions: found.actions,
    projects: found.projects,
    tasks: found.ordered.flatMap((i) => i.tasks),
    responsibilities: found.responsibilities,
    targets: found.targets,
    units: dedupeUnits(found.responsibilities.flatMap((x) => [...x.lead, ...x.partners])),
    citations: found.citations,
    docNumbers: r.docNumbers,
    tableRows: found.tableRows,
  }
  if (meta.title) tree.title = meta.title
  if (meta.jurisdiction) tree.jurisdiction = meta.jurisdiction
  if (meta.period) tree.period = meta.period
  if (meta.date) tree.date = meta.date
  if (meta.docNumber) tree.docNumber = meta.docNumber
  const actionsHeading = items.actionsContainer?.heading ?? found.actions[0]?.heading
  const projectsHeading = items.projectsContainer?.heading ?? found.projects[0]?.heading
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
