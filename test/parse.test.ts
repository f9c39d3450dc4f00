import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { unified } from 'unified'
import { toString } from 'nlcst-to-string'
import type { Node, Parent } from 'unist'
import type { Paragraph, Root, Sentence } from 'nlcst'
import planlintParse, { parseText } from '../src/parse/index.js'

import { checkInvariants, leaves, lineColumnOf, paragraphs, sentences, walk } from './helpers/parse-tree.js'
import { plansDir } from './helpers/plans.js'

describe('parseText: tree shape', () => {
  it('makes one Paragraph per non-blank line, with line ends as Root WhiteSpace', () => {
    const root = parseText('一、总体要求\n\n  （一）指导思想  \n')
    expect(root.children.map((c) => [c.type, toString(c)])).toEqual([
      ['ParagraphNode', '一、总体要求'],
      ['WhiteSpaceNode', '\n\n'],
      ['ParagraphNode', '  （一）指导思想  '],
      ['WhiteSpaceNode', '\n'],
    ])
    const p = root.children[2] as Paragraph
    expect(p.children.map((c) => [c.type, toString(c)])).toEqual([
      ['WhiteSpaceNode', '  '],
      ['SentenceNode', '（一）指导思想'],
      ['WhiteSpaceNode', '  '],
    ])
  })

  it('keeps white-space-only lines in the Root WhiteSpace between paragraphs', () => {
    const root = parseText('甲\n \u3000\t\n乙')
    expect(root.children.map((c) => [c.type, toString(c)])).toEqual([
      ['ParagraphNode', '甲'],
      ['WhiteSpaceNode', '\n \u3000\t\n'],
      ['ParagraphNode', '乙'],
    ])
  })

  it('treats \\r of \\r\\n as white space at the end of the paragraph', () => {
    const root = parseText('第一段。\r\n第二段。\r\n')
    expect(paragraphs(root).map((p) => p.children.map((c) => c.type))).toEqual([
      ['SentenceNode', 'WhiteSpaceNode'],
      ['SentenceNode', 'WhiteSpaceNode'],
    ])
    expect(sentences('第一段。\r\n第二段。\r\n')).toEqual(['第一段。', '第二段。'])
  })

  it('parses the empty string and white space alone', () => {
    expect(parseText('').children).toEqual([])
    expect(parseText('').position).toEqual({
      start: { line: 1, column: 1, offset: 0 },
      end: { line: 1, column: 1, offset: 0 },
    })
    expect(parseText(' \n ').children.map((c) => c.type)).toEqual(['WhiteSpaceNode'])
  })

  it('makes Han runs and Latin/digit runs separate Words; punctuation and symbols one per character', () => {
    const s = (paragraphs(parseText('到2025年，比例达到15.5%以上（STEM教育）——１２３'))[0]!
      .children[0] as Sentence)
    expect(s.children.map((c) => [c.type, toString(c)])).toEqual([
      ['WordNode', '到'],
      ['WordNode', '2025'],
      ['WordNode', '年'],
      ['PunctuationNode', '，'],
      ['WordNode', '比例达到'],
      ['WordNode', '15'],
      ['PunctuationNode', '.'],
      ['WordNode', '5'],
      ['SymbolNode', '%'],
      ['WordNode', '以上'],
      ['PunctuationNode', '（'],
      ['WordNode', 'STEM'],
      ['WordNode', '教育'],
      ['PunctuationNode', '）'],
      ['SymbolNode', '—'],
      ['SymbolNode', '—'],
      ['WordNode', '１２３'],
    ])
    const word = s.children[0]!
    expect(word.type === 'WordNode' && word.children.map((c) => c.type)).toEqual(['TextNode'])
  })

  it('classifies the CJK brackets and marks as punctuation and ‰ ＋ · as symbols', () => {
    const s = paragraphs(parseText('〔〕《》“”（）【】、，：‰＋·'))[0]!.children[0] as Sentence
    expect(s.children.map((c) => c.type[0])).toEqual([...'PPPPPPPPPPPPPSSS'])
  })

  it('keeps a character outside the BMP whole, inside its Han run', () => {
    const s = paragraphs(parseText('𠀀科普𠀁a😀b'))[0]!.children[0] as Sentence
    expect(s.children.map((c) => [c.type, toString(c)])).toEqual([
      ['WordNode', '𠀀科普𠀁'],
      ['WordNode', 'a'],
      ['SymbolNode', '😀'],
      ['WordNode', 'b'],
    ])
  })

  it('keeps combining marks in their word', () => {
    const s = paragraphs(parseText('cafe\u0301 '))[0]!.children[0] as Sentence
    expect(s.children.map((c) => toString(c))).toEqual(['cafe\u0301'])
  })
})

