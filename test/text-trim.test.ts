import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { isTrimmedSpace, trimmedEnd, trimmedStart } from '../src/text/trim.js'

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
})
