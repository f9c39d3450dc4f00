/**
 * The editor's text and the text planlint lints. The CLI's input adapters normalise line
 * ends to `\n`; an editor buffer may hold `\r\n`. The server lints the normalised text (so
 * its findings are exactly the CLI's) and maps every offset back to the buffer's own UTF-16
 * offsets, which `TextDocument.positionAt` turns into protocol positions.
 */

import { lowerBound } from '../text/arrays.js'

export interface DocumentText {
  /** The text planlint lints: `\r\n` and lone `\r` replaced by `\n`. */
  linted: string
  /** Offset in `linted` → offset in the editor's text. */
  toDocument(offset: number): number
  /** Offset in the editor's text → offset in `linted`. */
  toLinted(offset: number): number
  /** Text written in `linted` terms (a fix's replacement) → the editor's line ends. */
  restoreLineEnds(text: string): string
}

const identity = (n: number): number => n

/** Normalises `text` and builds the offset maps (linear in the text). */
export function documentText(text: string): DocumentText {
  if (!text.includes('\r')) return { linted: text, toDocument: identity, toLinted: identity, restoreLineEnds: (s) => s }
  // Offsets (in the linted text) of each `\n` that stood for `\r\n`; each one shifts
  // everything after it by one code unit in the editor's text.
  const crlfAt: number[] = []
  let linted = ''
  let from = 0
  let removed = 0
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
    linted += text.slice(from, i) + '\n'
    if (text.charCodeAt(i + 1) === 10) {
      crlfAt.push(i - removed)
      removed++
      from = i + 2
      i++
    } else {
      from = i + 1
    }
  }
  linted += text.slice(from)
  /** How many `\r\n` lie strictly before linted offset `offset`. */
  const before = (offset: number): number => lowerBound(crlfAt, offset)
  const lineEnd = crlfAt.length > 0 ? '\r\n' : '\n'
  return {
    linted,
    toDocument: (offset) => offset + before(offset),
    toLinted: (offset) => {
      // Walk the CRLF list: the document offset d maps to l with l + before(l) = d.
      let lo = 0
      let hi = offset
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1
        if (mid + before(mid) <= offset) lo = mid
        else hi = mid - 1
      }
      return lo
    },
    restoreLineEnds: (s) => (lineEnd === '\n' ? s : s.replace(/\n/g, lineEnd)),
  }
}
