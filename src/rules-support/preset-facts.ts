/**
 * Small helpers rules share for quoting the upper plan and weighing preset facts.
 */
import type { Confidence, PlanTree, Preset, PresetDocument } from '../types.js'

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

/** A fact an error may rest on: verified ones only; anything weaker is at most a warning. */
export function severityFor(confidence: Confidence | string | undefined, wanted: 'error' | 'warn'): 'error' | 'warn' {
  if (wanted === 'warn') return 'warn'
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

/** The plan belongs to the preset's family (its title has a keyword of the preset's scope),
 * or nothing says otherwise. Family checks (actions, projects, targets) apply only then. */
export function inScope(plan: PlanTree, preset: Preset): boolean {
  const keywords = preset.scope?.titleKeywords
  if (!keywords || !plan.title) return true
  return keywords.some((k) => plan.title!.text.includes(k))
}

/** The date a plan speaks for: its 印发 (or signature) date, else the end of its own 文号's year. */
export function planDate(plan: PlanTree): string | undefined {
  if (plan.date) return plan.date
  if (plan.docNumber) return `${plan.docNumber.year}-12-31`
  return undefined
}
