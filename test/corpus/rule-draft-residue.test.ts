import { expandGroups } from '../../src/engine/group.js'
/** draft-residue on the four real plans in ../shared/corpus (corpus suite: npm run test:corpus). */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import rule from '../../rules/draft-residue.js'
import { lintText } from '../../src/lint/lint.js'
import { RuleTester } from '../../src/testing/rule-tester.js'

describe('draft-residue on the corpus', () => {
  const corpus = (name: string) => readFileSync(new URL(`../../../shared/corpus/${name}`, import.meta.url), 'utf8')
  const only = { 'draft-residue': 'warn' as const }
  const lint = (name: string, status?: 'final') =>
    expandGroups(lintText(corpus(name), {
      filePath: name,
      config: { rules: only, ...(status ? { status } : {}) },
      preset: 'national',
    }).messages).filter((m) => m.ruleId === 'draft-residue')

  it('finds the two bookmark markers of jinjiang-draft and nothing else', () => {
    const msgs = lint('jinjiang-draft.txt')
    expect(msgs.map((m) => [m.messageId, m.line, m.column])).toEqual([
      ['bookmark', 23, 1],
      ['bookmark', 73, 1],
    ])
    expect(msgs[1]!.message).toBe('残留的 Word 书签标记「[bookmark: _GoBack]」，定稿前应删除')
  })

  it('finds the nine page-number lines of nansha and nothing else', () => {
    const msgs = lint('nansha.txt')
    expect(msgs.every((m) => m.messageId === 'pageNumber')).toBe(true)
    expect(msgs.map((m) => m.line)).toEqual([57, 73, 85, 97, 105, 154, 165, 177, 183])
  })

  it('is silent on qingyunpu and leping, even as final documents', () => {
    expect(lint('qingyunpu.txt', 'final')).toEqual([])
    expect(lint('leping.txt', 'final')).toEqual([])
  })

  it('flags 征求意见稿 in jinjiang-draft only when the config says final', () => {
    expect(lint('jinjiang-draft.txt', 'final').filter((m) => m.messageId === 'draftMark').map((m) => m.line)).toEqual([4])
  })

  it('--fix removes the residue and a second --fix changes nothing', () => {
    const first = lintText(corpus('nansha.txt'), { config: { rules: only }, preset: 'national', fix: true })
    expect(first.output).toBeDefined()
    expect(first.output).not.toMatch(/^— \d+/m)
    expect(expandGroups(first.messages).filter((m) => m.ruleId === 'draft-residue')).toEqual([])
    const second = lintText(first.output!, { config: { rules: only }, preset: 'national', fix: true })
    expect(second.output).toBeUndefined()
  })
})
