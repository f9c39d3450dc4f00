/**
 * Chooses a bundled preset without config: the jurisdiction in the title placed by GB/T 2260
 * (`南昌市青云谱区` → 江西省 › 南昌市 › 青云谱区), cross-checked with the upper plans the draft
 * cites before its first heading; the deepest bundled preset on that chain wins. When the two
 * signals disagree, or nothing is known, it is `national`, and the reason says so.
 */
import type { PlanTree } from '../types.js'
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

export function detectPreset(plan: PlanTree): Detection {
  const j = plan.jurisdiction
  const presets = bundledJurisdictions()
  const byName = (n: string | undefined) => (n ? presets.find((p) => p.name === n) : undefined)
  const cited = citedPlaces(plan)
  const d = j?.division
  if (d) {
    const chain = [d.city, d.province].filter((x): x is string => !!x)
    // the cited upper plans must not name another province
    const citedProvinces = cited.filter((c) => /(省|自治区)$/.test(c))
    if (citedProvinces.length > 0 && !citedProvinces.includes(d.province)) {
      return {
        id: 'national',
        reason: `标题所示「${j!.name}」属${d.province}，但文中引用的上级方案是${citedProvinces.join('、')}的，二者不一致，改用全国预设 national`,
      }
    }
    for (const name of chain) {
      const hit = byName(name)
      if (hit) return { id: hit.id, reason: `根据标题「${j!.name}」判定为${[d.province, d.city, d.county].filter(Boolean).join('›')}，使用预设 ${hit.id}（${hit.name}）` }
    }
    return { id: 'national', reason: `「${j!.name}」所在的${chain.join('、')}没有内置预设，使用全国预设 national` }
  }
  // no placement: the upper plans the draft cites are the only signal
  for (const place of [...cited].reverse()) {
    const hit = byName(place)
    if (hit) return { id: hit.id, reason: `未能从标题确定行政区划，根据文中引用的上级方案（${place}）使用预设 ${hit.id}` }
  }
  return { id: 'national', reason: j ? `未能确定「${j.name}」的行政区划，使用全国预设 national` : '未从标题识别出行政区划，使用全国预设 national' }
}
