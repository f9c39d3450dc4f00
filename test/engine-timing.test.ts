/** TIMING=1 (src/engine/timing.ts): what is measured, when, and how the table reads. */
import { afterEach, describe, expect, it } from 'vitest'
import { addPhase, addRule, formatTiming, resetTiming, setTiming, timed, timedAsync, timedListener, timingEnabled, timingSnapshot } from '../src/engine/timing.js'

afterEach(() => {
  setTiming(false)
  resetTiming()
})

describe('timing', () => {
  it('the TIMING value: anything but empty, 0 or false (any case) turns it on', () => {
    for (const v of ['1', 'all', 'TRUE', 'yes']) {
      setTiming(v)
      expect(timingEnabled(), v).toBe(true)
    }
    for (const v of [undefined, '', '0', 'false', 'FALSE', 'False']) {
      setTiming(v)
      expect(timingEnabled(), String(v)).toBe(false)
    }
    setTiming(true)
    expect(timingEnabled()).toBe(true)
  })

  it('off: nothing is measured and listeners are not wrapped', () => {
    setTiming(false)
    const fn = (a: number) => a + 1
    expect(timedListener('x', fn)).toBe(fn)
    expect(timed('parse', () => 7)).toBe(7)
    expect(timingSnapshot()).toEqual({ phases: {}, rules: {} })
  })

  it('on: phases and rules add up, results and errors pass through', async () => {
    setTiming(true)
    expect(timed('parse', () => 7)).toBe(7)
    expect(await timedAsync('report', async () => 'r')).toBe('r')
    expect(() => timed('plan', () => { throw new Error('boom') })).toThrow('boom')
    await expect(timedAsync('read', async () => { throw new Error('late') })).rejects.toThrow('late')
    const listener = timedListener('rule-a', (a: number, b: number) => a * b)
    expect(listener(3, 4)).toBe(12)
    expect(() => timedListener('rule-b', () => { throw new Error('x') })()).toThrow('x')
    const snap = timingSnapshot()
    expect(Object.keys(snap.phases).sort()).toEqual(['parse', 'plan', 'read', 'report'])
    expect(Object.keys(snap.rules).sort()).toEqual(['rule-a', 'rule-b'])
    for (const v of [...Object.values(snap.phases), ...Object.values(snap.rules)]) expect(v).toBeGreaterThanOrEqual(0)
    addPhase('parse', 5)
    addPhase('parse', 5)
    expect(timingSnapshot().phases.parse).toBeGreaterThanOrEqual(10)
    resetTiming()
    expect(timingSnapshot()).toEqual({ phases: {}, rules: {} })
  })

  it('the table: phases by time with rules as rule:<id> rows instead of the rules row, then the rules with their share', () => {
    addPhase('parse', 30)
    addPhase('rules', 999)
    addPhase('read', 10)
    addRule('lead-unit', 45)
    addRule('draft-residue', 15)
    const text = formatTiming()
    expect(text).toBe(
      [
        'Phase              | Time (ms) | Relative',
        '-------------------|----------:|--------:',
        'rule:lead-unit     |    45.000 |    45.0%',
        'parse              |    30.000 |    30.0%',
        'rule:draft-residue |    15.000 |    15.0%',
        'read               |    10.000 |    10.0%',
        'total 100.000 ms',
        '',
        'Rule          | Time (ms) | Relative',
        '--------------|----------:|--------:',
        'lead-unit     |    45.000 |    75.0%',
        'draft-residue |    15.000 |    25.0%',
        '',
      ].join('\n'),
    )
  })

  it('an empty table says 0 % rather than dividing by zero', () => {
    expect(formatTiming({ phases: { parse: 0 }, rules: {} })).toContain('parse | ')
    expect(formatTiming({ phases: { parse: 0 }, rules: {} })).toContain('0.0%')
    expect(formatTiming({ phases: { parse: 0 }, rules: {} })).not.toContain('NaN')
  })
})
