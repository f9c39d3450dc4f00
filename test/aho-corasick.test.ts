import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AhoCorasick, longestNonOverlapping } from '../src/dict/aho-corasick.js'

/** Every occurrence of every word, by brute force: the reference the automaton must equal. */
function naive(words: string[], text: string): [number, number, string][] {
  const out: [number, number, string][] = []
  for (let end = 1; end <= text.length; end++)
    for (const w of words) if (w && end >= w.length && text.slice(end - w.length, end) === w) out.push([end - w.length, end, w])
  return out
}

describe('AhoCorasick', () => {
  it('finds overlapping and nested entries', () => {
    const ac = new AhoCorasick<string>([['社治委', 'a'], ['区委社治委', 'b'], ['委', 'c']].map(([w, d]) => [w!, d!] as [string, string]))
    const hits = ac.search('区委社治委、区委')
    expect(hits.map((h) => [h.start, h.end, h.data])).toEqual([[1, 2, 'c'], [0, 5, 'b'], [2, 5, 'a'], [4, 5, 'c'], [7, 8, 'c']].sort((x, y) => (x[1] as number) - (y[1] as number)))
    expect(longestNonOverlapping(hits).map((h) => h.data)).toEqual(['b', 'c'])
  })

  it('property: equals a brute-force search on any dictionary and text', () => {
    const alphabet = fc.constantFrom('局', '委', '区', '社', '治', '乡', '村', 'a', 'b')
    fc.assert(
      fc.property(fc.array(fc.string({ unit: alphabet, minLength: 1, maxLength: 4 }), { maxLength: 8 }), fc.string({ unit: alphabet, maxLength: 40 }), (words, text) => {
        const unique = [...new Set(words)]
        const ac = new AhoCorasick(unique.map((w) => [w, w] as [string, string]))
        const got = ac.search(text).map((h) => [h.start, h.end, h.data] as [number, number, string])
        const key = (x: [number, number, string]) => `${x[1]}:${x[0]}:${x[2]}`
        expect(got.map(key).sort()).toEqual(naive(unique, text).map(key).sort())
      }),
      { numRuns: 300 },
    )
  })
})
