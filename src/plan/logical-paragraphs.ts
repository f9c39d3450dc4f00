/**
 * The plan plugin's step between marking paragraphs and attaching facts: physical lines a
 * conversion broke in the middle of a sentence become one logical ParagraphNode.
 *
 * The parser makes one Paragraph per physical line (what a line is never depends on the plan).
 * A PDF converted to text breaks paragraphs at page ends, and sometimes at every line, with
 * blank lines between the halves: `…发挥政府在公民科学素质建设中的主` / `导作用，加强统筹协调…`.
 * Two body paragraphs that are siblings in the tree (so in the same section, action or task)
 * are one logical paragraph when
 *
 * - the first one reads as prose (it holds a comma, an enumeration comma, a colon or a
 *   sentence end somewhere) and stops in mid-sentence: its last character is a Han character,
 *   a letter or digit, or a mark that never ends a paragraph (，、“《（—);
 * - the second one does not start a new paragraph: no outline marker (一、 （一） 1.), no
 *   bullet or dash (—— - • ●), no 附件/注 line; it starts with a Han character or an opening
 *   quotation or title mark;
 * - only white space lies between them, with at most two blank lines.
 *
 * A heading paragraph joins the next line only when its heading is run in (`1.弘扬科学精神。将…`:
 * the paragraph's last sentence is text after the heading); a heading never continues a line.
 * Table rows, responsibility statements and page furniture never join, nor does
 * anything before the plan's first heading (title and issuing notice: their short lines end
 * without punctuation by nature) or in the annex. A page number between the halves keeps
 * them apart: it would have to sit inside the sentence. Joining is linear in the tree.
 *
 * The joined paragraph keeps every node it had: the last sentence of the first line and the
 * first sentence of the second become one Sentence with the line break as a WhiteSpace
 * inside it, so rules that read sentences see the whole sentence.
 */
import type { Paragraph, Sentence, SentenceContent, WhiteSpace } from 'nlcst'
import { HAN_CLASS } from '../lexicon/index.js'
import { lastAtOrBefore, pushAll } from '../text/arrays.js'
import { endBeforeDecoration } from './lines.js'
import { matchMarker } from './markers.js'
import type { PlanTree } from './types.js'

type Node = { type: string; position?: { start: { offset?: number | undefined }; end: { offset?: number | undefined } } | undefined; children?: Node[]; data?: { kind?: string } }

const startOf = (n: Node): number => n.position?.start.offset ?? 0
const endOf = (n: Node): number => n.position?.end.offset ?? 0

