import { describe, expect, it } from 'vitest'
import { defineRule } from '../src/rules-support/context.js'
import { RuleTester as CoreRuleTester } from '../src/testing/rule-tester-core.js'
import { RuleTester } from '../src/testing/rule-tester.js'
import { minimalPreset } from '../src/testing/empty-plan.js'
import type { Rule } from '../src/types.js'

/** Reports each 甲 and fixes it to `to`. */
function jiaRule(to = '乙', fixable: boolean = true): Rule {
  return defineRule({
    meta: {
      id: 'no-jia',
      type: 'suggestion',
      severity: 'error',
      docs: { description: { zh: '不用甲', en: 'no jia' }, url: 'https://example.test/no-jia' },
      fixable: fixable ? 'code' : false,
      schema: { type: 'object', properties: { word: { type: 'string' } }, additionalProperties: false },
      defaultOptions: { word: '甲' },
      messages: { jia: '不要写「{{word}}」' },
    },
    create(ctx) {
      const word = String(ctx.options.word)
      return {
        ParagraphNode(node) {
          const [s] = [node.position.start.offset as number]
          const para = ctx.getText(node)
          for (let i = para.indexOf(word); i !== -1; i = para.indexOf(word, i + word.length)) {
            const range: [number, number] = [s + i, s + i + word.length]
            ctx.report({ messageId: 'jia', data: { word }, range, ...(fixable ? { fix: { range, text: to } } : {}) })
          }
        },
      }
    },
  })
}

const tester = new CoreRuleTester({ preset: minimalPreset() })

/** Reports each 丙 with one suggestion: 丁. */
const bingRule: Rule = defineRule({
  meta: {
    id: 'no-bing',
    type: 'suggestion',
    severity: 'warn',
    docs: { description: { zh: '不用丙', en: 'no bing' }, url: 'https://example.test/no-bing' },
    hasSuggestions: true,
    schema: { type: 'object', additionalProperties: false },
    messages: { bing: '不要写「丙」' },
  },
  create(ctx) {
    return {
      WordNode(node) {
        const [s] = [node.position.start.offset as number]
        const word = ctx.getText(node)
        for (let i = word.indexOf('丙'); i !== -1; i = word.indexOf('丙', i + 1)) {
          const range: [number, number] = [s + i, s + i + 1]
          ctx.report({ messageId: 'bing', range, suggest: [{ desc: '改为「丁」', fix: { range, text: '丁' } }] })
        }
      },
    }
  },
})

describe('RuleTester: suggestions and a frozen tree', () => {
  it('passes when every suggestion is written with its desc and output', () => {
    expect(
      tester.verify('no-bing', bingRule, {
        valid: ['甲乙'],
        invalid: [{ code: '甲丙丙', errors: [
          { messageId: 'bing', column: 2, suggestions: [{ desc: '改为「丁」', output: '甲丁丙' }] },
          { messageId: 'bing', column: 3, suggestions: [{ desc: '改为「丁」', output: '甲丙丁' }] },
        ] }],
      }),
    ).toEqual([])
  })

  it('fails when suggestions are left out, or their count, desc or output is wrong', () => {
    const failures = tester.verify('no-bing', bingRule, {
      valid: [],
      invalid: [
        { code: '丙', errors: [{ messageId: 'bing' }] },
        { code: '丙', errors: [{ messageId: 'bing', suggestions: [] }] },
        { code: '丙', errors: [{ messageId: 'bing', suggestions: [{ desc: '改为「戊」', output: '丁' }] }] },
        { code: '丙', errors: [{ messageId: 'bing', suggestions: [{ desc: '改为「丁」', output: '戊' }] }] },
      ],
    })
    expect(failures.map((f) => f.index)).toEqual([0, 1, 2, 3])
    expect(failures[0]!.problems.join()).toContain('该条带有 1 条建议修改，请写出 suggestions')
    expect(failures[0]!.problems.join()).toContain('改为「丁」 → 丁')
    expect(failures[1]!.problems.join()).toContain('应有 0 条建议修改，实际 1 条')
    expect(failures[2]!.problems.join()).toContain('desc 应为「改为「戊」」，实际「改为「丁」」')
    expect(failures[3]!.problems.join()).toContain('应用后应为')
  })

  it('fails a rule that changes the tree every rule shares', () => {
    const mutating = defineRule({
      ...bingRule,
      create: (ctx) => ({
        task: () => undefined,
        plan(plan) {
          ;(plan as { draft: boolean }).draft = true
          ctx.report({ messageId: 'bing', range: [0, 0] })
        },
      }),
    })
    const [f] = tester.verify('no-bing', mutating, { valid: [], invalid: [{ code: '丙', errors: [{ messageId: 'bing' }] }] })
    expect(f!.problems.join()).toMatch(/规则出错|read only|read-only|Cannot assign/)
  })
})

