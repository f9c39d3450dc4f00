import { expandGroups } from '../../src/engine/group.js'
/** target-alignment on the four real plans in ../shared/corpus (corpus suite: npm run test:corpus). */
import { describe, expect, it } from 'vitest'
import rule from '../../rules/target-alignment.js'
import { lintText } from '../../src/lint/lint.js'
import { RuleTester } from '../../src/testing/rule-tester.js'
import { corpusDir, corpusFiles, readCorpus, type CorpusName } from './corpus.js'

describe('target-alignment on the corpus', () => {
  const lint = (text: string, name: CorpusName) =>
    expandGroups(lintText(text, { filePath: `${corpusDir}/${name}.txt`, config: { rules: { 'target-alignment': 'warn' } } }).messages).filter((m) => m.ruleId === 'target-alignment')

  // qingyunpu 17% ≥ 江西 14%; leping 15% ≥ 江西 14%; jinjiang 18% (firm) ≥ 四川 13%; nansha states
  // no percentage for 2025 (quantified-targets reports that)
  it.each(corpusFiles)('%s: no finding', (name) => {
    expect(lint(readCorpus(name), name)).toEqual([])
  })

  it('jinjiang-draft below Sichuan’s 13% is not compared across a level (成都 has no 2025 target)', () => {
    const text = readCorpus('jinjiang-draft').replace('比例超过18%，力争达到20%', '比例超过12%，力争达到20%')
    expect(lint(text, 'jinjiang-draft')).toEqual([])
  })
  it('nansha with a 2025 percentage below 广州’s 24.5% is a finding (its city is the level above)', () => {
    const text = readCorpus('nansha').replace('到 2025 年,全区各人群', '到 2025 年,全区公民具备科学素质的比例达到20%,全区各人群')
    const found = lint(text, 'nansha')
    expect(found.map((m) => m.messageId)).toEqual(['below'])
    expect(found[0]!.message).toContain('低于《广州市全民科学素质行动规划纲要实施方案（2022—2025年）》的「达到24.5%」')
  })
})