/** Marks that say the prose goes on: a paragraph never ends with one. */
const GOES_ON = '，、,“‘《〈（(—'
/** Some punctuation inside the first line: it is prose, not a title or a subheading. */
const PROSE = /[，、,。；;：:！？!?]/
const LAST_OF_BROKEN = new RegExp(`[${HAN_CLASS}A-Za-z0-9０-９${GOES_ON}]$`)
/** Leading decoration: spaces, markdown heading marks and bold, a bullet. */
const LEADING = /^(?:[ \t\u3000]|#{1,6}(?=\s)|\*\*|>)+/
/** A line that begins something new: a bullet or dash item, an annex or a note. */
const STARTS_NEW = /^(?:[-*+•·●■◆□○]|——|一一|--|附件|附表|注[：:]|备注)/
const FIRST_OF_CONTINUATION = new RegExp(`^[${HAN_CLASS}“‘《〈]`)
/** At most two blank lines between the halves. */
const MAX_BREAKS = 3

/** Joins broken lines into logical paragraphs in every container of `tree`. */
export function joinBrokenLines(tree: Node, plan: PlanTree, text: string): void {
  const from = plan.headings.length > 0 ? startOf(plan.headings[0]!) : Number.POSITIVE_INFINITY
  const annex = plan.sections.find((s) => s.role === 'annex')
  const to = annex ? startOf(annex) : Number.POSITIVE_INFINITY
  const headings = plan.headings as unknown as Node[]
  /** A heading paragraph whose last sentence is body text after its (run-in) heading. */
  const runIn = (a: Node): boolean => {
    const h = headings[lastAtOrBefore(headings, endOf(a) - 1, startOf)]
    const kids = a.children ?? []
    const last = kids[lastIndexOf(kids, 'SentenceNode')]
    return h !== undefined && last !== undefined && startOf(h) >= startOf(a) && endOf(h) <= startOf(last)
  }
  /** Paragraphs that took in a line already: prose, and only their last line is looked at. */
  const joined = new WeakSet<Node>()
  const visit = (parent: Node): void => {
    const kids = parent.children
    if (!kids) return
    const out: Node[] = []
    for (const child of kids) {
      if (child.type === 'SectionNode' || child.type === 'ActionNode' || child.type === 'ProjectNode' || child.type === 'TaskNode') visit(child)
      const space = out[out.length - 1]
      const first = out[out.length - 2]
      if (
        child.type === 'ParagraphNode' &&
        space?.type === 'WhiteSpaceNode' &&
        first?.type === 'ParagraphNode' &&
        startOf(first) >= from &&
        endOf(child) <= to &&
        (first.data?.kind === 'body' || (first.data?.kind === 'heading' && runIn(first))) &&
        broken(first, space, child, text, joined.has(first))
      ) {
        out.pop()
        join(first as unknown as Paragraph, space as unknown as WhiteSpace, child as unknown as Paragraph)
        joined.add(first)
        continue
      }
      out.push(child)
    }
    parent.children = out
  }
  visit(tree)
}

/** `a` (body text, or a run-in heading's text) stops in mid-sentence and `b` goes on with it. */
function broken(a: Node, space: Node, b: Node, text: string, prose: boolean): boolean {
  if (b.data?.kind !== 'body') return false
  const between = text.slice(startOf(space), endOf(space))
  let breaks = 0
  for (let i = 0; i < between.length; i++) if (between.charCodeAt(i) === 10) breaks++
  if (breaks === 0 || breaks > MAX_BREAKS) return false
  // the last physical line of `a` (all of it, unless it took in lines already): linear in a chain
  const end = endOf(a)
  const last = text.slice(Math.max(startOf(a), text.lastIndexOf('\n', end - 1) + 1), end)
  const first = last.slice(0, endBeforeDecoration(last))
  if (!(prose || PROSE.test(first)) || !LAST_OF_BROKEN.test(first)) return false
  const second = text.slice(startOf(b), endOf(b)).replace(LEADING, '')
  return FIRST_OF_CONTINUATION.test(second) && !STARTS_NEW.test(second) && matchMarker(second) === undefined
}

/** `a` becomes the logical paragraph of `a`, the line break and `b`. In place, in time linear in
 * `b` (a chain of broken lines, or one sentence broken over many, stays linear overall). */
function join(a: Paragraph, space: WhiteSpace, b: Paragraph): void {
  const last = lastIndexOf(a.children, 'SentenceNode')
  const firstOfB = b.children.findIndex((c) => c.type === 'SentenceNode')
  if (last === -1 || firstOfB === -1) {
    a.children.push(space)
    pushAll(a.children, b.children)
  } else {
    const tail = a.children[last] as Sentence
    const head = b.children[firstOfB] as Sentence
    // what lies between the two halves of the sentence: white space after the first, the line break, white space before the second
    pushAll(tail.children, a.children.slice(last + 1) as SentenceContent[])
    tail.children.push(space)
    pushAll(tail.children, b.children.slice(0, firstOfB) as SentenceContent[])
    pushAll(tail.children, head.children)
    tail.position = { start: tail.position!.start, end: head.position!.end }
    a.children.length = last + 1
    pushAll(a.children, b.children.slice(firstOfB + 1))
  }
  a.position = { start: a.position!.start, end: b.position!.end }
}

function lastIndexOf(children: readonly { type: string }[], type: string): number {
  for (let i = children.length - 1; i >= 0; i--) if (children[i]!.type === type) return i
  return -1
}
