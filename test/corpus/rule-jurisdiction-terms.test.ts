import { expandGroups } from '../../src/engine/group.js'
/** jurisdiction-terms on the four real plans in ../shared/corpus (corpus suite: npm run test:corpus). */
import { describe, expect, it } from 'vitest'
import rule from '../../rules/jurisdiction-terms.js'
import { lintText } from '../../src/lint/lint.js'
import { RuleTester } from '../../src/testing/rule-tester.js'
import { corpusDir, corpusFiles, readCorpus, type CorpusName } from './corpus.js'

describe('jurisdiction-terms on the corpus', () => {
  const lint = (text: string, name: CorpusName) =>
    expandGroups(lintText(text, { filePath: `${corpusDir}/${name}.txt`, config: { rules: { 'jurisdiction-terms': 'warn' } } }).messages).filter((m) => m.ruleId === 'jurisdiction-terms')

  // leping says 全市 / 我市; the three districts say 全区 / 我区 of themselves and 全市 / 全省 of
  // the city and province above (nansha: 全国、全省、全市青少年科技活动)
  it.each(corpusFiles)('%s: no finding', (name) => {
    expect(lint(readCorpus(name), name)).toEqual([])
  })

  it('leping with a sentence copied from a district plan', () => {
    const text = readCorpus('leping').replace('到2025年，我市公民具备科学素质比例', '到2025年，我区公民具备科学素质比例')
    const found = lint(text, 'leping')
    expect(found.map((m) => [m.messageId, m.line])).toEqual([['wrongLevel', 25]])
    expect(found[0]!.suggestions?.[0]?.fix.text).toBe('我市')
  })
})