describe('parseText: sentences', () => {
  it('ends sentences after full-width 。！？；… and half-width ! ? ;', () => {
    expect(sentences('甲。乙！丙？丁；戊……己!庚?辛;壬')).toEqual([
      '甲。', '乙！', '丙？', '丁；', '戊……', '己!', '庚?', '辛;', '壬',
    ])
  })

  it('keeps runs of terminators and closing quotes/brackets with the sentence they end', () => {
    expect(sentences('真的吗？！是的。”他说。）然后。」又。』再。》完')).toEqual([
      '真的吗？！', '是的。”', '他说。）', '然后。」', '又。』', '再。》', '完',
    ])
  })

  it('ends a sentence at every line end', () => {
    expect(sentences('一、总体要求\n（一）指导思想\n以习近平新时代中国特色社会主义思想为指导')).toEqual([
      '一、总体要求', '（一）指导思想', '以习近平新时代中国特色社会主义思想为指导',
    ])
  })

  it('does not split at the dot of a number or of a list marker', () => {
    expect(sentences('比例达到15.5%. 下一句')).toEqual(['比例达到15.5%.', '下一句'])
    expect(sentences('1.培养青少年科学精神。将弘扬科学精神')).toEqual(['1.培养青少年科学精神。', '将弘扬科学精神'])
    expect(sentences('- 2.提升基础教育阶段科学教育水平。完善')).toEqual(['- 2.提升基础教育阶段科学教育水平。', '完善'])
    expect(sentences('**10.对接“技能中国行动”。**健全')).toEqual(['**10.对接“技能中国行动”。**', '健全'])
    expect(sentences('计划2.0，持续实施。网址www.gov.cn.')).toEqual(['计划2.0，持续实施。', '网址www.gov.cn.'])
    // A dot after a number in the middle of a line does end the sentence.
    expect(sentences('共有12.下一句')).toEqual(['共有12.', '下一句'])
  })

  it('does not end a sentence inside brackets; ends it after a bracket that closes a terminator', () => {
    expect(sentences('加强宣传（牵头单位：区教育局。责任单位：区科协）。下一项')).toEqual([
      '加强宣传（牵头单位：区教育局。责任单位：区科协）。', '下一项',
    ])
    expect(sentences('开展活动。（区科协按职责分工负责。）下一项')).toEqual([
      '开展活动。', '（区科协按职责分工负责。）', '下一项',
    ])
    expect(sentences('参见《这是什么？》一书。完')).toEqual(['参见《这是什么？》一书。', '完'])
    // Quotes do not nest: the terminator inside the quote ends a sentence.
    expect(sentences('指出：“甲。乙。”这是遵循。')).toEqual(['指出：“甲。', '乙。”', '这是遵循。'])
    // An unclosed bracket keeps the rest of its line in one sentence, never past the line.
    expect(sentences('（未闭合。仍在。\n新行。')).toEqual(['（未闭合。仍在。', '新行。'])
  })

  it('puts white space between sentences under the Paragraph', () => {
    const p = paragraphs(parseText('第一句。 第二句。'))[0]!
    expect(p.children.map((c) => [c.type, toString(c)])).toEqual([
      ['SentenceNode', '第一句。'],
      ['WhiteSpaceNode', ' '],
      ['SentenceNode', '第二句。'],
    ])
  })

  it('splits a markdown task heading from its trailing responsibility note', () => {
    const line = '**3. 推进科学教育改革。**推动中小学开足开齐科学课程，建设一批科技创新实验室。（区教育局、区科协按职责分工负责）'
    const ss = sentences(line)
    expect(ss[0]).toBe('**3. 推进科学教育改革。**')
    expect(ss.at(-1)).toBe('（区教育局、区科协按职责分工负责）')
    expect(ss.join('')).toBe(line)
  })

  it('splits at half-width punctuation after a "- 1." marker, and at half-width semicolons', () => {
    const line = '- 2.推进科学教育。坚持立德树人,开展"科学家进校园"活动,每年覆盖学生5000人次。'
    const ss = sentences(line)
    expect(ss[0]).toBe('- 2.推进科学教育。')
    expect(ss[1]!.startsWith('坚持立德树人,开展"科学家进校园"活动')).toBe(true)
    expect(sentences('当前仍存在一些短板:基层科普力量薄弱;公民科学素质水平仍然较低;重点人群发展不均衡。').some((s) => s.endsWith('仍然较低;'))).toBe(true)
  })

  it('keeps a closing ASCII quote that follows 。 with its quotation', () => {
    const line = '习近平总书记强调:"科技创新、科学普及是实现创新发展的两翼。"这一重要论述为新时代科普工作指明了方向。'
    const ss = sentences(line)
    expect(ss.some((s) => s.endsWith('实现创新发展的两翼。"'))).toBe(true)
    expect(ss.at(-1)).toBe('这一重要论述为新时代科普工作指明了方向。')
  })

  it('ends a task line with its 〔牵头单位：…〕 note as a sentence of its own', () => {
    const line = '4.夯实科学教育基础。推动中小学配齐科学教师，建设科学教育实验室。〔牵头单位：区教育局、区科协〕'
    const ss = sentences(line)
    expect(ss[0]).toBe('4.夯实科学教育基础。')
    expect(ss.at(-1)).toBe('〔牵头单位：区教育局、区科协〕')
  })

  it('keeps （牵头单位：…。责任单位：…） whole within its sentence', () => {
    const line = '组织职工技能竞赛，弘扬工匠精神（牵头单位：县人社局、县总工会。责任单位：县工信局、县科协）。'
    const ss = sentences(line)
    const withLead = ss.find((s) => s.includes('牵头单位'))!
    expect(withLead).toMatch(/（牵头单位：[^）]*。责任单位：[^）]*）/)
    expect(ss.join('')).toBe(line)
  })
})

