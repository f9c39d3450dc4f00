/**
 * Two lead conventions stated once for many tasks:
 * - one statement of leads for all the actions (or projects) of a section, usually at its end:
 *   `以上五项提升行动分别由市教育局、市农业农村局、…牵头` — the k-th unit leads the k-th item
 *   (only when the counts agree); `以上行动由市科协牵头` — one unit leads them all;
 * - a note `排在第一位的为牵头单位`: in every list of units only the first leads, the others
 *   are partners.
 */
import type { ActionNode, ResponsibilityNode, TaskNode } from './types.js'
import type { Locator } from './lines.js'
import { compact, unitsOnly } from './responsibilities.js'
import type { UnitListContext } from './units.js'

const SECTION_STATEMENT = /(?:以上|上述)[^。；;\n]{0,16}?(?:行动|工程|任务)[^。；;\n]{0,8}?(分别)?由([^。；;\n]{3,300}?)牵头/g
const FIRST_LEADS = /(?:排在?第一位?|排名第一|列第一位|第一个)的?(?:单位|部门)?(?:为|是)牵头(?:单位|部门)/

/** Block leads for the items of one section from a statement inside it. */
export function sectionLeads(text: string, items: ActionNode[], loc: Locator, ctx: UnitListContext): void {
  if (items.length === 0) return
  const from = items[0]!.position.start.offset
  const to = items[items.length - 1]!.position.end.offset
  SECTION_STATEMENT.lastIndex = 0
  const slice = text.slice(from, to)
  for (const m of slice.matchAll(SECTION_STATEMENT)) {
    const listStart = from + m.index + m[0].length - m[2]!.length - 2
    const units = unitsOnly(compact(text, listStart, listStart + m[2]!.length), loc, ctx)
    if (!units) continue
    const each = m[1] !== undefined
    if (each && units.length !== items.length) continue
    const position = loc.position(from + m.index, from + m.index + m[0].length)
    items.forEach((item, k) => {
      const hasLead = item.responsibilities.some((r) => r.lead.length > 0) || item.tasks.some((t) => t.responsibilities.some((r) => r.lead.length > 0))
      if (hasLead) return
      const node: ResponsibilityNode = { type: 'responsibility', convention: 'block', lead: each ? [units[k]!] : units, partners: [], position }
      item.responsibilities.push(node)
    })
  }
}

/** With the note 排在第一位的为牵头单位, only the first unit of a task's leads leads. */
export function firstListedLeads(text: string, tasks: TaskNode[]): void {
  if (!FIRST_LEADS.test(text)) return
  for (const t of tasks) {
    if (t.lead.length <= 1 || t.leadSource === 'table') continue
    t.partners = [...t.lead.slice(1), ...t.partners.filter((p) => !t.lead.some((l) => l.name === p.name))]
    t.lead = [t.lead[0]!]
  }
}
