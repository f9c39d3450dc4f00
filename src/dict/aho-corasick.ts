/**
 * Aho–Corasick over UTF-16 code units: one pass over the text finds every dictionary entry,
 * whatever the dictionary's size.
 *
 * Why not a package: the maintained one (modern-ahocorasick) matches grapheme clusters
 * through Intl.Segmenter and took 42 ms on a 33 KB plan with 5,000 entries — four times the
 * whole lint budget. Unit names are plain BMP Han text, so code units are exact here.
 */
export interface AcMatch<T> {
  start: number
  end: number
  data: T
}

export class AhoCorasick<T> {
  /** goto: one Map per state, keyed by char code. */
  private readonly next: Map<number, number>[] = [new Map()]
  private readonly fail: number[] = [0]
  /** Entries that end at each state (after following failure links at build time). */
  private readonly out: { length: number; data: T }[][] = [[]]
  /** Code units that leave the root: most characters of a text do not, and skip the Map. */
  private readonly rootHas = new Uint8Array(65536)

  constructor(entries: Iterable<[string, T]>) {
    for (const [word, data] of entries) {
      if (word.length === 0) continue
      let s = 0
      for (let i = 0; i < word.length; i++) {
        const c = word.charCodeAt(i)
        let t = this.next[s]!.get(c)
        if (t === undefined) {
          t = this.next.length
          this.next.push(new Map())
          this.fail.push(0)
          this.out.push([])
          this.next[s]!.set(c, t)
        }
        s = t
      }
      this.out[s]!.push({ length: word.length, data })
    }
    for (const c of this.next[0]!.keys()) this.rootHas[c] = 1
    // breadth-first failure links
    const queue: number[] = []
    for (const t of this.next[0]!.values()) queue.push(t)
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q]!
      for (const [c, t] of this.next[s]!) {
        queue.push(t)
        let f = this.fail[s]!
        while (f !== 0 && !this.next[f]!.has(c)) f = this.fail[f]!
        const g = this.next[f]!.get(c)
        this.fail[t] = g !== undefined && g !== t ? g : 0
        const inherited = this.out[this.fail[t]!]!
        if (inherited.length > 0) this.out[t] = this.out[t]!.concat(inherited)
      }
    }
  }

  /** Number of dictionary states (for diagnostics). */
  get size(): number {
    return this.next.length
  }

  /** Every occurrence, overlapping ones included, in order of their end offset. */
  search(text: string, from = 0, to = text.length): AcMatch<T>[] {
    const found: AcMatch<T>[] = []
    let s = 0
    const next = this.next
    const fail = this.fail
    const rootHas = this.rootHas
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i)
      if (s === 0 && rootHas[c] === 0) continue
      let t = next[s]!.get(c)
      while (t === undefined && s !== 0) {
        s = fail[s]!
        t = next[s]!.get(c)
      }
      s = t ?? 0
      const o = this.out[s]!
      for (let k = 0; k < o.length; k++) found.push({ start: i + 1 - o[k]!.length, end: i + 1, data: o[k]!.data })
    }
    return found
  }
}

/** Keeps, among overlapping matches, the longest (leftmost on ties). */
export function longestNonOverlapping<T>(matches: AcMatch<T>[]): AcMatch<T>[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end)
  const out: AcMatch<T>[] = []
  let end = -1
  for (const m of sorted) {
    if (m.start < end) {
      const last = out[out.length - 1]!
      if (m.end - m.start > last.end - last.start && m.start === last.start) out[out.length - 1] = m
      continue
    }
    out.push(m)
    end = m.end
  }
  return out
}
