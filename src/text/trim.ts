/**
 * `String.prototype.trim` as bounds instead of a new string: for code that looks at many
 * short pieces of a text and wants only some of them as strings (a rule scanning every clause
 * of a plan). The white space is exactly the one `trim()` removes (ECMAScript WhiteSpace and
 * LineTerminator).
 */
import { charClass, LF, WS } from '../lexicon/char-class.js'

/** Whether `trim()` removes this code unit: white space or a line end in the lexicon's character
 * classes (both are `\s`, the set `trim()` removes). */
export function isTrimmedSpace(code: number): boolean {
  const k = charClass(code)
  return k === WS || k === LF
}

/** Start of `text.slice(start, end).trim()` in `text` (`end` for a piece that is all white space). */
export function trimmedStart(text: string, start: number, end: number): number {
  while (start < end && isTrimmedSpace(text.charCodeAt(start))) start++
  return start
}

/** End of `text.slice(start, end).trim()` in `text` (given its start from `trimmedStart`). */
export function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start && isTrimmedSpace(text.charCodeAt(end - 1))) end--
  return end
}
