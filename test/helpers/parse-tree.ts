/** Helpers shared by the parser tests (test/parse.test.ts, test/corpus/parse.test.ts): the tree's
 * paragraphs, sentences and leaves, and the invariants every parse must keep. */
import { expect } from 'vitest'
import { toString } from 'nlcst-to-string'
import type { Node, Parent } from 'unist'
import type { Paragraph, Root, Sentence } from 'nlcst'
import { parseText, type ParseOptions } from '../../src/parse/index.js'
import { analyseText, planlintProcessor } from '../../src/lint/processor.js'

export function paragraphs(root: Root): Paragraph[] {
  return root.children.filter((c): c is Paragraph => c.type === 'ParagraphNode')
}

/** Sentences of a text, as strings, in order. */
export function sentences(text: string): string[] {
  return paragraphs(parseText(text)).flatMap((p) =>
    p.children.filter((c): c is Sentence => c.type === 'SentenceNode').map((s) => toString(s)),
  )
}

export function* walk(node: Node): Generator<Node> {
  yield node
  const children = (node as Parent).children
  if (children) for (const c of children) yield* walk(c)
}

export function leaves(root: Root): string[] {
  const out: string[] = []
  for (const n of walk(root)) if (!(n as Parent).children) out.push((n as unknown as { value: string }).value)
  return out
}

/** Reference line/column (1-based, columns in code points) of offsets in `text`. */
export function lineColumnOf(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1)
  return (offset) => {
    let line = 0
    while (line + 1 < starts.length && starts[line + 1]! <= offset) line++
    return { line: line + 1, column: [...text.slice(starts[line]!, offset)].length + 1 }
  }
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff

/** Every invariant the parser promises, checked on one text (with or without words). */
export function checkInvariants(text: string, options: ParseOptions = {}): void {
  const root = parseText(text, options)
  const lineColumn = lineColumnOf(text)
  expect(leaves(root).join('')).toBe(text)
  expect(toString(root)).toBe(text)
  for (const node of walk(root)) {
    const { start, end } = node.position!
    expect(text.slice(start.offset, end.offset)).toBe(toString(node as never))
    expect({ line: start.line, column: start.column }).toEqual(lineColumn(start.offset!))
    expect({ line: end.line, column: end.column }).toEqual(lineColumn(end.offset!))
    // No node boundary falls inside a surrogate pair.
    for (const off of [start.offset!, end.offset!]) {
      if (off > 0 && off < text.length) {
        expect(isHigh(text.charCodeAt(off - 1)) && isLow(text.charCodeAt(off))).toBe(false)
      }
    }
  }
  for (const child of root.children) {
    expect(['ParagraphNode', 'WhiteSpaceNode']).toContain(child.type)
    if (child.type === 'ParagraphNode') {
      expect(toString(child)).not.toContain('\n')
      for (const c of child.children) {
        expect(['SentenceNode', 'WhiteSpaceNode']).toContain(c.type)
        if (c.type === 'SentenceNode') {
          expect(c.children.length).toBeGreaterThan(0)
          expect(c.children[0]!.type).not.toBe('WhiteSpaceNode')
          expect(c.children.at(-1)!.type).not.toBe('WhiteSpaceNode')
        }
      }
    } else {
      expect(toString(child).trim()).toBe('')
    }
  }
}

export type Shape = { type: string; position: unknown; value?: string; kind?: string; children?: Shape[] }

/** The tree down to its sentences: what must not depend on whether words were built. */
export function toSentences(node: Node): Shape {
  const out: Shape = { type: node.type, position: node.position }
  const value = (node as { value?: string }).value
  if (value !== undefined) out.value = value
  const kind = (node.data as { kind?: string } | undefined)?.kind
  if (kind !== undefined) out.kind = kind
  const children = (node as Parent).children
  if (children && node.type !== 'SentenceNode') out.children = children.map(toSentences)
  return out
}

/** Every sentence of a tree without words holds exactly its own text as one SourceNode. */
export function expectSourceSentences(root: Node, text: string): number {
  let count = 0
  for (const node of walk(root)) {
    if (node.type !== 'SentenceNode') continue
    count++
    const children = (node as Parent).children
    const own = text.slice(node.position!.start.offset, node.position!.end.offset)
    // a sentence the plan plugin joined across a line break keeps the white space between its halves
    const sources = children.filter((c) => c.type === 'SourceNode')
    expect(sources.length).toBeGreaterThan(0)
    expect(children.every((c) => c.type === 'SourceNode' || c.type === 'WhiteSpaceNode')).toBe(true)
    expect(children[0]!.type).toBe('SourceNode')
    expect(children.at(-1)!.type).toBe('SourceNode')
    expect(children.map((c) => (c as unknown as { value: string }).value).join('')).toBe(own)
    for (const c of children) expect(text.slice(c.position!.start.offset, c.position!.end.offset)).toBe((c as unknown as { value: string }).value)
  }
  return count
}

/** The processor with and without words on `text`: the same structure down to sentences and the
 * same plan; the tree without words prints back the exact text, each sentence its own text. */
export function expectSameWithoutWords(text: string): void {
  const shallow = analyseText(text, [], { words: false })
  const deep = analyseText(text)
  // sections, actions, tasks, logical paragraphs (joined lines) and sentences: the same
  expect(toSentences(shallow.tree)).toEqual(toSentences(deep.tree))
  expect(shallow.plan).toEqual(deep.plan)
  expect(planlintProcessor({ words: false }).stringify(shallow.tree)).toBe(text)
  expectSourceSentences(shallow.tree, text)
}
