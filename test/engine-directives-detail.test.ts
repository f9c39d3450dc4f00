/**
 * Inline directives (src/engine/directives.ts) in the details engine-directives-fixer.test.ts
 * leaves open: how a rule list and a reason are split, which messages a directive drops,
 * suppresses or never touches, exactly which reports it makes about itself, the regions
 * where a rule is disabled, and how a fix reaching into such a region is cut back.
 */
import { describe, expect, it } from 'vitest'
import { applyDirectives, disabledRegions, fixOutside, splitRulesAndReason } from '../src/engine/directives.js'
import { makeMessage } from '../src/engine/runner.js'
import { lineStarts, textLocator } from '../src/support/location.js'
import type { Fix, LintMessage } from '../src/engine/types.js'

const known = new Set(['rule-a', 'rule-b'])
const quiet = { unused: 0, noReason: 0 } as const

function msg(text: string, range: [number, number], ruleId: string | null = 'rule-a', extra: Partial<LintMessage> = {}): LintMessage {
  return { ...makeMessage(textLocator(text), range, { ruleId, severity: 2, message: `${ruleId}问题` }), ...extra }
}
const find = (text: string, needle: string, from = 0): [number, number] => {
  const i = text.indexOf(needle, from)
  return [i, i + needle.length]
}
const apply = (text: string, messages: LintMessage[], checks: { unused: 0 | 1 | 2; noReason: 0 | 1 | 2 } = quiet) =>
  applyDirectives(text, messages, known, textLocator(text), checks)

describe('splitRulesAndReason', () => {
  it('rule ids separated by several separators in a row', () => {
    expect(splitRulesAndReason(' rule-a, 、rule-b  foo/bar -- 理由')).toEqual({ rules: ['rule-a', 'rule-b', 'foo/bar'], reason: '理由' })
  })

  it('keeps separators inside a reason; strips a run of them before it', () => {
    expect(splitRulesAndReason(' rule-a -- 上级文件, 原文如此 ')).toEqual({ rules: ['rule-a'], reason: '上级文件, 原文如此' })
    expect(splitRulesAndReason(' rule-a :：—— 理由')).toEqual({ rules: ['rule-a'], reason: '理由' })
    expect(splitRulesAndReason(' rule-a ：:县里仍用此名 ')).toEqual({ rules: ['rule-a'], reason: '县里仍用此名' })
    expect(splitRulesAndReason(' rule-a ——理由，原文')).toEqual({ rules: ['rule-a'], reason: '理由，原文' })
  })

  it('text after the rules and text after the mark are joined with one space', () => {
    expect(splitRulesAndReason(' rule-a 城区 -- 原文如此')).toEqual({ rules: ['rule-a'], reason: '城区 原文如此' })
  })
})

describe('applyDirectives: which messages it touches', () => {
  it('text without any directive: the same messages, nothing suppressed', () => {
    const text = '甲乙丙'
    const ms = [msg(text, [0, 1])]
    const out = apply(text, ms)
    expect(out.messages).toEqual(ms)
    expect(out.messages[0]).toBe(ms[0])
    expect(out.suppressed).toEqual([])
  })

  it('fatal messages and messages without a rule are never suppressed, even by disable-all', () => {
    const text = '<!-- planlint-disable -- 理由 -->\n甲乙'
    const fatal = msg(text, find(text, '甲'), 'rule-a', { fatal: true })
    const none = msg(text, find(text, '乙'), null)
    const plain = msg(text, find(text, '乙'), 'rule-b')
    const out = apply(text, [fatal, none, plain])
    expect(out.messages).toEqual([fatal, none])
    expect(out.suppressed.map((m) => m.ruleId)).toEqual(['rule-b'])
  })

  it('drops a finding lying exactly on a directive comment, or inside the second of two comments', () => {
    const text = '<!-- planlint-disable-line rule-b -- 甲 -->\n<!-- planlint-disable-line rule-b -- 乙 -->\n丙'
    const first = find(text, '<!--')
    const second = find(text, '<!--', 5)
    const whole1: [number, number] = [first[0], text.indexOf('-->') + 3]
    const inSecond = find(text, '乙')
    const out = apply(text, [msg(text, whole1), msg(text, inSecond), msg(text, find(text, '丙'))])
    expect(out.messages.map((m) => m.range)).toEqual([find(text, '丙')])
    expect(out.suppressed).toEqual([])
    expect(second[0]).toBeLessThan(inSecond[0])
  })

  it('a finding starting where a disable comment starts and reaching past it is disabled by it', () => {
    const text = '<!-- planlint-disable rule-a -- 理由 -->甲乙'
    const out = apply(text, [msg(text, [0, text.length])])
    expect(out.messages).toEqual([])
    expect(out.suppressed.map((m) => m.range)).toEqual([[0, text.length]])
  })

  it('two line directives on one line both apply', () => {
    const text = '甲乙 <!-- planlint-disable-line rule-a -- 一 --> <!-- planlint-disable-line rule-b -- 二 -->'
    const out = apply(text, [msg(text, [0, 1], 'rule-a'), msg(text, [1, 2], 'rule-b')])
    expect(out.messages).toEqual([])
    expect(out.suppressed.map((m) => [m.ruleId, m.suppressions[0]!.justification])).toEqual([
      ['rule-a', '一'],
      ['rule-b', '二'],
    ])
  })
})

