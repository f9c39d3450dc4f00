/**
 * Which task or block a responsibility statement belongs to, and who leads each task.
 * A statement inside a task's text is the task's; one before the first task of an action,
 * or standing alone after its last task when no task has its own, is the block's.
 */
import type { ResponsibilityNode, TaskNode, UnitMention } from './types.js'
import type { Line, Locator } from './lines.js'
import { compact, findGroups, parseStatement, unitsOnly, type ParsedStatement } from './responsibilities.js'
import type { UnitListContext } from './units.js'
import { pushAll } from '../text/arrays.js'
import { HAN_CLASS, RESPONSIBILITY_LABEL, SENTENCE_ENDS } from '../lexicon/index.js'

const BY_LEAD = new RegExp(`^由[${HAN_CLASS}、，,\\s]{3,}?牵头`)
/** A label after the end of a sentence on the same line: `…。牵头单位：`. */
const MID_LABEL = new RegExp(`([${SENTENCE_ENDS}])\\s*((?:${RESPONSIBILITY_LABEL})[：:])`)
const OWN_LINE_LABEL = new RegExp(`^(?:${RESPONSIBILITY_LABEL})[：:]`)

export interface Found {
  parsed: ParsedStatement
  start: number
  end: number
  /** The statement is a paragraph of its own. */
  standalone: boolean
  ownLine: boolean
  /** The statement comes after some body text of the task. */
  afterBody: boolean
}

const NON_BLANK = /[^\s*]/g

/** Some text other than white space and markdown `*` stands in [from, to). */
function hasText(text: string, from: number, to: number): boolean {
  NON_BLANK.lastIndex = from
  const m = NON_BLANK.exec(text)
  return m !== null && m.index < to
}

const NOT_CLOSING = /[^\s*。；;]/g

/** Nothing but white space and closing punctuation in [from, to). */
function onlyClosing(text: string, from: number, to: number): boolean {
  NOT_CLOSING.lastIndex = from
  const m = NOT_CLOSING.exec(text)
  return m === null || m.index >= to
}

