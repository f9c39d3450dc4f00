/**
 * Outline: headings found by their numbering markers, nested by level, with section roles.
 * Markdown `#`, `**` and list bullets are decoration and never decide a level.
 */
import type { HeadingNode, SectionRole } from './types.js'
import type { Line, Locator } from './lines.js'
import { matchMarker } from './markers.js'
import { isUnitName, isVague } from './units.js'
import { HAN_CLASS, SENTENCE_ENDS } from '../lexicon/index.js'

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
  return s.replace(/\*\*/g, '').replace(SPACE_IN_CJK, '').replace(/[。．.：:]+$/, '').trim()
}

/** A short line without terminal punctuation that could continue a broken heading. */
function isContinuation(line: Line | undefined): boolean {
  if (!line || line.kind !== 'text') return false
  const c = line.raw.slice(line.contentStart - line.start, line.contentEnd - line.start)
  if (c.length > 15 || matchMarker(c)) return false
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
  const t = s.replace(/[\s*]+$/, '')
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

const ROLE_PATTERNS: [SectionRole, RegExp][] = [
  ['preamble', /前言|引言|背景|现状/],
  ['safeguards', /组织实施|保障|实施步骤|进度安排|工作要求|组织领导|组织保障/],
  ['goals', /总体要求|指导思想|主要目标|工作目标|基本原则|总体目标|目标任务|^目标$|总体思路/],
  ['projects', /重点工程|工程$|重点任务$|专项行动$/],
  ['actions', /提升行动|行动$|重点人群/],
]

export function sectionRole(title: string): SectionRole {
  for (const [role, re] of ROLE_PATTERNS) if (re.test(title)) return role
  return 'other'
}

// `…科学素质提升` names a population's action even without 行动 and under any container —
// also under 重点任务, which otherwise holds projects (四川's 六项重点任务 are named
// 提升基层科普能力, 加强科普基础设施建设…, never after a population)
const ITEM_SUFFIX_ACTION = /(行动|科学素质提升)$/
const ITEM_SUFFIX_PROJECT = /(工程|专项|计划)$/

export interface Items {
  actions: Block[]
  projects: Block[]
  actionsContainer?: Block
  projectsContainer?: Block
}

/**
 * Decides which headings are population actions and which are projects. A child of a
 * container titled 提升行动 is an action, of 重点工程 a project; under a neutral container
 * (重点任务和措施) the child's own suffix decides. Plans with no containers use level-1
 * headings ending in 行动/工程 directly.
 */
export function findItems(roots: Block[]): Items {
  const items: Items = { actions: [], projects: [] }
  // Several top-level headings that each name one action or project (`二、青少年科学素质提升
  // 行动`, `三、农民科学素质提升行动`): that level is the item level, whatever their
  // children's titles end with (a task may well be a `…计划` or `…行动`).
  const itemRoots = roots.filter((r) => itemKind(r.heading.title) && !isContainerTitle(r.heading.title) && !isOtherRole(r.heading.title))
  const flat = itemRoots.length >= 2 ? new Set(itemRoots) : undefined
  for (const root of roots) {
    if (flat?.has(root)) {
      root.heading.role = 'other'
      addItem(items, root, itemKind(root.heading.title)!)
    } else findItemsIn(root, items)
  }
  return items
}

function isOtherRole(title: string): boolean {
  const r = sectionRole(title)
  return r === 'goals' || r === 'safeguards' || r === 'preamble'
}

/** The actions and projects of a top-level block, or of a container nested in one (`二、重点任务` › `（一）五项提升行动` › `1.…行动`). */
function findItemsIn(block: Block, items: Items): void {
  const role = sectionRole(block.heading.title)
  block.heading.role = role
  if (role === 'goals' || role === 'safeguards' || role === 'preamble') {
    markDescendants(block, role)
    return
  }
  const kids = block.children.filter((c) => c.heading.level > block.heading.level)
  // A heading that names one population or project (`三、青少年科学素质提升行动`) is itself
  // the item, unless its children are items too.
  const kidsAreItems = kids.some((k) => itemKind(k.heading.title) !== undefined && !isContainerTitle(k.heading.title))
  const own = itemKind(block.heading.title)
  const container = isContainerTitle(block.heading.title)
  if (own && !container && !kidsAreItems) {
    addItem(items, block, own)
    return
  }
  let found = 0
  for (const kid of kids) {
    const kidRole = sectionRole(kid.heading.title)
    if (kidRole === 'safeguards' || kidRole === 'goals' || kidRole === 'preamble') continue
    if (isContainerTitle(kid.heading.title) && kid.children.length > 0) {
      findItemsIn(kid, items)
      continue
    }
    let kind = itemKind(kid.heading.title)
    if (!kind && container && role === 'actions') kind = 'action'
    else if (!kind && container && role === 'projects') kind = 'project'
    if (!kind) continue
    found++
    addItem(items, kid, kind, block)
  }
  const onlyActions = items.actions.some((a) => a.parent === block) && !items.projects.some((p) => p.parent === block)
  if (found > 0 && role === 'projects' && onlyActions) block.heading.role = 'actions'
  else if (found > 0 && role === 'other') {
    const onlyProjects = items.projects.some((p) => p.parent === block) && !items.actions.some((a) => a.parent === block)
    block.heading.role = onlyProjects ? 'projects' : 'actions'
  }
}

/** `…行动` names an action, `…工程`/`…专项`/`…计划` a project (container titles excluded by the caller). */
function itemKind(title: string): 'action' | 'project' | undefined {
  const t = stripVerb(title)
  if (ITEM_SUFFIX_ACTION.test(t)) return 'action'
  if (ITEM_SUFFIX_PROJECT.test(t)) return 'project'
  return undefined
}

/** Titles of the sections that hold the items: 提升行动, 五项提升行动, 重点工程, 六项重点任务… */
const CONTAINER = /^(实施)?([0-9一二三四五六七八九十]+(项|大)|“[一二三四五六七八九十]+大”)?(重点人群)?(科学素质)?(提升行动|行动|重点工程|工程|重点任务|主要任务|重点任务和措施|任务和措施|主要任务和措施)$/

export function isContainerTitle(title: string): boolean {
  return CONTAINER.test(stripVerb(title).replace(/\s+/g, ''))
}

function addItem(items: Items, block: Block, kind: 'action' | 'project', container?: Block): void {
  block.heading.role = kind
  if (kind === 'action') {
    items.actions.push(block)
    if (container && !items.actionsContainer) items.actionsContainer = container
  } else {
    items.projects.push(block)
    if (container && !items.projectsContainer) items.projectsContainer = container
  }
  for (const t of block.children) {
    t.heading.role = 'task'
    for (const d of t.children) markDescendants(d, 'other')
  }
}

function markDescendants(b: Block, role: SectionRole): void {
  for (const c of b.children) {
    c.heading.role = role === 'goals' || role === 'safeguards' || role === 'preamble' ? role : 'other'
    markDescendants(c, role)
  }
}

/** `实施青少年科学素质提升行动` → `青少年科学素质提升行动`. */
export function stripVerb(title: string): string {
  return title.replace(/^(实施|开展|推进|深入实施|组织实施)/, '').replace(/[。.]$/, '')
}
