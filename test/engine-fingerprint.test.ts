/**
 * Finding keys (src/engine/fingerprint.ts): a finding is known by its rule, its sentence
 * (normalised) and its occurrence in that sentence — never by its line.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { findingKeys, normalizeSentence, resultKeys, sentenceAround } from '../src/engine/fingerprint.js'
import type { LintMessage } from '../src/types.js'

const msg = (ruleId: string | undefined, start: number, end = start + 1, message = '问题'): LintMessage =>
  ({ ...(ruleId ? { ruleId } : {}), message, severity: 1, line: 1, column: start + 1, range: [start, end] }) as LintMessage

describe('sentenceAround', () => {
  const text = '第一句话。第二句，有逗号！第三句\n第四句；末尾'
  it('runs from after the previous end mark to its own end mark, which it includes', () => {
    const s = sentenceAround(text, text.indexOf('逗号'))
    expect(text.slice(s.start, s.end)).toBe('第二句，有逗号！')
    expect(s.normalized).toBe('第二句，有逗号！')
  })
  it('a line end closes a sentence and is not part of it', () => {
    const s = sentenceAround(text, text.indexOf('第三句'))
    expect(text.slice(s.start, s.end)).toBe('第三句')
    const t = sentenceAround(text, text.indexOf('第四句'))
    expect(text.slice(t.start, t.end)).toBe('第四句；')
  })
  it('the first and the last sentence reach the ends of the text', () => {
    expect(sentenceAround(text, 0)).toMatchObject({ start: 0, end: 5 })
    const last = sentenceAround(text, text.length - 1)
    expect([last.start, last.end]).toEqual([text.indexOf('末尾'), text.length])
  })
  it('half-width ! ? ; end sentences too', () => {
    const t = 'Go! Now? Yes; ok'
    expect(t.slice(sentenceAround(t, 5).start, sentenceAround(t, 5).end)).toBe(' Now?')
    expect(t.slice(sentenceAround(t, 10).start, sentenceAround(t, 10).end)).toBe(' Yes;')
  })
  it('offsets outside the text are clamped', () => {
    expect(sentenceAround(text, -5)).toMatchObject({ start: 0, end: 5 })
    expect(sentenceAround(text, text.length + 9)).toMatchObject({ end: text.length })
  })
  it('follows a sentence at most 300 characters each way (linear work)', () => {
    const long = '字'.repeat(1000)
    const s = sentenceAround(long, 500)
    // (the character at the reach is taken as the sentence's end mark)
    expect([s.start, s.end]).toEqual([200, 801])
  })
  it('always holds the offset', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.nat(), (t, o) => {
        const at = Math.min(o, t.length)
        const s = sentenceAround(t, at)
        return s.start <= at && at <= s.end && s.end <= t.length
      }),
    )
  })
})

describe('normalizeSentence', () => {
  it('drops white space, directive comments, markdown marks and a leading outline marker', () => {
    expect(normalizeSentence('  （二）加强 组织\u3000领导。')).toBe('加强组织领导。')
    expect(normalizeSentence('一、总体要求')).toBe('总体要求')
    expect(normalizeSentence('3. 开展活动')).toBe('开展活动')
    expect(normalizeSentence('（4）开展活动')).toBe('开展活动')
    expect(normalizeSentence('第二章、总则')).toBe('总则')
    expect(normalizeSentence('①开展活动')).toBe('开展活动')
    expect(normalizeSentence('## **1.标题')).toBe('标题')
    expect(normalizeSentence('<!-- planlint-disable x -->开展活动')).toBe('开展活动')
  })
  it('keeps a number that is not a marker (3.5 万人)', () => {
    expect(normalizeSentence('3.5万人参加')).toBe('3.5万人参加')
  })
})

describe('findingKeys', () => {
  const text = '全县开展活动。全县开展活动。'
  it('same rule and sentence: occurrences 0, 1, …; another rule or sentence starts again', () => {
    const keys = findingKeys(text, [msg('a', 0), msg('a', 2), msg('b', 0), msg('a', 8)])
    expect(keys.map((k) => [k.ruleId, k.occurrence])).toEqual([
      ['a', 0],
      ['a', 1],
      ['b', 0],
      // the second sentence has the same text as the first: same sentence key, next occurrence
      ['a', 2],
    ])
    expect(keys[0]!.sentence).toBe('全县开展活动。')
    expect(keys[0]!.sentenceHash).toMatch(/^[0-9a-f]{16}$/)
    expect(keys[0]!.fingerprint).toMatch(/^[0-9a-f]{32}$/)
    expect(new Set(keys.map((k) => k.fingerprint)).size).toBe(4)
    expect(keys[0]!.sentenceHash).toBe(keys[1]!.sentenceHash)
    expect(keys[0]!.sentenceHash).not.toBe(keys[2]!.sentenceHash)
  })
  it('a message without a rule is planlint\'s; without the text, the message stands in for the sentence', () => {
    const [k] = findingKeys(undefined, [msg(undefined, 0, 1, '一、无法 读取')])
    expect(k).toMatchObject({ ruleId: 'planlint', sentence: '无法读取', occurrence: 0 })
  })
  it('keys do not depend on the line: inserting a paragraph before keeps them', () => {
    const before = findingKeys(text, [msg('a', 2)])[0]!
    const moved = findingKeys('新增的一段。\n' + text, [msg('a', 9)])[0]!
    expect(moved).toEqual(before)
  })
})

describe('resultKeys', () => {
  it('counts reported and suppressed findings together in text order', () => {
    const text = '全县开展活动，全县开展活动。'
    const first = msg('a', 0)
    const second = msg('a', 7)
    const keys = resultKeys({ source: text, messages: [second], suppressedMessages: [first] })
    expect(keys.get(first)!.occurrence).toBe(0)
    expect(keys.get(second)!.occurrence).toBe(1)
    // same start: the shorter range first
    const wide = msg('a', 0, 5)
    const narrow = msg('a', 0, 2)
    const k2 = resultKeys({ source: text, messages: [wide, narrow] })
    expect([k2.get(narrow)!.occurrence, k2.get(wide)!.occurrence]).toEqual([0, 1])
  })
})
