/**
 * Unit (department) lists as plans write them: `区教育局、区科协、团区委`, with the level
 * prefix elided after the first unit (`市教育局、科学技术局、科协`), PDF spaces inside names,
 * and vague catch-alls (`各成员单位`, `有关部门`).
 */
import type { UnitMention } from './types.js'
import type { Locator } from './lines.js'
import { HAN_CLASS, PLACE_SUFFIX } from '../lexicon/index.js'
import { withoutTrailing } from '../text/trim.js'

/** Level prefixes a unit name may start with, longest first. */
const PREFIXES = ['自治区', '自治县', '自治州', '区委', '县委', '市委', '旗委', '省委', '区', '县', '市', '旗', '省', '州', '盟', '镇', '乡']

/** Endings that make a string a unit name rather than a phrase. */
const UNIT_END =
  /(局|委|委员会|办|办公室|部|会|院|校|馆|站|所|中心|协|联|厅|处|室|队|园区|集聚区|街道|街办|镇|乡|政府|公司|集团|银行|分局|管委会|团委|党校|法院|检察院|台|社|科协|妇联|残联|总工会|工商联|红十字会|军分区|武装部|部门|单位|机构|组织|学校|高校|企业|小学|中学|幼儿园|医院|卫生院|事处|村|社区|（社区）)$/

const VAGUE = /^(各|有关|相关|其他|其它|全体|所属|各级)|^(成员单位|相关部门|有关部门|相关单位|有关单位)$/

