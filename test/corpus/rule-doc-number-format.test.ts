import { expandGroups } from '../../src/engine/group.js'
/** doc-number-format on the four real plans in ../shared/corpus (corpus suite: npm run test:corpus). */
import { describe, expect, it } from 'vitest'
import rule from '../../rules/doc-number-format.js'
import { lintText } from '../../src/lint/lint.js'
import { RuleTester } from '../../src/testing/rule-tester.js'
import { corpusDir, corpusFiles, readCorpus, type CorpusName } from './corpus.js'

describe('doc-number-format on the corpus', () => {
  const expected: Record<CorpusName, [string, number][]> = {
    qingyunpu: [],
    leping: [],
    'jinjiang-draft': [],
    // its own 文号 穗南府[2022]7号; the cited ones (国发〔2021〕9号 …) are right
    nansha: [['brackets', 3]],
  }
  it.each(corpusFiles)('%s', (name) => {
    const r = lintText(readCorpus(name), { filePath: `${corpusDir}/${name}.txt`, config: { rules: { 'doc-number-format': 'error' } } })
    const mine = expandGroups(r.messages).filter((m) => m.ruleId === 'doc-number-format')
    expect(mine.map((m) => [m.messageId, m.line])).toEqual(expected[name])
  })
})
