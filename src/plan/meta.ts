/**
 * Document metadata: title, jurisdiction, period, issue date, own 文号, draft status.
 * Read from the front matter (red-header 文件 line, 文号, 关于印发…的通知, title lines) and
 * the imprint at the end (…年…月…日印发).
 */
import type { DocNumberNode, JurisdictionInfo, PlanTree } from './types.js'
import type { Line, Locator } from './lines.js'
import { chineseNumber, HAN_CLASS, PLACE_SUFFIX, selfReferenceLevel, SENTENCE_ENDS, yearNumber } from '../lexicon/index.js'

const PLAN_WORDS = /(方案|规划|纲要|计划|意见|办法)/
/** Longest title read (characters, line breaks removed): real ones are under 80. */
const MAX_TITLE_CHARS = 200
/** A title line holds no sentence end, comma or colon. */
const TERMINALS = new RegExp(`[${SENTENCE_ENDS}，,：:]`)
// Han characters only: `德阳市贯彻落实《四川省…》任务分工方案` is 德阳市, not 德阳市 › 贯彻落实《四川省
const PLACE_TOKEN = new RegExp(`^([${HAN_CLASS}]{2,7}?(?:${PLACE_SUFFIX}))`)
const DATE_OR_NUMBER = /^[\d\s年月日〔〕\[\]号.-]+$|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/
/** A date in Arabic or Chinese numerals: 2022年3月5日, 二〇二二年三月五日. */
const DATE = '((?:19|20)\\d{2}|二[〇○零][〇○零一二三四五六七八九]{2})\\s*年\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*月\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*日'

/** `2022` → 2022, `二〇二二` → 2022, `十二` → 12, `五` → 5. */
function numberOf(s: string): number {
  if (/^\d+$/.test(s) || s.length === 4) return yearNumber(s)
  return chineseNumber(s)
}
const BRACKETED = /^[（(〔【][^（(）)]*[）)〕】]$/
const NOT_PLACE = /^(全民|关于|国民|人民|科学|全面|实施|印发|贯彻|落实|深入|推进)/

export type Meta = Pick<PlanTree, 'title' | 'jurisdiction' | 'period' | 'date' | 'docNumber' | 'draft'>

/** Splits a leading administrative name into its parts: `南昌市青云谱区…` → [南昌市, 青云谱区]. */
export function placeParts(s: string): string[] {
  const parts: string[] = []
  let rest = s.replace(/\s+/g, '')
  for (;;) {
    if (NOT_PLACE.test(rest)) break
    const m = PLACE_TOKEN.exec(rest)
    if (!m || NOT_PLACE.test(m[1]!) || /(人民|政府|全民|关于)/.test(m[1]!)) break
    parts.push(m[1]!)
    rest = rest.slice(m[1]!.length)
  }
  return parts
}

function levelOf(parts: string[]): JurisdictionInfo['level'] {
  const last = parts[parts.length - 1]
  if (!last) return undefined
  if (/(省|自治区|特别行政区)$/.test(last)) return 'province'
  if (/(镇|乡|街道)$/.test(last)) return 'town'
  if (/(区|县|旗)$/.test(last) && !/(自治区|地区)$/.test(last)) return 'county'
  if (/(市|州|盟|地区)$/.test(last)) return parts.length >= 2 && /(市|州|盟|地区)$/.test(parts[parts.length - 2]!) ? 'county' : undefined
  return undefined
}

export function jurisdictionFrom(parts: string[]): JurisdictionInfo | undefined {
  if (parts.length === 0) return undefined
  const last = parts[parts.length - 1]!
  const suffix = selfReferenceLevel(last)
  const info: JurisdictionInfo = { name: parts.join(''), parts, suffix }
  const level = levelOf(parts)
  if (level) info.level = level
  return info
}

