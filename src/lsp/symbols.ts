/**
 * Document symbols: the plan's outline (sections, the actions and projects, their tasks)
 * so the editor's outline view shows the plan's structure. Each heading's symbol spans
 * from its line to the line before the next heading at the same or a higher level.
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver'
import type { TextDocument } from 'vscode-languageserver-textdocument'
import { ROLE_LABELS } from '../explain/explain-text.js'
import type { HeadingNode, PlanTree, SectionRole, TaskNode } from '../types.js'
import type { DocumentText } from './document-text.js'

const KIND: Record<SectionRole, SymbolKind> = {
  preamble: SymbolKind.Namespace,
  goals: SymbolKind.Namespace,
  actions: SymbolKind.Package,
  projects: SymbolKind.Package,
  safeguards: SymbolKind.Namespace,
  annex: SymbolKind.Namespace,
  action: SymbolKind.Class,
  project: SymbolKind.Struct,
  task: SymbolKind.Method,
  other: SymbolKind.String,
}

export function documentSymbols(doc: TextDocument, text: DocumentText, plan: PlanTree): DocumentSymbol[] {
  const tasksByHeading = new Map<HeadingNode, TaskNode>()
  for (const t of plan.tasks) tasksByHeading.set(t.heading, t)
  const docEnd = text.linted.length
  const pos = (offset: number) => doc.positionAt(text.toDocument(offset))

  const build = (h: HeadingNode, end: number): DocumentSymbol => {
    const task = tasksByHeading.get(h)
    const name = `${h.marker}${h.title}`.trim() || h.title || '（无标题）'
    let detail = ROLE_LABELS[h.role] ?? ''
    if (task) detail = task.lead.length > 0 ? `牵头：${task.lead.map((u) => u.name).join('、')}` : '未找到牵头单位'
    const start = h.position.start.offset
    const selection = { start: pos(start), end: pos(Math.max(start, h.position.end.offset)) }
    const symbol: DocumentSymbol = {
      name,
      detail,
      kind: KIND[h.role] ?? SymbolKind.String,
      range: { start: selection.start, end: pos(Math.max(end, h.position.end.offset)) },
      selectionRange: selection,
    }
    const children = siblings(h.children, end)
    if (children.length > 0) symbol.children = children
    return symbol
  }
  const siblings = (list: HeadingNode[], end: number): DocumentSymbol[] =>
    list.map((h, i) => build(h, lineEndBefore(i + 1 < list.length ? list[i + 1]!.position.start.offset : end)))
  /** The end of the last line before `offset` (a symbol ends where the next one's line starts). */
  const lineEndBefore = (offset: number): number => {
    let o = offset
    while (o > 0 && text.linted.charCodeAt(o - 1) === 10) o--
    return o
  }
  return siblings(plan.outline, docEnd)
}
