import { expandGroups } from '../../src/engine/group.js'
/** punctuation-width on the four real plans in ../shared/corpus (corpus suite: npm run test:corpus). */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import rule, { halfWidthInChinese } from '../../rules/punctuation-width.js'
import { lintText } from '../../src/lint/lint.js'
import { RuleTester } from '../../src/testing/rule-tester.js'
import { corpusFiles, onlyRule, readCorpus } from './corpus.js'

describe('punctuation-width on the corpus', () => {
  const lint = (name: (typeof corpusFiles)[number]) =>
    expandGroups(lintText(readCorpus(name), { filePath: name, config: { rules: { 'punctuation-width': 'warn' } }, preset: 'national' }).messages).filter(
      (m) => m.ruleId === 'punctuation-width',
    )
  it('leping is clean', () => expect(lint('leping')).toEqual([]))
  it('jinjiang-draft: one stray comma', () => {
    expect(lint('jinjiang-draft').map((m) => [m.line, m.message])).toEqual([
      [18, '本段有 1 处半角标点（,）用在中文里，应改为全角（，）'],
    ])
  })
  it('qingyunpu: the title and the sections typed with half-width marks', () => {
    // ten paragraphs one by one, then the remaining four (9 marks) as one finding
    expect(lint('qingyunpu').map((m) => [m.line, Number(/(\d+) 处/.exec(m.message)![1])])).toEqual([
      [19, 2], [75, 1], [77, 7], [79, 4], [81, 9], [83, 6], [109, 4], [111, 2], [113, 2], [115, 2], [157, 9],
    ])
    expect(lint('qingyunpu').at(-1)!.message).toBe('此后另有 4 段共 9 处半角标点用在中文里，应改为全角（常见于从 PDF 转换的文稿）；使用 --fix 可一次全部改正')
    // with a higher limit, every paragraph is its own finding
    const all = lintText(readCorpus('qingyunpu'), { config: { rules: { 'punctuation-width': ['warn', { maxParagraphs: 100 }] } }, preset: 'national' })
    expect(expandGroups(all.messages).filter((m) => m.ruleId === 'punctuation-width')).toHaveLength(14)
  })
  it('nansha (from PDF, 113 logical paragraphs with half-width marks — two page-broken paragraphs are one each): ten findings and one for the rest, never a flood', () => {
    const msgs = lint('nansha')
    const lines = msgs.map((m) => m.line)
    expect(new Set(lines).size).toBe(lines.length)
    expect(msgs.length).toBe(11)
    expect(lines.slice(0, 6)).toEqual([5, 7, 9, 13, 15, 19])
    expect(msgs.at(-1)!.message).toMatch(/^此后另有 103 段共 \d+ 处半角标点/)
  })
  it('--fix converts them all and a second --fix changes nothing', () => {
    for (const name of corpusFiles) {
      const first = lintText(readCorpus(name), { config: { rules: { 'punctuation-width': 'warn' } }, preset: 'national', fix: true })
      expect(expandGroups(first.messages).filter((m) => m.ruleId === 'punctuation-width')).toEqual([])
      const second = lintText(first.output ?? readCorpus(name), { config: { rules: { 'punctuation-width': 'warn' } }, preset: 'national', fix: true })
      expect(second.output).toBeUndefined()
    }
  })
})