describe('RuleTester.verify', () => {
  it('passes good cases', () => {
    expect(
      tester.verify('no-jia', jiaRule(), {
        valid: ['乙丙', { code: '甲乙', options: { word: '丁' } }],
        invalid: [
          { code: '甲乙甲', errors: [{ messageId: 'jia', column: 1, endColumn: 2 }, { messageId: 'jia', data: { word: '甲' }, column: 3 }], output: '乙乙乙' },
          { code: '丁', options: { word: '丁' }, errors: [{ message: '不要写「丁」', line: 1 }], output: '乙' },
        ],
      }),
    ).toEqual([])
  })

  it('fails on a wrong count, listing what was reported', () => {
    const [f] = tester.verify('no-jia', jiaRule(), { valid: [], invalid: [{ code: '甲', errors: [{ messageId: 'jia' }, { messageId: 'jia' }], output: '乙' }] })
    expect(f).toMatchObject({ kind: 'invalid', index: 0 })
    expect(f!.problems.join('\n')).toMatch(/应报告 2 条，实际 1 条：\n  1:1-1:2 jia 不要写「甲」/)
  })

  it('fails on a wrong position, messageId, data or severity', () => {
    const failures = tester.verify('no-jia', jiaRule(), {
      valid: [],
      invalid: [
        { code: '乙甲', errors: [{ messageId: 'jia', column: 1 }], output: '乙乙' },
        { code: '甲', errors: [{ messageId: 'nope' }], output: '乙' },
        { code: '甲', errors: [{ messageId: 'jia', data: { word: '丙' } }], output: '乙' },
        { code: '甲', errors: [{ messageId: 'jia', severity: 1, endLine: 2 }], output: '乙' },
      ],
    })
    expect(failures.map((f) => f.problems)).toEqual([
      ['第 1 条：column 应为 1，实际 2'],
      ['第 1 条：期望的 messageId「nope」不在 meta.messages 中'],
      ['第 1 条：文字应为「不要写「丙」」，实际「不要写「甲」」'],
      ['第 1 条：endLine 应为 2，实际 1', '第 1 条：severity 应为 1，实际 2'],
    ])
  })

  it('fails when a valid case reports', () => {
    const [f] = tester.verify('no-jia', jiaRule(), { valid: ['甲'], invalid: [] })
    expect(f).toMatchObject({ kind: 'valid', index: 0, name: '甲' })
    expect(f!.problems[0]).toMatch(/^应无报告，实际 1 条/)
  })

  it('checks output: wrong text, missing output for a fix, null when a fix applies, output equal to code', () => {
    const failures = tester.verify('no-jia', jiaRule(), {
      valid: [],
      invalid: [
        { code: '甲', errors: [{ messageId: 'jia' }], output: '丙' },
        { code: '甲', errors: [{ messageId: 'jia' }] },
        { code: '甲', errors: [{ messageId: 'jia' }], output: null },
      ],
    })
    expect(failures.map((f) => f.problems[0])).toEqual([
      '修复结果不符：\n  应为：丙\n  实际：乙',
      '该用例产生了修复，请写出 output（修复后的文本）：\n乙',
      '不应有修复（output: null），实际修复为：\n乙',
    ])
    const noFix = tester.verify('no-jia', jiaRule('乙', false), {
      valid: [],
      invalid: [
        { code: '甲', errors: [{ messageId: 'jia' }], output: '甲' },
        { code: '甲', errors: [{ messageId: 'jia' }], output: null },
      ],
    })
    expect(noFix).toHaveLength(1)
    expect(noFix[0]!.problems).toContain('output 与 code 相同；不应有修复时请写 output: null')
  })

  it('fails when fixing the fixed text changes it again (unstable fix)', () => {
    // 甲 → 甲甲 never converges: the loop stops at 10 passes, and fixing again still changes it.
    const [f] = tester.verify('no-jia', jiaRule('甲甲'), {
      valid: [],
      invalid: [{ code: '甲', errors: [{ messageId: 'jia' }], output: '甲'.repeat(1024) }],
    })
    expect(f!.problems.some((p) => p.startsWith('修复不稳定'))).toBe(true)
  })

  it('reports a crashing rule and a rule with invalid meta', () => {
    const crash = defineRule({ ...jiaRule(), create: () => ({ WordNode: () => { throw new Error('炸了') } }) })
    const [f] = tester.verify('crash', crash, { valid: [], invalid: [{ code: '甲', errors: [{ messageId: 'jia' }], output: null }] })
    expect(f!.problems[0]).toBe('规则出错：规则 no-jia 运行出错：炸了')
    const bad = { meta: { ...jiaRule().meta, docs: undefined }, create: jiaRule().create } as unknown as Rule
    const failures = tester.verify('bad', bad, { valid: ['乙'], invalid: [] })
    expect(failures[0]).toMatchObject({ kind: 'meta' })
    expect(failures[0]!.problems[0]).toMatch(/缺少 meta\.docs/)
  })

  it('reports invalid options given by a case', () => {
    const [f] = tester.verify('no-jia', jiaRule(), { valid: [{ code: '乙', options: { word: 3 } }], invalid: [] })
    expect(f!.problems[0]).toMatch(/规则 no-jia 的选项无效：\/word 应为 string 类型/)
  })
})

describe('RuleTester.run', () => {
  it('registers one it per case under describe blocks and fails the failing ones', () => {
    const names: string[] = []
    const errors: string[] = []
    const stack: string[] = []
    class Recording extends CoreRuleTester {
      static override describe = (name: string, fn: () => void): void => {
        stack.push(name)
        fn()
        stack.pop()
      }
      static override it = (name: string, fn: () => void): void => {
        names.push([...stack, name].join(' > '))
        try {
          fn()
        } catch (e) {
          errors.push(`${name}: ${(e as Error).message}`)
        }
      }
    }
    new Recording({ preset: minimalPreset() }).run('no-jia', jiaRule(), {
      valid: ['乙', '甲'],
      invalid: [{ code: '甲', errors: [{ messageId: 'jia' }], output: '乙' }],
    })
    expect(names).toEqual(['no-jia > meta 有效', 'no-jia > valid > 乙', 'no-jia > valid > 甲', 'no-jia > invalid > 甲'])
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^甲: 应无报告，实际 1 条/)
  })
})

// The vitest-bound tester, used the way rule authors use it.
new RuleTester({ preset: minimalPreset() }).run('no-jia (vitest)', jiaRule(), {
  valid: ['乙'],
  invalid: [{ code: '甲\n甲', errors: [{ messageId: 'jia', line: 1 }, { messageId: 'jia', line: 2 }], output: '乙\n乙' }],
})
