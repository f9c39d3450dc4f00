/**
 * target-alignment: the plan's headline target is not below its upper plan's for the same
 * year, and lies within the plan's period. The upper plan is the nearest preset in the chain
 * that states the headline indicator for that year (a county answers to its city, the city to
 * its province — each level calibrates its own number). Equal or above is fine. Of `超过18%，
 * 力争达到20%` the firm 18 counts; a 力争 value alone is taken as the plan's number.
 */
import { defineRule, ruleDocsUrl } from '../src/rules-support/context.js'
import { quoteDocument, severityFor, inScope } from '../src/rules-support/preset-facts.js'
import type { PlanTree, Position, Preset, PresetTarget, TargetNode } from '../src/types.js'
import { normIndicator as norm } from '../src/text/indicator.js'


interface Stated {
  value: number
  text: string
  position: Position
}

export default defineRule({
  meta: {
    id: 'target-alignment',
    type: 'problem',
    severity: 'warn',
    docs: {
      description: {
        zh: '主要目标值不低于上级方案同一年份的目标，目标年份在方案规划期内',
        en: 'The headline target is not below the upper plan’s for the same year and lies within the plan’s period',
      },
      url: ruleDocsUrl('target-alignment'),
      recommended: true,
    },
    fixable: false,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    messages: {
      below: '到{{year}}年「{{indicator}}」的目标「{{stated}}」低于{{document}}的「{{expected}}」',
      outsidePeriod: '目标年份{{year}}年不在方案规划期（{{start}}—{{end}}年）内：「{{stated}}」',
    },
  },
  create(ctx) {
    return {
      plan(plan: PlanTree) {
        // a document outside the preset's family (a 科普日 plan, a 营商环境 plan) is not checked
        if (!inScope(plan, ctx.preset)) return
        const headlines = ctx.preset.targets.filter((t) => t.headline && t.pct !== undefined)
        if (headlines.length === 0) return
        const indicators = new Set(headlines.map((t) => norm(t.indicator)))
        const stated: { t: TargetNode; indicator: string; s: Stated }[] = []
        for (const t of plan.targets) {
          if (!t.inGoals) continue
          for (const indicator of indicators) {
            const s = headlineValue(t, indicator)
            if (s) stated.push({ t, indicator, s })
          }
        }
        const period = plan.period
        for (const { t, indicator, s } of stated) {
          // a year before the period is a leftover; one after it only when the plan states no
          // target within its period (到2035年 beside 到2025年 is the long view)
          if (period) {
            const inPeriod = (y: number) => y >= period.start && y <= period.end
            const stale = t.year < period.start
            const beyond = t.year > period.end && !stated.some((x) => x.indicator === indicator && inPeriod(x.t.year))
            if (stale || beyond) {
              ctx.report({
                messageId: 'outsidePeriod',
                data: { year: t.year, start: period.start, end: period.end, stated: s.text },
                node: s,
              })
              continue
            }
          }
          const parent = headlines.find((h) => h.year === t.year && norm(h.indicator) === indicator)
          if (!parent || parent.pct === undefined || s.value >= parent.pct) continue
          // only against the level directly above: a county whose city has no preset is not held
          // to its province's number (counties set their own, often below the average)
          if (!directlyAbove(ctx.preset, parent, plan)) continue
          ctx.report({
            messageId: 'below',
            data: { year: t.year, indicator: parent.indicator, stated: s.text, document: documentOf(ctx.preset, parent), expected: parent.value ?? `${parent.pct}%` },
            node: s,
            severity: severityFor(parent.confidence, ctx.severity),
            expected: parent.value ?? `${parent.pct}%`,
            expectedFrom: 'upper-plan',
            actual: s.text,
          })
        }
      },
    }
  },
})

/** The upper plan a target comes from, as a reader quotes it. */
function documentOf(preset: Preset, t: PresetTarget): string {
  return quoteDocument(preset.documents.find((d) => d.id === t.from) ?? preset.document)
}

/**
 * The percentage a target sentence states for the indicator: the first firm clause (not 力争)
 * naming it or following a clause that names it, else the 力争 one.
 */
function headlineValue(t: TargetNode, indicator: string): Stated | undefined {
  let named = false
  let stretch: Stated | undefined
  for (const c of t.clauses) {
    if (norm(c.indicator ?? '').includes(indicator) || norm(c.text).includes(indicator)) named = true
    if (!named || c.valueUnit !== '%' || c.value === undefined) continue
    const s = { value: c.value, text: c.text.replace(/^[，,；;\s]+|[。，,；;\s]+$/g, ''), position: c.position }
    if (!/力争|争取/.test(c.text)) return s
    stretch ??= s
  }
  return stretch
}

const RANK: Record<string, number> = { national: 0, province: 1, provincial: 1, city: 2, county: 3, town: 4 }

/** The target's upper plan is exactly one level above the plan: never the plan's own level
 * (a preset of the plan itself, named by the user) nor two levels up. A plan whose level is
 * unknown is not compared (a false finding costs more than a missed one), nor is a province
 * with the national target: a national figure is an average over provinces that set their own
 * (several below it), not a floor for each. */
function directlyAbove(preset: Preset, target: PresetTarget, plan: PlanTree): boolean {
  const own = plan.jurisdiction?.level
  const doc = preset.documents.find((d) => d.id === target.from)
  const theirs = doc?.level
  if (!own || RANK[own] === undefined) return false
  if (!theirs || RANK[theirs] === undefined) return true
  if (RANK[theirs] === 0) return false
  return RANK[own]! - RANK[theirs]! === 1
}
