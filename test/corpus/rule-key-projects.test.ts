import { expandGroups } from '../../src/engine/group.js'
/** key-projects on the four real plans in ../shared/corpus (corpus suite: npm run test:corpus). */
import { describe, expect, it } from 'vitest'
import rule from '../../rules/key-projects.js'
import { lintText } from '../../src/lint/lint.js'
import { RuleTester } from '../../src/testing/rule-tester.js'
import { corpusDir, corpusFiles, readCorpus, type CorpusName } from './corpus.js'

describe('key-projects on the corpus', () => {
  const expected: Record<CorpusName, [string, number][]> = {
    qingyunpu: [],
    leping: [],
    // against Sichuan's 六项重点任务: no 国际交流合作 at all; 科技资源科普化 renamed 科技资源科普转化工程;
    // 天府科技云 is named in three projects, so it is not reported
    'jinjiang-draft': [
      ['missing', 39],
      ['renamed', 45],
    ],
    nansha: [],
  }
  it.each(corpusFiles)('%s', (name) => {
    const r = lintText(readCorpus(name), { filePath: `${corpusDir}/${name}.txt`, config: { rules: { 'key-projects': 'warn' } } })
    const mine = expandGroups(r.messages).filter((m) => m.ruleId === 'key-projects')
    expect(mine.map((m) => [m.messageId, m.line])).toEqual(expected[name])
  })
})
