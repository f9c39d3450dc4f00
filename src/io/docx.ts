/**
 * .docx → text. mammoth turns the document into HTML (paragraphs, headings, list items,
 * tables; footnotes and comments left out, tracked insertions in and deletions out —
 * the text as it would read with all changes accepted); that HTML becomes one line per
 * paragraph and one line per table row with its cells joined by `\t`, so the plan builder
 * reads a 任务分工表 as a table. Each piece of text is then matched to its paragraph in
 * word/document.xml, which gives the paragraph number the user sees and, for
 * `planlint annotate`, the place in Word's runs. Comments and tracked changes are read
 * from the XML and kept as `residue`, so they are reported instead of silently dropped.
 */
import type { Element, Node as XmlNode } from '@xmldom/xmldom'
import { mammoth as mammothLib, xmldom } from './word-libraries.js'
import type { SourceResidue, SourceText } from './types.js'
import { InputError } from './errors.js'
import { mappedSource, TextBuilder, type MappedText, type Segment } from './mapped.js'
import { W_NS, bodyParagraphs, childElements, closestW, openDocx, paragraphText, type OpenedDocx } from './ooxml.js'

export interface DocxRead {
  source: SourceText
  mapped: MappedText
  opened: OpenedDocx
  /** Visible text of each body paragraph (index 0 = paragraph 1). */
  paragraphs: string[]
}

export async function readDocx(bytes: Uint8Array, filePath: string): Promise<SourceText> {
  return (await readDocxDetailed(bytes, filePath)).source
}

export async function readDocxDetailed(bytes: Uint8Array, filePath: string): Promise<DocxRead> {
  const opened = await openDocx(bytes, filePath)
  let html: string
  try {
    const checked = opened.bytes
    const buffer = Buffer.from(checked.buffer, checked.byteOffset, checked.byteLength)
    const mammoth = mammothLib()
    html = (await mammoth.convertToHtml({ buffer }, { ignoreEmptyParagraphs: false, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) })).value
  } catch (e) {
    throw new InputError('corrupt', `.docx 文件无法解析（${e instanceof Error ? e.message.split('\n')[0] : String(e)}）；请在 Word 中打开后重新保存`, filePath)
  }
  const paragraphs = bodyParagraphs(opened.document).map((p) => paragraphText(p).text)
  const mapped = htmlToMappedText(html, paragraphs)
  const residue = findResidue(opened, mapped)
  const source = mappedSource(mapped, filePath, 'docx', residue.length ? { residue } : {})
  return { source, mapped, opened, paragraphs }
}

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

/** mammoth's HTML → lines, each piece matched to a body paragraph of document.xml. */
export function htmlToMappedText(html: string, paragraphs: readonly string[]): MappedText {
  const doc = new (xmldom().DOMParser)().parseFromString(`<body>${html}</body>`, 'text/html')
  const body = doc.getElementsByTagName('body')[0]!
  const out = new TextBuilder()
  const keys = paragraphs.map(key)
  let cursor = 0

  /** Matches a block's text to the next body paragraph with the same text. */
  const place = (text: string): Omit<Segment, 'start' | 'end'> => {
    const k = key(text)
    for (let j = cursor; j < Math.min(keys.length, cursor + 400); j++) {
      if (keys[j] === k) {
        cursor = j + 1
        return paragraphs[j] === text ? { paragraph: j + 1, paraStart: 0 } : { paragraph: j + 1 }
      }
    }
    // Not found (mammoth saw text the XML walk does not): keep the neighbour's number.
    return cursor > 0 ? { paragraph: cursor } : {}
  }
  const line = (el: Element) => {
    const text = inlineText(el)
    out.add(text, place(text))
    out.endLine()
  }
  const walk = (el: Element): void => {
    for (const child of elementChildren(el)) {
      const tag = child.tagName.toLowerCase()
      if (BLOCKS.has(tag)) line(child)
      else if (tag === 'table') table(child)
      else if (tag === 'ul' || tag === 'ol') {
        if (elementChildren(child).some((li) => /^(footnote|endnote)-/.test(li.getAttribute('id') ?? ''))) continue
        list(child)
      } else walk(child)
    }
  }
  const list = (el: Element): void => {
    for (const li of elementChildren(el)) {
      if (li.tagName.toLowerCase() !== 'li') continue
      const nested = elementChildren(li).filter((c) => /^(ul|ol)$/i.test(c.tagName))
      const text = inlineText(li, true)
      out.add(text, place(text))
      out.endLine()
      for (const n of nested) list(n)
    }
  }
  const table = (el: Element): void => {
    // rows of this table only (thead/tbody may wrap them); a nested table's rows come with its cell
    for (const tr of findOutsideTables(el, 'tr')) {
      let first = true
      for (const cell of elementChildren(tr)) {
        if (!/^t[dh]$/i.test(cell.tagName)) continue
        if (!first) out.raw('\t')
        first = false
        const blocks = elementChildren(cell).filter((c) => BLOCKS.has(c.tagName.toLowerCase()))
        if (blocks.length === 0) continue
        for (const b of blocks) {
          const text = inlineText(b)
          out.add(text, place(text))
        }
      }
      out.endLine()
      for (const cell of elementChildren(tr)) for (const inner of findOutsideTables(cell, 'table')) table(inner)
    }
  }
  walk(body)
  return out.build()
}

function elementChildren(el: Element): Element[] {
  const out: Element[] = []
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element)
  return out
}

