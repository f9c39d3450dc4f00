/**
 * The rename dictionary compiled once per unit dictionary: one Aho–Corasick automaton over
 * every old name, and the checks that make a hit a unit name rather than a substring
 * (`绿色、环保的生活方式` is not 环保局; `自然资源和规划局` is not 规划局).
 */
import type { UnitDictionary, UnitRename } from '../presets/types.js'
import { AhoCorasick, longestNonOverlapping } from './aho-corasick.js'
import { isHan } from '../lexicon/index.js'

export interface RenameHit {
  /** Offsets of the whole name as written, prefix included. */
  start: number
  end: number
  /** The old name as written, with its prefix, e.g. `市乡村振兴局`. */
  written: string
  prefix: string
  old: string
  rename: UnitRename
}

interface Entry {
  old: string
  rename: UnitRename
}

const cache = new WeakMap<UnitDictionary, CompiledRenames>()

/** Characters after which a unit name may start. */
const LEFT = new Set([...'、，,。；;：:（(〔【[“"‘ \t\n\u3000—-·/'])
/** Characters and words that may follow a unit name. */
const RIGHT = new Set([...'、，,。；;：:）)〕】]”"’ \t\n\u3000—-/等和与及'])
const RIGHT_WORDS = /^(牵头|负责|配合|参与|会同|联合|按|共同|为|要|的|在|将|对|主办|承办|协办|指导|组织|开展|做好|统筹)/

export class CompiledRenames {
  private readonly ac: AhoCorasick<Entry>
  private readonly prefixes: string[]
  private readonly keep: string[]

  constructor(dict: UnitDictionary) {
    const entries: [string, Entry][] = []
    for (const rename of dict.renames) {
      for (const old of rename.old) {
        // names carrying a qualifier (`药品监督管理局（县/市级）`) depend on context: never matched
        if (/[（(）)\s/]|XX|简称/.test(old) || old.length < 2) continue
        entries.push([old, { old, rename }])
      }
    }
    this.ac = new AhoCorasick(entries)
    this.prefixes = [...dict.prefixes].sort((a, b) => b.length - a.length)
    this.keep = dict.keep
  }

  static for(dict: UnitDictionary): CompiledRenames {
    let c = cache.get(dict)
    if (!c) {
      c = new CompiledRenames(dict)
      cache.set(dict, c)
    }
    return c
  }

  /** Unit names in `text` that a rename covers, longest first, not overlapping. */
  find(text: string, placeNames: string[] = []): RenameHit[] {
    const hits: RenameHit[] = []
    for (const m of longestNonOverlapping(this.ac.search(text))) {
      const { old, rename } = m.data
      if (this.guarded(text, m.start, m.end, old, rename)) continue
      const right = text[m.end]
      if (right !== undefined && !RIGHT.has(right) && !RIGHT_WORDS.test(text.slice(m.end, m.end + 2))) continue
      let start = m.start
      let prefix = ''
      const before = text.slice(Math.max(0, m.start - 4), m.start)
      const p = this.prefixes.find((x) => before.endsWith(x)) ?? placeNames.find((x) => x && before.endsWith(x))
      if (p) {
        prefix = p
        start = m.start - p.length
      }
      const left = text[start - 1]
      // a space inside a name broken by PDF conversion (`区住房 城乡建设局`): not a name start
      if (left !== undefined && /[ \t\u3000]/.test(left) && isHan(text.charCodeAt(start - 2))) continue
      // without a level prefix the name must stand after punctuation (else it is the tail
      // of a longer name); with one (`推动县乡村振兴局…`) the prefix marks the start
      if (start > 0 && !LEFT.has(left!) && !prefix) continue
      if (prefix && left === '团') continue // 团区委 is the Youth League, not a prefix
      hits.push({ start, end: m.end, written: text.slice(start, m.end), prefix, old, rename })
    }
    return hits
  }

  private guarded(text: string, start: number, end: number, old: string, rename: UnitRename): boolean {
    const around = (g: string) => {
      const i = g.indexOf(old)
      if (i === -1) return false
      for (let k = i; k !== -1; k = g.indexOf(old, k + 1)) {
        if (text.startsWith(g, start - k)) return true
      }
      return false
    }
    if (rename.guards?.some(around)) return true
    // a current name that contains the old one (`自然资源和规划局` contains `规划局`)
    if (this.keep.some((k) => k !== old && around(k))) return true
    for (const r of rename.new) if (r !== old && around(r.replace(/\s*\(.*\)$/, ''))) return true
    return end <= start
  }
}

/** A new name without the editor's notes: `乡村振兴局 (2021-2024)` → `乡村振兴局`. */
export function cleanNewName(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*$/, '').trim()
}
