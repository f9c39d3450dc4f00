/**
 * Responsibility statements in every convention plans use:
 *   inline    （牵头单位：A；责任单位：B、C） or 〔牵头单位：A，责任单位：B〕 after a task
 *   block     （牵头部门：A、B） once per action or project
 *   trailing  （A、B按职责分工负责）
 *   own-line  牵头单位：市教育局、科学技术局、科协   (a paragraph of its own, no brackets)
 * Where a statement applies (task or block) is decided by the caller from where it sits.
 */
import type { ResponsibilityConvention, ResponsibilityNode, UnitMention } from './types.js'
import type { Locator } from './lines.js'
import { leadMarked, parseUnitList, type UnitListContext } from './units.js'
import { pushAll } from '../text/arrays.js'
import { isLeadLabel, isResponsibleLabel, RESPONSIBILITY_LABEL } from '../lexicon/index.js'
import { withoutTrailing } from '../text/trim.js'

/** Text with white space and page furniture removed, and a map back to offsets. */
export interface Compact {
  text: string
  /** Offset in the source of each character of `text`. */
  map: number[]
}

const FURNITURE_INLINE = /[—–－-]{1,2}\s*\*{0,2}\s*\d{1,4}\s*\*{0,2}\s*[—–－-]{1,2}\**/g

export function compact(source: string, from: number, to: number): Compact {
  const slice = source.slice(from, to)
  const skip = new Uint8Array(slice.length)
  // page furniture inside a group broken across pages
  for (const m of slice.matchAll(FURNITURE_INLINE)) {
    const before = slice.lastIndexOf('\n', m.index)
    const after = slice.indexOf('\n', m.index + m[0].length)
    const lineText = slice.slice(before + 1, after === -1 ? slice.length : after)
    if (lineText.trim() === m[0].trim()) for (let k = 0; k < m[0].length; k++) skip[m.index + k] = 1
  }
  let text = ''
  const map: number[] = []
  for (let k = 0; k < slice.length; k++) {
    const ch = slice[k]!
    if (skip[k] || ch === '\n' || ch === '\r' || ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '*') {
      // a space between two unit names (`县科技局 县科协`) separates them; a space inside a
      // name broken by conversion (`区卫生健康 局`) does not
      if ((ch === ' ' || ch === '\u3000' || ch === '\t') && UNIT_LAST.includes(text.at(-1) ?? '') && text.at(-1) !== '、') {
        let n = k
        while (n < slice.length && (slice[n] === ' ' || slice[n] === '\u3000' || slice[n] === '\t')) n++
        if (UNIT_FIRST.includes(slice[n] ?? '')) {
          text += '、'
          map.push(from + k)
          k = n - 1
        }
      }
      continue
    }
    text += ch
    map.push(from + k)
  }
  return { text, map }
}

/** Last characters of a unit name, and first characters of the next one, around a separating space. */
const UNIT_LAST = '局委协部会办联府院心队所站室厅处）)'
const UNIT_FIRST = '县区市团镇乡旗省各'

const OPEN = '（(〔【['
const CLOSE = '）)〕】]'
const IS_OPEN = new Uint8Array(65536)
const IS_CLOSE = new Uint8Array(65536)
for (const ch of OPEN) IS_OPEN[ch.charCodeAt(0)] = 1
for (const ch of CLOSE) IS_CLOSE[ch.charCodeAt(0)] = 1

export interface Group {
  /** Offset of the opening bracket. */
  start: number
  /** Offset just past the closing bracket. */
  end: number
}

/** Bracket groups in [from, to), tolerant of mismatched pairs (`（…)`) and line breaks. */
export function findGroups(source: string, from: number, to: number, maxLength = 600): Group[] {
  const groups: Group[] = []
  let k = from
  while (k < to) {
    if (IS_OPEN[source.charCodeAt(k)] && !source.startsWith('[bookmark', k)) {
      let depth = 1
      let j = k + 1
      for (; j < to && j - k < maxLength; j++) {
        const c = source.charCodeAt(j)
        if (IS_OPEN[c]) depth++
        else if (IS_CLOSE[c]) {
          depth--
          if (depth === 0) break
        }
      }
      if (depth === 0) {
        groups.push({ start: k, end: j + 1 })
        k = j + 1
        continue
      }
    }
    k++
  }
  return groups
}

const LABEL = new RegExp(`(${RESPONSIBILITY_LABEL})[：:]`, 'g')
const TRAILING = /^(.+?)(按职责分工负责|按职责分工落实|按照职责分工负责|按职能分工负责|按职责负责|分工负责|共同负责|负责)$/
const LEAD_VERB = /^(.+?)牵头[，,；;]?(?:(.+?)(配合|参与|协同|协助|负责|落实))?$/

export interface ParsedStatement {
  convention: ResponsibilityConvention
  lead: UnitMention[]
  partners: UnitMention[]
  /** Responsible units are named but no lead (责任单位：…, 按职责分工负责). */
  responsibleOnly?: boolean
}

/**
 * Reads one responsibility statement (the inside of a bracket group, or an own line).
 * Returns undefined when the text is not a responsibility statement.
 */
