/**
 * Word comments (批注) and config exemptions as the kernel applies them
 * (src/engine/suppressions.ts), on messages made by hand: which finding a comment or an
 * exemption suppresses, with what justification, and what it reports about itself.
 */
import { describe, expect, it } from 'vitest'
import { applySuppressions, directiveChecks, isSuppressionComment, wordCommentDirectives } from '../src/engine/suppressions.js'
import { textLocator } from '../src/support/location.js'
import type { LintMessage } from '../src/types.js'

const TEXT = '一、总体要求\n区乡村振兴局负责。全区开展活动。\n区乡村振兴局配合。'
const at = (s: string, from = 0): [number, number] => {
  const i = TEXT.indexOf(s, from)
  return [i, i + s.length]
}
const locate = textLocator(TEXT)
const msg = (ruleId: string | null, range: [number, number], extra: Partial<LintMessage> = {}): LintMessage => {
  const s = locate(range[0])
  const e = locate(range[1])
  return { ruleId, message: `${ruleId}问题`, severity: 1, line: s.line, column: s.column, endLine: e.line, endColumn: e.column, range, ...extra } as LintMessage
}
const known = new Set(['outdated-unit-names', 'jurisdiction-terms'])
const outdated1 = msg('outdated-unit-names', at('区乡村振兴局'))
const outdated2 = msg('outdated-unit-names', at('区乡村振兴局', 10))
const level = msg('jurisdiction-terms', at('全区'))
const comment = (text: string, span: [number, number]) => ({ kind: 'comment', offset: span[0], end: span[1], text })
const run = (residue: ReturnType<typeof comment>[], config = {}, messages = [outdated1, level, outdated2]) =>
  applySuppressions({ text: TEXT, messages, knownRuleIds: known, locate, config, source: { format: 'docx', residue } })

describe('Word comments (批注)', () => {
  it('recognises planlint-disable and planlint：忽略, not other comments', () => {
    for (const t of ['planlint-disable outdated-unit-names -- 已核实', '  planlint：忽略 x 理由', 'planlint: 忽略']) expect(isSuppressionComment(t), t).toBe(true)
    for (const t of ['请核实 planlint-disable', 'planlint-disabled x', 'planlint 忽略']) expect(isSuppressionComment(t), t).toBe(false)
  })

  it('reads rules, reason and the commented span (clamped to the text); ignores other residue', () => {
    const d = wordCommentDirectives(
      {
        format: 'docx',
        residue: [
          { kind: 'comment', offset: 3, end: 9, text: 'planlint-disable outdated-unit-names, jurisdiction-terms -- 已与编办核实' },
          { kind: 'comment', offset: -5, end: 999, text: 'planlint：忽略 理由在此' },
          { kind: 'comment', offset: 4, text: '一般批注' },
          { kind: 'revision', offset: 4, text: 'planlint-disable x -- y' },
        ],
      },
      20,
    )
    expect(d).toEqual([
      { rules: ['outdated-unit-names', 'jurisdiction-terms'], reason: '已与编办核实', span: [3, 9], text: 'planlint-disable outdated-unit-names, jurisdiction-terms -- 已与编办核实' },
      { rules: [], reason: '理由在此', span: [0, 20], text: 'planlint：忽略 理由在此' },
    ])
    // a comment without a range is a point
    expect(wordCommentDirectives({ format: 'docx', residue: [{ kind: 'comment', offset: 7, text: 'planlint-disable -- r' }] }, 20)[0]!.span).toEqual([7, 7])
  })

  it("suppresses the named rule's findings its span touches, with the comment's reason", () => {
    const r = run([comment('planlint-disable outdated-unit-names -- 编办确认仍保留', at('区乡村振兴局'))])
    expect(r.messages).toEqual([level, outdated2])
    expect(r.suppressed).toEqual([{ ...outdated1, suppressions: [{ kind: 'wordComment', justification: '编办确认仍保留' }] }])
  })

  it('a comment naming no rule suppresses every finding it touches; a span touching only at an end still touches', () => {
    const [s] = at('全区')
    const r = run([comment('planlint：忽略 都已核实', [at('区乡村振兴局')[0], s])])
    expect(r.messages).toEqual([outdated2])
    expect(r.suppressed.map((m) => m.ruleId)).toEqual(['outdated-unit-names', 'jurisdiction-terms'])
  })

  it('an unknown rule, a missing reason and a comment that suppressed nothing are reported at the comment', () => {
    const span = at('全区开展活动')
    const r = run([comment('planlint-disable no-such-rule outdated-unit-names', span)])
    const own = r.messages.filter((m) => m.ruleId === null)
    expect(own.map((m) => [m.messageId, m.severity, m.range])).toEqual([
      ['unknownRule', 1, span],
      ['missingReason', 1, span],
      ['unusedDirective', 1, span],
    ])
    // a long comment is cut at 40 characters in the message
    expect(own[0]!.message).toBe('批注“planlint-disable no-such-rule outdated-u…”中的规则「no-such-rule」不存在')
    expect(own[2]!.message).toContain('所批注的文字没有规则「outdated-unit-names」的问题')
    // the finding it did not cover is kept
    expect(r.messages).toContain(level)
  })

  it('a comment naming only unknown rules is not also reported as unused; a rule-less one that suppressed nothing is', () => {
    const r = run([comment('planlint-disable no-such-rule -- 理由', at('一、总体要求'))])
    expect(r.messages.filter((m) => m.ruleId === null).map((m) => m.messageId)).toEqual(['unknownRule'])
    const r2 = run([comment('planlint：忽略 理由', at('一、总体要求'))])
    const [unused] = r2.messages.filter((m) => m.ruleId === null)
    expect([unused!.messageId, unused!.message]).toEqual(['unusedDirective', '批注“planlint：忽略 理由”没有起作用：所批注的文字没有任何问题'])
  })

  it('linterOptions set the severity of those reports, or turn them off', () => {
    const c = [comment('planlint-disable jurisdiction-terms', at('一、总体要求'))]
    const err = run(c, { linterOptions: { reportUnusedDisableDirectives: 'error', requireDisableReason: 'error' } })
    expect(err.messages.filter((m) => m.ruleId === null).map((m) => [m.messageId, m.severity])).toEqual([
      ['missingReason', 2],
      ['unusedDirective', 2],
    ])
    const off = run(c, { linterOptions: { reportUnusedDisableDirectives: 'off', requireDisableReason: 'off' } })
    expect(off.messages.filter((m) => m.ruleId === null)).toEqual([])
    expect(directiveChecks({})).toEqual({ unused: 1, noReason: 1 })
  })

  it('fatal messages and messages without a rule are never suppressed; comments apply to .docx sources only', () => {
    const fatal = msg('outdated-unit-names', at('区乡村振兴局'), { fatal: true, severity: 2 })
    const r = run([comment('planlint：忽略 理由', [0, TEXT.length])], {}, [fatal])
    expect(r.suppressed).toEqual([])
    expect(r.messages).toContain(fatal)
    const txt = applySuppressions({ text: TEXT, messages: [outdated1], knownRuleIds: known, locate, config: {}, source: { format: 'txt', residue: [comment('planlint：忽略 理由', [0, 30])] } })
    expect(txt).toEqual({ messages: [outdated1], suppressed: [] })
  })
})