describe('parseText: positions', () => {
  it('gives 1-based lines, code-point columns and 0-based UTF-16 offsets', () => {
    const text = '标题\n\n  第一句。𠀀二。'
    const root = parseText(text)
    const p = paragraphs(root)[1]!
    const [s1, s2] = p.children.filter((c): c is Sentence => c.type === 'SentenceNode')
    expect(s1!.position).toEqual({
      start: { line: 3, column: 3, offset: 6 },
      end: { line: 3, column: 7, offset: 10 },
    })
    // 𠀀 is two UTF-16 code units (two offsets) but one code point (one column).
    expect(s2!.position).toEqual({
      start: { line: 3, column: 7, offset: 10 },
      end: { line: 3, column: 10, offset: 14 },
    })
    expect(root.children[1]!.position).toEqual({
      start: { line: 1, column: 3, offset: 2 },
      end: { line: 3, column: 1, offset: 4 },
    })
    expect(root.position!.end).toEqual({ line: 3, column: 10, offset: 14 })
    // Columns on the next line start again from 1, whatever the line before held.
    const next = parseText('𠀀𠀀\n甲𠀀乙')
    const last = paragraphs(next)[1]!.children[0] as Sentence
    expect(last.children[0]!.position!.end).toEqual({ line: 2, column: 4, offset: 9 })
  })
})

describe('parseText: properties', () => {
  it('is lossless with exact positions on arbitrary unicode strings (incl. lone surrogates)', () => {
    const anyUnit = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 60 }),
    )
    fc.assert(fc.property(anyUnit, (text) => checkInvariants(text)), { numRuns: 400 })
  })

  it('is lossless with exact positions on CJK-heavy text', () => {
    const alphabet = [
      ...'科学素质行动规划纲要实施方案牵头单位责任区教育局科协',
      ...'。！？；…，、：“”‘’（）《》〔〕【】「」',
      ...'.!?;,:"\'()[]',
      ...'0123456789１２％%‰＋—-·*#_',
      ...'aZｂ',
      ' ', '\u3000', '\t', '\r', '\n', '\n', '\n\n', '- ', '**', '1.', '15.5%',
      '𠀀', '😀', '\u0301', '\ud800', '\udc00', '\ufeff', '\u200b',
    ]
    const cjk = fc.array(fc.constantFrom(...alphabet), { maxLength: 80 }).map((a) => a.join(''))
    fc.assert(fc.property(cjk, (text) => checkInvariants(text)), { numRuns: 600 })
  })

  it('gives the same tree through the unified plugin', () => {
    const processor = unified().use(planlintParse)
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        expect(processor.parse(text)).toEqual(parseText(text))
      }),
      { numRuns: 50 },
    )
  })
})

describe("parseText: the project's plans", () => {
  for (const file of readdirSync(plansDir).filter((f) => f.endsWith('.txt'))) {
    it(`parses ${file} losslessly, one Paragraph per non-blank line`, () => {
      const text = readFileSync(path.join(plansDir, file), 'utf8')
      checkInvariants(text)
      const root = parseText(text)
      const nonBlank = text.split('\n').filter((l) => l.trim() !== '').length
      expect(paragraphs(root)).toHaveLength(nonBlank)
    })
  }
})
