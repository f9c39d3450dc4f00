/**
 * lintCore (src/engine/lint-core.ts) with a hand-made analyse and rules: what each pass is
 * given (the text, whether it is the first, the input's locator and Word comments on the first
 * pass only), the fix loop's output and messages, directives and linterOptions applied, and
 * what is reported as suppressed.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { lintCore, type Analysis, type LintCoreInput } from '../src/engine/lint-core.js'
import type { RuleEntry, Walker } from '../src/engine/runner.js'
import { resetTiming, setTiming, timingSnapshot } from '../src/engine/timing.js'
import type { Rule, RuleContext } from '../src/engine/types.js'

/** One `doc` node spanning the text. */
const docWalker = (text: string): Walker => (visit, wants) => {
  const doc = { type: 'doc', position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: text.length } } }
  if (wants('doc')) visit('doc', doc, [])
}

function rule(id: string, create: (ctx: RuleContext<Record<string, unknown>, { pass: number }>) => Record<string, unknown>): Rule {
  return {
    meta: {
      id,
      type: 'problem',
      severity: 'warn',
      fixable: 'code',
      docs: { description: { zh: '测试', en: 'test' }, url: `https://example.test/${id}` },
      schema: { type: 'object', additionalProperties: false },
      messages: { a: '这里有甲', z: '这里有丙' },
    },
    create: create as Rule['create'],
  }
}

/** Reports the FIRST 甲 only, with a fix to 乙: one fix per pass, so 甲甲甲 takes three passes. */
const firstA = rule('first-a', (ctx) => ({
  doc: () => {
    const i = ctx.text.indexOf('甲')
    if (i >= 0) ctx.report({ messageId: 'a', range: [i, i + 1], fix: { range: [i, i + 1], text: '乙' } })
  },
}))
/** Reports every 丙, without a fix. */
const everyZ = rule('every-z', (ctx) => ({
  doc: () => {
    for (let i = ctx.text.indexOf('丙'); i >= 0; i = ctx.text.indexOf('丙', i + 1)) ctx.report({ messageId: 'z', range: [i, i + 1] })
  },
}))

function core(text: string, extra: Partial<LintCoreInput<{ pass: number }>> = {}) {
  const calls: [string, boolean][] = []
  const rules = new Map<string, RuleEntry>([
    ['first-a', { rule: firstA, severity: 1 }],
    ['every-z', { rule: everyZ, severity: 2 }],
  ])
  const out = lintCore<{ pass: number }>({
    text,
    filePath: 'f.txt',
    rules,
    knownRuleIds: new Set(['first-a', 'every-z']),
    analyse: (t, first): Analysis<{ pass: number }> => {
      calls.push([t, first])
      return { env: { pass: calls.length }, walk: docWalker(t) }
    },
    ...extra,
  })
  return { out, calls }
}

afterEach(() => {
  setTiming(false)
  resetTiming()
})

describe('lintCore without fix', () => {
  it('analyses the text once, as the first pass, and returns its messages with the text unchanged', () => {
    const { out, calls } = core('x甲丙\n丙')
    expect(calls).toEqual([['x甲丙\n丙', true]])
    expect(out.output).toBe('x甲丙\n丙')
    expect(out.fixed).toBe(false)
    expect(out.suppressed).toEqual([])
    expect(out.messages.map((m) => [m.ruleId, m.severity, m.line, m.column, m.range, !!m.fix])).toEqual([
      ['first-a', 1, 1, 2, [1, 2], true],
      ['every-z', 2, 1, 3, [2, 3], false],
      ['every-z', 2, 2, 1, [4, 5], false],
    ])
  })

  it('places messages with the input adapter’s locator', () => {
    const { out } = core('甲丙', { locate: (o) => ({ line: 1, column: o + 1, paragraph: 3 }) })
    expect(out.messages.map((m) => m.location)).toEqual([{ paragraph: 3 }, { paragraph: 3 }])
  })
})

