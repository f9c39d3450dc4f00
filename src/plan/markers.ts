/**
 * Outline markers of Chinese official documents (GB/T 9704-2012 §7.3.3):
 * `一、` › `（一）` › `1.` › `（1）`, in full- and half-width forms.
 */
import type { MarkerStyle } from './types.js'

import { asciiDigits, chineseNumber } from '../lexicon/index.js'

export { asciiDigits, chineseNumber }

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
