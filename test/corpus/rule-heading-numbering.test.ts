import { expandGroups } from '../../src/engine/group.js'
/** heading-numbering on the four real plans in ../shared/corpus (corpus suite: npm run test:corpus). */
import { describe, expect, it } from 'vitest'
import rule from '../../rules/heading-numbering.js'
import { lintText } from '../../src/lint/lint.js'
import { RuleTester } from '../../src/testing/rule-tester.js'
import { corpusFiles, readCorpus } from './corpus.js'

describe('heading-numbering on the corpus', () => {
  const lint = (name: (typeof corpusFiles)[number]) =>
    expandGroups(lintText(readCorpus(name), { filePath: name, config: { rules: { 'heading-numbering': 'warn' } }, preset: 'national' })
      .messages).filter((m) => m.ruleId === 'heading-numbering')
      .map((m) => [m.messageId, m.line])
  it('jinjiang-draft: 1、 总体要求 — wrong marker and a space', () => {
    expect(lint('jinjiang-draft')).toEqual([
      ['wrongMarker', 7],
      ['spaceAfter', 7],
    ])
  })
  it('accepts qingyunpu and leping (tasks numbered on across actions) and nansha (restarting)', () => {
    expect(lint('qingyunpu')).toEqual([])
    expect(lint('leping')).toEqual([])
    expect(lint('nansha')).toEqual([])
  })
})
