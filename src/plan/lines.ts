/**
 * The plan builder's view of the text: physical lines with offsets, classified once.
 *
 * Converted documents (PDF, Word) carry decoration that is not structure: markdown `#` and
 * `**`, list bullets `- `, Word bookmark markers, page furniture such as `— 5 —`. A line keeps
 * its raw offsets; `content` is where the meaningful text starts and ends after decoration.
 */
import type { Root } from 'nlcst'
import { textLocator, type Locate } from '../support/location.js'
import type { Point, Position } from '../support/position.js'

export type LineKind = 'blank' | 'furniture' | 'table' | 'text'

export interface Line {
  index: number
  /** Offset of the first character of the line. */
  start: number
  /** Offset just past the last character (before `\n`). */
  end: number
  raw: string
  kind: LineKind
  /** Offset where the content starts after leading decoration. */
  contentStart: number
  /** Offset where the content ends before trailing decoration. */
  contentEnd: number
  /** Markdown `#` count, when the line is a markdown heading. */
  hashes: number
}

/** Page furniture: a page number between dashes, possibly with markdown bold around a dash. */
const FURNITURE = /^[\s*]*[—–\-－一]{1,2}[\s*]*\d{1,4}[\s*]*[—–\-－一]{1,2}[\s*]*$/
/** Leading decoration: markdown heading marks, list bullets, bold marks, Word bookmarks. */
const LEAD_DECORATION = /^(?:\s|#{1,6}(?=\s|[^#])|[-*+•·](?=\s)|\*\*|\[bookmark:[^\]]*\]|\u3000)+/
/** A table row whose cells PDF conversion separated by runs of spaces: a 序号 cell, or the
 * header with 牵头单位, then at least two more cells. */
const SPACED_ROW = /^\s*(?:\d{1,3}|序号)(?: {2,}|\u3000+)\S+(?: \S+)*(?:(?: {2,}|\u3000+)\S+(?: \S+)*){1,}\s*$|^\s*\S+(?: {2,}\S+)* {2,}牵头单位(?: {2,}\S+)*\s*$/
/** A markdown table row: `| 项目 | 要点 | 牵头单位 |` (three cells or more). */
const MARKDOWN_ROW = /^\s*\|(?:[^|\n]*\|){3,}\s*$/

/**
 * The physical lines of `text` as the parser's tree has them: each root Paragraph is a line
 * with something on it, and the line ends, blank and white-space-only lines are in the
 * WhiteSpace nodes between them (see src/parse/index.ts). Every line of the text, blank ones
 * too, in order (test/plan-lines.test.ts holds them equal to the text split at `\n`), read
 * from the tree the plan plugin is given instead of searching the whole text for line ends.
 */
export function linesOf(tree: Root, text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  // the line from `start` to `end` (a line end at `end`, or the text's end)
  const push = (end: number): void => {
    let e = end
    if (e > start && text.charCodeAt(e - 1) === 13) e-- // \r\n
    lines.push(classifyLine(text.slice(start, e), start, e, lines.length))
  }
  for (const child of tree.children) {
    if (child.type !== 'WhiteSpaceNode') continue // a paragraph's line ends in the white space after it
    const from = child.position?.start.offset ?? 0
    const to = child.position?.end.offset ?? 0
    for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) {
      push(i)
      start = i + 1
    }
  }
  push(text.length)
  return lines
}

/** Where `raw` ends before its trailing white space and markdown bold marks (a scan: a regex
 * anchored at $ backtracks). */
export function endBeforeDecoration(raw: string): number {
  let e = raw.length
  for (;;) {
    const c = raw.charCodeAt(e - 1)
    if (c === 32 || c === 9 || c === 0x3000 || c === 13) e--
    else if (c === 42 && raw.charCodeAt(e - 2) === 42) e -= 2
    else return e
  }
}

/** One line classified: blank, page furniture, table row or text, with its content offsets. */
export function classifyLine(raw: string, start: number, end: number, index: number): Line {
  const line: Line = { index, start, end, raw, kind: 'text', contentStart: start, contentEnd: end, hashes: 0 }
  if (raw.trim() === '') {
    line.kind = 'blank'
    return line
  }
  if (FURNITURE.test(raw)) {
    line.kind = 'furniture'
    return line
  }
  if ((raw.includes('\t') && raw.split('\t').length >= 3) || MARKDOWN_ROW.test(raw) || SPACED_ROW.test(raw)) {
    line.kind = 'table'
    return line
  }
  const hm = /^\s*(#{1,6})\s/.exec(raw)
  if (hm) line.hashes = hm[1]!.length
  const lead = LEAD_DECORATION.exec(raw)
  if (lead) line.contentStart = start + lead[0].length
  line.contentEnd = Math.max(line.contentStart, start + endBeforeDecoration(raw))
  if (line.contentStart >= line.contentEnd) line.kind = 'blank'
  return line
}

/** Offset → unist point, with the engine's line/column convention (columns count code points). */
export class Locator {
  private readonly locate: Locate
  constructor(text: string) {
    this.locate = textLocator(text)
  }
  point(offset: number): Point {
    const { line, column } = this.locate(offset)
    return { line, column, offset }
  }
  position(start: number, end: number): Position {
    return { start: this.point(start), end: this.point(end) }
  }
}