describe('config exemptions', () => {
  const config = (exemptions: object[]) => ({ exemptions })
  const apply = (exemptions: object[], messages = [outdated1, level, outdated2]) => applySuppressions({ text: TEXT, messages, knownRuleIds: known, locate, config: config(exemptions) })

  it('a rule alone exempts all its findings; the reason is the justification', () => {
    const r = apply([{ rule: 'outdated-unit-names', reason: '已与编办核实' }])
    expect(r.messages).toEqual([level])
    expect(r.suppressed.map((m) => [m.ruleId, m.range, m.suppressions])).toEqual([
      ['outdated-unit-names', outdated1.range, [{ kind: 'config', justification: '已与编办核实' }]],
      ['outdated-unit-names', outdated2.range, [{ kind: 'config', justification: '已与编办核实' }]],
    ])
  })

  it('text: the flagged text (or the finding\'s actual text) must contain it, white space ignored', () => {
    expect(apply([{ rule: 'outdated-unit-names', text: '乡村 振兴局', reason: 'r' }]).suppressed).toHaveLength(2)
    expect(apply([{ rule: 'outdated-unit-names', text: '教育局', reason: 'r' }]).suppressed).toHaveLength(0)
    const withActual = msg('outdated-unit-names', at('全区'), { actual: '县教育局' })
    expect(apply([{ rule: 'outdated-unit-names', text: '教育局', reason: 'r' }], [withActual]).suppressed).toHaveLength(1)
  })

  it('sentence: only findings in a sentence containing it', () => {
    const r = apply([{ rule: 'outdated-unit-names', sentence: '配合', reason: 'r' }])
    expect(r.suppressed.map((m) => m.range)).toEqual([outdated2.range])
    expect(r.messages).toEqual([outdated1, level])
  })

  it('another rule, a population exemption (a rule\'s own), a fatal message: not exempted', () => {
    const fatal = msg('outdated-unit-names', at('区乡村振兴局'), { fatal: true, severity: 2 })
    expect(apply([{ rule: 'lead-unit', reason: 'r' }, { population: 'farmers', reason: 'r' }]).suppressed).toEqual([])
    expect(apply([{ rule: 'outdated-unit-names', reason: 'r' }], [fatal]).messages).toEqual([fatal])
  })

  it('suppressed findings come back in text order whatever suppressed them', () => {
    const r = applySuppressions({
      text: TEXT,
      messages: [outdated1, level, outdated2],
      knownRuleIds: known,
      locate,
      config: config([{ rule: 'outdated-unit-names', sentence: '配合', reason: 'r' }]),
      source: { format: 'docx', residue: [comment('planlint-disable jurisdiction-terms -- r', at('全区'))] },
    })
    expect(r.suppressed.map((m) => m.ruleId)).toEqual(['jurisdiction-terms', 'outdated-unit-names'])
  })
})
