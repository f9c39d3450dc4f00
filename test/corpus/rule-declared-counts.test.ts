import { expandGroups } from '../../src/engine/group.js'
/** declared-counts on the four real plans in ../shared/corpus (corpus suite: npm run test:corpus). */
import { describe, expect, it } from 'vitest'
import rule from '../../rules/declared-counts.js'
import { lintText } from '../../src/lint/lint.js'
import { RuleTester } from '../../src/testing/rule-tester.js'
import { corpusDir, corpusFiles, readCorpus, type CorpusName } from './corpus.js'

describe('declared-counts on the corpus', () => {
  const lint = (text: string, name: CorpusName) =>
    expandGroups(lintText(text, { filePath: `${corpusDir}/${name}.txt`, config: { rules: { 'declared-counts': 'error' } } }).messages).filter((m) => m.ruleId === 'declared-counts')

  // every declared count in the corpus is right: qingyunpu 4 项提升行动 / 5项重点工程,
  // jinjiang 5项提升行动 / 5项重点工程 / “五大”重点人群, nansha 6大重点工程 and its 分工表's
  // 五项提升行动 / 六项重点工程; leping declares none
  it.each(corpusFiles)('%s: no finding', (name) => {
    expect(lint(readCorpus(name), name)).toEqual([])
  })

  it('qingyunpu with 5 declared for its 4 actions', () => {
    const text = readCorpus('qingyunpu').replace('实施 4 项提升行动', '实施 5 项提升行动')
    expect(lint(text, 'qingyunpu').map((m) => [m.messageId, m.line, m.severity])).toEqual([['mismatch', 49, 2]])
  })

  it('nansha with 7 declared for its 6 projects', () => {
    const text = readCorpus('nansha').replace('实施6大重点工程', '实施7大重点工程')
    expect(lint(text, 'nansha').map((m) => [m.messageId, m.line])).toEqual([['mismatch', 133]])
  })
})