export function readMeta(text: string, lines: Line[], loc: Locator, firstHeadingLine: number, docNumbers: DocNumberNode[]): Meta {
  const meta: Meta = { draft: false }
  const front = lines.slice(0, Math.max(0, firstHeadingLine))
  const content = (l: Line) => text.slice(l.contentStart, l.contentEnd)
  // title: the last block of short consecutive lines before the first heading that names a plan
  let best: { from: Line; to: Line; text: string } | undefined
  for (let i = 0; i < front.length; i++) {
    const l = front[i]!
    if (l.kind !== 'text') continue
    const c = content(l)
    if (c.length > 60 || TERMINALS.test(c.replace(/[（(][^）)]*[）)]/g, '')) || /关于印发|^关于|通知$|文件$|^附件|(人民政府|办公室|办公厅|委员会)$/.test(c) || DATE_OR_NUMBER.test(c) || BRACKETED.test(c)) continue
    let to = l
    let joined = c
    // whether `joined` names a plan, kept up to date from its last few characters only
    // (a plan word is at most 2 characters, so it can straddle one join), so a long run of
    // short lines costs linear time, not a regex over the whole run per line
    let named = PLAN_WORDS.test(c)
    let j = i + 1
    while (j < front.length) {
      const n = front[j]!
      if (n.kind === 'blank') {
        j++
        continue
      }
      const nc = content(n)
      if (n.hashes > 0 && l.hashes === 0) break
      if (DATE_OR_NUMBER.test(nc) || /(人民政府|办公室|办公厅)$/.test(nc)) break
      if (n.kind !== 'text' || nc.length > 40 || TERMINALS.test(nc.replace(/[（(][^）)]*[）)]/g, '')) || /^[（(]?征求意见稿|^[（(]?(送审稿|讨论稿)/.test(nc)) break
      if (!/^(实施方案|方案|规划|纲要|[（(]\d{4})/.test(nc) && named) break
      named ||= PLAN_WORDS.test(joined.slice(-1) + nc)
      joined += nc
      to = n
      j++
      // a title is a few short lines; a longer run of short lines is not one
      if (joined.length > MAX_TITLE_CHARS) break
    }
    if (joined.length <= MAX_TITLE_CHARS && named && !/印发|通知/.test(joined)) best = { from: l, to, text: joined }
    i = j - 1
  }
  if (best) meta.title = { text: best.text.replace(/\s+/g, ''), position: loc.position(best.from.contentStart, best.to.contentEnd) }
  // jurisdiction: from the title, lengthened by the issuing body (南昌市青云谱区人民政府文件)
  const titleParts = meta.title ? placeParts(meta.title.text) : []
  let parts = titleParts
  for (const l of front) {
    const m = /^(.{2,20}?)人民政府/.exec(content(l).replace(/\s+/g, ''))
    if (!m) continue
    const issuer = placeParts(m[1]!)
    const name = issuer.join('')
    if (issuer.length > parts.length && (parts.length === 0 || name.endsWith(parts.join('')))) parts = issuer
    break
  }
  meta.jurisdiction = jurisdictionFrom(parts)
  // period
  // without a title, the front text's own words: a period inside a cited 《…》 is the other document's
  const periodSource = meta.title?.text ?? front.map(content).join('').replace(/《[^《》]*》/g, '')
  // a chain (（2006—2010—2020年）) runs from its first year to its last
  const p = /[（(]\s*((?:19|20)\d{2})\s*年?\s*(?:[—–\-－~～至到]+\s*(?:19|20)\d{2}\s*年?\s*)*[—–\-－~～至到]+\s*((?:19|20)\d{2})\s*年?\s*[）)]/.exec(periodSource)
  if (p) meta.period = { start: Number(p[1]), end: Number(p[2]) }
  // draft status
  meta.draft = front.some((l) => /征求意见稿|送审稿|讨论稿|草案/.test(content(l)))
  // own 文号: a line near the top that is only a 文号
  const dn = docNumbers.find((d) => {
    const line = lines[d.position.start.line - 1]
    return line && d.position.start.line <= firstHeadingLine && content(line).replace(/\s+/g, '') === d.text.replace(/\s+/g, '')
  })
  if (dn) meta.docNumber = dn
  // issue date: …年…月…日印发, else a date line in the front matter
  // issue date: …年…月…日印发; else the date under the signature (the last lines that are
  // only a date, possibly after the issuing office); else a date line in the front matter
  const imprint = new RegExp(`${DATE}\\s*印发`).exec(text)
  const tail = lines.slice(-15).reverse()
  const onlyDate = new RegExp(`(?:^|\\s)${DATE}\\s*$`)
  const signature = tail.map((l) => (l.kind === 'text' ? onlyDate.exec(content(l)) : null)).find((m) => m)
  const dateLine = imprint ?? signature ?? front.map((l) => onlyDate.exec(content(l))).find((m) => m)
  if (dateLine) {
    const [y, mo, d] = [dateLine[1]!, dateLine[2]!, dateLine[3]!].map(numberOf)
    if (y && mo && d) meta.date = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
  }
  return meta
}
