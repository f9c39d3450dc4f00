/**
 * `planlint explain FILE --format tree`: the one tree rules walk (src/plan/tree.ts), one node a
 * line — structure nodes with their role or plan object, paragraphs with their kind, sentences,
 * and the plan's facts each node holds — with where the user sees it. Words and punctuation
 * are left out (a sentence's text shows them).
 */
import type { NlcstRoot } from '../parse/index.js'
import type { PlanLeaf } from '../plan/tree.js'
import type { UserLocation } from '../support/position.js'

type Locate = (offset: number) => UserLocation

interface TreeNode {
  type: string
  position?: { start: { offset?: number | undefined; line?: number; column?: number }; end: { offset?: number | undefined } } | undefined
  children?: TreeNode[]
  data?: { role?: string; kind?: string; plan?: PlanLeaf[]; item?: { name: string }; task?: { title: string } }
}

const MAX_TEXT = 30

/** The tree as indented lines. `text` is the linted text (node text is a slice of it). */
export function explainTree(tree: NlcstRoot, text: string, locate?: Locate): string {
  const out: string[] = []
  const place = (offset: number | undefined): string => {
    if (offset === undefined) return ''
    if (!locate) return ''
    const loc = locate(offset)
    if (loc.page) return `第${loc.page}页`
    if (loc.paragraph) return `第${loc.paragraph}段`
    return `${loc.line}:${loc.column}`
  }
  const quote = (s: number | undefined, e: number | undefined): string => {
    if (s === undefined || e === undefined) return ''
    const t = text.slice(s, e).replace(/\s+/g, ' ').trim()
    return `“${t.length > MAX_TEXT ? `${t.slice(0, MAX_TEXT - 1)}…` : t}”`
  }
  const walk = (n: TreeNode, depth: number): void => {
    if (n.type === 'WhiteSpaceNode') return
    const s = n.position?.start.offset
    const e = n.position?.end.offset
    const label = [n.type]
    if (n.data?.role) label.push(`role=${n.data.role}`)
    if (n.data?.kind) label.push(`kind=${n.data.kind}`)
    if (n.data?.item) label.push(`「${n.data.item.name}」`)
    if (n.data?.task) label.push(`「${n.data.task.title}」`)
    const at = place(s)
    if (at) label.push(`[${at}]`)
    if (n.type === 'ParagraphNode' || n.type === 'SentenceNode') label.push(quote(s, e))
    out.push(`${'  '.repeat(depth)}${label.join(' ')}`)
    for (const f of n.data?.plan ?? []) out.push(`${'  '.repeat(depth + 1)}· ${fact(f)} ${quote(f.position.start.offset, f.position.end.offset)}`)
    if (n.type === 'SentenceNode') return
    for (const c of n.children ?? []) walk(c, depth + 1)
  }
  walk(tree as unknown as TreeNode, 0)
  return out.join('\n') + '\n'
}

function fact(f: PlanLeaf): string {
  switch (f.type) {
    case 'heading':
      return `heading level=${f.level} role=${f.role}`
    case 'responsibility':
      return `responsibility ${f.convention}${f.lead.length ? ` lead=${f.lead.map((u) => u.name).join('、')}` : ''}${f.partners.length ? ` partners=${f.partners.map((u) => u.name).join('、')}` : ''}`
    case 'unit':
      return `unit ${f.name}${f.vague ? ' (vague)' : ''}`
    case 'target':
      return `target ${f.year}${f.quantified ? ' quantified' : ''}`
    case 'citation':
      return `citation《${f.title}》`
    case 'docNumber':
      return `docNumber ${f.text}`
    default:
      return f.type
  }
}
