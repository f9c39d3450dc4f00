/** The parser on the four real plans of ../shared/corpus (corpus suite): whole plans parse
 * losslessly, and lines written in the corpus's own styles split into the right sentences. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseText } from '../../src/parse/index.js'
import { checkInvariants, expectSameWithoutWords, paragraphs, sentences } from '../helpers/parse-tree.js'
import { corpusDir } from './corpus.js'

const CORPUS_FILES = ['jinjiang-draft.txt', 'leping.txt', 'nansha.txt', 'qingyunpu.txt']
const corpus = Object.fromEntries(CORPUS_FILES.map((f) => [f, readFileSync(`${corpusDir}/${f}`, 'utf8')]))

function corpusLine(file: string, startsWith: string): string {
  const line = corpus[file]!.split('\n').find((l) => l.startsWith(startsWith))
  if (line === undefined) throw new Error(`no line starting with ${startsWith} in ${file}`)
  return line
}

describe('parseText: sentences of corpus lines', () => {
  it('splits real corpus lines: markdown task heading with trailing responsibility (qingyunpu)', () => {
    const line = corpusLine('qingyunpu.txt', '**2. 开展青少年科普教育和科技创新活动。**')
    const ss = sentences(line)
    expect(ss[0]).toBe('**2. 开展青少年科普教育和科技创新活动。**')
    expect(ss.at(-1)).toBe('（区教育局、区科协按职责分工负责）')
    expect(ss.join('')).toBe(line)
  })

  it('splits real corpus lines: half-width punctuation and "- 1." markers (nansha)', () => {
    const line = corpusLine('nansha.txt', '- 1.将弘扬科学精神贯穿于育人全链条。')
    const ss = sentences(line)
    expect(ss[0]).toBe('- 1.将弘扬科学精神贯穿于育人全链条。')
    expect(ss[1]!.startsWith('坚持立德树人,实施科学家精神进校园行动,持续举办好"院士专家校园行"')).toBe(true)
    const semicolons = corpusLine('nansha.txt', '在充分肯定成绩的同时')
    expect(sentences(semicolons).some((s) => s.endsWith('仍然较低;'))).toBe(true)
  })

  it('splits real corpus lines: a quotation whose closing ASCII quote follows 。 (nansha)', () => {
    const line = corpusLine('nansha.txt', '习近平总书记指出:"科技创新')
    const ss = sentences(line)
    expect(ss.some((s) => s.endsWith('难以实现科技成果快速转化。"'))).toBe(true)
    expect(ss.at(-1)).toBe('这一重要指示精神是新发展阶段科普和科学素质建设高质量发展的根本遵循。')
  })

  it('splits real corpus lines: task with 〔牵头单位：…，责任单位：…〕 (jinjiang)', () => {
    const line = corpusLine('jinjiang-draft.txt', '4.增强科学教育基础。')
    const ss = sentences(line)
    expect(ss[0]).toBe('4.增强科学教育基础。')
    expect(ss.at(-1)).toBe('〔牵头单位：区教育局、区科协〕')
  })

  it('keeps （牵头单位：…。责任单位：…） whole within its sentence (leping)', () => {
    const line = corpus['leping.txt']!.split('\n').find((l) => /（牵头单位：[^）]*。责任单位/.test(l))
    expect(line).toBeDefined()
    const ss = sentences(line!)
    const withLead = ss.find((s) => s.includes('牵头单位'))!
    expect(withLead).toMatch(/（牵头单位：[^）]*。责任单位：[^）]*）/)
    expect(ss.join('')).toBe(line)
  })
})

describe('parseText: corpus', () => {
  for (const file of CORPUS_FILES) {
    it(`parses ${file} losslessly, one Paragraph per non-blank line`, () => {
      const text = corpus[file]!
      checkInvariants(text)
      const root = parseText(text)
      const nonBlank = text.split('\n').filter((l) => l.trim() !== '').length
      expect(paragraphs(root)).toHaveLength(nonBlank)
    })
    it(`parses ${file} without words: the same paragraphs, sentences, structure and plan, printed back exactly`, () => {
      const text = corpus[file]!
      checkInvariants(text, { words: false })
      expectSameWithoutWords(text)
    })
  }
})
