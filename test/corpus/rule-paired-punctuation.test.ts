import { expandGroups } from '../../src/engine/group.js'
/** paired-punctuation on the four real plans in ../shared/corpus (corpus suite: npm run test:corpus). */
import { describe, expect, it } from 'vitest'
import rule from '../../rules/paired-punctuation.js'
import { lintText } from '../../src/lint/lint.js'
import { RuleTester } from '../../src/testing/rule-tester.js'
import { corpusFiles, readCorpus } from './corpus.js'

describe('paired-punctuation on the corpus', () => {
  const lint = (name: (typeof corpusFiles)[number]) =>
    expandGroups(lintText(readCorpus(name), { filePath: name, config: { rules: { 'paired-punctuation': 'error' } }, preset: 'national' })
      .messages).filter((m) => m.ruleId === 'paired-punctuation')
      .map((m) => [m.messageId, m.line, m.column])
  it('jinjiang-draft: the 〔…） of task 11', () => expect(lint('jinjiang-draft')).toEqual([['mismatch', 32, 190]]))
  it('qingyunpu: parens broken over PDF lines still pair', () => expect(lint('qingyunpu')).toEqual([]))
  it('leping and nansha are clean', () => {
    expect(lint('leping')).toEqual([])
    expect(lint('nansha')).toEqual([])
  })
})
