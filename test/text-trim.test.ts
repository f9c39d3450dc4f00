import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { isTrimmedSpace, toOneLine, trimEndWith, trimmedEnd, trimmedStart, withoutTrailing } from '../src/text/trim.js'

describe('trim bounds', () => {
  it('remove exactly what String.prototype.trim removes, for every BMP code unit', () => {
    for (let code = 0; code < 0x10000; code++) {
      const ch = String.fromCharCode(code)
      expect(isTrimmedSpace(code), `U+${code.toString(16)}`).toBe(`a${ch}`.trim() === 'a')
    }
  })

  it('give the bounds of slice(start, end).trim() in the text', () => {
    const piece = fc.constantFrom(' ', '\u3000', '\t', '\n', '\u00a0', '\ufeff', '科', '普', '，', 'a', '1', '\u200b')
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((a) => a.join('')), fc.nat(), fc.nat(), (text, x, y) => {
        const a = x % (text.length + 1)
        const b = a + (y % (text.length - a + 1))
        const s = trimmedStart(text, a, b)
        const e = trimmedEnd(text, s, b)
        expect(text.slice(s, e)).toBe(text.slice(a, b).trim())
        // where the trimmed piece starts (an all-white piece is empty: it starts where it ends)
        const trimmed = text.slice(a, b).trim()
        expect(s).toBe(trimmed === '' ? b : a + text.slice(a, b).indexOf(trimmed))
      }),
    )
  })

  it('trimEndWith removes what /[\s<chars>]+$/ removes, and keeps the same string when nothing is removed', () => {
    const piece = fc.constantFrom(' ', '\u3000', '\t', '\n', '\r', '\u2028', '\u00a0', '\ufeff', '*', '科', '，', 'a', '\u200b')
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((a) => a.join('')), (text) => {
        expect(trimEndWith(text, '*')).toBe(text.replace(/[\s*]+$/, ''))
        expect(trimEndWith(text, '')).toBe(text.trimEnd())
      }),
    )
    const s = '科普**  '
    expect(trimEndWith(s, '*')).toBe('科普')
    expect(trimEndWith('科普', '*')).toBe('科普')
    // linear: a long run of white space inside the text (the pattern tries every position of it)
    const long = `科${'\u3000'.repeat(1_000_000)}普 *`
    expect(trimEndWith(long, '*')).toBe(long.slice(0, -2))
  })

  it('toOneLine replaces each run of white space with a line break in it by one space, as /\\s*\\n\\s*/g does', () => {
    const piece = fc.constantFrom(' ', '\u3000', '\t', '\n', '\r', '\u2028', '科', 'a', '|')
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((a) => a.join('')), (text) => {
        expect(toOneLine(text)).toBe(text.replace(/\s*\n\s*/g, ' '))
      }),
    )
    expect(toOneLine('第一行 \n\t 第二行  第三段')).toBe('第一行 第二行  第三段')
    const long = `甲${' '.repeat(1_000_000)}乙`
    expect(toOneLine(long)).toBe(long)
  })

  it('withoutTrailing removes what /[<chars>]+$/ removes', () => {
    const piece = fc.constantFrom('。', '．', '.', '：', ':', '；', ';', '\n', '\t', ' ', '科', 'x')
    const sets = ['。．.：:', '。；;，,.', '。；;', '\n', '\t']
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((a) => a.join('')), fc.constantFrom(...sets), (text, chars) => {
        const pattern = new RegExp(`[${chars.replace(/[.\\\]\[]/g, '\\$&')}]+$`)
        expect(withoutTrailing(text, chars)).toBe(text.replace(pattern, ''))
      }),
    )
    const long = `科${'。'.repeat(1_000_000)}普。。`
    expect(withoutTrailing(long, '。')).toBe(long.slice(0, -2))
  })
})
