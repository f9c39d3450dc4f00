/**
 * The scanner behind `parseText` (see `index.ts` for the tree it builds and why): one
 * linear pass per line, table-driven character classes, shared Point objects.
 */
import type {
  Paragraph,
  ParagraphContent,
  Punctuation,
  Root,
  RootContent,
  Sentence,
  SentenceContent,
  Symbol as SymbolNode,
  WhiteSpace,
  Word,
} from 'nlcst'
import type { Point, Position } from 'unist'
import { lowerBound } from '../text/arrays.js'
import {
  ALNUM,
  HAN,
  HIGH,
  MARK,
  PUNCT,
  WS,
  astralClass,
  bmp,
  charClass,
  isCloseBracket,
  isCloser,
  isDigit,
  isOpenBracket,
  isTerminator,
} from '../lexicon/char-class.js'

/** Characters that may precede a list number at the start of a line: `- 1.`, `**1.`. */
function isListLead(code: number): boolean {
  return (
    code === 0x20 || code === 0x09 || code === 0x3000 || // spaces
    code === 0x2d || code === 0x2a || code === 0x23 || code === 0x2b || code === 0x3e // - * # + >
  )
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

/**
 * Single-character strings of the punctuation blocks (General Punctuation, CJK Symbols and
 * Punctuation, Halfwidth and Fullwidth Forms), so that a Punctuation node allocates no new
 * string; V8 already shares one-byte single-character strings.
 */
const CHAR_BLOCKS: [number, number][] = [
  [0x2000, 0x2070],
  [0x3000, 0x3040],
  [0xff00, 0xfff0],
]
const charBlockStrings = CHAR_BLOCKS.map(([from, to]) =>
  Array.from({ length: to - from }, (_, i) => String.fromCharCode(from + i)),
)
function charString(code: number): string {
  for (let b = 0; b < CHAR_BLOCKS.length; b++) {
    const block = CHAR_BLOCKS[b]!
    if (code >= block[0] && code < block[1]) return charBlockStrings[b]![code - block[0]]!
  }
  return String.fromCharCode(code)
}

export class Scanner {
  private readonly text: string
  private line = 1
  private lineStart = 0
  /** The most recently made point; adjacent nodes share it (end of one = start of next). */
  private last: Point = { line: 1, column: 1, offset: 0 }
  /** Class and width (1 or 2 code units) of the character `classAt` looked at. */
  private klass = 0
  private width = 1

  /** Offsets of the high halves of surrogate pairs, or null when the text has none. */
  private readonly pairs: number[] | null

  /** Whether sentences get their Word/Punctuation/Symbol/WhiteSpace children (see ParseOptions). */
  private readonly words: boolean

  constructor(text: string, words = true) {
    this.text = text
    this.words = words
    this.pairs = surrogatePairs(text)
  }

  run(): Root {
    const text = this.text
    const n = text.length
    const children: RootContent[] = []
    // Start of the pending root-level white space (line ends, blank lines), or -1.
    let pending = -1
    let pendingPoint = this.last
    let pos = 0
    for (;;) {
      let le = text.indexOf('\n', pos)
      if (le === -1) le = n
      let first = pos
      while (first < le && charClass(text.charCodeAt(first)) === WS) first++
      if (first === le) {
        // Blank (or white-space-only) line: part of the root white space.
        if (pending === -1 && pos < n) {
          pending = pos
          pendingPoint = this.point(pos)
        }
      } else {
        if (pending !== -1) {
          children.push(whiteSpace(text, pending, pos, pendingPoint, this.point(pos)))
        }
        const paragraph = this.paragraph(pos, first, le)
        children.push(paragraph)
        pending = -1
        if (le < n) {
          pending = le
          pendingPoint = paragraph.position!.end
        }
      }
      if (le >= n) break
      pos = le + 1
      this.line++
      this.lineStart = pos
    }
    if (pending !== -1 && pending < n) {
      children.push(whiteSpace(text, pending, n, pendingPoint, this.point(n)))
    }
    return {
      type: 'RootNode',
      children,
      position: { start: { line: 1, column: 1, offset: 0 }, end: this.point(n) },
    }
  }

  /** Point of `offset` on the current line (shared with the previous node when adjacent). */
  private point(offset: number): Point {
    const last = this.last
    if (last.offset === offset && last.line === this.line) return last
    let column = offset - this.lineStart + 1
    // A surrogate pair is one column: subtract the pairs between line start and offset.
    if (this.pairs !== null) column -= pairsBefore(this.pairs, offset) - pairsBefore(this.pairs, this.lineStart)
    return (this.last = { line: this.line, column, offset })
  }

  private position(start: number, end: number): Position {
    return { start: this.point(start), end: this.point(end) }
  }

  /** One non-blank line [ls, le) whose first non-space character is at `first`. */
  private paragraph(ls: number, first: number, le: number): Paragraph {
    const text = this.text
    const children: ParagraphContent[] = []
    let te = le
    while (te > first && charClass(text.charCodeAt(te - 1)) === WS) te--
    if (first > ls) children.push(this.ws(ls, first))
    this.sentences(ls, first, te, children)
    if (te < le) children.push(this.ws(te, le))
    const start = children[0]!.position!.start
    return { type: 'ParagraphNode', children, position: { start, end: this.point(le) } }
  }

  private ws(start: number, end: number): WhiteSpace {
    return { type: 'WhiteSpaceNode', value: this.text.slice(start, end), position: this.position(start, end) }
  }

  /** Sets `klass` and `width` for the character at `i` (below `end`). */
  private classAt(i: number, end: number): void {
    const c = this.text.charCodeAt(i)
    let k = charClass(c)
    this.width = 1
    if (k === HIGH) {
      const d = i + 1 < end ? this.text.charCodeAt(i + 1) : 0
      if (isLowSurrogate(d)) {
        k = astralClass(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000)
        this.width = 2
      } else {
        k = 0 // lone high surrogate → Symbol
      }
    }
    this.klass = k
  }

  /**
   * Split the trimmed line content [a, b) into sentences, appended to `out`. Without words
   * (`this.words` false) the scan is the same, but a sentence keeps only where it starts and
   * ends: no node is made inside it.
   */
  private sentences(ls: number, a: number, b: number, out: ParagraphContent[]): void {
    const text = this.text
    const words = this.words
    // the open sentence's start (or -1) and, with words, its children
    let start = -1
    let sentence: SentenceContent[] = []
    let depth = 0
    let afterTerminator = false
    let i = a
    while (i < b) {
      this.classAt(i, b)
      const k = this.klass
      if (k === WS) {
        let j = i + 1
        while (j < b && charClass(text.charCodeAt(j)) === WS) j++
        if (start === -1) out.push(this.ws(i, j))
        else if (words) sentence.push(this.ws(i, j))
        afterTerminator = false
        i = j
        continue
      }
      if (start === -1) {
        start = i
        if (words) sentence = []
      }
      if (k === HAN || k === ALNUM) {
        let j = i + this.width
        while (j < b) {
          // Fast path: a BMP character already classified as the same kind.
          if (bmp[text.charCodeAt(j)] === k) {
            j++
            continue
          }
          this.classAt(j, b)
          if (this.klass !== k && this.klass !== MARK) break
          j += this.width
        }
        if (words) sentence.push(this.word(i, j))
        afterTerminator = false
        i = j
        continue
      }
      const code = text.charCodeAt(i)
      if (k !== PUNCT) {
        // Symbol (incl. a stray combining mark, a lone surrogate, controls).
        if (words) sentence.push(this.symbol(i, i + this.width))
        i += this.width
        if (!(afterTerminator && isCloser(code))) afterTerminator = false
        continue
      }
      if (this.width === 2) {
        // Punctuation outside the BMP: never a terminator or a bracket.
        if (words) sentence.push({ type: 'PunctuationNode', value: text.slice(i, i + 2), position: this.position(i, i + 2) })
        i += 2
        afterTerminator = false
        continue
      }
      if (words) sentence.push(this.leaf('PunctuationNode', i))
      i += 1
      let ends = false
      if (isTerminator(code) && (code !== 0x2e || this.dotEnds(ls, i - 1, b))) {
        if (depth === 0) ends = true
        else afterTerminator = true
      } else if (isOpenBracket(code)) {
        depth++
        afterTerminator = false
      } else if (isCloseBracket(code)) {
        if (depth > 0) depth--
        // `…推进。）` ends here; a title that ends in a terminator (`《这是什么？》`) does not.
        ends = depth === 0 && afterTerminator && code !== 0x300b && code !== 0x3009
      } else if (!isCloser(code)) {
        afterTerminator = false
      }
      if (ends) {
        i = this.closers(i, b, words ? sentence : null)
        out.push(words ? this.sentence(sentence) : this.source(start, i))
        start = -1
        depth = 0
        afterTerminator = false
      }
    }
    if (start !== -1) out.push(words ? this.sentence(sentence) : this.source(start, b))
  }

  private sentence(children: SentenceContent[]): Sentence {
    const start = children[0]!.position!.start
    const end = children[children.length - 1]!.position!.end
    return { type: 'SentenceNode', children, position: { start, end } }
  }

  /** A sentence without words: its text [start, end) as one SourceNode (sharing its Position). */
  private source(start: number, end: number): Sentence {
    const position = this.position(start, end)
    return { type: 'SentenceNode', children: [{ type: 'SourceNode', value: this.text.slice(start, end), position }], position }
  }

  /**
   * After a sentence-ending terminator, before `i`: take further terminators (`……`,
   * `？！`) and closers into sentence `s` (null: no words are made). Returns where the sentence ends.
   */
  private closers(i: number, b: number, s: SentenceContent[] | null): number {
    const text = this.text
    while (i < b) {
      const code = text.charCodeAt(i)
      if (!isTerminator(code) && !isCloser(code)) break
      if (s !== null) s.push(this.leaf(charClass(code) === PUNCT ? 'PunctuationNode' : 'SymbolNode', i))
      i++
    }
    return i
  }

  /** Whether the `.` at `i` ends a sentence (not `15.5`, not the `1.` of a list). */
  private dotEnds(ls: number, i: number, b: number): boolean {
    const text = this.text
    const prev = i > ls ? text.charCodeAt(i - 1) : 0
    const next = i + 1 < b ? text.charCodeAt(i + 1) : 0
    if (prev !== 0 && next !== 0 && charClass(prev) === ALNUM && charClass(next) === ALNUM) return false
    let j = i
    while (j > ls && isDigit(text.charCodeAt(j - 1))) j--
    if (j === i) return true
    while (j > ls && isListLead(text.charCodeAt(j - 1))) j--
    return j !== ls
  }

  private word(start: number, end: number): Word {
    const position = this.position(start, end)
    const value = this.text.slice(start, end)
    return {
      type: 'WordNode',
      children: [{ type: 'TextNode', value, position }],
      position,
    }
  }

  /** A one-code-unit Punctuation or Symbol at `i`. */
  private leaf<T extends 'PunctuationNode' | 'SymbolNode'>(type: T, i: number): Punctuation | SymbolNode {
    return { type, value: charString(this.text.charCodeAt(i)), position: this.position(i, i + 1) }
  }

  private symbol(start: number, end: number): SymbolNode {
    return { type: 'SymbolNode', value: this.text.slice(start, end), position: this.position(start, end) }
  }
}

const SURROGATE_PAIR = /[\ud800-\udbff][\udc00-\udfff]/g

function surrogatePairs(text: string): number[] | null {
  SURROGATE_PAIR.lastIndex = 0
  if (!SURROGATE_PAIR.test(text)) return null
  const pairs: number[] = []
  SURROGATE_PAIR.lastIndex = 0
  for (let m = SURROGATE_PAIR.exec(text); m !== null; m = SURROGATE_PAIR.exec(text)) pairs.push(m.index)
  return pairs
}

/** How many pairs end at or before `offset` (pairs are never split, so: start < offset). */
function pairsBefore(pairs: number[], offset: number): number {
  return lowerBound(pairs, offset)
}

function whiteSpace(text: string, start: number, end: number, startPoint: Point, endPoint: Point): WhiteSpace {
  return { type: 'WhiteSpaceNode', value: text.slice(start, end), position: { start: startPoint, end: endPoint } }
}
