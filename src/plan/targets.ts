/**
 * Targets: sentences that commit to something by a year (`到2025年，…`), split into clauses,
 * each with its measure — a number, a count, an absolute (全覆盖) — or only vague words.
 */
import type { SectionRole, TargetClause, TargetNode } from './types.js'
import type { Locator } from './lines.js'
import { asciiDigits, chineseNumber } from './markers.js'
import { lowerBound } from '../text/arrays.js'
import { FULL_STOPS, HAN_CLASS, yearNumber } from '../lexicon/index.js'
import { yearMatches } from './target-years.js'

const PAST = /已达到|已经|已实现|达到了|实现了|奠定了|提高到了/
const PERCENT_SIGN = /[%％]/g
const RISE_TO = /(?:提高|提升|增长|增加|上升)到/g

/**
 * Where `由…%…提高到` starts and ends in a clause without white space (`由2020年的9.6%提高到15%`:
 * the target is after it) — what `/由.*?[%％].*?(?:提高|…)到/` finds, in one pass: only the
 * first 由 matters (a later one's first % is no earlier), then its first %, then the first rise
 * after it. The pattern itself backtracked over every 由 and % (`由10%由10%…`: over a minute).
 */
function baseline(plain: string): { index: number; end: number } | undefined {
  const index = plain.indexOf('由')
  if (index === -1) return undefined
  PERCENT_SIGN.lastIndex = index + 1
  const pct = PERCENT_SIGN.exec(plain)
  if (pct === null) return undefined
  RISE_TO.lastIndex = pct.index + 1
  const rise = RISE_TO.exec(plain)
  return rise === null ? undefined : { index, end: rise.index + rise[0].length }
}
const FIVE_YEAR_PLAN: Record<string, number> = { 十三五: 2020, 十四五: 2025, 十五五: 2030, 十六五: 2035 }

function yearOf(m: RegExpMatchArray): number {
  const fiveYear = m[2] ?? m[4]
  if (fiveYear) return FIVE_YEAR_PLAN[fiveYear] ?? 0
  const y = m[1] ?? m[3] ?? m[5] ?? ''
  return yearNumber(y)
}
/** Targets are read per sentence up to a full stop (a ； separates clauses of one target sentence). */
const SENTENCE_END = new RegExp(`[${FULL_STOPS}]`)
const ENDS_IN_TEXT = new RegExp(`[${HAN_CLASS}，、,]$`)
const TWO_HAN = new RegExp(`[${HAN_CLASS}]{2}`)
const CLAUSE_SPLIT = /[，,；;：:\n]/
/** A number with a unit or a percentage: `17%`, `3个`, `8000人`, `1场以上`, `80%以上`. */
const NUMBER = /[0-9０-９]+(?:[.．][0-9０-９]+)?\s*(%|％|‰|个|家|所|座|场|人次|万人次|人|名|项|次|支|处|篇|部|期|万|亿|倍|小时|天|平方米|千米|公里|类|门|件|套|台)?|[两三四五六七八九十百千万][一二两三四五六七八九十百千万]*(?:个|家|所|座|场|名|项|支|处|类)|一(?:个|家|所|座)/
const ABSOLUTE = /全覆盖|全面覆盖|实现.{0,6}覆盖|每个.{0,12}(至少|不少于|均|都)|100%|全部|均(建有|设有|达到|配备)|实现.{0,4}全/
const VAGUE = ['一批', '若干', '明显', '显著', '进一步', '不断', '大幅', '较大', '逐步', '日益', '更加', '稳步', '持续']
/**
 * A goals line about something counted (场馆, 基地, 示范区, 科普人员, 志愿者…) growing or being
 * built (`科普场馆数量明显增加`, `建成一批科普示范基地`): a target even without a percentage,
 * for the year of the lead-in before it. Whether it has a number is the rule's business.
 */
const LIST_ITEM = /^[ \t]*(?:——|—|-|·|•|●|[（(][0-9０-９一二三四五六七八九十]+[）)]|[0-9０-９]+[.．、]|[①-⑳])/
const COUNTED = '(?:场馆|科技馆|博物馆|基地|示范(?:区|县|市|社区|乡镇|街道|学校|单位)|科普人员|志愿者|讲解员|辅导员|站点|科普e站|科普站|大篷车)'
export const COUNT_GOAL = new RegExp(
  `(?:新建|建成|创建|培育|新增|打造)[^，,。；;]{0,12}?${COUNTED}|${COUNTED}[^，,。；;]{0,8}?(?:数量|人数|个数|规模)?[^，,。；;]{0,4}?(?:增加|增长|增多|扩大|壮大|翻番)`,
)
const COMPARATORS: [RegExp, TargetClause['comparator']][] = [
  [/超过|高于|大于|以上/, '>'],
  [/不低于|不少于|达到|力争达到|提高到|提升到|至少/, '>='],
  [/低于|少于|以下|不超过|控制在/, '<='],
]