describe('applyDirectives: reports about directives', () => {
  const report = { unused: 1, noReason: 1 } as const

  it('a directive naming only an unknown rule: one report, with its messageId, and it disables nothing', () => {
    const text = '<!-- planlint-disable-line nope -- 理由 -->甲'
    const out = apply(text, [msg(text, find(text, '甲'))], report)
    expect(out.messages.map((m) => [m.ruleId, m.messageId, m.message])).toEqual([
      [null, 'unknownRule', 'planlint-disable-line 注释中的规则「nope」不存在'],
      ['rule-a', undefined, 'rule-a问题'],
    ])
  })

  it('an unused disable-all: 此处没有任何问题; a used one: nothing', () => {
    const text = '<!-- planlint-disable-next-line -- 理由 -->\n甲'
    expect(apply(text, [], report).messages.map((m) => [m.messageId, m.severity, m.message])).toEqual([
      ['unusedDirective', 1, 'planlint-disable-next-line 注释没有起作用：此处没有任何问题，可删除'],
    ])
    const used = apply(text, [msg(text, find(text, '甲'))], report)
    expect(used.messages).toEqual([])
    expect(used.suppressed).toHaveLength(1)
  })

  it('a disable-line for all rules that suppressed a finding is used', () => {
    const text = '甲 <!-- planlint-disable-line -- 理由 -->'
    const out = apply(text, [msg(text, [0, 1], 'rule-b')], report)
    expect(out.messages).toEqual([])
  })

  it('an unused directive naming a known and an unknown rule: both reported, each once', () => {
    const text = '<!-- planlint-disable-line rule-a, nope -- 理由 -->'
    expect(apply(text, [], report).messages.map((m) => m.message)).toEqual([
      'planlint-disable-line 注释中的规则「nope」不存在',
      'planlint-disable-line 注释没有起作用：此处没有规则「rule-a」的问题，可删除',
    ])
  })
})

describe('applyDirectives: fixes reaching into a disabled region', () => {
  it('a same-length fix is cut back to what lies outside; a fix that fits outside is the same object', () => {
    // rule-a's combined fix turns every ASCII comma into a full-width one across both lines
    const text = '甲,乙\n<!-- planlint-disable-next-line rule-a -- 原文 -->\n丙,丁'
    const c1 = text.indexOf(',')
    const c2 = text.lastIndexOf(',')
    const combined: Fix = { range: [c1, c2 + 1], text: text.slice(c1, c2 + 1).replace(/,/g, '，') }
    const out = apply(text, [msg(text, [c1, c1 + 1], 'rule-a', { fix: combined })])
    expect(out.messages).toHaveLength(1)
    expect(out.messages[0]!.fix).toEqual({ range: [c1, c1 + 1], text: '，' })
    const own: Fix = { range: [c1, c1 + 1], text: '，' }
    const untouched = msg(text, [c1, c1 + 1], 'rule-a', { fix: own })
    const kept = apply(text, [untouched]).messages[0]!
    expect(kept).toBe(untouched)
  })

  it('a fix that cannot be split is dropped: the message stays without a fix key', () => {
    const text = '甲乙\n<!-- planlint-disable-next-line rule-a -- 原文 -->\n丙丁'
    const fix: Fix = { range: [0, text.length], text: '全部重写' }
    const [m] = apply(text, [msg(text, [0, 1], 'rule-a', { fix })]).messages
    expect(m!.range).toEqual([0, 1])
    expect(m).not.toHaveProperty('fix')
    // on the next line only rule-a is disabled: another rule's fix there stays
    const line3 = find(text, '丙丁')
    const local: Fix = { range: line3, text: '戊' }
    const [a] = apply(text, [msg(text, [0, 1], 'rule-a', { fix: local })]).messages
    expect(a!.range).toEqual([0, 1])
    expect(a).not.toHaveProperty('fix')
    const [other] = apply(text, [msg(text, [0, 1], 'rule-b', { fix: local })]).messages
    expect(other!.fix).toBe(local)
    // the directive comment itself is off limits to every rule's fix
    const [b] = apply(text, [msg(text, [0, 1], 'rule-b', { fix })]).messages
    expect(b).not.toHaveProperty('fix')
  })

  it('a message without a rule keeps its fix whatever the directives say', () => {
    const text = '<!-- planlint-disable -- 理由 -->\n甲'
    const fix: Fix = { range: [text.length - 1, text.length], text: '乙' }
    const m = msg(text, [text.length - 1, text.length], null, { fix })
    const [out] = apply(text, [m]).messages
    expect(out).toBe(m)
  })
})