/**
 * The descendants of `el` named `tag` that no table inside `el` holds, in document order —
 * without descending into tables, so each element of a document is visited once however
 * deep its tables nest (no recursion: the depth is the input's).
 */
function findOutsideTables(el: Element, tag: string): Element[] {
  const out: Element[] = []
  const stack = elementChildren(el).reverse()
  while (stack.length > 0) {
    const e = stack.pop()!
    const name = e.tagName.toLowerCase()
    if (name === tag) out.push(e)
    else if (name !== 'table') for (let k = e.lastChild; k; k = k.previousSibling) if (k.nodeType === 1) stack.push(k as Element)
  }
  return out
}

/** Text of an inline run of HTML: `<br>` as a line end, footnote references left out. */
function inlineText(el: Element, skipLists = false): string {
  let s = ''
  const visit = (n: XmlNode): void => {
    if (n.nodeType === 3) {
      s += n.nodeValue ?? ''
      return
    }
    if (n.nodeType !== 1) return
    const e = n as Element
    const tag = e.tagName.toLowerCase()
    if (tag === 'br') {
      s += '\n'
      return
    }
    if (tag === 'a' && /^#(footnote|endnote)-/.test(e.getAttribute('href') ?? '')) return
    if (skipLists && (tag === 'ul' || tag === 'ol')) return
    for (let c = e.firstChild; c; c = c.nextSibling) visit(c)
  }
  for (let c = el.firstChild; c; c = c.nextSibling) visit(c)
  return s
}

/** Paragraph text compared without white space (mammoth and the XML may space differently). */
function key(text: string): string {
  return text.replace(/\s+/g, '')
}

/** Offset in the mapped text of `paraOffset` inside 1-based paragraph `n`. */
export function textOffsetOf(mapped: MappedText, n: number, paraOffset: number): number | undefined {
  let best: Segment | undefined
  for (const s of mapped.segments) {
    if (s.paragraph !== n) continue
    if (s.paraStart === undefined) return s.start
    if (s.paraStart <= paraOffset) best = s
  }
  if (!best) return undefined
  return Math.min(best.start + (paraOffset - (best.paraStart ?? 0)), best.end)
}

/** Comments and tracked changes, each placed at the text offset where it sits. */
function findResidue(opened: OpenedDocx, mapped: MappedText): SourceResidue[] {
  const out: SourceResidue[] = []
  const paragraphs = bodyParagraphs(opened.document)
  const commentText = new Map<string, { text: string; author?: string }>()
  if (opened.comments) {
    for (const c of Array.from(opened.comments.getElementsByTagNameNS(W_NS, 'comment'))) {
      const text = Array.from(c.getElementsByTagNameNS(W_NS, 'p'))
        .map((p) => paragraphText(p).text)
        .join('\n')
      const author = c.getAttributeNS(W_NS, 'author')
      commentText.set(c.getAttributeNS(W_NS, 'id') ?? '', { text, ...(author ? { author } : {}) })
    }
  }
  const placed = new Map<string, SourceResidue>()
  paragraphs.forEach((p, i) => {
    const { pieces } = paragraphText(p)
    /** Visible offset in the paragraph where `el` starts. */
    const offsetOf = (el: Element): number => {
      let at = 0
      for (const piece of pieces) {
        if (precedes(el, piece.node)) break
        at = piece.end
      }
      return at
    }
    const place = (el: Element) => textOffsetOf(mapped, i + 1, offsetOf(el)) ?? 0
    for (const el of descendants(p)) {
      if (el.namespaceURI !== W_NS) continue
      const author = el.getAttributeNS(W_NS, 'author') || undefined
      if ((el.localName === 'ins' || el.localName === 'del') && !closestW(el, 'rPr', p) && !closestW(el, 'pPr', p)) {
        const inner = Array.from(el.getElementsByTagNameNS(W_NS, el.localName === 'ins' ? 't' : 'delText'))
          .map((t) => t.textContent ?? '')
          .join('')
        if (inner === '') continue
        out.push({ kind: el.localName === 'ins' ? 'insertion' : 'deletion', offset: place(el), text: inner, ...(author ? { author } : {}) })
      } else if (el.localName === 'commentRangeStart' || el.localName === 'commentReference') {
        const id = el.getAttributeNS(W_NS, 'id') ?? ''
        if (placed.has(id)) continue
        const c = commentText.get(id)
        const entry: SourceResidue = { kind: 'comment', offset: place(el), text: c?.text ?? '', ...(c?.author ? { author: c.author } : {}) }
        placed.set(id, entry)
        out.push(entry)
      } else if (el.localName === 'commentRangeEnd') {
        // The end of the commented span (a suppression comment covers exactly that span).
        const entry = placed.get(el.getAttributeNS(W_NS, 'id') ?? '')
        if (entry) entry.end = Math.max(entry.offset, place(el))
      }
    }
  })
  return out.sort((a, b) => a.offset - b.offset)
}

function descendants(el: Element): Element[] {
  const out: Element[] = []
  const visit = (e: Element) => {
    for (const c of childElements(e)) {
      if (c.namespaceURI === W_NS && c.localName === 'p') continue
      out.push(c)
      visit(c)
    }
  }
  visit(el)
  return out
}

/** True when `b` comes after `a` in document order or inside it. */
function precedes(a: XmlNode, b: XmlNode): boolean {
  // DOCUMENT_POSITION_FOLLOWING = 4 (also set when a contains b)
  return (a.compareDocumentPosition(b) & 4) !== 0
}
