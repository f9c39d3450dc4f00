/**
 * An appended 任务分工表 (项目 / 要点 / 牵头单位 / 配合单位), as tab-separated rows, matched
 * back to the plan's tasks by title — tolerant of the spaces and noise PDF conversion leaves.
 */
import type { AnnexTableRow, TaskNode, UnitMention } from './types.js'
import type { Line, Locator } from './lines.js'
import { matchMarker } from './markers.js'
import { parseUnitList, type UnitListContext } from './units.js'

interface Cell {
  text: string
  start: number
}

export interface TableEntry {
  row: AnnexTableRow
  number: number
  title: string
  lead: UnitMention[]
  partners: UnitMention[]
  /** Index of the group (a run of rows numbered from 1) the row belongs to. */
  group: number
}

/** Cells of a tab-separated row, or of a markdown row (`| a | b |`, outer pipes dropped). */
function cells(line: Line): Cell[] {
  const out: Cell[] = []
  if (!line.raw.includes('\t') && !line.raw.trimStart().startsWith('|')) {
    // cells separated by runs of spaces (PDF conversion)
    for (const m of line.raw.matchAll(/\S+(?: \S+)*/g)) out.push({ text: m[0], start: line.start + m.index })
    return out
  }
  const markdown = !line.raw.includes('\t')
  const sep = markdown ? '|' : '\t'
  let at = 0
  for (const part of line.raw.split(sep)) {
    out.push({ text: part, start: line.start + at })
    at += part.length + 1
  }
  if (markdown) {
    out.shift()
    out.pop()
  }
  return out
}

export function normTitle(s: string): string {
  return s.replace(/[\s\u3000*]+/g, '').replace(/^[0-9０-９]+[.．、]/, '').replace(/[。．.；;，,：:“”"'‘’]/g, '')
}

export function readTable(lines: Line[], loc: Locator, ctx: UnitListContext): TableEntry[] {
  const entries: TableEntry[] = []
  let titleCol = -1
  let leadCol = -1
  let partnerCol = -1
  let group = -1
  let lastNumber = Number.POSITIVE_INFINITY
  for (const line of lines) {
    if (line.kind !== 'table') continue
    const cs = cells(line)
    const header = cs.findIndex((c) => /牵头/.test(c.text))
    if (header !== -1 && !cs.some((c) => matchMarker(c.text.trim())?.level === 3)) {
      leadCol = header
      titleCol = cs.findIndex((c) => /要点|任务|内容|事项|措施/.test(c.text))
      partnerCol = cs.findIndex((c, k) => k !== header && /配合|责任|参与|协同|协助/.test(c.text))
      continue
    }
    if (cs.every((c) => /^\s*:?-{2,}:?\s*$|^\s*$/.test(c.text))) continue // markdown separator row
    // the task cell: the header's 要点/任务 column, else the first cell opening with `1.`
    const ti = titleCol >= 0 && (cs[titleCol]?.text.trim() ?? '') !== '' ? titleCol : cs.findIndex((c) => matchMarker(c.text.trim())?.level === 3)
    if (ti === -1 || leadCol === ti) continue
    const titleCell = cs[ti]!
    // its number: a `1.` marker in the cell, or a 序号 cell of digits before it
    const number = matchMarker(titleCell.text.trim())?.number ?? Number(cs.slice(0, ti).map((c) => c.text.trim()).find((t) => /^\d{1,3}$/.test(t)) ?? 0)
    const li = leadCol > ti ? leadCol : ti + 1
    const pi = partnerCol > ti ? partnerCol : li + 1
    const row: AnnexTableRow = { type: 'tableRow', cells: cs.map((c) => c.text), position: loc.position(line.start, line.end) }
    if (number > 0 && number <= lastNumber) group++
    if (group < 0) group = 0
    if (number > 0) lastNumber = number
    const unitsOf = (c: Cell | undefined) => (c ? parseUnitList(c.text, c.start, loc, ctx) : [])
    entries.push({
      row,
      number,
      title: normTitle(titleCell.text.trim()),
      lead: unitsOf(cs[li]),
      partners: unitsOf(cs[pi]),
      group,
    })
  }
  return entries
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>()
  for (let i = 0; i + 1 < s.length; i++) {
    const b = s.slice(i, i + 2)
    m.set(b, (m.get(b) ?? 0) + 1)
  }
  return m
}

/** Dice coefficient over character bigrams: 1 for equal strings, 0 for nothing shared. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1
  if (a.length < 2 || b.length < 2) return 0
  const A = bigrams(a)
  const B = bigrams(b)
  let shared = 0
  for (const [k, n] of A) shared += Math.min(n, B.get(k) ?? 0)
  return (2 * shared) / (a.length - 1 + b.length - 1)
}

/**
 * Matches each table entry to a task: by title within the item its group stands for, then by
 * title anywhere, then by number within the item when the titles are close enough.
 */
export function matchTable(entries: TableEntry[], items: TaskNode[][]): Map<TableEntry, TaskNode> {
  const result = new Map<TableEntry, TaskNode>()
  const used = new Set<TaskNode>()
  const all = items.flat()
  for (const e of entries) {
    const expected = items[e.group] ?? []
    const free = (t: TaskNode) => !used.has(t)
    let hit =
      expected.find((t) => free(t) && normTitle(t.title) === e.title) ??
      unique(all.filter((t) => free(t) && normTitle(t.title) === e.title))
    if (!hit) {
      let best: TaskNode | undefined
      let score = 0
      for (const t of expected) {
        if (!free(t)) continue
        const s = similarity(normTitle(t.title), e.title) + (t.heading.number === e.number ? 0.2 : 0)
        if (s > score) {
          score = s
          best = t
        }
      }
      if (best && score >= 0.6) hit = best
    }
    // a row worded shorter or longer than the heading (`高素质农民培育` for `实施高素质农民
    // 培育计划`), anywhere in the plan: the one task whose title contains it, or is contained
    if (!hit && e.title.length >= 4) {
      hit = unique(all.filter((t) => free(t) && (normTitle(t.title).includes(e.title) || e.title.includes(normTitle(t.title)))))
    }
    // rows numbered straight through (1…N across the actions): the task with that number,
    // when the titles agree at least loosely
    if (!hit && e.number > 0) {
      const byNumber = unique(all.filter((t) => free(t) && t.heading.number === e.number))
      if (byNumber && similarity(normTitle(byNumber.title), e.title) >= 0.3) hit = byNumber
    }
    if (hit) {
      result.set(e, hit)
      used.add(hit)
    }
  }
  return result
}

function unique<T>(xs: T[]): T | undefined {
  return xs.length === 1 ? xs[0] : undefined
}
