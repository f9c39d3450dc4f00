/**
 * Outline: headings found by their numbering markers and nested by level (their roles and
 * items: items.ts). Markdown `#`, `**` and list bullets are decoration and never decide a level.
 */
import type { HeadingNode } from './types.js'
import type { Line, Locator } from './lines.js'
import { matchMarker } from './markers.js'
import { isUnitName, isVague } from './units.js'
import { HAN_CLASS, RESPONSIBILITY_LABEL, SENTENCE_ENDS } from '../lexicon/index.js'
import { trimEndWith, withoutTrailing } from '../text/trim.js'

/** A heading with the lines it governs (its own line up to the next heading). */
export interface Block {
  heading: HeadingNode
  /** Index of the heading's first line. */
  firstLine: number
  /** Index of the heading's last line (a heading broken over two lines spans two). */
  headLastLine: number
  /** Index one past the block's last line (the next heading's line, or the end). */
  endLine: number
  /** Offset where the heading's body text starts (after the title on a run-in line). */
  bodyStart: number
  parent?: Block
  children: Block[]
  inAnnex: boolean
}

/** A bracket of unit names closing a title (`弘扬科学精神（县教育局）`). */
function unitTail(title: string): { index: number } | undefined {
  const m = /[（(【〔]([^（(）)】〕]+)[）)】〕]\s*$/.exec(title)
  if (!m) return undefined
  const names = m[1]!.split(/[、，,]/).map((x) => x.trim()).filter(Boolean)
  return names.length > 0 && names.every((n) => isUnitName(n) && !isVague(n)) ? { index: m.index } : undefined
}
const RESPONSIBILITY_TAIL = /[（(〔][^（(〔]*(?:牵头|责任单位|负责)[^）)〕]*[）)〕]\s*$/
const SPACE_IN_CJK = new RegExp(`(?<=[${HAN_CLASS}])[ \\u3000]+(?=[${HAN_CLASS}])`, 'g')

/** Removes PDF spacing inside Chinese text and markdown bold marks. */
export function cleanTitle(s: string): string {
  return withoutTrailing(s.replace(/\*\*/g, '').replace(SPACE_IN_CJK, ''), '。．.：:').trim()
}

/** A statement of responsibility on its own line (`牵头单位：…`, `（牵头单位：…）`): never the rest of a heading. */
const STATEMENT_LINE = new RegExp(`^[（(〔【\\[]?\\s*(?:${RESPONSIBILITY_LABEL})\\s*[：:]`)

/** A short line without terminal punctuation that could continue a broken heading. */
function isContinuation(line: Line | undefined): boolean {
  if (!line || line.kind !== 'text') return false
  const c = line.raw.slice(line.contentStart - line.start, line.contentEnd - line.start)
  if (c.length > 15 || matchMarker(c) || STATEMENT_LINE.test(c)) return false
  for (const ch of c) if (SENTENCE_ENDS.includes(ch) || ch === '，' || ch === ',') return false
  return true
}

