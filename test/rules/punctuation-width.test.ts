import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import rule, { halfWidthInChinese } from '../../rules/punctuation-width.js'
import { lintText } from '../../src/lint/lint.js'
import { RuleTester } from '../../src/testing/rule-tester.js'
import { onlyRule } from '../helpers/rules.js'

const tester = new RuleTester()

tester.run('punctuation-width', rule, {
  valid: [
    '到2025年，全区公民具备科学素质的比例达到17%。',
    // numbers, times, URLs, English
    '培训1,000人次，时间为9:30，网址 https://www.gov.cn/zhengce?id=1 。',
    'Science, technology: engineering (STEM) and maths!',
    // a Latin label before a colon is not Chinese punctuation
    '[bookmark: （二）实施农民科学素质提升行动。]',
    '',
  ],
  invalid: [
    {
      code: '实施方案 (2022—2025年)的通知',
      errors: [{ messageId: 'halfWidth', data: { count: 2, marks: '( )', full: '（）' }, line: 1, column: 6, endColumn: 7 }],
      output: '实施方案 （2022—2025年）的通知',
    },
    {
      code: '一、总体要求\n以提升技能素质为重点,提高产业工人职业技能;打造队伍.(牵头部门:区总工会)\n正文?真的!',
      errors: [
        { messageId: 'halfWidth', data: { count: 5, marks: ', ; ( : )', full: '，；（：）' }, line: 2, column: 11, endColumn: 12 },
        { messageId: 'halfWidth', data: { count: 2, marks: '? !', full: '？！' }, line: 3, column: 3 },
      ],
      output: '一、总体要求\n以提升技能素质为重点，提高产业工人职业技能；打造队伍.（牵头部门：区总工会）\n正文？真的！',
    },
    {
      // a half-width pair is converted as a pair, even when only one side touches Chinese
      code: '支持开展(STEM)教育',
      errors: [{ messageId: 'halfWidth', data: { count: 2, marks: '( )', full: '（）' }, column: 5 }],
      output: '支持开展（STEM）教育',
    },
  ],
})

describe('punctuation-width properties', async () => {
  // this rule alone: another rule's fix (heading-numbering removes a space) must not count
  const only = await onlyRule('punctuation-width')
  const chars = fc.constantFrom(...'科普教育区局,;:()?!，。（）1 2aB.'.split(''))
  const texts = fc.array(chars, { maxLength: 40 }).map((a) => a.join(''))
  const lint = (code: string, fix: boolean) =>
    lintText(code, { config: { rules: only }, preset: 'national', fix })
  it('the fix changes only the reported marks, into their full-width forms, and is idempotent', () => {
    fc.assert(
      fc.property(texts, (code) => {
        const out = lint(code, true).output ?? code
        expect(out.length).toBe(code.length)
        for (let i = 0; i < code.length; i++) {
          if (out[i] !== code[i]) expect(',;:()?!'.indexOf(code[i]!)).toBe('，；：（）？！'.indexOf(out[i]!))
        }
        expect(lint(out, true).output).toBeUndefined()
      }),
      { numRuns: 200 },
    )
  })
  it('reports at most one finding per line', () => {
    fc.assert(
      fc.property(fc.array(texts, { maxLength: 5 }), (lines) => {
        const msgs = lint(lines.join('\n'), false).messages.filter((m) => m.ruleId === 'punctuation-width')
        expect(new Set(msgs.map((m) => m.line)).size).toBe(msgs.length)
      }),
      { numRuns: 100 },
    )
  })
  it('leaves digits and Latin-only text alone', () => {
    expect(halfWidthInChinese('1,000 and 12:30 (ok)')).toEqual([])
  })
})
