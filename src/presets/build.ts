/**
 * `planlint preset build`: writes a preset from a higher-level plan's text — its title and
 * 文号, period, jurisdiction, population actions (names as written, aliases derived),
 * projects and quantified targets — so that a county can lint against its city's plan.
 * Reads the plan tree; the facts come from the document itself, so they are `verified`
 * with the file as their source.
 */
import type { ActionNode, PlanTree, TargetClause } from '../plan/types.js'
import type { Preset, PresetFile, PresetNamedItem } from './types.js'
import { normIndicator as norm } from '../text/indicator.js'

export interface BuildOptions {
  /** Parent preset id or path; the plan's own upper preset when not given. */
  extends: string
  /** Preset id; derived from the GB/T 2260 code when not given. */
  id?: string
  /** Where the text came from, recorded as the source of every fact. */
  source: string
  /** The parent preset, to keep its ids for matching populations and projects. */
  parent?: Preset
}

/** A preset as written to YAML (the schema's shape, not the merged `Preset`). */
export interface RawPresetOut {
  id: string
  title: string
  extends: string
  jurisdiction?: PresetFile['jurisdiction']
  document: Record<string, unknown>
  populations?: Omit<PresetNamedItem, 'from'>[]
  projects?: Omit<PresetNamedItem, 'from'>[]
  targets?: Record<string, unknown>[]
}

const SUFFIXES = /(科学素质提升行动|科学素质行动|素质提升行动|提升行动|行动|工程)$/

/** The key word(s) an action heading must contain: `领导干部和公务员科学素质提升行动` →
 * [领导干部和公务员, 领导干部, 公务员]. */
export function aliasesOf(name: string): [string, ...string[]] {
  const core = name.replace(/^(实施|开展|推进)/, '').replace(SUFFIXES, '')
  if (!core) return [name]
  const parts = core.split(/[和与及、]/).filter((p) => p.length >= 2)
  return [core, ...(parts.length > 1 ? parts.filter((p, i) => p !== core && parts.indexOf(p) === i) : [])]
}

function matchParent(item: ActionNode, list: PresetNamedItem[] | undefined): PresetNamedItem | undefined {
  return list?.find((p) => item.name.includes(p.name) || p.aliases.some((a) => item.name.includes(a)))
}

function items(nodes: ActionNode[], parentList: PresetNamedItem[] | undefined, prefix: string): Omit<PresetNamedItem, 'from'>[] {
  const used = new Set<string>()
  return nodes.map((node, k) => {
    const parent = matchParent(node, parentList)
    const id = parent && !used.has(parent.id) ? parent.id : `${prefix}-${k + 1}`
    used.add(id)
    const own = aliasesOf(node.name)
    return { id, name: node.name, aliases: own, confidence: 'verified' as const }
  })
}

function comparatorWord(c: TargetClause): string {
  return c.comparator === '>' ? '超过' : c.comparator === '>=' ? '达到' : c.comparator === '<=' ? '不超过' : ''
}

export function buildPresetFromPlan(plan: PlanTree, options: BuildOptions): RawPresetOut {
  const j = plan.jurisdiction
  const id = options.id ?? (j?.division ? `gb${j.division.code}` : 'custom')
  const title = plan.title?.text ?? '（无标题）'
  const period = plan.period ? `${plan.period.start}—${plan.period.end}` : undefined
  const document: Record<string, unknown> = { id, title, shortTitle: title }
  if (plan.docNumber) document.docNumber = plan.docNumber.text.replace(/\s+/g, '')
  if (j) document.issuer = `${j.name}人民政府`
  if (plan.date) document.date = plan.date
  if (period) document.period = period
  if (j?.level) document.level = j.level
  document.status = 'current'
  document.confidence = 'verified'
  document.source = [options.source]

  const out: RawPresetOut = { id, title: `${j?.name ?? ''}：${title}`.replace(/^：/, ''), extends: options.extends, document }
  // presets describe plans a lower level implements: a town's plan has none below it
  if (j?.level && j.level !== 'town') {
    out.jurisdiction = { name: j.name, level: j.level }
    const parent = j.division?.city && j.division.city !== j.name ? j.division.city : j.division?.province
    if (parent && parent !== j.name) out.jurisdiction.parent = parent
  }
  if (plan.actions.length > 0) out.populations = items(plan.actions, options.parent?.populations, 'population')
  if (plan.projects.length > 0) out.projects = items(plan.projects, options.parent?.projects, 'project')

  const headline = options.parent?.targets.find((t) => t.headline)?.indicator
  const targets: Record<string, unknown>[] = []
  for (const t of plan.targets) {
    if (!t.inGoals) continue
    t.clauses.forEach((c, k) => {
      if (c.value === undefined || c.valueUnit !== '%') return
      // the indicator is in this clause or, for `超过18%，力争达到20%`, in an earlier one
      const named = c.indicator && c.indicator.length >= 2 ? c.indicator : t.clauses.slice(0, k).reverse().find((x) => x.indicator)?.indicator
      if (!named) return
      if (k > 0 && !c.indicator && /力争/.test(c.text)) return // a stretch value, not the firm target
      const isHeadline = headline !== undefined && norm(named).includes(norm(headline))
      const target: Record<string, unknown> = {
        year: t.year,
        indicator: isHeadline ? headline : named,
        value: `${comparatorWord(c)}${c.value}%`,
        pct: c.value,
        confidence: 'verified',
      }
      if (c.comparator) target.comparator = c.comparator
      if (isHeadline) target.headline = true
      targets.push(target)
    })
  }
  if (targets.length > 0) out.targets = targets
  return out
}
