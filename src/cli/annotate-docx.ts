/**
 * Writing findings back into a .docx: each message becomes a Word comment (批注) anchored
 * on the runs of the offending text, and each fix a tracked change (w:del + w:ins) the
 * drafter accepts or rejects in Word. Runs are split where a finding starts or ends, so
 * the anchor is exact however Word cut the text into runs; offsets are always those of
 * the linted text (planlint's own insertions are skipped and its deletions counted when
 * reading a paragraph back), so the order of edits does not matter.
 */
import type { Document as XmlDocument, Element } from '@xmldom/xmldom'
import type { LintMessage } from '../engine/types.js'
import { levelOf } from '../engine/levels.js'
import { LEVEL_WORDS } from '../reporters/common.js'
import type { MappedText, Segment } from '../io/mapped.js'
import {
  PLANLINT_AUTHOR,
  W_NS,
  bodyParagraphs,
  childElements,
  closestW,
  isW,
  paragraphText,
  parseXml,
  serializeXml,
  type OpenedDocx,
  type Piece,
} from '../io/ooxml.js'

const COMMENTS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments'
const COMMENTS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml'
const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships'
const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types'

export interface AnnotateSummary {
  comments: number
  /** Fixes written as tracked changes. */
  changes: number
  /** Fixes that could not be written as tracked changes (across paragraphs, inside an existing revision). */
  skippedFixes: number
}

/** A place in a paragraph: its 1-based number and the offset in its visible text. */
interface ParaPoint {
  paragraph: number
  offset: number
}

