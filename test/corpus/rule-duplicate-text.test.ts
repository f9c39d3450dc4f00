import { expandGroups } from '../../src/engine/group.js'
/** duplicate-text on the four real plans in ../shared/corpus (corpus suite: npm run test:corpus). */
import { describe, expect, it } from 'vitest'
import rule from '../../rules/duplicate-text.js'
import { lintText } from '../../src/lint/lint.js'
import { RuleTester } from '../../src/testing/rule-tester.js'
import { corpusFiles, readCorpus } from './corpus.js'

describe('duplicate-text on the corpus', () => {
  const lint = (name: (typeof corpusFiles)[number]) =>
    expandGroups(lintText(readCorpus(name), { filePath: name, config: { rules: { 'duplicate-text': 'warn' } }, preset: 'national' })
      .messages).filter((m) => m.ruleId === 'duplicate-text')
      .map((m) => [m.messageId, m.line, m.column])
  it('jinjiang-draft: task 26 repeats its title', () => expect(lint('jinjiang-draft')).toEqual([['title', 59, 15]]))
  it('nansha: the units the OCR of the 分工表 doubled', () => {
    expect(lint('nansha')).toEqual([
      ['clause', 245, 31],
      ['clause', 245, 45],
      ['clause', 245, 65],
      ['clause', 245, 82],
      ['clause', 279, 61],
    ])
  })
  it('qingyunpu and leping are clean', () => {
    expect(lint('qingyunpu')).toEqual([])
    expect(lint('leping')).toEqual([])
  })
})
