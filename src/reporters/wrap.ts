/**
 * Wrapping text to a number of terminal columns, for Chinese: a line may break between any
 * two Han characters, but not inside a run of ASCII letters and digits (a rule id, a year,
 * `2021—2025`-style numbers stay whole when they fit), and a line does not start with closing
 * punctuation（，。、；：）」』》…）nor end with opening punctuation（「《“（）, as typesetters do.
 */
import { displayWidth } from './width.js'

/** Characters a line must not start with. */
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉”’…—·,.;:?!)]}%％'])

/** Characters a line must not end with. */
const NO_LINE_END = new Set([...'（《「『【〔〈“‘([{'])

/** Splits `text` into units that are never broken: ASCII words/numbers, or single characters. */
function tokens(text: string): string[] {
  return text.match(/[A-Za-z0-9_./%+-]+|[\s\S]/gu) ?? []
}

/** Cuts a token wider than `width` into pieces of at most `width` columns. */
function cut(token: string, width: number): string[] {
  const out: string[] = []
  let cur = ''
  for (const ch of token) {
    if (cur !== '' && displayWidth(cur + ch) > width) {
      out.push(cur)
      cur = ''
    }
    cur += ch
  }
  if (cur !== '') out.push(cur)
  return out
}

/** The lines of `text` wrapped to `width` display columns (at least 1). Never wider than `width`. */
export function wrapToWidth(text: string, width: number): string[] {
  const w = Math.max(2, Math.floor(width))
  if (displayWidth(text) <= w) return [text]
  const units = tokens(text).flatMap((t) => (displayWidth(t) > w ? cut(t, w) : [t]))
  const lines: string[][] = [[]]
  let used = 0
  for (const u of units) {
    const uw = displayWidth(u)
    let line = lines[lines.length - 1]!
    if (used + uw > w && line.length > 0) {
      // Keep closing punctuation off the start of the next line: move the last unit down with it.
      // (Several in a row, e.g. ），: move back until the new line starts with something else.)
      const next: string[] = []
      let head = u
      while (NO_LINE_START.has(head) && line.length > 1 && displayWidth(line[line.length - 1]! + next.join('') + u) <= w) {
        head = line.pop()!
        next.unshift(head)
      }
      // ... nor does a line end with opening punctuation: 「 goes down with what it opens.
      while (line.length > 1 && NO_LINE_END.has(line[line.length - 1]!) && displayWidth(line[line.length - 1]! + next.join('') + u) <= w) {
        next.unshift(line.pop()!)
      }
      line = next
      lines.push(line)
      used = next.reduce((s, x) => s + displayWidth(x), 0)
    }
    if (line.length === 0 && u === ' ') continue
    line.push(u)
    used += uw
  }
  return lines.map((l) => l.join('').trimEnd()).filter((l, i) => l !== '' || i === 0)
}