/** Index of the first line starting at or after `offset` (lines are in order). */
function firstLineFrom(lines: Line[], offset: number): number {
  let lo = 0
  let hi = lines.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (lines[mid]!.start < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * The responsibility statements in [from, to) of the text, in order: bracketed ones
 * (`（牵头单位：…）`, `〔…〕`, a bracket of unit names), those on a paragraph of their own or
 * after the body without brackets (`牵头单位：…`, `由…牵头`), and, when none names anyone, a
 * last sentence that says who carries the text (`县教育局牵头，…配合。`).
 */
export function statementsIn(text: string, lines: Line[], from: number, to: number, loc: Locator, ctx: UnitListContext): Found[] {
  if (to <= from) return []
  const out = bracketedStatements(text, from, to, loc, ctx)
  lineStatements(out, text, lines, from, to, loc, ctx)
  if (!out.some((f) => f.parsed.lead.length > 0 || f.parsed.responsibleOnly)) {
    const last = lastSentenceStatement(text, from, to, loc, ctx)
    if (last) out.push(last)
  }
  return out.sort((a, b) => a.start - b.start)
}

/** Statements in brackets: `（牵头单位：…；责任单位：…）`, `〔…〕`, `（X、Y按职责分工负责）`, and a
 * bracket of unit names right after the title or closing the text. */
function bracketedStatements(text: string, from: number, to: number, loc: Locator, ctx: UnitListContext): Found[] {
  const out: Found[] = []
  for (const g of findGroups(text, from, to)) {
    const c = compact(text, g.start + 1, g.end - 1)
    let parsed = parseStatement(c, loc, ctx, true)
    // a bracket holding only units, right after the title (`1.弘扬科学精神（县教育局）`) or
    // closing the task's text: the units lead
    if (!parsed && (g.start - from <= 1 || onlyClosing(text, g.end, to))) {
      const units = unitsOnly(c, loc, ctx)
      if (units) parsed = { convention: 'inline', lead: units, partners: [] }
    }
    if (!parsed) continue
    const lineStart = text.lastIndexOf('\n', g.start - 1) + 1
    const before = text.slice(lineStart, g.start).replace(/[\s*\-]|\[bookmark:[^\]]*\]/g, '')
    const lineEnd = text.indexOf('\n', g.end)
    const after = text.slice(g.end, lineEnd === -1 ? text.length : lineEnd).replace(/[\s*。]/g, '')
    out.push({ parsed, start: g.start, end: g.end, standalone: before === '' && after === '', ownLine: false, afterBody: hasText(text, from, g.start) })
  }
  return out
}

/** Statements without brackets, line by line (from the line holding `from`: a task's own
 * heading line may carry its statement): `由…牵头…。` as a sentence of its own, `牵头单位：…` on
 * a paragraph of its own (a following `责任单位：` line joins it), `…正文。牵头单位：…` after the text. */
function lineStatements(out: Found[], text: string, lines: Line[], from: number, to: number, loc: Locator, ctx: UnitListContext): void {
  let k0 = firstLineFrom(lines, from)
  if (k0 > 0 && lines[k0 - 1]!.end >= from) k0--
  for (let k = k0; k < lines.length && lines[k]!.start < to; k++) {
    const line = lines[k]!
    if (line.kind !== 'text') continue
    const content = text.slice(line.contentStart, line.contentEnd)
    const whole = line.contentStart >= from
    // `由县教育局、县科协牵头，团县委等单位配合实施。` as a sentence of its own
    if (whole && BY_LEAD.test(content)) {
      const core = content.replace(/(?:实施|完成|落实)?[。；;]?$/, '')
      const parsed = parseStatement(compact(text, line.contentStart, line.contentStart + core.length), loc, ctx, true)
      if (parsed && parsed.lead.length > 0) {
        out.push({ parsed, start: line.contentStart, end: line.contentEnd, standalone: true, ownLine: true, afterBody: hasText(text, from, line.start) })
      }
      continue
    }
    // `…正文。牵头单位：县教育局；责任单位：县科协。` after the text, without brackets
    if (!whole || !OWN_LINE_LABEL.test(content)) {
      const mid = MID_LABEL.exec(content)
      if (mid && line.contentStart + mid.index >= from && !out.some((f) => f.start <= line.contentStart + mid.index + 1 && f.end > line.contentStart + mid.index + 1)) {
        const at = line.contentStart + mid.index + mid[0].length - mid[2]!.length
        const parsed = parseStatement(compact(text, at, line.contentEnd), loc, ctx, false)
        if (parsed) out.push({ parsed, start: at, end: line.contentEnd, standalone: false, ownLine: false, afterBody: true })
      }
      continue
    }
    // a following 责任单位： line belongs to the same statement
    const parsed = parseStatement(compact(text, line.contentStart, line.contentEnd), loc, ctx, false)
    if (!parsed) continue
    const bodyBefore = hasText(text, from, line.start)
    const prev = out.find((f) => f.ownLine && f.end >= line.start - 2 && text.slice(f.end, line.start).trim() === '')
    if (prev && parsed.lead.length === 0) {
      pushAll(prev.parsed.partners, parsed.partners)
      prev.end = line.contentEnd
      continue
    }
    out.push({ parsed, start: line.contentStart, end: line.contentEnd, standalone: true, ownLine: true, afterBody: bodyBefore })
  }
}

/** `…开展活动。县教育局牵头，县科协、团县委配合。` / `…县教育局负责。`: the last sentence of the
 * text names who carries it, without brackets. */
function lastSentenceStatement(text: string, from: number, to: number, loc: Locator, ctx: UnitListContext): Found | undefined {
  const last = lastSentence(text, from, to)
  if (!last || !/牵头|负责/.test(text.slice(last[0], last[1]))) return undefined
  const parsed = parseStatement(compact(text, last[0], last[1]), loc, ctx, true)
  if (!parsed || !(parsed.lead.length > 0 || parsed.responsibleOnly)) return undefined
  return { parsed, start: last[0], end: last[1], standalone: false, ownLine: false, afterBody: hasText(text, from, last[0]) }
}

/** Offsets of the last sentence in [from, to) without its closing 。 (undefined if none). */
function lastSentence(text: string, from: number, to: number): [number, number] | undefined {
  let e = to
  while (e > from && (/\s/.test(text[e - 1]!) || SENTENCE_ENDS.includes(text[e - 1]!))) e--
  if (e <= from) return undefined
  let s = e
  while (s > from && text[s - 1] !== '\n' && !SENTENCE_ENDS.includes(text[s - 1]!)) s--
  while (s < e && /\s/.test(text[s]!)) s++
  return s < e ? [s, e] : undefined
}


/** Lead of a task: its own statement, else the 分工表, else its block, else the responsible
 * units (责任单位, 按职责分工负责) with no lead named. */
export function resolveLead(task: TaskNode, blockLead: ResponsibilityNode | undefined, blockResponsible: ResponsibilityNode | undefined): void {
  const own = task.responsibilities.find((r) => r.lead.length > 0 && r.convention !== 'table')
  const table = task.responsibilities.find((r) => r.convention === 'table' && r.lead.length > 0)
  const responsible = task.responsibilities.find((r) => r.responsibleOnly) ?? blockResponsible
  const pick = own ?? table ?? blockLead
  if (pick) {
    task.lead = pick.lead
    task.leadSource = pick.convention
  } else if (responsible) {
    // 责任单位 / 按职责分工负责 with no 牵头单位 named: those units carry the task
    task.lead = responsible.partners
    task.leadSource = responsible.convention
    task.leadFromResponsible = true
  }
  const taskPartners = task.responsibilities.flatMap((r) => r.partners)
  const partners = pick && pick === blockLead ? pushAll(blockLead.partners.slice(), taskPartners) : taskPartners
  task.partners = dedupeByName(partners.filter((u) => !task.lead.some((l) => l.name === u.name)))
}

function dedupeByName(units: UnitMention[]): UnitMention[] {
  const seen = new Set<string>()
  return units.filter((u) => (seen.has(u.name) ? false : (seen.add(u.name), true)))
}

