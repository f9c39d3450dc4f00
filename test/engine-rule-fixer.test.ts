/** The fixer API rules write fixes with (ESLint's): fix functions, merged fixes, suggestions. */
import { describe, expect, it } from 'vitest'
import { runRules, type RuleEntry } from '../src/engine/runner.js'
import { resolveFix, ruleFixer } from '../src/engine/rule-fixer.js'
import type { Fix, FixFunction, Rule } from '../src/engine/types.js'

interface Word {
  type: 'word'
  position: { start: { line: number; column: number; offset: number }; end: { line: number; column: number; offset: number } }
}

const at = (s: number, e: number): Word => ({
  type: 'word',
  position: { start: { line: 1, column: s + 1, offset: s }, end: { line: 1, column: e + 1, offset: e } },
})

function ruleFixing(fix: FixFunction, suggest?: FixFunction): Rule {
  return {
    meta: {
      id: 'fixing',
      type: 'problem',
      severity: 'error',
      docs: { description: { zh: '测试', en: 'test' }, url: 'https://example.test/fixing' },
      fixable: 'code',
      hasSuggestions: true,
      schema: { type: 'object', additionalProperties: false },
      messages: { found: '发现', alt: '另改' },
    },
    create(ctx) {
      return {
        word(node: Word) {
          ctx.report({ messageId: 'found', node, fix, ...(suggest ? { suggest: [{ desc: '另改', fix: suggest }] } : {}) })
        },
      }
    },
  }
}

function lint(text: string, word: Word, rule: Rule) {
  const rules = new Map<string, RuleEntry>([['fixing', { rule, severity: 2 }]])
  return runRules({ text, env: {}, rules, filePath: 'x.txt', walk: (visit) => visit('word', word, []) })
}

describe('fixer API', () => {
  const text = '推进科普工作。'
  const word = at(2, 4) // 科普

  it('replaceText, insertTextBefore/After and remove act on the node’s range', () => {
    expect(ruleFixer.replaceText(word, '科学普及')).toEqual({ range: [2, 4], text: '科学普及' })
    expect(ruleFixer.insertTextBefore(word, '「')).toEqual({ range: [2, 2], text: '「' })
    expect(ruleFixer.insertTextAfter(word, '」')).toEqual({ range: [4, 4], text: '」' })
    expect(ruleFixer.remove(word)).toEqual({ range: [2, 4], text: '' })
    expect(ruleFixer.removeRange([0, 2])).toEqual({ range: [0, 2], text: '' })
    expect(ruleFixer.replaceTextRange([4, 6], '工程')).toEqual({ range: [4, 6], text: '工程' })
    expect(ruleFixer.insertTextBeforeRange([4, 6], 'x')).toEqual({ range: [4, 4], text: 'x' })
    expect(ruleFixer.insertTextAfterRange([4, 6], 'y')).toEqual({ range: [6, 6], text: 'y' })
    expect(() => ruleFixer.replaceText({}, 'x')).toThrow(/位置/)
  })

  it('a fix function’s fix reaches the message', () => {
    const [m] = lint(text, word, ruleFixing((f) => f.replaceText(word, '科学普及')))
    expect(m!.fix).toEqual({ range: [2, 4], text: '科学普及' })
  })

  it('several fixes merge into one spanning them, the text between kept', () => {
    const [m] = lint(text, word, ruleFixing((f) => [f.insertTextAfter(word, '」'), f.insertTextBefore(word, '「')]))
    expect(m!.fix).toEqual({ range: [2, 4], text: '「科普」' })
    const merged = resolveFix((f) => [f.removeRange([0, 2]), f.replaceTextRange([4, 6], '事业')], text)!
    expect(text.slice(0, merged.range[0]) + merged.text + text.slice(merged.range[1])).toBe('科普事业。')
  })

  it('overlapping fixes are the rule’s error (one fatal message naming it)', () => {
    const [m] = lint(text, word, ruleFixing((f) => [f.replaceText(word, 'a'), f.removeRange([3, 5])]))
    expect(m!.fatal).toBe(true)
    expect(m!.message).toMatch(/fixing.*重叠/)
  })

  it('a fix function returning nothing gives no fix; a suggestion takes a fix function too', () => {
    const [m] = lint(text, word, ruleFixing(() => null, (f) => f.insertTextAfter(word, '活动')))
    expect(m!.fix).toBeUndefined()
    expect(m!.suggestions).toEqual([{ desc: '另改', fix: { range: [4, 4], text: '活动' } }])
  })

  it('a fix out of the text is refused', () => {
    const [m] = lint(text, word, ruleFixing((f) => f.removeRange([0, 99])))
    expect(m!.fatal).toBe(true)
  })

  it('a plain Fix object passes through unchanged', () => {
    const fix: Fix = { range: [0, 1], text: 'x' }
    expect(resolveFix(fix, text)).toBe(fix)
    expect(resolveFix(null, text)).toBeUndefined()
  })
})
