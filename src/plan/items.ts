/**
 * What the outline's headings are: each top-level block's section role (goals, actions,
 * projects, safeguards…) and which headings are the population actions and which the projects
 * (`findItems`). Reads the blocks outline.ts found and nested.
 */
import type { SectionRole } from './types.js'
import type { Block } from './outline.js'

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
