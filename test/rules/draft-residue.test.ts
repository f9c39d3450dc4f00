import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import rule from '../../rules/draft-residue.js'
import { lintText } from '../../src/engine/lint.js'
import { RuleTester } from '../../src/engine/rule-tester.js'

const tester = new RuleTester()

tester.run('draft-residue', rule, {
  valid: [
    '一、总体要求\n积极宣传全民科学素质行动。',
    // Dashes that are not page furniture.
    '- ——突出科学精神引领。\n— 2025年目标 —\n——5个重点工程',
    // 征求意见稿 is fine while the document is a draft, or when status is not set.
    '关于印发实施方案的通知\n（征求意见稿）',
    { code: '（征求意见稿）', config: { status: 'draft' } },
    // Page numbers can be switched off.
    { code: '正文\n— 5 —\n正文', options: { pageNumbers: false } },
    // A bracket that is not a bookmark.
    '[注：见附件]正文',
  ],
  invalid: [
    {
      code: '[bookmark: _GoBack]积极宣传全民科学素质行动。',
      errors: [
        {
          messageId: 'bookmark',
          data: { marker: '[bookmark: _GoBack]' },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 20,
        },
      ],
      output: '积极宣传全民科学素质行动。',
    },
    {
      code: '（二）实施城市居民科学素质提升行动\n[bookmark: （二）实施农民科学素质提升行动。]6.开展科普宣传教育。',
      errors: [{ messageId: 'bookmark', line: 2, column: 1, endColumn: 29 }],
      output: '（二）实施城市居民科学素质提升行动\n6.开展科普宣传教育。',
    },
    {
      code: '正文[]{#_GoBack .anchor}继续',
      errors: [{ message: '残留的 Word 书签标记「[]{#_GoBack .anchor}」，定稿前应删除', column: 3 }],
      output: '正文继续',
    },
    {
      code: '推进_GoBack工作',
      errors: [{ messageId: 'goBack', column: 3, endColumn: 10 }],
      output: '推进工作',
    },
    {
      code: '培育理\n\n— 5 **—**\n\n项提升行动。',
      errors: [{ messageId: 'pageNumber', data: { line: '— 5 **—**' }, line: 3, column: 1, endColumn: 10 }],
      output: '培育理\n\n\n项提升行动。',
    },
    {
      code: '甲\n  - 12 -  \n乙\n— 7 —',
      errors: [
        { messageId: 'pageNumber', line: 2, column: 3, endColumn: 9 },
        { messageId: 'pageNumber', line: 4 },
      ],
      output: '甲\n乙',
    },
    {
      code: '锦江区全民科学素质行动实施方案\n（征求意见稿）',
      config: { status: 'final' },
      errors: [{ messageId: 'draftMark', data: { mark: '（征求意见稿）' }, line: 2, column: 1, endColumn: 8 }],
      output: null,
    },
  ],
})

describe('draft-residue on the corpus', () => {
  const corpus = (name: string) => readFileSync(new URL(`../../../shared/corpus/${name}`, import.meta.url), 'utf8')
  const only = { 'draft-residue': 'warn' as const }
  const lint = (name: string, status?: 'final') =>
    lintText(corpus(name), {
      filePath: name,
      config: { rules: only, ...(status ? { status } : {}) },
      preset: 'national',
    }).messages.filter((m) => m.ruleId === 'draft-residue')

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
    expect(first.messages.filter((m) => m.ruleId === 'draft-residue')).toEqual([])
    const second = lintText(first.output!, { config: { rules: only }, preset: 'national', fix: true })
    expect(second.output).toBeUndefined()
  })
})
