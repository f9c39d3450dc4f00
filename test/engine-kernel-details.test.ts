/**
 * Details of the smaller kernel modules that their own test files leave open (each found by
 * a mutant that survived `npm run mutation:engine`): the fixer's order and refusals, the rule
 * fixer's merging, timing's durations, vfile messages, Word comments and exemptions,
 * finding keys.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { applyFixes, fixLoop } from '../src/engine/fixer.js'
import { findingKeys, normalizeSentence, resultKeys } from '../src/engine/fingerprint.js'
import { resolveFix, ruleFixer } from '../src/engine/rule-fixer.js'
import { makeMessage } from '../src/engine/runner.js'
import { applySuppressions } from '../src/engine/suppressions.js'
import { formatTiming, resetTiming, setTiming, timed, timedAsync, timedListener, timingSnapshot } from '../src/engine/timing.js'
import { toVFile } from '../src/engine/vfile.js'
import { makeResult } from '../src/engine/lint-core.js'
import { textLocator } from '../src/support/location.js'
import type { Fix, LintMessage, Position } from '../src/engine/types.js'

const msg = (text: string, range: [number, number], ruleId: string | null = 'r', extra: Partial<LintMessage> = {}): LintMessage => ({
  ...makeMessage(textLocator(text), range, { ruleId, severity: 1, message: `${ruleId}问题` }),
  ...extra,
})

afterEach(() => {
  setTiming(false)
  resetTiming()
})

describe('applyFixes / fixLoop', () => {
  it('fixes at one offset: the shorter first (an insertion before a replacement there), the other left', () => {
    const text = '0123456789'
    const replace = msg(text, [3, 5], 'r', { fix: { range: [3, 5], text: 'X' } })
    const insert = msg(text, [3, 3], 'r', { fix: { range: [3, 3], text: '!' } })
    const out = applyFixes(text, [replace, insert])
    expect(out.output).toBe('012!3456789')
    expect(out.messages).toEqual([replace])
  })

  it('a reversed fix is never applied: nothing fixed, the text as it was, the message kept', () => {
    const text = '0123456789'
    const bad = msg(text, [3, 5], 'r', { fix: { range: [5, 3], text: 'X' } })
    expect(applyFixes(text, [bad])).toEqual({ fixed: false, output: text, messages: [bad] })
  })

  it('lints once when there is nothing to fix, once more after the last fixing pass', () => {
    let calls = 0
    fixLoop('甲乙', (t) => {
      calls++
      return [msg(t, [0, 1])]
    })
    expect(calls).toBe(1)
    calls = 0
    const r = fixLoop('甲乙', (t) => {
      calls++
      return t.startsWith('甲') ? [msg(t, [0, 1], 'r', { fix: { range: [0, 1], text: '丙' } })] : []
    })
    expect([calls, r.passes, r.output, r.fixed, r.messages]).toEqual([2, 2, '丙乙', true, []])
  })
})

describe('rule fixer', () => {
  it('needs both offsets of a node', () => {
    const partial = [{ start: {}, end: { offset: 2 } }, { start: { offset: 1 }, end: {} }, { end: { offset: 2 } }, { start: { offset: 1 } }, {}]
    for (const position of partial) {
      expect(() => ruleFixer.replaceText({ position: position as unknown as Position }, 'x'), JSON.stringify(position)).toThrow('修复需要带位置的节点')
    }
  })

  it('merges an insertion and a replacement at one offset, insertion first, whatever order they come in', () => {
    const text = '0123456789'
    expect(resolveFix((f) => [f.replaceTextRange([3, 5], 'X'), f.insertTextBeforeRange([3, 5], '!')], text)).toEqual({ range: [3, 5], text: '!X' })
  })

  it('skips empty entries; none left is no fix; one left is that very fix', () => {
    const one: Fix = { range: [1, 2], text: 'a' }
    expect(resolveFix(() => [undefined as unknown as Fix, one, null as unknown as Fix], 'xyz')).toBe(one)
    expect(resolveFix(() => [], 'xyz')).toBeUndefined()
    expect(resolveFix(() => [null as unknown as Fix], 'xyz')).toBeUndefined()
  })
})

describe('timing: what is added is a duration', () => {
  const clock = () => Number(process.hrtime.bigint()) / 1e6

  it('timed, timedAsync and timedListener add at most the time they ran', async () => {
    setTiming(true)
    const before = clock()
    timed('parse', () => 1)
    await timedAsync('read', async () => 2)
    timedListener('rule-a', () => 3)()
    const elapsed = clock() - before
    const { phases, rules } = timingSnapshot()
    for (const ms of [phases.parse!, phases.read!, rules['rule-a']!]) expect(ms >= 0 && ms <= elapsed, String(ms)).toBe(true)
  })

  it('timedAsync adds nothing when timing is off', async () => {
    expect(await timedAsync('read', async () => 5)).toBe(5)
    expect(timingSnapshot()).toEqual({ phases: {}, rules: {} })
  })

  it('the rule table lists the slowest rule first', () => {
    const table = formatTiming({ phases: {}, rules: { fast: 1, slow: 3, middle: 2 } })
    const ruleTable = table.split('\n\n')[1]!.split('\n')
    expect(ruleTable.slice(2).filter(Boolean).map((l) => l.split(' ')[0])).toEqual(['slow', 'middle', 'fast'])
  })
})

describe('toVFile', () => {
  it('an empty url is no url', () => {
    const [m] = toVFile(makeResult('a.txt', [{ ...msg('甲', [0, 1]), url: '' }])).messages
    expect(m!.url).toBeUndefined()
  })
})

describe('Word comments and exemptions', () => {
  const TEXT = '区安监局负责。区 安监局配合。全区开展。'
  const known = new Set(['r', 's'])
  const locate = textLocator(TEXT)
  const comment = (text: string, span: [number, number]) => ({ kind: 'comment', offset: span[0], end: span[1], text })
  const word = (residue: ReturnType<typeof comment>[], messages: LintMessage[], config = {}) =>
    applySuppressions({ text: TEXT, messages, knownRuleIds: known, locate, config, source: { format: 'docx', residue } })

  it('a comment touching a finding at its start covers it; a message without a rule is never covered', () => {
    const out = word([comment('planlint-disable -- 已核实', [4, 6])], [msg(TEXT, [0, 4]), msg(TEXT, [0, 4], null)])
    expect(out.suppressed.map((m) => m.ruleId)).toEqual(['r'])
    expect(out.messages.map((m) => m.ruleId)).toEqual([null])
  })

  it('names the comment by its text, white space collapsed and trimmed, cut at 40 characters', () => {
    const forty = 'planlint-disable ' + 'x'.repeat(23)
    expect(forty).toHaveLength(40)
    const reports = (text: string) =>
      word([comment(text, [0, 2])], [msg(TEXT, [0, 2])], { linterOptions: { reportUnusedDisableDirectives: 'off' } })
        .messages.filter((m) => m.ruleId === null)
        .map((m) => m.message)
    expect(reports('  planlint-disable  r ')).toEqual(['批注“planlint-disable r”没有写理由：请在规则后写明为什么忽略'])
    expect(reports(forty)).toEqual([`批注“${forty}”中的规则「${'x'.repeat(23)}」不存在`, `批注“${forty}”没有写理由：请在规则后写明为什么忽略`])
    expect(reports(forty + 'y')[0]).toBe(`批注“${forty}…”中的规则「${'x'.repeat(23)}y」不存在`)
  })

  it('reports about comments come in text order among the findings', () => {
    const out = word([comment('planlint-disable s -- 理由', [14, 16])], [msg(TEXT, [0, 2]), msg(TEXT, [16, 18])])
    expect(out.messages.map((m) => [m.ruleId, m.range[0]])).toEqual([
      ['r', 0],
      [null, 14],
      ['r', 16],
    ])
  })

  it('suppressed findings come back in text order, whichever way suppressed them', () => {
    const text = '<!-- planlint-disable-next-line r -- 理由 -->\n甲乙'
    const out = applySuppressions({
      text,
      messages: [msg(text, [text.length - 2, text.length - 1], 's'), msg(text, [text.length - 1, text.length], 'r')],
      knownRuleIds: known,
      locate: textLocator(text),
      config: { exemptions: [{ rule: 's', text: '甲', reason: '原文' }] },
    })
    expect(out.messages).toEqual([])
    // the exemption's finding comes first in the text, though directives are applied first
    expect(out.suppressed.map((m) => [m.ruleId, m.suppressions[0]!.kind])).toEqual([
      ['s', 'config'],
      ['r', 'directive'],
    ])
  })

  it('an exemption’s text is looked for in the finding only, spaces ignored on both sides', () => {
    const exempt = (e: object, m: LintMessage) => applySuppressions({ text: TEXT, messages: [m], knownRuleIds: known, locate, config: { exemptions: [e] } }).suppressed.length
    const first = msg(TEXT, [0, 4])
    const spaced = msg(TEXT, [7, 12])
    expect(exempt({ rule: 'r', text: '配合', reason: 'x' }, first)).toBe(0)
    expect(exempt({ rule: 'r', text: '区 安监局', reason: 'x' }, first)).toBe(1)
    expect(exempt({ rule: 'r', text: '区安监局', reason: 'x' }, spaced)).toBe(1)
    expect(exempt({ rule: 'r', text: '区安监局', reason: 'x' }, msg(TEXT, [15, 17], 'r', { actual: '区 安监局' }))).toBe(1)
    expect(exempt({ rule: 'r', sentence: '区 安监局 负责', reason: 'x' }, first)).toBe(1)
  })
})

describe('finding keys', () => {
  it('a leading markdown mark is dropped, one inside the sentence kept', () => {
    expect(normalizeSentence('## 数量*2，比例>1')).toBe('数量*2，比例>1')
    expect(normalizeSentence('数量*2')).toBe('数量*2')
  })

  it('rule and sentence are hashed apart (r1 + 甲 is not r + 1甲)', () => {
    const [a, b] = findingKeys(undefined, [{ ...msg('', [0, 0], 'r1'), message: '甲' }, { ...msg('', [0, 0], 'r'), message: '1甲' }])
    expect(a!.sentenceHash).not.toBe(b!.sentenceHash)
    expect(a!.fingerprint).not.toBe(b!.fingerprint)
  })

  it('a message without a range is keyed by the sentence at the start of the text', () => {
    const text = '第一句。第二句。'
    const m = { ...msg(text, [5, 6]) } as Partial<LintMessage>
    delete m.range
    expect(findingKeys(text, [m as LintMessage])[0]!.sentence).toBe('第一句。')
    const keys = resultKeys({ source: text, messages: [m as LintMessage, msg(text, [0, 1])] })
    expect([...keys.values()].map((k) => k.occurrence)).toEqual([0, 1])
  })

  it('keys every message of a result once, counting in text order (start, then end)', () => {
    const text = '一句话里有三处问题。'
    const late = msg(text, [6, 8])
    const wide = msg(text, [2, 6])
    const narrow = msg(text, [2, 4])
    const keys = resultKeys({ source: text, messages: [late, wide], suppressedMessages: [narrow] })
    expect(keys.size).toBe(3)
    expect([keys.get(narrow)!.occurrence, keys.get(wide)!.occurrence, keys.get(late)!.occurrence]).toEqual([0, 1, 2])
    expect(resultKeys({ source: text, messages: [late] }).size).toBe(1)
  })
})
