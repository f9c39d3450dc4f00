/**
 * A fix never changes text where its rule is disabled (issue 13): punctuation-width's
 * combined fix spans every paragraph after the tenth, while directives keep or drop a
 * message by where it starts.
 */
import { describe, expect, it } from 'vitest'
import { fixOutside } from '../src/engine/directives.js'
import { lintText } from '../src/index.js'

const para = (n: number) => `第${n}段,推进科普工作(重点).`

describe('fixes and directives', () => {
  it('--fix leaves a paragraph inside planlint-disable untouched, and fixes the rest', () => {
    const lines: string[] = []
    for (let n = 1; n <= 14; n++) {
      if (n === 12) lines.push('<!-- planlint-disable punctuation-width -->')
      lines.push(para(n))
      if (n === 12) lines.push('<!-- planlint-enable punctuation-width -->')
    }
    const text = lines.join('\n') + '\n'
    const config = { rules: { 'punctuation-width': 'error' as const } }
    const r = lintText(text, { config, fix: true })
    const out = r.output!.split('\n')
    expect(out).toContain(para(12)) // disabled: as written
    expect(out).toContain('第11段，推进科普工作（重点）.')
    expect(out).toContain('第13段，推进科普工作（重点）.')
    expect(out).toContain('第14段，推进科普工作（重点）.')
    expect(r.messages.filter((m) => m.ruleId === 'punctuation-width')).toEqual([])
  })

  it('disable-line and disable-next-line protect their line from a fix that starts earlier', () => {
    const lines = Array.from({ length: 13 }, (_, k) => para(k + 1))
    lines.splice(11, 0, '<!-- planlint-disable-next-line punctuation-width -->')
    const r = lintText(lines.join('\n'), { config: { rules: { 'punctuation-width': 'error' } }, fix: true })
    const out = r.output!.split('\n')
    expect(out[12]).toBe(para(12))
    expect(out[13]).toBe('第13段，推进科普工作（重点）.')
  })
})

describe('fixOutside', () => {
  const text = 'a,b,c,d'
  const fix = { range: [1, 6] as [number, number], text: '，b，c，' }
  it('keeps a fix that touches no region', () => {
    expect(fixOutside(text, fix, [])).toBe(fix)
    expect(fixOutside(text, fix, [[6, 7]])).toBe(fix)
  })
  it('puts the original characters back inside a region and trims the unchanged ends', () => {
    expect(fixOutside(text, fix, [[3, 4]])).toEqual({ range: [1, 6], text: '，b,c，' })
    expect(fixOutside(text, fix, [[0, 4]])).toEqual({ range: [5, 6], text: '，' })
    expect(fixOutside(text, fix, [[4, 7]])).toEqual({ range: [1, 4], text: '，b，' })
  })
  it('drops a fix entirely inside a region, or one that cannot be split', () => {
    expect(fixOutside(text, fix, [[0, 7]])).toBeUndefined()
    expect(fixOutside(text, { range: [1, 4], text: 'XY' }, [[3, 4]])).toBeUndefined()
    expect(fixOutside(text, { range: [2, 2], text: 'X' }, [[2, 3]])).toBeUndefined()
    expect(fixOutside(text, { range: [2, 2], text: 'X' }, [[3, 4]])).toEqual({ range: [2, 2], text: 'X' })
  })
})