describe('disabledRegions', () => {
  const text = '一行\n二行\n三行'
  const starts = lineStarts(text)
  const change = (at: number, kind: 'disable' | 'enable', rules: string[] = []) => ({ at, kind, rules, directive: 0 })

  it('block regions run from one change to the next (or the end); none between equal offsets', () => {
    expect(disabledRegions('r', 8, [change(2, 'disable'), change(5, 'enable')], new Map(), starts, [])).toEqual([[2, 5]])
    expect(disabledRegions('r', 8, [change(2, 'disable')], new Map(), starts, [])).toEqual([[2, 8]])
    expect(disabledRegions('r', 8, [change(3, 'disable'), change(3, 'disable', ['x'])], new Map(), starts, [])).toEqual([[3, 8]])
    expect(disabledRegions('r', 8, [change(2, 'disable', ['x'])], new Map(), starts, [])).toEqual([])
  })

  it('a line directive disables its whole line (the last line to the end); only for its rules; none past the last line', () => {
    const lineOff = new Map([
      [0, [{ rules: new Set(['x']) }, { rules: new Set(['r']) }]],
      [2, [{ rules: new Set(['*']) }]],
      [3, [{ rules: new Set(['*']) }]],
    ])
    expect(disabledRegions('r', text.length, [], lineOff, starts, [])).toEqual([
      [0, 3],
      [6, 8],
    ])
    expect(disabledRegions('y', text.length, [], new Map([[1, [{ rules: new Set(['x']) }]]]), starts, [])).toEqual([])
    expect(disabledRegions('y', text.length, [], new Map([[1, [{ rules: new Set(['*']) }]]]), starts, [])).toEqual([[3, 6]])
  })

  it('directive comments are disabled for every rule; regions come sorted, touching or overlapping ones merged', () => {
    const d = (s: number, e: number) => ({ kind: 'disable-line' as const, rules: [], reason: '', range: [s, e] as [number, number] })
    expect(disabledRegions('r', 8, [], new Map(), starts, [d(6, 7), d(0, 2), d(1, 3), d(3, 4)])).toEqual([
      [0, 4],
      [6, 7],
    ])
    expect(disabledRegions('r', 8, [], new Map(), starts, [d(5, 6), d(4, 5)])).toEqual([[4, 6]])
    expect(disabledRegions('r', 8, [], new Map(), starts, [d(2, 3), d(2, 2)])).toEqual([[2, 3]])
    expect(disabledRegions('r', 20, [], new Map(), starts, [d(10, 12), d(2, 3), d(5, 6)])).toEqual([[2, 3], [5, 6], [10, 12]])
  })

  it('regions with the same start keep the longer end', () => {
    const d = (s: number, e: number) => ({ kind: 'disable-line' as const, rules: [], reason: '', range: [s, e] as [number, number] })
    expect(disabledRegions('r', 8, [], new Map(), starts, [d(2, 6), d(2, 3), d(7, 8)])).toEqual([[2, 6], [7, 8]])
  })
})

describe('fixOutside', () => {
  const text = '0123456789'

  it('an insertion at the end of a region is outside it; at its start, inside', () => {
    const ins: Fix = { range: [5, 5], text: '!' }
    expect(fixOutside(text, ins, [[2, 5]])).toBe(ins)
    expect(fixOutside(text, ins, [[5, 7]])).toBeUndefined()
  })

  it('a fix starting at the end of a region, or ending at its start, does not touch it', () => {
    const f: Fix = { range: [5, 7], text: 'abc' }
    expect(fixOutside(text, f, [[2, 5]])).toBe(f)
    expect(fixOutside(text, f, [[7, 9]])).toBe(f)
    expect(fixOutside(text, f, [[6, 9]])).toBeUndefined()
  })

  it('puts the original characters back inside the regions and trims what is unchanged', () => {
    expect(fixOutside(text, { range: [1, 9], text: 'ABCDEFGH' }, [[3, 6]])).toEqual({ range: [1, 9], text: 'AB345FGH' })
    expect(fixOutside(text, { range: [1, 9], text: '1BCDEFG8' }, [[4, 9]])).toEqual({ range: [2, 4], text: 'BC' })
    expect(fixOutside(text, { range: [0, 10], text: 'X123456789' }, [[1, 10]])).toEqual({ range: [0, 1], text: 'X' })
    expect(fixOutside(text, { range: [0, 10], text: '012345678X' }, [[0, 9]])).toEqual({ range: [9, 10], text: 'X' })
    expect(fixOutside(text, { range: [1, 4], text: 'ABC' }, [[0, 10]])).toBeUndefined()
  })
})
