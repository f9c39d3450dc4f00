import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { lastAtOrBefore, lowerBound, maxOf, minOf, pushAll } from '../src/text/arrays.js'

describe('text/arrays', () => {
  it('lowerBound is the count of items below the value, as a linear scan says', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (items, value) => {
        const sorted = [...items].sort((a, b) => a - b)
        expect(lowerBound(sorted, value)).toBe(sorted.filter((x) => x < value).length)
      }),
      { seed: 7, numRuns: 300 },
    )
    expect(lowerBound([], 3)).toBe(0)
    expect(lowerBound([1, 3, 3, 5], 3)).toBe(1)
  })

  it('lastAtOrBefore is the last item whose key is at most the value, or the first, as a linear scan says', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1 }), fc.integer({ min: -60, max: 60 }), (items, value) => {
        const sorted = [...items].sort((a, b) => a - b).map((start) => ({ start }))
        const count = sorted.filter((x) => x.start <= value).length
        expect(lastAtOrBefore(sorted, value, (x) => x.start)).toBe(Math.max(0, count - 1))
      }),
      { seed: 7, numRuns: 300 },
    )
    expect(lastAtOrBefore([], 3, (x: number) => x)).toBe(0)
    expect(lastAtOrBefore([1, 3, 3, 5], 3, (x) => x)).toBe(2)
    expect(lastAtOrBefore([4, 6], 1, (x) => x)).toBe(0)
  })

  it('pushAll, maxOf and minOf work past the stack-argument limit', () => {
    const big = Array.from({ length: 200_000 }, (_, i) => i)
    expect(pushAll([-1], big)).toHaveLength(200_001)
    expect(maxOf(big)).toBe(199_999)
    expect(minOf(big)).toBe(0)
    expect(maxOf([])).toBe(-Infinity)
  })
})
