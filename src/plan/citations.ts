/**
 * Citations (《…》) and document numbers (文号, GB/T 9704: 机关代字〔年份〕序号号), in any
 * bracket style a drafter may have typed, so that rules can check the style.
 */
import type { CitationNode, DocNumberNode } from './types.js'
import type { Locator } from './lines.js'
import { HAN_CHARACTER, HAN_CLASS } from '../lexicon/index.js'

// 机关代字: up to 6 Han characters, then the year in any bracket, then the serial and 号.
const DOC_NUMBER = new RegExp(String.raw`([${HAN_CLASS}]{1,6})\s*([〔\[【(（［])\s*((?:19|20)\d{2})\s*([〕\]】)）］])\s*(?:第\s*)?(\d{1,4})\s*号`, 'g')
/**
 * The part of DOC_NUMBER after the 机关代字. Scanning the whole text with DOC_NUMBER tries
 * `[${HAN_CLASS}]{1,6}` at every Han character (a fifth of buildPlan on a 40 KB plan in
 * the profile); this core starts with a bracket, so it is found quickly, and every
 * DOC_NUMBER match holds one after its start.
 */
const CORE = /[〔\[【(（［]\s*(?:19|20)\d{2}\s*[〕\]】)）］]\s*(?:第\s*)?\d{1,4}\s*号/g
const SPACE = /\s/

/**
 * The matches of DOC_NUMBER in `text`, exactly as `text.matchAll(DOC_NUMBER)` gives them.
 * A match cannot start before the (at most 6) Han characters and the white space right
 * before the first core at or after the previous match's end (a bracket cannot lie inside
 * the Han run and white space before a core), so DOC_NUMBER is run from there: it finds
 * the same leftmost match, having looked only near a core.
 */
function* docNumberMatches(text: string): Generator<RegExpExecArray> {
  const re = new RegExp(DOC_NUMBER.source, 'g')
  const core = new RegExp(CORE.source, 'g')
  let pos = 0
  while (pos <= text.length) {
    core.lastIndex = pos
    const c = core.exec(text)
    if (!c) return
    let from = c.index
    while (from > pos && SPACE.test(text[from - 1]!)) from--
    for (let k = 0; k < 6 && from > pos && HAN_CHARACTER.test(text[from - 1]!); k++) from--
    re.lastIndex = from
    const m = re.exec(text)
    if (!m) return
    yield m
    pos = m.index + m[0].length
  }
}

/** Leading words that belong to the sentence, not to the 机关代字. */
const NOT_AGENCY_START = /^(根据|按照|依据|参照|印发|关于|的|和|及|与|见|详见|为|以)+/

export function findDocNumbers(text: string, loc: Locator): DocNumberNode[] {
  const out: DocNumberNode[] = []
  for (const m of docNumberMatches(text)) {
    let agency = m[1]!
    let start = m.index!
    const cut = NOT_AGENCY_START.exec(agency)
    if (cut) {
      agency = agency.slice(cut[0].length)
      start += cut[0].length
    }
    if (agency.length === 0) continue
    const end = m.index! + m[0].length
    out.push({
      type: 'docNumber',
      text: text.slice(start, end),
      agency,
      year: Number(m[3]),
      serial: Number(m[5]),
      brackets: m[2]! + m[4]!,
      position: loc.position(start, end),
    })
  }
  return out
}

/** 《…》 citations, allowing nested 〈〉/《》; the 文号 right after one (in brackets) is attached. */
export function findCitations(text: string, loc: Locator, docNumbers: DocNumberNode[]): CitationNode[] {
  const out: CitationNode[] = []
  let i = text.indexOf('《')
  while (i !== -1) {
    let depth = 0
    let j = i
    for (; j < text.length && j - i < 300; j++) {
      const c = text[j]
      if (c === '《') depth++
      else if (c === '》' && --depth === 0) break
      else if (c === '\n') break
    }
    if (depth === 0 && text[j] === '》') {
      const title = text.slice(i + 1, j)
      const node: CitationNode = { type: 'citation', title, position: loc.position(i, j + 1) }
      const after = text.slice(j + 1, j + 30)
      const dn = docNumbers.find((d) => d.position.start.offset > j && d.position.start.offset <= j + 3 && /^\s*[（(]?/.test(after))
      if (dn) node.docNumber = dn
      out.push(node)
      i = text.indexOf('《', j + 1)
    } else {
      i = text.indexOf('《', i + 1)
    }
  }
  return out
}
