import { expandGroups } from '../../src/engine/group.js'
/** cited-documents on the four real plans in ../shared/corpus (corpus suite: npm run test:corpus). */
import { describe, expect, it } from 'vitest'
import rule from '../../rules/cited-documents.js'
import { lintText } from '../../src/lint/lint.js'
import { RuleTester } from '../../src/testing/rule-tester.js'
import { corpusDir, corpusFiles, readCorpus, type CorpusName } from './corpus.js'

describe('cited-documents on the corpus', () => {
  const expected: Record<CorpusName, [string, number][]> = {
    // cites the 科普法 in 2022: the law then in force
    qingyunpu: [],
    // 《江西省…实施方案（2021—2035年）》: the provincial plan is a 2021—2025 plan
    leping: [['wrongPeriod', 15]],
    // 《国务院关于印发全民科学素质行动规划纲要（2021—2035）年的通知》
    'jinjiang-draft': [['misplacedYear', 6]],
    nansha: [],
  }
  it.each(corpusFiles)('%s', (name) => {
    const r = lintText(readCorpus(name), { filePath: `${corpusDir}/${name}.txt`, config: { rules: { 'cited-documents': 'error' } } })
    const mine = expandGroups(r.messages).filter((m) => m.ruleId === 'cited-documents')
    expect(mine.map((m) => [m.messageId, m.line])).toEqual(expected[name])
  })
})
