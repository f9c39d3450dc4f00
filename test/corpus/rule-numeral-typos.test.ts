import { expandGroups } from '../../src/engine/group.js'
/** numeral-typos on the four real plans in ../shared/corpus (corpus suite: npm run test:corpus). */
import { describe, expect, it } from 'vitest'
import rule from '../../rules/numeral-typos.js'
import { lintText } from '../../src/lint/lint.js'
import { RuleTester } from '../../src/testing/rule-tester.js'
import { corpusFiles, readCorpus } from './corpus.js'

describe('numeral-typos on the corpus', () => {
  const lint = (name: (typeof corpusFiles)[number]) =>
    expandGroups(lintText(readCorpus(name), { filePath: name, config: { rules: { 'numeral-typos': 'error' } }, preset: 'national' })
      .messages).filter((m) => m.ruleId === 'numeral-typos')
      .map((m) => [m.messageId, m.line])
  it('qingyunpu is clean', () => expect(lint('qingyunpu')).toEqual([]))
  it('leping: 二O三五 and a 2018－2022 range', () => {
    expect(lint('leping')).toEqual([
      ['zeroLookalike', 15],
      ['yearRange', 95],
    ])
  })
  it('jinjiang-draft: the 2021-2035 in a cited title', () => expect(lint('jinjiang-draft')).toEqual([['yearRange', 38]]))
  it('nansha: every (2022-2025年)', () => {
    expect(lint('nansha')).toEqual([5, 9, 13, 15, 15, 15, 229].map((l) => ['yearRange', l]))
  })
})
