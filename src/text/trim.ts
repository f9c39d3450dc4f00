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

/**
 * `s` without the white space and characters of `chars` at its end: `s.replace(/[\s*]+$/, '')`
 * is `trimEndWith(s, '*')`. A loop from the end, where the pattern tries every position of a
 * run inside the text and fails at `$` (quadratic in a long run of white space).
 */
export function trimEndWith(s: string, chars: string): string {
  return endWithout(s, (i) => isTrimmedSpace(s.charCodeAt(i)) || chars.includes(s[i]!))
}

/** `s` up to the last position `drop` keeps (one pass from the end). */
function endWithout(s: string, drop: (index: number) => boolean): string {
  let end = s.length
  while (end > 0 && drop(end - 1)) end--
  return end === s.length ? s : s.slice(0, end)
}

const SPACE_RUN = /\s+/g

/**
 * `s` on one line: each run of white space with a line break in it becomes one space, as
 * `s.replace(/\s*\n\s*\/g, ' ')` does — but one match per run, where that pattern tries every
 * position of a run without a line break and fails (quadratic in a long run of spaces).
 */
export function toOneLine(s: string): string {
  return s.replace(SPACE_RUN, (run) => (run.includes('\n') ? ' ' : run))
}

/**
 * `s` without the characters of `chars` at its end: `s.replace(/[。；;]+$/, '')` is
 * `withoutTrailing(s, '。；;')`. A loop from the end, where `[…]+$` tries every position of
 * a run of those characters inside the text and fails at `$` (quadratic in a long run).
 */
export function withoutTrailing(s: string, chars: string): string {
  return endWithout(s, (i) => chars.includes(s[i]!))
}