/** Adds comments and tracked changes for `messages` to the opened document, in place. */
export async function annotateDocx(
  opened: OpenedDocx,
  mapped: MappedText,
  messages: readonly LintMessage[],
  options: { date?: Date; filePath: string } = { filePath: '<docx>' },
): Promise<AnnotateSummary> {
  const doc = opened.document
  const paragraphs = bodyParagraphs(doc)
  const date = (options.date ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z')
  let nextId = maxId(doc, opened.comments) + 1
  const comments = opened.comments ?? parseXml(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W_NS}"/>`, 'word/comments.xml', options.filePath)
  const summary: AnnotateSummary = { comments: 0, changes: 0, skippedFixes: 0 }
  const applied: [number, number][] = []

  for (const m of messages) {
    const span = anchorSpan(mapped, paragraphs, m.range)
    if (!span) continue
    const id = nextId++
    const [from, to] = span
    const startAt = boundary(doc, paragraphs[from.paragraph - 1]!, from.offset)
    insertAt(startAt, el(doc, 'commentRangeStart', { id }))
    const endAt = boundary(doc, paragraphs[to.paragraph - 1]!, to.offset)
    const end = el(doc, 'commentRangeEnd', { id })
    insertAt(endAt, end)
    const ref = el(doc, 'r')
    ref.appendChild(el(doc, 'commentReference', { id }))
    end.parentNode!.insertBefore(ref, end.nextSibling)

    let fixNote: string | undefined
    if (m.fix && !applied.some(([s, e]) => m.fix!.range[0] < e && s < m.fix!.range[1])) {
      const before = mapped.text.slice(m.fix.range[0], m.fix.range[1])
      const done = trackFix(doc, mapped, paragraphs, m.fix.range[0], before, m.fix.text, () => nextId++, date)
      if (done) {
        applied.push(m.fix.range)
        summary.changes++
        fixNote = '已按修订（修订模式）写入建议修改，可在 Word 中接受或拒绝'
      } else {
        summary.skippedFixes++
        fixNote = `建议修改：「${clip(before)}」改为「${clip(m.fix.text)}」（跨段落，未写入修订）`
      }
    }
    comments.documentElement!.appendChild(commentElement(comments, id, date, m, fixNote))
    summary.comments++
  }

  if (summary.comments > 0) {
    opened.zip.file('word/document.xml', serializeXml(doc))
    opened.zip.file('word/comments.xml', serializeXml(comments))
    if (!opened.comments) {
      await addCommentsPart(opened, options.filePath)
      opened.comments = comments
    }
  }
  return summary
}

function clip(s: string): string {
  return s.length > 40 ? s.slice(0, 40) + '…' : s
}

/** The largest numeric w:id in use (comments, revisions, bookmarks), so new ids are unique. */
function maxId(...docs: (XmlDocument | undefined)[]): number {
  let max = 0
  for (const d of docs) {
    if (!d) continue
    const all = d.getElementsByTagName('*')
    for (let i = 0; i < all.length; i++) {
      const v = Number(all[i]!.getAttributeNS(W_NS, 'id'))
      if (Number.isFinite(v) && v > max) max = v
    }
  }
  return max
}

function el(doc: XmlDocument, name: string, attrs: Record<string, string | number> = {}): Element {
  const e = doc.createElementNS(W_NS, `w:${name}`)
  for (const [k, v] of Object.entries(attrs)) e.setAttributeNS(W_NS, `w:${k}`, String(v))
  return e
}

/** How the comment labels `expected`: only an upper plan's own wording is 上级规划表述. */
const EXPECTED_LABELS: Record<string, string> = { 'upper-plan': '上级规划表述', standard: '规范写法', document: '本方案多数写法' }

/** The comment itself: message, rule id, the expected wording and whose it is, and what happened to the fix. */
function commentElement(doc: XmlDocument, id: number, date: string, m: LintMessage, fixNote?: string): Element {
  const c = el(doc, 'comment', { id, author: PLANLINT_AUTHOR, date, initials: 'PL' })
  const lines = [`${LEVEL_WORDS[levelOf(m)]}：${m.message}（规则 ${m.ruleId ?? 'planlint'}）`]
  if (m.expected) lines.push(`${EXPECTED_LABELS[m.expectedFrom ?? ''] ?? '建议写法'}：${m.expected}`)
  if (fixNote) lines.push(fixNote)
  lines.forEach((line, i) => {
    const p = el(doc, 'p')
    if (i === 0) {
      const r = el(doc, 'r')
      r.appendChild(el(doc, 'annotationRef'))
      p.appendChild(r)
    }
    const r = el(doc, 'r')
    const t = el(doc, 't')
    t.setAttribute('xml:space', 'preserve')
    t.appendChild(doc.createTextNode(line))
    r.appendChild(t)
    p.appendChild(r)
    c.appendChild(p)
  })
  return c
}

/** Registers word/comments.xml in the document's relationships and the content types. */
async function addCommentsPart(opened: OpenedDocx, filePath: string): Promise<void> {
  const relsPath = 'word/_rels/document.xml.rels'
  const relsFile = opened.zip.file(relsPath)
  const rels = relsFile
    ? parseXml(await relsFile.async('string'), relsPath, filePath)
    : parseXml(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}"/>`, relsPath, filePath)
  const existing = Array.from(rels.getElementsByTagNameNS(REL_NS, 'Relationship'))
  if (!existing.some((r) => r.getAttribute('Type') === COMMENTS_TYPE)) {
    const ids = new Set(existing.map((r) => r.getAttribute('Id')))
    let n = 1
    while (ids.has(`rIdPlanlint${n}`)) n++
    const rel = rels.createElementNS(REL_NS, 'Relationship')
    rel.setAttribute('Id', `rIdPlanlint${n}`)
    rel.setAttribute('Type', COMMENTS_TYPE)
    rel.setAttribute('Target', 'comments.xml')
    rels.documentElement!.appendChild(rel)
    opened.zip.file(relsPath, serializeXml(rels))
  }
  const ctFile = opened.zip.file('[Content_Types].xml')
  if (!ctFile) return
  const ct = parseXml(await ctFile.async('string'), '[Content_Types].xml', filePath)
  const overrides = Array.from(ct.getElementsByTagNameNS(CT_NS, 'Override'))
  if (!overrides.some((o) => o.getAttribute('PartName') === '/word/comments.xml')) {
    const o = ct.createElementNS(CT_NS, 'Override')
    o.setAttribute('PartName', '/word/comments.xml')
    o.setAttribute('ContentType', COMMENTS_CONTENT_TYPE)
    ct.documentElement!.appendChild(o)
    opened.zip.file('[Content_Types].xml', serializeXml(ct))
  }
}

// ---------------------------------------------------------------------------------------
// From text offsets to places in paragraphs
// ---------------------------------------------------------------------------------------

/** The segment an offset falls in; at a line end, the one before (for ends) or after (for starts). */
function segmentFor(mapped: MappedText, offset: number, side: 'start' | 'end'): Segment | undefined {
  const segs = mapped.segments
  if (side === 'start') return segs.find((s) => offset >= s.start && offset < s.end) ?? segs.find((s) => s.start >= offset)
  return segs.find((s) => offset > s.start && offset <= s.end) ?? [...segs].reverse().find((s) => s.end <= offset)
}

function pointIn(seg: Segment, offset: number, paragraphs: Element[], side: 'start' | 'end'): ParaPoint | undefined {
  if (seg.paragraph === undefined || !paragraphs[seg.paragraph - 1]) return undefined
  if (seg.paraStart === undefined) {
    // Text not matched exactly: anchor the whole paragraph.
    return { paragraph: seg.paragraph, offset: side === 'start' ? 0 : paragraphText(paragraphs[seg.paragraph - 1]!, true).text.length }
  }
  const clamped = Math.min(Math.max(offset, seg.start), seg.end)
  return { paragraph: seg.paragraph, offset: seg.paraStart + (clamped - seg.start) }
}

/** Where a comment on [a, b) starts and ends; an empty range anchors its whole paragraph. */
function anchorSpan(mapped: MappedText, paragraphs: Element[], [a, b]: [number, number]): [ParaPoint, ParaPoint] | undefined {
  const first = segmentFor(mapped, a, 'start')
  if (!first) return undefined
  if (a === b || b <= first.start) {
    const n = first.paragraph
    if (n === undefined || !paragraphs[n - 1]) return undefined
    return [
      { paragraph: n, offset: 0 },
      { paragraph: n, offset: paragraphText(paragraphs[n - 1]!, true).text.length },
    ]
  }
  const last = segmentFor(mapped, b, 'end') ?? first
  const from = pointIn(first, a, paragraphs, 'start')
  const to = pointIn(last.start >= first.start ? last : first, b, paragraphs, 'end')
  return from && to ? [from, to] : undefined
}

// ---------------------------------------------------------------------------------------
// Splitting runs
// ---------------------------------------------------------------------------------------

/** A place between nodes: before `node`, after `node`, or at the end of `parent`. */
type InsertPoint = { before: Element } | { after: Element } | { append: Element }

function insertAt(at: InsertPoint, node: Element): void {
  if ('before' in at) at.before.parentNode!.insertBefore(node, at.before)
  else if ('after' in at) at.after.parentNode!.insertBefore(node, at.after.nextSibling)
  else at.append.appendChild(node)
}

/** Makes a run boundary at visible offset `offset` of paragraph `p`, splitting a run if needed. */
function boundary(doc: XmlDocument, p: Element, offset: number): InsertPoint {
  const { pieces } = paragraphText(p, true)
  if (pieces.length === 0) return { append: p }
  const inside = pieces.find((pc) => pc.start < offset && offset < pc.end)
  if (inside) return { before: splitPiece(doc, inside, offset - inside.start) }
  const next = pieces.find((pc) => pc.start >= offset)
  if (next) return { before: runStartingAt(doc, next) }
  return { after: pieces[pieces.length - 1]!.run }
}

function runProperties(run: Element): Element | undefined {
  return childElements(run).find((c) => isW(c, 'rPr'))
}

/** A new empty run with a copy of `run`'s properties, inserted right after it. */
function siblingRun(doc: XmlDocument, run: Element): Element {
  const r2 = run.cloneNode(false) as Element
  const rPr = runProperties(run)
  if (rPr) r2.appendChild(rPr.cloneNode(true))
  run.parentNode!.insertBefore(r2, run.nextSibling)
  void doc
  return r2
}

/** Moves `node` and everything after it in its run into a new run; returns that run. */
function runStartingAt(doc: XmlDocument, piece: Piece): Element {
  const { run, node } = piece
  const content = childElements(run).filter((c) => !isW(c, 'rPr'))
  if (content[0] === node) return run
  const r2 = siblingRun(doc, run)
  for (let n: Element | null = node; n; ) {
    const next = n.nextSibling as Element | null
    r2.appendChild(n)
    n = next
  }
  return r2
}

/** Splits the text node of `piece` after `k` characters; returns the run that starts there. */
function splitPiece(doc: XmlDocument, piece: Piece, k: number): Element {
  const { node } = piece
  const value = node.textContent ?? ''
  const tail = doc.createElementNS(W_NS, node.tagName)
  tail.setAttribute('xml:space', 'preserve')
  tail.appendChild(doc.createTextNode(value.slice(k)))
  while (node.firstChild) node.removeChild(node.firstChild)
  node.appendChild(doc.createTextNode(value.slice(0, k)))
  node.setAttribute('xml:space', 'preserve')
  node.parentNode!.insertBefore(tail, node.nextSibling)
  return runStartingAt(doc, { ...piece, node: tail })
}

// ---------------------------------------------------------------------------------------
// Tracked changes
// ---------------------------------------------------------------------------------------

/** Minimal edits turning `before` into `after`: [start, end) in `before` and the new text. */
export function diffEdits(before: string, after: string): { start: number; end: number; text: string }[] {
  let p = 0
  while (p < before.length && p < after.length && before[p] === after[p]) p++
  let s = 0
  while (s < before.length - p && s < after.length - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++
  const a = before.slice(p, before.length - s)
  const b = after.slice(p, after.length - s)
  if (a.length !== b.length) return a === '' && b === '' ? [] : [{ start: p, end: p + a.length, text: b }]
  // Same length (width fixes such as ( → （): one edit per stretch of changed characters.
  const edits: { start: number; end: number; text: string }[] = []
  for (let i = 0; i < a.length; ) {
    if (a[i] === b[i]) {
      i++
      continue
    }
    let j = i
    while (j < a.length && a[j] !== b[j]) j++
    edits.push({ start: p + i, end: p + j, text: b.slice(i, j) })
    i = j
  }
  return edits
}

/**
 * Writes the fix replacing `before` at text offset `at` by `after` as tracked changes.
 * Returns false (and changes nothing) when an edit cannot be placed in one paragraph or
 * touches text inside a revision the document already has.
 */
function trackFix(
  doc: XmlDocument,
  mapped: MappedText,
  paragraphs: Element[],
  at: number,
  before: string,
  after: string,
  newId: () => number,
  date: string,
): boolean {
  type Planned = { paragraph: Element; start: number; end: number; text: string }
  const planned: Planned[] = []
  for (const edit of diffEdits(before, after)) {
    const s = at + edit.start
    const e = at + edit.end
    const segs = mapped.segments.filter((g) => (s === e ? g.start <= s && s <= g.end : g.start < e && s < g.end))
    if (segs.length === 0) return false
    if (segs.length > 1 && edit.text !== '') return false
    for (const g of segs) {
      if (g.paragraph === undefined || g.paraStart === undefined || !paragraphs[g.paragraph - 1]) return false
      const ps = g.paraStart + (Math.max(s, g.start) - g.start)
      const pe = g.paraStart + (Math.min(e, g.end) - g.start)
      planned.push({ paragraph: paragraphs[g.paragraph - 1]!, start: ps, end: pe, text: edit.text })
      if (s === e) break
    }
  }
  // Refuse before touching anything when an edit lands in an existing revision.
  for (const pl of planned) {
    const { pieces } = paragraphText(pl.paragraph, true)
    const touched = pieces.filter((pc) => pc.start < pl.end && pl.start < pc.end)
    if (touched.some((pc) => inRevision(pc.run, pl.paragraph))) return false
  }
  // Apply from the end of each paragraph backwards (offsets are stable either way).
  for (const pl of planned.sort((x, y) => y.start - x.start)) {
    let anchor: Element | undefined
    let rPr: Element | undefined
    if (pl.end > pl.start) {
      boundary(doc, pl.paragraph, pl.end)
      boundary(doc, pl.paragraph, pl.start)
      const { pieces } = paragraphText(pl.paragraph, true)
      const runs = [...new Set(pieces.filter((pc) => pc.start >= pl.start && pc.end <= pl.end).map((pc) => pc.run))]
      for (const run of runs) {
        const del = el(doc, 'del', { id: newId(), author: PLANLINT_AUTHOR, date })
        run.parentNode!.insertBefore(del, run)
        del.appendChild(run)
        for (const t of Array.from(run.getElementsByTagNameNS(W_NS, 't'))) {
          const dt = el(doc, 'delText')
          dt.setAttribute('xml:space', 'preserve')
          dt.appendChild(doc.createTextNode(t.textContent ?? ''))
          run.replaceChild(dt, t)
        }
        anchor = del
      }
      rPr = runs[0] ? runProperties(runs[0]) : undefined
    }
    if (pl.text !== '') {
      const ins = el(doc, 'ins', { id: newId(), author: PLANLINT_AUTHOR, date })
      const r = el(doc, 'r')
      if (rPr) r.appendChild(rPr.cloneNode(true))
      const t = el(doc, 't')
      t.setAttribute('xml:space', 'preserve')
      t.appendChild(doc.createTextNode(pl.text))
      r.appendChild(t)
      ins.appendChild(r)
      if (anchor) anchor.parentNode!.insertBefore(ins, anchor.nextSibling)
      else insertAt(boundary(doc, pl.paragraph, pl.start), ins)
    }
  }
  return true
}

/** True when a run sits inside a revision someone else made (or a move). */
function inRevision(run: Element, p: Element): boolean {
  for (const name of ['ins', 'del', 'moveFrom', 'moveTo']) {
    const r = closestW(run, name, p)
    if (r && r.getAttributeNS(W_NS, 'author') !== PLANLINT_AUTHOR) return true
  }
  return false
}
