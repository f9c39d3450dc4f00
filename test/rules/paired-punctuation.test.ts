import { expandGroups } from '../../src/engine/group.js'
import { describe, expect, it } from 'vitest'
import rule from '../../rules/paired-punctuation.js'
import { lintText } from '../../src/lint/lint.js'
import { RuleTester } from '../../src/testing/rule-tester.js'

const tester = new RuleTester()

tester.run('paired-punctuation', rule, {
  valid: [
    '落实《国务院关于印发〈全民科学素质行动规划纲要〉的通知》（国发〔2021〕9号）。',
    '开展“院士（专家）进校园”活动【重点】。',
    // a pair broken over lines by PDF conversion, with page furniture between
    '（区教体局、区科协按职\n\n— 5 —\n\n责分工负责）',
    // enumerators written with a closing paren only
    '1）加强组织领导；2）保障经费投入。\na) 第一项',
    // a quotation over several paragraphs reopens with “ at each paragraph
    '他指出：“第一段。\n“第二段。”',
    // mixed widths next to Chinese are punctuation-width's finding, not this rule's
    '（区科协按职责分工负责)',
  ],
  invalid: [
    {
      code: '开展活动。〔牵头单位：区民政局，责任单位：各街道）',
      errors: [{ messageId: 'mismatch', data: { open: '〔', expected: '〕', close: '）' }, line: 1, column: 25, endColumn: 26 }],
      output: '开展活动。〔牵头单位：区民政局，责任单位：各街道〕',
    },
    {
      code: '加强教育（含线上线下。\n二、重点工程',
      errors: [{ messageId: 'unclosed', data: { open: '（', close: '）' }, line: 1, column: 5 }],
      output: null,
    },
    {
      code: '提升能力）。',
      errors: [{ messageId: 'unopened', data: { open: '（', close: '）' }, column: 5 }],
      output: null,
    },
    {
      // 《…〔…》: the 〔 is never closed; the 》 still closes the title
      code: '《关于〔2021〕印发的通知〔2022》。',
      errors: [{ messageId: 'unclosed', data: { open: '〔', close: '〕' }, column: 15 }],
      output: null,
    },
    {
      // the opener is on another line: which mark is wrong is not certain, so no fix
      code: '〔牵头单位：区科协，\n责任单位：各街道）',
      errors: [{ messageId: 'mismatch', line: 2, column: 9 }],
      output: null,
    },
    {
      code: 'Range (2021—2025）',
      errors: [{ messageId: 'mixedWidth', data: { open: '(', close: '）' }, column: 7, endColumn: 18 }],
      output: 'Range （2021—2025）',
    },
    {
      code: '“科普中国”“天府科技云”“锦江科普',
      errors: [{ messageId: 'unclosed', data: { open: '“', close: '”' }, column: 14 }],
      output: null,
    },
  ],
})


describe('paired-punctuation on a broken conversion', () => {
  it('reports at most 20 stray marks and counts the rest in one finding', async () => {
    const { lintText } = await import('../../src/index.js')
    const { onlyRule } = await import('../helpers/rules.js')
    const r = lintText(`一、总体要求\n${'（'.repeat(300)}正文。`, { config: { rules: await onlyRule('paired-punctuation', 'error') }, preset: 'national' })
    expect(expandGroups(r.messages)).toHaveLength(21)
    expect(expandGroups(r.messages).at(-1)!.message).toBe('此后还有 280 处括号、书名号或引号不配对，请通篇检查（常见于转换出错的文稿）')
  })
})
