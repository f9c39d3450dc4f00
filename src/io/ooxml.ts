/**
 * WordprocessingML through a real zip reader (jszip) and a real XML DOM (@xmldom/xmldom):
 * opening a .docx with clear errors, listing the paragraphs of the body in document order,
 * and the visible text of a paragraph as pieces tied to the `w:t` nodes that hold it — so
 * a text offset can be found in Word's run structure however the text is split into runs.
 * Shared by the .docx reader (paragraph numbers, comments and tracked changes) and
 * `planlint annotate` (which writes comments and tracked changes back).
 */
import type { Document as XmlDocument, Element } from '@xmldom/xmldom'
import type JSZip from 'jszip'
import { jszip, xmldom } from './word-libraries.js'
import { InputError } from './errors.js'
import { describeContainer, isEncryptedOoxml } from './sniff.js'
import { boundedDocxBytes, checkParagraphCount } from './zip-bounds.js'

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
export const PLANLINT_AUTHOR = 'planlint'

export interface OpenedDocx {
  /** The bytes the zip was read from (a zip64 archive rewritten as a plain zip). */
  bytes: Uint8Array
  zip: JSZip
  document: XmlDocument
  /** word/comments.xml when the document has one. */
  comments?: XmlDocument
}

/** Opens a .docx, refusing what is not one with a message that says what it is instead. */
export async function openDocx(bytes: Uint8Array, filePath: string): Promise<OpenedDocx> {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b
  if (!isZip) {
    throw new InputError(isEncryptedOoxml(bytes) ? 'encrypted' : 'unsupported-format', `扩展名是 .docx，但${describeContainer(bytes)}`, filePath)
  }
  // Every size is checked (and a zip64 archive made readable) before jszip inflates anything.
  bytes = boundedDocxBytes(bytes, filePath)
  let zip: JSZip
  try {
    zip = await jszip().loadAsync(bytes, { checkCRC32: true })
  } catch {
    throw new InputError('corrupt', '.docx 文件已损坏（ZIP 结构不完整，可能下载或复制时被截断）；请在 Word 中打开后重新保存', filePath)
  }
  const main = zip.file('word/document.xml')
  if (!main) {
    throw new InputError('corrupt', '这是 ZIP 压缩包，但不是 Word 文档（缺少 word/document.xml）', filePath)
  }
  let xml: string
  try {
    xml = await main.async('string')
  } catch {
    throw new InputError('corrupt', '.docx 文件已损坏（word/document.xml 无法解压）；请在 Word 中打开后重新保存', filePath)
  }
  checkParagraphCount(xml, filePath)
  const document = parseXml(xml, 'word/document.xml', filePath)
  const commentsFile = zip.file('word/comments.xml')
  const comments = commentsFile ? parseXml(await commentsFile.async('string'), 'word/comments.xml', filePath) : undefined
  return { bytes, zip, document, ...(comments ? { comments } : {}) }
}

/** Parses XML, turning any parse error into a one-line InputError. */
export function parseXml(xml: string, part: string, filePath: string): XmlDocument {
  let problem: string | undefined
  const parser = new (xmldom().DOMParser)({
    onError: (level, msg) => {
      if (level !== 'warning') problem ??= String(msg).split('\n')[0]
    },
  })
  let doc: XmlDocument
  try {
    doc = parser.parseFromString(xml, 'text/xml')
  } catch (e) {
    problem ??= e instanceof Error ? e.message.split('\n')[0] : String(e)
    doc = undefined as unknown as XmlDocument
  }
  if (problem !== undefined || !doc?.documentElement) {
    throw new InputError('corrupt', `.docx 文件已损坏（${part} 不是有效的 XML：${problem ?? '空文档'}）`, filePath)
  }
  return doc
}

/**
 * Serialises a part. A document may carry characters XML 1.0 cannot (`&#x1b;`, which the
 * lenient parser accepts): the serializer would write them raw and the part would no longer
 * parse, so they are dropped — the output is always well-formed.
 */
export function serializeXml(doc: XmlDocument): string {
  return new (xmldom().XMLSerializer)().serializeToString(doc).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
}

/** Element children of `el` (no text or comment nodes). */
export function childElements(el: Element): Element[] {
  const out: Element[] = []
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element)
  return out
}

export function isW(node: { namespaceURI?: string | null; localName?: string | null } | null | undefined, name: string): boolean {
  return !!node && node.namespaceURI === W_NS && node.localName === name
}

/** Nearest ancestor (or self) that is `w:<name>`, stopping at `stop`. */
export function closestW(node: Element, name: string, stop?: Element): Element | undefined {
  for (let n: Element | null = node; n && n !== stop; n = n.parentNode as Element | null) {
    if (n.nodeType === 1 && isW(n, name)) return n
  }
  return undefined
}

/**
 * The paragraphs of the body in document order, table cells included (a paragraph in a
 * text box follows the paragraph that anchors it). The 1-based index in this list is the
 * paragraph number planlint shows for a Word document.
 */
export function bodyParagraphs(doc: XmlDocument): Element[] {
  const body = doc.getElementsByTagNameNS(W_NS, 'body')[0]
  if (!body) return []
  return Array.from(body.getElementsByTagNameNS(W_NS, 'p'))
}

/** One stretch of a paragraph's visible text and the node it comes from. */
export interface Piece {
  /** `w:t` (text), `w:tab`, `w:br`/`w:cr` (one character each), or `w:delText` of a planlint deletion. */
  node: Element
  /** The run holding it. */
  run: Element
  start: number
  end: number
}

export interface ParagraphText {
  text: string
  pieces: Piece[]
}

/**
 * The visible text of a paragraph: `w:t` text, `w:tab` as `\t`, `w:br`/`w:cr` as `\n`;
 * deleted text (`w:delText`) is not visible. With `original`, the view before planlint's
 * own tracked changes: text planlint inserted is skipped and text it deleted counts, so
 * offsets stay those of the linted text while annotate edits the paragraph.
 */
export function paragraphText(p: Element, original = false): ParagraphText {
  const pieces: Piece[] = []
  let text = ''
  const visit = (el: Element): void => {
    for (const child of childElements(el)) {
      if (child.namespaceURI !== W_NS) {
        // mc:AlternateContent and the like: read the fallback only.
        if (child.localName === 'AlternateContent') {
          const fallback = childElements(child).find((c) => c.localName === 'Fallback')
          if (fallback) visit(fallback)
        }
        continue
      }
      switch (child.localName) {
        case 'p': // a paragraph in a text box is a paragraph of its own
        case 'pPr':
        case 'rPr':
        case 'txbxContent':
        case 'footnoteReference':
        case 'endnoteReference':
          continue
        case 'ins':
          if (original && child.getAttributeNS(W_NS, 'author') === PLANLINT_AUTHOR) continue
          visit(child)
          continue
        case 't':
        case 'delText': {
          if (child.localName === 'delText') {
            const del = closestW(child, 'del', p)
            if (!original || del?.getAttributeNS(W_NS, 'author') !== PLANLINT_AUTHOR) continue
          }
          const value = child.textContent ?? ''
          const run = closestW(child, 'r', p)
          if (run && value !== '') pieces.push({ node: child, run, start: text.length, end: text.length + value.length })
          text += value
          continue
        }
        case 'tab':
        case 'br':
        case 'cr': {
          const run = closestW(child, 'r', p)
          if (!run) continue
          pieces.push({ node: child, run, start: text.length, end: text.length + 1 })
          text += child.localName === 'tab' ? '\t' : '\n'
          continue
        }
        default:
          visit(child)
      }
    }
  }
  visit(p)
  return { text, pieces }
}
