/**
 * Outline markers of Chinese official documents (GB/T 9704-2012 §7.3.3):
 * `一、` › `（一）` › `1.` › `（1）`, in full- and half-width forms.
 */
import type { MarkerStyle } from '../types.js'

const CN_DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
}

/** 一 → 1, 十二 → 12, 二十 → 20, 二十三 → 23. Returns 0 for anything else. */
export function chineseNumber(s: string): number {
  if (s === '') return 0
  if (s.length === 1 && s in CN_DIGITS) return CN_DIGITS[s]!
  const ten = s.indexOf('十')
  if (ten === -1) return 0
  const tens = ten === 0 ? 1 : CN_DIGITS[s.slice(0, ten)] ?? 0
  const unitsStr = s.slice(ten + 1)
  const units = unitsStr === '' ? 0 : CN_DIGITS[unitsStr] ?? -100
  const n = tens * 10 + units
  return n > 0 ? n : 0
}

/** Full-width digits to ASCII. */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
}

export interface MarkerMatch {
  style: MarkerStyle
  level: number
  number: number
  /** Length of the marker including a following space if any. */
  length: number
  /** The marker as written, without trailing space. */
  marker: string
}

const CN = '[一二三四五六七八九十]{1,3}'
const DIGITS = '[0-9０-９]{1,3}'
/** `第一部分`, `第二章`, `第三篇`: a level above `一、` in long plans. */
const RE_PART = new RegExp(`^第(${CN})(?:部分|章|篇)`)
const RE_CN_DUN = new RegExp(`^(${CN})[、，,]`)
const RE_CN_PAREN = new RegExp(`^[（(]\\s*(${CN})\\s*[）)]`)
const RE_AR_PAREN = new RegExp(`^[（(]\\s*(${DIGITS})\\s*[）)]`)
// `1.` must not be a decimal (`1.5`), `1、` and `1．` are fine.
const RE_AR_DOT = new RegExp(`^(${DIGITS})\\s*[.．](?![0-9０-９])`)
const RE_AR_DUN = new RegExp(`^(${DIGITS})\\s*、`)

/** Matches a numbering marker at the start of `s` (content already stripped of decoration). */
export function matchMarker(s: string): MarkerMatch | undefined {
  let m: RegExpExecArray | null
  if ((m = RE_PART.exec(s))) return make('part', 0, chineseNumber(m[1]!), m[0], s)
  if ((m = RE_CN_DUN.exec(s))) return make('cn-dun', 1, chineseNumber(m[1]!), m[0], s)
  if ((m = RE_CN_PAREN.exec(s))) return make('cn-paren', 2, chineseNumber(m[1]!), m[0], s)
  if ((m = RE_AR_DOT.exec(s))) return make('arabic-dot', 3, Number(asciiDigits(m[1]!)), m[0], s)
  if ((m = RE_AR_DUN.exec(s))) return make('arabic-dun', 3, Number(asciiDigits(m[1]!)), m[0], s)
  if ((m = RE_AR_PAREN.exec(s))) return make('arabic-paren', 4, Number(asciiDigits(m[1]!)), m[0], s)
  return undefined
}

function make(style: MarkerStyle, level: number, n: number, marker: string, s: string): MarkerMatch | undefined {
  if (n <= 0) return undefined
  let length = marker.length
  while (length < s.length && (s[length] === ' ' || s[length] === '\u3000' || s[length] === '\t')) length++
  return { style, level, number: n, length, marker }
}
