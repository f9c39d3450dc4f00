/**
 * `String.prototype.trim` as bounds instead of a new string: for code that looks at many
 * short pieces of a text and wants only some of them as strings (a rule scanning every clause
 * of a plan). The white space is exactly the one `trim()` removes (ECMAScript WhiteSpace and
 * LineTerminator).
 */

/** Whether `trim()` removes this code unit. */
export function isTrimmedSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
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
