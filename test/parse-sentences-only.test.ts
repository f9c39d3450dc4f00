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
import { checkInvariants, expectSameWithoutWords, expectSourceSentences, toSentences, walk } from './helpers/parse-tree.js'
import { plansDir } from './helpers/plans.js'

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
  const check = expectSameWithoutWords

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