export function parseStatement(c: Compact, loc: Locator, ctx: UnitListContext, bracketed: boolean): ParsedStatement | undefined {
  const t = c.text
  const labels = [...t.matchAll(LABEL)]
  const at = (base: number) => (i: number) => c.map[base + i] ?? c.map[c.map.length - 1]!
  if (labels.length > 0) {
    if (bracketed && labels[0]!.index! > 0) return undefined // label must open the group
    const lead: UnitMention[] = []
    const partners: UnitMention[] = []
    let responsible = false
    labels.forEach((m, n) => {
      const from = m.index! + m[0].length
      const to = n + 1 < labels.length ? labels[n + 1]!.index! : t.length
      const list = withoutTrailing(t.slice(from, to), '。；;，,.')
      // `责任单位：县教育局牵头，县科协、团县委配合`: the list says who leads
      if (/牵头/.test(list) && !isLeadLabel(m[1]!)) {
        const inner = parseStatement({ text: list, map: c.map.slice(from, from + list.length) }, loc, ctx, true)
        if (inner && inner.lead.length > 0) {
          pushAll(lead, inner.lead)
          pushAll(partners, inner.partners)
          return
        }
      }
      const units = parseUnitList(list, at(from), loc, ctx)
      if (isLeadLabel(m[1]!)) pushAll(lead, units)
      else {
        pushAll(partners, units)
        if (isResponsibleLabel(m[1]!) && units.length > 0) responsible = true
      }
    })
    if (lead.length === 0 && partners.length === 0) return undefined
    // `责任单位：县教育局（牵头）、县科协`: the marked units lead
    if (lead.length === 0 && partners.some((u) => leadMarked.has(u))) {
      return { convention: 'inline', lead: partners.filter((u) => leadMarked.has(u)), partners: partners.filter((u) => !leadMarked.has(u)) }
    }
    return { convention: 'inline', lead, partners, ...(lead.length === 0 && responsible ? { responsibleOnly: true } : {}) }
  }
  if (!bracketed) return undefined
  // `（县教育局（牵头）、县科协、团县委）`: a plain list with the lead marked
  if (/[（(]\s*牵头\s*[）)]/.test(t)) {
    const units = parseUnitList(t, at(0), loc, ctx)
    if (units.some((u) => leadMarked.has(u)) && coversList(t.replace(/[（(]\s*牵头\s*[）)]/g, ''), units)) {
      return { convention: 'inline', lead: units.filter((u) => leadMarked.has(u)), partners: units.filter((u) => !leadMarked.has(u)) }
    }
  }
  // `（X牵头，Y、Z按职责分工负责）`: X leads, Y and Z are partners
  const lv = /^(.+?)牵头[，,；;](.+?)(?:按职责分工负责|按职责分工落实|按照职责分工负责|按职责负责|分工负责|共同负责|负责|配合|参与|协同|协助|落实)$/.exec(t)
  if (lv) {
    const lead = parseUnitList(lv[1]!, at(0), loc, ctx)
    const partners = parseUnitList(lv[2]!, at(t.indexOf(lv[2]!, lv[1]!.length)), loc, ctx)
    if (lead.length > 0 && coversList(lv[1]!, lead)) return { convention: 'inline', lead, partners }
  }
  let m = TRAILING.exec(t)
  if (m) {
    const units = parseUnitList(m[1]!, at(0), loc, ctx)
    if (units.length === 0 || !coversList(m[1]!, units)) return undefined
    return { convention: 'trailing', lead: [], partners: units, responsibleOnly: true }
  }
  m = LEAD_VERB.exec(t)
  if (m) {
    const lead = parseUnitList(m[1]!, at(0), loc, ctx)
    if (lead.length === 0 || !coversList(m[1]!, lead)) return undefined
    const partners = m[2] ? parseUnitList(m[2], at(t.indexOf(m[2], m[1]!.length)), loc, ctx) : []
    return { convention: 'inline', lead, partners }
  }
  return undefined
}

/** Every item of the list was a unit (a sentence in brackets is not a responsibility). */
function coversList(list: string, units: UnitMention[]): boolean {
  const items = list.split(/[、，,；;]+/).filter((s) => s.trim() !== '')
  return items.length === units.length
}

export function toNode(p: ParsedStatement, start: number, end: number, loc: Locator, convention = p.convention): ResponsibilityNode {
  const node: ResponsibilityNode = { type: 'responsibility', convention, lead: p.lead, partners: p.partners, position: loc.position(start, end) }
  if (p.responsibleOnly) node.responsibleOnly = true
  return node
}

/** A bracket or sentence that is nothing but a list of units (`（县教育局、县科协）`). */
export function unitsOnly(c: Compact, loc: Locator, ctx: UnitListContext): UnitMention[] | undefined {
  const t = withoutTrailing(c.text, '。；;')
  if (!t || /[：:]/.test(t)) return undefined
  const units = parseUnitList(t, (i) => c.map[i] ?? c.map[c.map.length - 1]!, loc, ctx)
  // `各镇（街道）`, `各村（社区）`: a bracket that completes a place word, not a unit list
  if (units.some((u) => u.name.length < 3 || /^(街道|社区|村|乡镇|镇街|居委会|村委会|城区|园区)$/.test(u.text))) return undefined
  return units.length > 0 && !units.every((u) => u.vague) && coversList(t, units) ? units : undefined
}
