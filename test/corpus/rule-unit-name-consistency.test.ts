import { expandGroups } from '../../src/engine/group.js'
/** unit-name-consistency on the four real plans in ../shared/corpus (corpus suite: npm run test:corpus). */
import { describe, expect, it } from 'vitest'
import rule from '../../rules/unit-name-consistency.js'
import { lintText } from '../../src/lint/lint.js'
import { RuleTester } from '../../src/testing/rule-tester.js'
import { corpusDir, corpusFiles, readCorpus, type CorpusName } from './corpus.js'

describe('unit-name-consistency on the corpus', () => {
  const expected: Record<CorpusName, number[]> = {
    // 区教育局 four times in tasks of actions led by 区教体局 (eleven times)
    qingyunpu: [57, 59, 61, 161],
    // 市文广新局 once beside 市文广新旅局 four times
    leping: [134],
    // 区新经济与科技局 eight times beside 区新经济和科技局 fifteen times
    'jinjiang-draft': [43, 47, 48, 51, 52, 62, 63, 64],
    nansha: [],
  }
  it.each(corpusFiles)('%s', (name) => {
    const r = lintText(readCorpus(name), { filePath: `${corpusDir}/${name}.txt`, config: { rules: { 'unit-name-consistency': 'warn' } } })
    const mine = expandGroups(r.messages).filter((m) => m.ruleId === 'unit-name-consistency')
    expect(mine.every((m) => m.messageId === 'inconsistent' && m.severity === 1)).toBe(true)
    expect(mine.map((m) => m.line)).toEqual(expected[name])
  })

  it('fixes jinjiang-draft to one name, and a second pass changes nothing', () => {
    const opts = { filePath: `${corpusDir}/jinjiang-draft.txt`, config: { rules: { 'unit-name-consistency': 'warn' as const } }, fix: true }
    const first = lintText(readCorpus('jinjiang-draft'), opts)
    expect(first.output).toBeDefined()
    expect(first.output).not.toContain('新经济与科技局')
    expect(lintText(first.output!, opts).output).toBeUndefined()
  })
})
