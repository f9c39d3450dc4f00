/**
 * The parser without words (`{ words: false }`, built when nothing in a run reads below a
 * sentence: src/lint/tree-depth.ts): the same paragraphs, sentences and white space as the
 * whole tree, node for node and position for position, each sentence holding its text as one
 * SourceNode; lossless through retext-stringify, also after the plan plugin has joined broken
 * lines and put sections around them.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { unified } from 'unified'
import type { Node, Parent } from 'unist'
import planlintParse, { parseText } from '../src/parse/index.js'
import { analyseText, planlintProcessor } from '../src/lint/processor.js'
import { checkInvariants, walk } from './helpers/parse-tree.js'
import { plansDir } from './helpers/plans.js'

type Shape = { type: string; position: unknown; value?: string; kind?: string; children?: Shape[] }

/** The tree down to its sentences: what must not depend on whether words were built. */
function toSentences(node: Node): Shape {
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
function expectSourceSentences(root: Node, text: string): number {
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

/** Open-ended text: CJK and Latin, every terminator and bracket, CRLF, tabs, astral characters,
 * lone surrogates, and outline markers so that the plan plugin makes sections and joins lines. */
const pieces = [
  ...'科学素质行动规划纲要实施方案牵头单位责任区教育局科协',
  ...'。！？；…，、：“”‘’（）《》〔〕【】「」',
  ...'.!?;,:"\'()[]',
  ...'0123456789１２％%‰＋—-·*#_',
  ...'aZｂ',
  ' ', '\u3000', '\t', '\r\n', '\r', '\n', '\n', '\n\n', '- ', '**', '1.', '15.5%',
  '𠀀', '😀', '\u0301', '\ud800', '\udc00', '\ufeff', '\u200b',
  '\n一、', '\n（一）', '\n1.', '\n（牵头单位：区科协）', '\n附件', '加强统筹协调，推进', '\n导作用，',
]
const openText = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 80 }).map((a) => a.join('')),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 60 }),
)

describe('parseText without words', () => {
  it('keeps every invariant of the parser (lossless, exact lines and code-point columns, no split pair)', () => {
    fc.assert(fc.property(openText, (text) => checkInvariants(text, { words: false })), { numRuns: 500 })
  })

  it('has the paragraphs, sentences and white space of the whole tree, each sentence one SourceNode with its text', () => {
    fc.assert(
      fc.property(openText, (text) => {
        const shallow = parseText(text, { words: false })
        expect(toSentences(shallow)).toEqual(toSentences(parseText(text)))
        for (const node of walk(shallow)) {
          if (node.type !== 'SentenceNode') continue
          const [only, ...rest] = (node as Parent).children
          expect(rest).toEqual([])
          expect(only!.type).toBe('SourceNode')
          expect(only!.position).toEqual(node.position)
        }
        expectSourceSentences(shallow, text)
      }),
      { numRuns: 500 },
    )
  })

  it('makes no node inside a sentence but the one SourceNode', () => {
    const root = parseText('一、总体要求\n（一）加强 统筹，推进“科普”工作。牵头单位：区科协；abc 123 ‰\n', { words: false })
    const types = new Set([...walk(root)].map((n) => n.type))
    expect([...types].sort()).toEqual(['ParagraphNode', 'RootNode', 'SentenceNode', 'SourceNode', 'WhiteSpaceNode'])
    // the white space inside the sentence is in its SourceNode, not a node of its own
    const sentence = [...walk(root)].filter((n) => n.type === 'SentenceNode')[1] as Parent
    expect(sentence.children.map((c) => [c.type, (c as unknown as { value: string }).value])).toEqual([['SourceNode', '（一）加强 统筹，推进“科普”工作。']])
  })

  it('is what the unified parser plugin gives with { words: false }', () => {
    const processor = unified().use(planlintParse, { words: false })
    fc.assert(
      fc.property(openText, (text) => {
        expect(processor.parse(text)).toEqual(parseText(text, { words: false }))
      }),
      { numRuns: 100 },
    )
  })
})

describe('the processor without words', () => {
  const check = (text: string): void => {
    const shallow = analyseText(text, [], { words: false })
    const deep = analyseText(text)
    // sections, actions, tasks, logical paragraphs (joined lines) and sentences: the same
    expect(toSentences(shallow.tree)).toEqual(toSentences(deep.tree))
    expect(shallow.plan).toEqual(deep.plan)
    expect(planlintProcessor({ words: false }).stringify(shallow.tree)).toBe(text)
    expectSourceSentences(shallow.tree, text)
  }

  it('reads the same plan into the same structure, and prints back the exact text (open-ended text)', () => {
    fc.assert(fc.property(openText, check), { numRuns: 300 })
  })

  for (const file of readdirSync(plansDir).filter((f) => f.endsWith('.txt'))) {
    it(`reads ${file} into the same structure and plan, and prints it back exactly`, () => {
      check(readFileSync(path.join(plansDir, file), 'utf8'))
    })
  }

  it('keeps a sentence joined across a broken line as one sentence: its halves and the line break between them', () => {
    const text = '一、总体要求\n科学素质是国民素质的重要组成部分，对于增强国家自主创新能力和文化软\n\n实力具有十分重要的意义。\n'
    const { tree } = analyseText(text, [], { words: false })
    const joined = [...walk(tree)].find((n) => n.type === 'SentenceNode' && (n as Parent).children.length > 1) as Parent
    expect(joined.children.map((c) => [c.type, (c as unknown as { value: string }).value])).toEqual([
      ['SourceNode', '科学素质是国民素质的重要组成部分，对于增强国家自主创新能力和文化软'],
      ['WhiteSpaceNode', '\n\n'],
      ['SourceNode', '实力具有十分重要的意义。'],
    ])
    expect(planlintProcessor({ words: false }).stringify(tree)).toBe(text)
  })

  it('the default processor and parseText still build words', () => {
    const types = (root: Node) => new Set([...walk(root)].map((n) => n.type))
    expect(types(analyseText('开展科普活动。').tree)).toContain('WordNode')
    expect(types(planlintProcessor().parse('开展科普活动。'))).toContain('WordNode')
    expect(types(parseText('开展科普活动。'))).toContain('PunctuationNode')
  })
})
