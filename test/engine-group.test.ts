/**
 * groupMessages / expandGroups (src/engine/group.ts) in detail: which messages form a group,
 * what a group and each of its places carry, when the members' fixes merge into one, and the
 * order of everything. group.test.ts covers the same through lintText and the reporters.
 */
import { describe, expect, it } from 'vitest'
import { expandGroups, groupMessages } from '../src/engine/group.js'
import type { Fix, LintMessage } from '../src/engine/types.js'

const TEXT = '0123456789abcdefghij'

const at = (start: number, end: number, extra: Partial<LintMessage> = {}): LintMessage => ({
  ruleId: 'r',
  severity: 1,
  message: '同一问题',
  line: 1,
  column: start + 1,
  endLine: 1,
  endColumn: end + 1,
  range: [start, end],
  ...extra,
})

const fix = (s: number, e: number, text: string): Fix => ({ range: [s, e], text })

describe('groupMessages: what forms a group', () => {
  it('a message alone stays the very same object, without count or places', () => {
    const one = at(1, 2, { fix: fix(1, 2, 'x') })
    const [out] = groupMessages(TEXT, [one])
    expect(out).toBe(one)
    expect(out).not.toHaveProperty('count')
    expect(out).not.toHaveProperty('places')
  })

  it('messages without a rule id and fatal ones are never grouped and keep their place in the order', () => {
    const a = at(1, 2, { ruleId: null })
    const b = at(3, 4, { ruleId: null })
    const c = at(5, 6, { fatal: true })
    const out = groupMessages(TEXT, [a, at(7, 8), b, c, at(9, 10)])
    expect(out).toHaveLength(4)
    expect(out[0]).toBe(a)
    expect(out[1]).toMatchObject({ count: 2, range: [7, 8] })
    expect(out[2]).toBe(b)
    expect(out[3]).toBe(c)
  })

  it('a different rule id is a different problem even with the same text and severity', () => {
    expect(groupMessages(TEXT, [at(1, 2), at(3, 4, { ruleId: 's' })]).map((m) => m.count)).toEqual([undefined, undefined])
  })

  it('the group is the first member by offsets (start, then end), whatever order the members came in', () => {
    const [g] = groupMessages(TEXT, [at(9, 12, { line: 3 }), at(4, 8, { line: 2 }), at(4, 6, { line: 1, actual: 'first' })])
    expect(g).toMatchObject({ count: 3, range: [4, 6], line: 1, actual: 'first' })
    expect(g!.places!.map((p) => p.range)).toEqual([[4, 6], [4, 8], [9, 12]])
  })

  it('each place keeps its position and, only when it has them, its location, fix and suggestions', () => {
    const sug = [{ desc: '改', fix: fix(3, 4, 'y') }]
    const [g] = groupMessages(TEXT, [
      at(1, 2, { location: { page: 2 }, fix: fix(1, 2, 'x'), expected: 'e' }),
      at(3, 4, { suggestions: sug }),
    ])
    // strict: a place has no `fix`/`suggestions`/`location` key at all when it has none
    expect(g!.places).toStrictEqual([
      { line: 1, column: 2, endLine: 1, endColumn: 3, range: [1, 2], location: { page: 2 }, fix: fix(1, 2, 'x') },
      { line: 1, column: 4, endLine: 1, endColumn: 5, range: [3, 4], suggestions: sug },
    ])
  })
})

