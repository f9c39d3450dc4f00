/**
 * Small helpers rules share for quoting the upper plan and weighing preset facts.
 */
import type { PlanTree } from '../plan/types.js'
import type { Confidence, Preset, PresetDocument } from '../presets/types.js'
import type { Level } from '../engine/types.js'

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/** 5 → 五, 12 → 十二 (counts as 公文 write them). */
export function chineseCount(n: number): string {
  if (n <= 10) return CN[n]!
  if (n < 20) return `十${CN[n - 10]}`
  if (n < 100) return `${CN[Math.floor(n / 10)]}十${n % 10 ? CN[n % 10] : ''}`
  return String(n)
}

/** The upper plan as a reader quotes it: 《全民科学素质行动规划纲要（2021—2035年）》. */
export function quoteDocument(doc: PresetDocument | undefined): string {
  if (!doc) return '上级方案'
  return `《${doc.shortTitle ?? doc.title}》`
}

/** A fact an error may rest on: verified ones only; anything weaker is at most a warning (a
 * rule the user set to warn or info stays there). */
export function severityFor(confidence: Confidence | string | undefined, wanted: Level): Level {
  if (wanted !== 'error') return wanted
  return typeof confidence === 'string' && confidence.startsWith('verified') ? 'error' : 'warn'
}

/** The document of the preset in the chain that defines `field` last (the one a list comes from). */
export function documentFor(preset: Preset, owner?: string): PresetDocument | undefined {
  if (owner) {
    const d = preset.documents.find((x) => x.id === owner)
    if (d) return d
  }
  return preset.document
}

/** The plan belongs to the preset's family, or nothing says otherwise. Family checks
 * (actions, projects, targets) apply only then. Out of the family: a title without any of the
 * preset's `scope.titleKeywords` (a 科普日 or 营商环境 plan), and a plan of an older family —
 * its period ends before the preset's document begins (2006—2010, 2011—2015 under a
 * 2021—2035 纲要), or the upper plan it cites before its first heading is one the preset
 * marks superseded while it cites no current one. */
export function inScope(plan: PlanTree, preset: Preset): boolean {
  // several rules ask this of each plan; both are read-only, so the answer is kept per pair
  let byPreset = scopeCache.get(plan)
  if (!byPreset) scopeCache.set(plan, (byPreset = new WeakMap()))
  let answer = byPreset.get(preset)
  if (answer === undefined) byPreset.set(preset, (answer = judgeScope(plan, preset)))
  return answer
}

const scopeCache = new WeakMap<PlanTree, WeakMap<Preset, boolean>>()

function judgeScope(plan: PlanTree, preset: Preset): boolean {
  if (olderFamily(plan, preset)) return false
  const keywords = preset.scope?.titleKeywords
  if (!keywords || !plan.title) return true
  return keywords.some((k) => plan.title!.text.includes(k))
}

/** `（2006-2010-2020年）` and `（2006—2010—2020年）` alike; no title marks, brackets or spaces. */
function normTitle(s: string): string {
  return s
    .replace(/[\s《》〈〉<>‹›“”"（）()]/g, '')
    .replace(/[—–\-－~～至到]+/g, '—')
}

/** A preset document's names (title, short title, aliases), normalised once per document. */
function titlesOf(d: PresetDocument): string[] {
  let titles = titleCache.get(d)
  if (!titles) {
    titles = [d.title, d.shortTitle, ...(d.aliases ?? [])].filter((t): t is string => !!t).map(normTitle)
    titleCache.set(d, titles)
  }
  return titles
}

const titleCache = new WeakMap<PresetDocument, string[]>()

function olderFamily(plan: PlanTree, preset: Preset): boolean {
  const start = /\d{4}/.exec(preset.document?.period ?? '')
  if (start && plan.period && plan.period.end < Number(start[0])) return true
  const firstHeading = plan.headings[0]?.position.start.offset ?? Number.POSITIVE_INFINITY
  const cited = plan.citations.filter((c) => c.position.start.offset < firstHeading).map((c) => normTitle(c.title))
  if (cited.length === 0) return false
  const familyDocs = [preset.document, ...preset.documents].filter((d): d is PresetDocument => !!d && !!d.period)
  const isCited = (d: PresetDocument) => titlesOf(d).some((t) => cited.some((c) => c.includes(t)))
  const old = familyDocs.filter((d) => d.status === 'superseded' && isCited(d))
  const current = familyDocs.filter((d) => d.status !== 'superseded' && isCited(d))
  return old.length > 0 && current.length === 0
}

/** The date a plan speaks for: its 印发 date, else its signature date (both read into
 * `plan.date`), else the end of its own 文号's year, else — for a published plan, not a draft —
 * the start of its period. A draft with none of these is judged today (undefined here): it is
 * being written now, whatever period it covers. */
export function planDate(plan: PlanTree): string | undefined {
  if (plan.date) return plan.date
  if (plan.docNumber) return `${plan.docNumber.year}-12-31`
  if (plan.period && !plan.draft) return `${plan.period.start}-01-01`
  return undefined
}