describe('lintCore with fix', () => {
  it('fixes until stable: later passes are not first; output, fixed, and the last lint’s messages', () => {
    const { out, calls } = core('甲甲丙', { fix: true })
    expect(calls).toEqual([
      ['甲甲丙', true],
      ['乙甲丙', false],
      ['乙乙丙', false],
    ])
    expect(out.output).toBe('乙乙丙')
    expect(out.fixed).toBe(true)
    expect(out.messages.map((m) => [m.ruleId, m.range])).toEqual([['every-z', [2, 3]]])
  })

  it('nothing to fix: one pass, the text unchanged, fixed false', () => {
    const { out, calls } = core('丙丙', { fix: true })
    expect(calls).toEqual([['丙丙', true]])
    expect(out).toMatchObject({ output: '丙丙', fixed: false })
    expect(out.messages).toHaveLength(2)
  })

  it('the input’s locator places the first pass only; a fixed text is placed by its own lines', () => {
    const { out } = core('甲丙', { fix: true, locate: (o) => ({ line: 9, column: o + 1, paragraph: 3 }) })
    expect(out.messages).toHaveLength(1)
    expect(out.messages[0]).toMatchObject({ ruleId: 'every-z', line: 1, column: 2 })
    expect(out.messages[0]).not.toHaveProperty('location')
  })
})

describe('lintCore: suppressions', () => {
  const text = '<!-- planlint-disable-next-line every-z -- 上级文件原文如此 -->\n丙 甲'

  it('applies directives and reports what they suppressed, with the justification', () => {
    const { out } = core(text)
    expect(out.messages.map((m) => m.ruleId)).toEqual(['first-a'])
    expect(out.suppressed.map((m) => [m.ruleId, m.line, m.suppressions])).toEqual([['every-z', 2, [{ kind: 'directive', justification: '上级文件原文如此' }]]])
  })

  it('the suppressed messages are those of the last pass', () => {
    const { out } = core(text, { fix: true })
    expect(out.output).toBe(text.replace(' 甲', ' 乙'))
    expect(out.messages).toEqual([])
    expect(out.suppressed.map((m) => m.range)).toEqual([[text.indexOf('丙'), text.indexOf('丙') + 1]])
  })

  it('linterOptions come from the suppression settings (an unused directive: warn by default, off when set)', () => {
    const unused = '<!-- planlint-disable-next-line first-a -- 理由 -->\n丙'
    expect(core(unused).out.messages.map((m) => [m.ruleId, m.severity])).toEqual([
      [null, 1],
      ['every-z', 2],
    ])
    const off = core(unused, { suppression: { linterOptions: { reportUnusedDisableDirectives: 'off' } } }).out
    expect(off.messages.map((m) => m.ruleId)).toEqual(['every-z'])
  })

  it('directive rule names are checked against the known rule ids', () => {
    const { out } = core('<!-- planlint-disable-line nope -- 理由 -->', { knownRuleIds: new Set(['first-a', 'every-z']) })
    expect(out.messages.map((m) => m.message)).toEqual(['planlint-disable-line 注释中的规则「nope」不存在'])
    const known = core('<!-- planlint-disable-line nope -- 理由 -->', { knownRuleIds: new Set(['nope']) }).out
    expect(known.messages.map((m) => m.message)).toEqual(['planlint-disable-line 注释没有起作用：此处没有规则「nope」的问题，可删除'])
  })

  it('Word comments of the input apply on the first pass only (offsets of a fixed text no longer match them)', () => {
    const comment = { kind: 'comment', offset: 0, end: 4, text: 'planlint-disable every-z -- 已核实' }
    const source = { format: 'docx', residue: [comment] }
    const once = core('丙丙 甲', { source }).out
    expect(once.messages.map((m) => m.ruleId)).toEqual(['first-a'])
    expect(once.suppressed.map((m) => [m.ruleId, m.suppressions])).toEqual([
      ['every-z', [{ kind: 'wordComment', justification: '已核实' }]],
      ['every-z', [{ kind: 'wordComment', justification: '已核实' }]],
    ])
    const fixed = core('丙丙 甲', { source, fix: true }).out
    expect(fixed.output).toBe('丙丙 乙')
    expect(fixed.messages.map((m) => m.ruleId)).toEqual(['every-z', 'every-z'])
    expect(fixed.suppressed).toEqual([])
  })

  it('exemptions of the config apply', () => {
    const { out } = core('丙 甲', { suppression: { exemptions: [{ rule: 'every-z', text: '丙', reason: '原文' }] } })
    expect(out.messages.map((m) => m.ruleId)).toEqual(['first-a'])
    expect(out.suppressed.map((m) => m.suppressions)).toEqual([[{ kind: 'config', justification: '原文' }]])
  })
})

describe('lintCore: timing', () => {
  it('times the rules and the directives as phases when TIMING is on', () => {
    setTiming(true)
    core('甲丙')
    expect(Object.keys(timingSnapshot().phases).sort()).toEqual(['directives', 'rules'])
  })
})