describe('groupMessages: the merged fix', () => {
  it('applies every member’s fix, keeping the text between, in offset order', () => {
    const [g] = groupMessages(TEXT, [at(6, 8, { fix: fix(6, 8, 'Y') }), at(1, 3, { fix: fix(1, 3, 'X') })])
    expect(g!.fix).toEqual({ range: [1, 8], text: 'X345Y' })
  })

  it('adjacent fixes merge; touching insertions at one offset merge in order', () => {
    const [g] = groupMessages(TEXT, [at(1, 3, { fix: fix(1, 3, 'A') }), at(3, 5, { fix: fix(3, 5, 'B') })])
    expect(g!.fix).toEqual({ range: [1, 5], text: 'AB' })
    const [h] = groupMessages(TEXT, [at(2, 4, { fix: fix(4, 4, '!') }), at(5, 6, { fix: fix(6, 6, '?') })])
    expect(h!.fix).toEqual({ range: [4, 6], text: '!45?' })
  })

  it('overlapping fixes: no group fix, and the first member’s own fix is not left on the group', () => {
    const [g] = groupMessages(TEXT, [at(1, 4, { fix: fix(1, 4, 'X') }), at(3, 6, { fix: fix(3, 6, 'Y') })])
    expect(g).not.toHaveProperty('fix')
    expect(g!.places!.map((p) => p.fix)).toEqual([fix(1, 4, 'X'), fix(3, 6, 'Y')])
  })

  it('a member fix whose range is reversed: no group fix', () => {
    const [g] = groupMessages(TEXT, [at(1, 2, { fix: fix(1, 2, 'X') }), at(5, 6, { fix: fix(6, 5, 'Y') })])
    expect(g).not.toHaveProperty('fix')
  })

  it('the fixes are ordered by their own offsets (start, then end), not by the messages', () => {
    // the message at 1 carries the fix further on; the fix order decides
    const [g] = groupMessages(TEXT, [at(1, 2, { fix: fix(7, 8, 'B') }), at(5, 6, { fix: fix(2, 3, 'A') })])
    expect(g!.fix).toEqual({ range: [2, 8], text: 'A3456B' })
    const [h] = groupMessages(TEXT, [at(1, 2, { fix: fix(3, 5, 'L') }), at(5, 6, { fix: fix(3, 3, 'I') })])
    expect(h!.fix).toEqual({ range: [3, 5], text: 'IL' })
  })
})

describe('expandGroups', () => {
  it('gives every place back as a message of its own, sorted by offsets, without the group’s fields', () => {
    const sug = [{ desc: '改', fix: fix(3, 4, 'y') }]
    const grouped = groupMessages(TEXT, [
      at(3, 4, { suggestions: sug, fix: fix(3, 4, 'b') }),
      at(1, 2, { location: { page: 2 }, fix: fix(1, 2, 'a'), expected: 'e' }),
    ])
    const single = at(0, 5, { ruleId: 'other', message: '别的' })
    const back = expandGroups([...grouped, single])
    expect(back).toEqual([
      { ...at(0, 5, { ruleId: 'other', message: '别的' }) },
      { ...at(1, 2), location: { page: 2 }, fix: fix(1, 2, 'a'), expected: 'e' },
      { ...at(3, 4), suggestions: sug, fix: fix(3, 4, 'b'), expected: 'e' },
    ])
    expect(back[0]).toBe(single)
  })

  it('a place without location, fix or suggestions does not inherit the group’s', () => {
    const group: LintMessage = {
      ...at(1, 2),
      location: { paragraph: 1 },
      fix: fix(1, 2, 'x'),
      suggestions: [{ desc: 'd', fix: fix(1, 2, 'x') }],
      count: 2,
      places: [{ line: 1, column: 2, endLine: 1, endColumn: 3, range: [1, 2] }, { line: 1, column: 6, endLine: 1, endColumn: 7, range: [5, 6] }],
    }
    expect(expandGroups([group])).toStrictEqual([at(1, 2), { ...at(1, 2), column: 6, endColumn: 7, range: [5, 6] }])
  })

  it('a message with an empty places list is kept as it is; ties on start order by end', () => {
    const empty = { ...at(4, 9), places: [] }
    const out = expandGroups([empty, at(4, 6), at(2, 3)])
    expect(out.map((m) => m.range)).toEqual([[2, 3], [4, 6], [4, 9]])
    expect(out[2]).toBe(empty)
  })
})