/** Words that never occur in a unit name but do in sentences mis-taken for lists. */
const NOT_UNIT = /[，。；;：:！？“”"《》]|加强|推动|开展|建立|提升|实施|推进|完善|支持|鼓励|按职责|负责|牵头|配合|参与|等$/

/** A name that opens with a place of its own (`仁化县人民政府`, `向塘镇政府`): never prefixed. */
const OWN_PLACE = new RegExp(`^[${HAN_CLASS}]{2,6}?(?:${PLACE_SUFFIX})(?=[${HAN_CLASS}]{2})`)
const UNIT_CHARS = new RegExp(`^[${HAN_CLASS}A-Za-z0-9（）()]+$`)
const BY_UNITS = new RegExp(`^(由|请|以)(?=[${HAN_CLASS}]{3})`)
const LEAD_MARK = /\s*[（(]\s*(牵头|牵头单位|主责|主要责任单位)\s*[）)]\s*$/

/** Words a list piece may end in that are not part of the unit's name. */
const ROLE_WORDS = ['等', '牵头', '配合', '参与', '负责']

/**
 * `s` without the role words at its end (`区科协牵头` → `区科协`), as
 * `s.replace(/(等|牵头|配合|参与|负责)+$/, '')` — from the end, one word at a time (the words end in
 * different characters, so at most one fits), where the pattern tried every position of a run of
 * them inside the text.
 */
function withoutRoleWords(s: string): string {
  let end = s.length
  for (let word = ROLE_WORDS.find((w) => s.endsWith(w, end)); word !== undefined; word = ROLE_WORDS.find((w) => s.endsWith(w, end))) {
    end -= word.length
  }
  return end === s.length ? s : s.slice(0, end)
}

/** Units written with a `（牵头）` marker after them (kept aside: UnitMention has no flag). */
export const leadMarked = new WeakSet<UnitMention>()

const SPLIT_ALL = /[、，,；;／/]+|\s{2,}/g

export interface UnitListContext {
  /** The jurisdiction's short name (`乐平`, `南沙`), never prefixed by elision. */
  placeNames: string[]
}

/** The level prefix of a unit name, or '' (`区委宣传部` → `区委`, `团区委` → ''). */
export function unitPrefix(name: string): string {
  for (const p of PREFIXES) if (name.startsWith(p) && name.length > p.length + 1) return p
  return ''
}

/** Plausible as a unit name: short, no sentence punctuation or verbs, ends like a unit. */
export function isUnitName(name: string): boolean {
  if (name.length < 2 || name.length > 30) return false
  if (NOT_UNIT.test(name.replace(/等$/, ''))) return false
  if (!UNIT_CHARS.test(name)) return false
  if (VAGUE.test(name)) return true
  if (!UNIT_END.test(name) || /(局局|委委|办办|^区区|^市市|^县县)/.test(name)) return false
  // OCR debris such as `区政局`: a bureau needs a core of two characters between prefix and 局
  const core = name.slice(unitPrefix(name).length).replace(/(分局|局|委员会|委)$/, '')
  return core.length >= 2 || !/(局|委)$/.test(name) || /^(区|县|市|旗|省)委$/.test(name) || /^[区县市镇乡旗]团委$/.test(name)
}

export function isVague(name: string): boolean {
  return VAGUE.test(name)
}

/**
 * Splits a list of units starting at `offset` in the text; returns the mentions that are
 * units (anything else, e.g. a sentence fragment, is dropped, never reported as a unit).
 */
export function parseUnitList(
  list: string,
  offset: number | ((index: number) => number),
  loc: Locator,
  ctx: UnitListContext,
): UnitMention[] {
  const map = typeof offset === 'number' ? (i: number) => offset + i : offset
  const out: UnitMention[] = []
  let firstPrefix = ''
  const re = SPLIT_ALL
  re.lastIndex = 0
  let last = 0
  const pieces: [string, number][] = []
  for (let m = re.exec(list); ; m = re.exec(list)) {
    // a separator inside brackets (`各乡（镇、街道）`) does not split the list
    if (m && depthAt(list, m.index) > 0) continue
    const end = m ? m.index : list.length
    pieces.push([list.slice(last, end), last])
    if (!m) break
    last = m.index + m[0].length
  }
  for (const [raw, at] of pieces) {
    const lead = raw.length - raw.trimStart().length
    let text = withoutTrailing(raw.trim(), '。．.')
    // `县教育局（牵头）`: the unit leads; the marker is not part of its name
    const marked = LEAD_MARK.exec(text)
    if (marked) text = text.slice(0, marked.index)
    // strip trailing `等`, and trailing role words like `牵头`
    text = withoutRoleWords(text.replace(/等(?:单位|部门)$/, ''))
    // `由区教育局牵头`: the preposition is not part of the name
    const by = BY_UNITS.exec(text)
    const shift = by ? by[0].length : 0
    if (shift) text = text.slice(shift)
    let compact = text.replace(/[\s\u3000]+/g, '')
    // a stray outer bracket from the list's own brackets, not a balanced `各村（社区）`
    const opens = (compact.match(/[（(]/g) ?? []).length
    const closes = (compact.match(/[）)]/g) ?? []).length
    if (closes > opens) compact = compact.replace(/[）)]$/, '')
    else if (opens > closes) compact = compact.replace(/^[（(]/, '')
    if (!compact) continue
    if (!isUnitName(compact)) continue
    const start = map(at + lead + shift)
    const end = map(at + lead + shift + text.length - 1) + 1
    const vague = isVague(compact)
    let prefix = unitPrefix(compact)
    let name = compact
    if (!vague) {
      const isFirst = !out.some((u) => !u.vague)
      if (isFirst) firstPrefix = prefix.replace(/委$/, '')
      else if (!prefix && firstPrefix && !startsWithPlace(compact, ctx) && !/^团/.test(compact) && !OWN_PLACE.test(compact) && !/^(街道|乡镇|村|社区|居委会|村委会)/.test(compact)) {
        name = firstPrefix + compact
        prefix = firstPrefix
      }
    }
    const unit: UnitMention = { type: 'unit', text: text, name, prefix, vague, position: loc.position(start, end) }
    if (marked) leadMarked.add(unit)
    out.push(unit)
  }
  return out
}

function startsWithPlace(name: string, ctx: UnitListContext): boolean {
  return ctx.placeNames.some((p) => p && name.startsWith(p))
}

/** Bracket depth at `index` (（( open, ）) close). */
function depthAt(s: string, index: number): number {
  let d = 0
  for (let i = 0; i < index; i++) {
    const c = s[i]
    if (c === '（' || c === '(') d++
    else if ((c === '）' || c === ')') && d > 0) d--
  }
  return d
}
