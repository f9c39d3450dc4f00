/**
 * Chooses a bundled preset without config: the jurisdiction in the title placed by GB/T 2260
 * (`南昌市青云谱区` → 江西省 › 南昌市 › 青云谱区), cross-checked with the upper plans the draft
 * cites before its first heading; the nearest bundled preset above the plan wins. When the two
 * signals disagree, or nothing is known, it is `national`, and the reason says so.
 * A plan is checked against the plans ABOVE it: the nearest bundled preset among the
 * jurisdiction's ancestors, never its own (a 南昌市 plan is checked against 江西省's).
 */
import type { PlanTree } from '../plan/types.js'
import { placeParts } from '../plan/meta.js'
import { bundledIds, presetsDir, resolvePresetRef } from './resolve.js'
import { readPresetFile } from './index.js'

export interface Detection {
  id: string
  /** One zh-CN sentence for the stylish summary and `explain`. */
  reason: string
}

interface Known {
  id: string
  name: string
  level: string
}

let known: Known[] | undefined

function bundledJurisdictions(): Known[] {
  if (known) return known
  known = []
  for (const fileId of bundledIds()) {
    const raw = readPresetFile(resolvePresetRef(fileId, presetsDir())!.file)
    if (raw.jurisdiction) known.push({ id: raw.id, name: raw.jurisdiction.name, level: raw.jurisdiction.level })
  }
  return known
}

/** Provinces and cities named by the upper plans the draft cites in its opening part. */
function citedPlaces(plan: PlanTree): string[] {
  const firstHeading = plan.headings[0]?.position.start.offset ?? Number.POSITIVE_INFINITY
  return plan.citations
    .filter((c) => c.position.start.offset < firstHeading && /(方案|规划|纲要|计划)/.test(c.title))
    .flatMap((c) => placeParts(c.title.replace(/^.*?关于印发[〈<《]?/, '')))
}

/**
 * The jurisdiction's ancestors, nearest first, and its own placed name: 南昌市青云谱区 →
 * own 青云谱区, ancestors [南昌市, 江西省]; 南昌市 → own 南昌市, ancestors [江西省]; 四川省 →
 * no ancestor below national. A town's ancestors start with its county.
 */
function ancestorsOf(d: NonNullable<NonNullable<PlanTree['jurisdiction']>['division']>, town: boolean): { own: string | undefined; ancestors: string[] } {
  const chain = [d.county, d.city, d.province].filter((x, i, a): x is string => !!x && a.indexOf(x) === i)
  if (town) return { own: undefined, ancestors: chain }
  return { own: chain[0], ancestors: chain.slice(1) }
}

export function detectPreset(plan: PlanTree): Detection {
  const j = plan.jurisdiction
  const presets = bundledJurisdictions()
  const byName = (n: string | undefined) => (n ? presets.find((p) => p.name === n) : undefined)
  const cited = citedPlaces(plan)
  const d = j?.division
  // a plan is checked against the plans ABOVE it: never against its own jurisdiction's preset
  const ownNote = (own: string | undefined) => {
    const self = byName(own)
    return self ? `（不用本级预设 ${self.id}：它就是本方案这一级的规划；如需使用请用 --preset ${self.id} 指定）` : ''
  }
  if (d) {
    const { own, ancestors } = ancestorsOf(d, j!.level === 'town')
    // the cited upper plans must not name another province
    const citedProvinces = cited.filter((c) => /(省|自治区)$/.test(c))
    if (citedProvinces.length > 0 && !citedProvinces.includes(d.province) && own !== d.province) {
      return {
        id: 'national',
        reason: `标题所示「${j!.name}」属${d.province}，但文中引用的上级方案是${citedProvinces.join('、')}的，二者不一致，改用全国预设 national`,
      }
    }
    const placed = [d.province, d.city, d.county].filter((x, i, a) => x && a.indexOf(x) === i).join('›')
    for (const name of ancestors) {
      const hit = byName(name)
      if (hit) return { id: hit.id, reason: `根据标题「${j!.name}」判定为${placed}，按上级规划检查，使用${hit.name}的预设 ${hit.id}${ownNote(own)}` }
    }
    if (ancestors.length === 0) return { id: 'national', reason: `「${j!.name}」是省级，按上级规划（全国）检查，使用全国预设 national${ownNote(own)}` }
    return { id: 'national', reason: `「${j!.name}」的上级${ancestors.join('、')}没有内置预设，使用全国预设 national${ownNote(own)}` }
  }
  // no placement: the upper plans the draft cites are the only signal (never the plan's own name)
  for (const place of [...cited].reverse()) {
    if (j && (place === j.name || j.parts.at(-1) === place)) continue
    const hit = byName(place)
    if (hit) return { id: hit.id, reason: `未能从标题确定行政区划，根据文中引用的上级方案（${place}）使用预设 ${hit.id}` }
  }
  return { id: 'national', reason: j ? `未能确定「${j.name}」的行政区划，使用全国预设 national` : '未从标题识别出行政区划，使用全国预设 national' }
}
