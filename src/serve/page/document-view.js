// @ts-check
// The document pane: the text with every finding's range wrapped in <mark>, one <p> per line.
import { $, el, isError, levelClass, state } from './dom.js'

export function renderDocument() {
  const text = /** @type {string} */ (state.report.text)
  const msgs = /** @type {any[]} */ (state.report.messages)
  /** @type {Map<number, number[]>} */ const starts = new Map()
  /** @type {Map<number, number[]>} */ const ends = new Map()
  /** @type {Map<number, number[]>} */ const gaps = new Map()
  const points = new Set([0, text.length])
  const push = (/** @type {Map<number, number[]>} */ map, /** @type {number} */ k, /** @type {number} */ v) => {
    const list = map.get(k)
    if (list) list.push(v)
    else map.set(k, [v])
  }
  msgs.forEach((m, i) => {
    const [s, e] = m.range
    if (!(s >= 0 && e >= s && e <= text.length)) return
    if (m.fatal) return
    if (s === e) push(gaps, s, i)
    else {
      push(starts, s, i)
      push(ends, e, i)
      points.add(s).add(e)
    }
    points.add(s)
  })
  for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) points.add(k).add(k + 1)
  const sorted = [...points].sort((a, b) => a - b)
  const root = $('doc')
  const paras = []
  let n = 1
  let p = el('p', { 'data-line': '1', 'data-n': '1' })
  /** @type {Set<number>} */ const active = new Set()
  for (let i = 0; i < sorted.length; i++) {
    const at = sorted[i]
    for (const id of ends.get(at) ?? []) active.delete(id)
    for (const id of starts.get(at) ?? []) active.add(id)
    for (const id of gaps.get(at) ?? []) {
      p.append(el('mark', { class: `gap ${levelClass(msgs[id])}`, 'data-f': String(id), title: msgs[id].message }, '▲'))
    }
    const next = sorted[i + 1]
    if (next === undefined) break
    if (text[at] === '\n') {
      paras.push(p)
      n++
      p = el('p', { 'data-line': String(n), 'data-n': String(n) })
      continue
    }
    const piece = text.slice(at, next)
    if (active.size === 0) p.append(piece)
    else {
      const ids = [...active]
      // the strongest level among the findings on this piece of text
      const sev = ids.some((id) => isError(msgs[id])) ? 'error' : ids.every((id) => levelClass(msgs[id]) === 'info') ? 'info' : 'warning'
      p.append(el('mark', { class: sev, 'data-f': ids.join(' '), title: ids.map((id) => msgs[id].message).join('\n') }, piece))
    }
  }
  paras.push(p)
  root.replaceChildren(...paras)
}

/** The finding's card: where, what, the rule's explanation, the upper plan's wording, the fix. */