/** Finds headings in the lines, before the annex and inside it. */
export function findBlocks(lines: Line[], text: string, loc: Locator, annexLine: number): Block[] {
  const blocks: Block[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line.kind !== 'text') continue
    const content = text.slice(line.contentStart, line.contentEnd)
    const m = matchMarker(content)
    if (!m) continue
    const markerStart = line.contentStart
    const titleStart = markerStart + m.length
    // The title ends where a bold span closes, else at the first terminal punctuation.
    const rest = text.slice(titleStart, line.end)
    const restContent = text.slice(titleStart, line.contentEnd)
    let titleLen: number
    let runIn = false
    const bold = rest.indexOf('**')
    const boldOpened = text.slice(line.start, markerStart).includes('**')
    const term = firstTerminal(restContent)
    if (boldOpened && bold > 0) {
      titleLen = bold
      runIn = text.slice(titleStart + bold + 2, line.contentEnd).trim().length > 0
    } else if (term !== -1) {
      titleLen = term
      runIn = term + 1 < restContent.length
    } else {
      titleLen = restContent.length
    }
    // a responsibility statement closing the heading line (`…提升行动（牵头单位：…）`) is
    // not part of the title; the builder reads it as the block's statement
    const tail = RESPONSIBILITY_TAIL.exec(text.slice(titleStart, titleStart + titleLen)) ?? unitTail(text.slice(titleStart, titleStart + titleLen))
    if (tail && tail.index > 0) titleLen = tail.index
    let titleEnd = titleStart + titleLen
    let headLastLine = i
    // A heading broken by PDF conversion: a short, unpunctuated title continued on the next line.
    if (!runIn && term === -1 && titleLen <= 30) {
      let j = i + 1
      while (j < lines.length && (lines[j]!.kind === 'blank' || lines[j]!.kind === 'furniture') && j - i < 3) j++
      const next = lines[j]
      if (next && isContinuation(next) && titleLen + (next.contentEnd - next.contentStart) <= 40 && endsMidWord(restContent)) {
        headLastLine = j
        titleEnd = next.contentEnd
      }
    }
    let rawTitle = text.slice(titleStart, titleEnd)
    if (headLastLine !== i) {
      const next = lines[headLastLine]!
      rawTitle = text.slice(titleStart, titleStart + titleLen) + text.slice(next.contentStart, next.contentEnd)
    }
    const heading: HeadingNode = {
      type: 'heading',
      level: m.level,
      style: m.style,
      marker: m.marker,
      number: m.number,
      title: cleanTitle(rawTitle),
      role: 'other',
      markerPosition: loc.position(markerStart, markerStart + m.marker.length),
      titlePosition: loc.position(titleStart, titleEnd),
      position: loc.position(markerStart, titleEnd),
      runIn,
      children: [],
    }
    const bodyStart = runIn ? Math.min(line.contentEnd, titleEnd + (boldOpened && bold > 0 ? 2 : 1)) : lines[headLastLine]!.end
    blocks.push({ heading, firstLine: i, headLastLine, endLine: lines.length, bodyStart, children: [], inAnnex: i >= annexLine })
    i = headLastLine
  }
  for (let k = 0; k + 1 < blocks.length; k++) blocks[k]!.endLine = blocks[k + 1]!.firstLine
  if (blocks.length > 0 && annexLine < lines.length) {
    for (const b of blocks) if (!b.inAnnex && b.endLine > annexLine) b.endLine = annexLine
  }
  promoteMisnumberedTop(blocks)
  return blocks
}

function firstTerminal(s: string): number {
  for (let k = 0; k < s.length; k++) if (SENTENCE_ENDS.includes(s[k]!)) return k
  return -1
}

/** True when the title text does not look complete (ends inside a phrase, not on a noun suffix). */
function endsMidWord(s: string): boolean {
  const t = trimEndWith(s, '*')
  return !/(行动|工程|要求|思想|原则|目标|措施|保障|实施|领导|机制|体系|建设|计划|前言|任务|安排|条件|引导|工作)$/.test(t)
}

/**
 * A top-level heading numbered with an Arabic marker by mistake (`1、 总体要求` followed later
 * by `二、提升行动`) is a level-1 heading; the numbering rule reports the marker.
 */
function promoteMisnumberedTop(blocks: Block[]): void {
  // whether a level-1/2 heading (outside an annex) came before k, kept as k advances
  // (not re-read from the start for each heading: linear in the number of headings)
  let upperBefore = false
  for (let k = 0; k < blocks.length; k++) {
    const h = blocks[k]!.heading
    const skip = h.level !== 3 || upperBefore
    if (!blocks[k]!.inAnnex && h.level <= 2) upperBefore = true
    if (skip) continue
    let nextTop: Block | undefined
    for (let n = k + 1; n < blocks.length && !nextTop; n++) if (blocks[n]!.heading.level === 1) nextTop = blocks[n]
    const nextSub = blocks[k + 1]?.heading
    if (nextTop && nextTop.heading.number === h.number + 1 && nextSub && nextSub.level === 2) h.level = 1
    break
  }
}

/** Nests blocks by level into a tree; returns the roots. */
export function nest(blocks: Block[]): Block[] {
  const roots: Block[] = []
  const stack: Block[] = []
  for (const b of blocks) {
    if (b.inAnnex) continue
    while (stack.length > 0 && stack[stack.length - 1]!.heading.level >= b.heading.level) stack.pop()
    const parent = stack[stack.length - 1]
    if (parent) {
      b.parent = parent
      parent.children.push(b)
      parent.heading.children.push(b.heading)
    } else roots.push(b)
    stack.push(b)
  }
  return roots
}