export interface Region {
  start: number
  end: number
  role: SectionRole
}

export function findTargets(text: string, loc: Locator, regions: Region[], period?: { start: number; end: number }): TargetNode[] {
  const out: TargetNode[] = []
  let lastSentenceEnd = -1
  const regionStarts = regions.map((r) => r.start)
  // the first 。 at or after a position, found again only once a match passes it (linear overall)
  let stop = -2
  const nextStop = (at: number): number => {
    if (stop !== -1 && stop < at) stop = text.indexOf('。', at)
    return stop
  }
  for (const m of yearMatches(text)) {
    const at = m.index! + (m[0].length - m[0].trimStart().length)
    if (at < lastSentenceEnd) continue
    const year = yearOf(m)
    if (!year) continue
    // regions are in document order and do not overlap: the last one starting at or before `at`
    const candidate = regions[lowerBound(regionStarts, at + 1) - 1]
    const region = candidate && at < candidate.end ? candidate : undefined
    // a bare `2025年，` opens target sentences only in the goals; elsewhere it is a schedule
    if (m[3] && region?.role !== 'goals') continue
    // before the plan's period, a bare year or a past achievement (`到2020年…已达到9.6%`) is a
    // baseline; `到2020年，…达到25%` in a 2021—2025 plan stays (a target left from the old plan)
    if (period && year < period.start && (m[3] || PAST.test(text.slice(at, nextStop(at) === -1 ? undefined : nextStop(at))))) continue
    // `截至2020年底…` before the plan's period states a baseline, not a target (`到2020年`
    // in a 2021—2025 plan is a target left over from the previous plan: kept)
    if (period && year < period.start && /^\s*截/.test(m[0])) continue
    // sentence around the year phrase (sentences end at 。 or a blank line)
    let s = at
    while (s > 0 && !SENTENCE_END.test(text[s - 1]!) && !(text[s - 1] === '\n' && !continuesLine(text, s - 1))) s--
    while (s < at && /[\s*]/.test(text[s]!)) s++
    let e = at
    while (e < text.length && !SENTENCE_END.test(text[e]!) && !(text[e] === '\n' && /\n\s*\n|\n[一二三四五六七八九十（(0-9#*]/.test(text.slice(e, e + 3)))) e++
    const end = e < text.length && SENTENCE_END.test(text[e]!) ? e + 1 : e
    lastSentenceEnd = end
    const t = target(text, loc, year, s, at + m[0].length, end, region)
    if (t) out.push(t)
  }
  // Goals written as a list under a lead-in (`到2025年，主要指标如下：` / `——…超过15%；` /
  // `（1）…`): each line of a goals section with a percentage and no year phrase of its own
  // is a target for the year of the lead-in before it (else the plan's last year).
  // Without a filter over all targets per line (quadratic in a long goals list): the year
  // sentences found above, by start with the running maximum of their ends, and by end.
  const sentences = out.map((t, order) => ({ start: t.position.start.offset, end: t.position.end.offset, order, t }))
  const byStart = [...sentences].sort((a, b) => a.start - b.start)
  const starts = byStart.map((x) => x.start)
  const maxEndUpTo: number[] = []
  for (const x of byStart) maxEndUpTo.push(Math.max(maxEndUpTo.at(-1) ?? -1, x.end))
  const byEnd = [...sentences].sort((a, b) => a.end - b.end)
  const ends = byEnd.map((x) => x.end)
  for (const r of regions) {
    if (r.role !== 'goals') continue
    let lineStart = r.start
    // the year sentence of this region that ends last before the line (latest in `out` order)
    let next = lowerBound(ends, r.start)
    let latest: (typeof sentences)[number] | undefined
    let lastListed: TargetNode | undefined // the last target this loop added in this region
    while (lineStart < r.end) {
      let lineEnd = text.indexOf('\n', lineStart)
      if (lineEnd === -1 || lineEnd > r.end) lineEnd = r.end
      // the part of the line a year sentence has not already taken (`——…大幅提升。全县…15%。`)
      const started = lowerBound(starts, lineEnd)
      const reach = started > 0 ? maxEndUpTo[started - 1]! : -1
      const from = reach > lineStart ? reach : lineStart
      for (; next < byEnd.length && byEnd[next]!.end <= lineStart; next++) {
        const x = byEnd[next]!
        if (x.start >= r.start && (!latest || x.order > latest.order)) latest = x
      }
      const rest = text.slice(from, lineEnd)
      // an item of a goals list after a lead-in with its year (`到2025年，主要目标是：` / `——…`)
      // about something counted, with no number: a target for the rule to ask the number of
      const countItem = (lastListed ?? latest) !== undefined && LIST_ITEM.test(text.slice(lineStart, lineEnd)) && COUNT_GOAL.test(rest) && !/[0-9０-９]/.test(rest)
      if (from < lineEnd && ((/[0-9０-９]\s*[%％]|\t/.test(rest) && hasPercent(text.slice(lineStart, lineEnd))) || countItem)) {
        // a year of its own (`…比例2025年超过15%`), not a baseline's (`由2020年的9.6%`)
        const own = /(?<!由)((?:19|20)\d{2})\s*年(?!的|底|末)/.exec(text.slice(lineStart, lineEnd))
        const before = lastListed ?? latest?.t
        const year = own ? Number(own[1]) : before?.year ?? period?.end
        // `截至2020年底，…9.6%`: a baseline
        const asOf = /截[至止]到?\s*((?:19|20)\d{2})/.exec(text.slice(lineStart, lineEnd))
        const baseline = asOf !== null && (!period || Number(asOf[1]) < period.start)
        if (year && !baseline && (!period || year >= period.start)) {
          const t = text.slice(from, lineEnd).includes('\t') ? tableTarget(text, loc, year, from, lineEnd, r) : target(text, loc, year, from, from, lineEnd, r)
          if (t) {
            out.push(t)
            lastListed = t
          }
        }
      }
      lineStart = lineEnd + 1
    }
  }
  return out.sort((a, b) => a.position.start.offset - b.position.start.offset)
}

function target(text: string, loc: Locator, year: number, s: number, from: number, end: number, region: Region | undefined): TargetNode | undefined {
  const clauses = splitClauses(text, from, end, loc)
  if (clauses.length === 0) return undefined
  const firstPct = clauses.find((c) => c.valueUnit === '%') ?? clauses.find((c) => c.value !== undefined)
  return {
    type: 'target',
    year,
    text: text.slice(s, end),
    indicator: firstPct?.indicator,
    value: firstPct?.value,
    valueUnit: firstPct?.valueUnit,
    comparator: firstPct?.comparator,
    quantified: clauses.some((c) => c.quantified),
    vague: [...new Set(clauses.flatMap((c) => c.vague))],
    inGoals: region?.role === 'goals',
    sectionRole: region?.role ?? 'other',
    clauses,
    position: loc.position(s, end),
  }
}

function splitClauses(text: string, from: number, to: number, loc: Locator): TargetClause[] {
  const out: TargetClause[] = []
  let start = from
  for (let k = from; k <= to; k++) {
    const ch = text[k]
    if (k === to || CLAUSE_SPLIT.test(ch ?? '') || SENTENCE_END.test(ch ?? '')) {
      let a = start
      let b = k
      while (a < b && /[\s，,；;*]/.test(text[a]!)) a++
      while (b > a && /[\s。！？!?*]/.test(text[b - 1]!)) b--
      if (b > a) out.push(clause(text.slice(a, b), loc.position(a, b)))
      start = k + 1
    }
  }
  // join a clause with a parenthesis split by a comma inside it
  return out
}

function clause(t: string, position: TargetClause['position']): TargetClause {
  const plain = t.replace(/\s+/g, '')
  const num = NUMBER.exec(plain)
  const quantified = (num !== null && !/^(19|20)\d{2}年?$/.test(num[0]) && !/^(19|20)\d{2}$/.test(num[0].trim())) || ABSOLUTE.test(plain) || /百分之[零〇一二两三四五六七八九十]/.test(plain)
  const vague = quantified ? [] : VAGUE.filter((v) => plain.includes(v))
  const c: TargetClause = { text: t, position, quantified, vague }
  // `由2020年的9.6%提高到15%以上`: the target is the value after 提高到/达到, not the baseline
  const moved = baseline(plain)
  // a percentage starts where a run of digits does (a start inside the run would fail as the run's
  // start did: tried at every digit, a long run without % was quadratic)
  const pctRe = /(?<![0-9０-９])([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*[%％]/g
  if (moved) pctRe.lastIndex = moved.end
  let pct: RegExpExecArray | null = pctRe.exec(plain)
  // a table row (`指标\t2020年值\t2025年值`): the last column is the target
  if (pct && t.includes('\t')) for (let next = pctRe.exec(plain); next; next = pctRe.exec(plain)) pct = next
  // `百分之十五`, `百分之十二点五`
  const cn = pct ? null : /百分之([零〇一二两三四五六七八九十]+)(?:点([零〇一二三四五六七八九]+))?/.exec(plain)
  if (cn) {
    const whole = chineseNumber(cn[1]!.replace('两', '二'))
    const frac = cn[2] ? Number(`0.${[...cn[2]].map((d) => '零一二三四五六七八九'.indexOf(d === '〇' ? '零' : d)).join('')}`) : 0
    if (whole > 0) pct = Object.assign([cn[0], String(whole + frac)], { index: cn.index, input: plain, groups: undefined }) as RegExpExecArray
  }
  if (pct) {
    c.value = Number(asciiDigits(pct[1]!).replace('．', '.'))
    c.valueUnit = '%'
    const before = plain.slice(0, pct.index)
    let best: { index: number; cmp: TargetClause['comparator'] } | undefined
    for (const [re, cmp] of COMPARATORS) {
      const cm = re.exec(before)
      if (cm && (!best || cm.index < best.index)) best = { index: cm.index, cmp }
    }
    if (best) {
      c.comparator = best.cmp
      c.indicator = stripPlace(before.slice(0, moved ? moved.index : best.index)).replace(/(力争|要|将|稳定|平均)$/, '')
    }
    if (!c.comparator) {
      c.comparator = /以上|超过/.test(plain.slice(pct.index)) ? '>' : '='
      c.indicator = stripPlace(before)
    }
  } else if (num && quantified) {
    c.value = Number(asciiDigits(num[0]).replace(/[^0-9.]/g, '')) || undefined
    c.valueUnit = num[1]
  }
  return c
}

function stripPlace(s: string): string {
  return s
    .replace(/^[—\-－·•]*(?:[（(][0-9０-９一二三四五六七八九十]+[）)]|[0-9０-９]+[.．、])?/, '')
    .replace(/^(全区|全市|全县|全省|全旗|我区|我市|我县|我省|全国|本区|本市|本县)/, '')
}

/** A line break inside a paragraph broken by conversion: the line before it is long body text. */
function continuesLine(text: string, nl: number): boolean {
  const prevStart = text.lastIndexOf('\n', nl - 1) + 1
  const prev = text.slice(prevStart, nl)
  return prev.length > 30 && ENDS_IN_TEXT.test(prev) && !/^\s*(#|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/.test(prev)
}

/** A percentage, or an indicator marked （%） in a table row. */
function hasPercent(line: string): boolean {
  return /[0-9０-９]\s*[%％]/.test(line) || (/[（(]\s*[%％]\s*[）)]/.test(line) && line.includes('\t'))
}

/** An indicator table row (`指标\t2020年\t2025年`): the last number is the target column. */
function tableTarget(text: string, loc: Locator, year: number, from: number, end: number, region: Region): TargetNode | undefined {
  const cells = text.slice(from, end).split('\t').map((c) => c.trim())
  const indicatorCell = cells.find((c) => TWO_HAN.test(c) && !/^(预期性|约束性)$/.test(c))
  const numbers = cells.filter((c) => /^[0-9０-９]+(?:[.．][0-9０-９]+)?\s*[%％]?(以上)?$/.test(c))
  if (!indicatorCell || numbers.length === 0) return undefined
  const last = numbers[numbers.length - 1]!
  const pct = /[%％]/.test(last) || /[（(]\s*[%％]\s*[）)]/.test(indicatorCell)
  const value = Number(asciiDigits(last.replace(/[%％以上\s]/g, '')).replace('．', '.'))
  const indicator = stripPlace(indicatorCell.replace(/[（(]\s*[%％个元]*\s*[）)]$/, ''))
  const position = loc.position(from, end)
  const clause: TargetClause = { text: text.slice(from, end), position, quantified: true, vague: [], indicator, value, ...(pct ? { valueUnit: '%' } : {}), comparator: /以上/.test(last) ? '>=' : '=' }
  return {
    type: 'target',
    year,
    text: text.slice(from, end),
    indicator,
    value,
    ...(pct ? { valueUnit: '%' } : {}),
    comparator: clause.comparator,
    quantified: true,
    vague: [],
    inGoals: region.role === 'goals',
    sectionRole: region.role,
    clauses: [clause],
    position,
  }
}
