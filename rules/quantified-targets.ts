/**
 * quantified-targets: targets must be checkable. The preset's headline indicator must come
 * with a number for the plan's target year; other time-bound commitments (`到20XX年…`,
 * `“十四五”期间，…`, `20XX年底前…`) whose only measure is a vague word (一批, 若干, 明显,
 * 进一步…) get a warning; in the goals, an indicator of something counted (科普场馆, 科普人员,
 * 示范区…) is a target of its own and must have a number. A clause that carries a number, a
 * count or an absolute (全覆盖) is left alone: precision matters more than recall.
 */
import { COUNT_GOAL } from '../src/plan/targets.js'
import { fragmentKind } from '../src/rules-support/completeness.js'
import { defineRule, ruleDocsUrl } from '../src/rules-support/context.js'
import { quoteDocument, severityFor, inScope } from '../src/rules-support/preset-facts.js'
import type { HeadingNode, PlanTree, PresetTarget, TargetNode } from '../src/types.js'
import { normIndicator as norm } from '../src/text/indicator.js'

interface Options {
  /** Words that are no measure on their own. */
  vagueWords: string[]
  /** Check the headline indicator of the preset. */
  headline: boolean
}


export default defineRule<Options>({
  meta: {
    id: 'quantified-targets',
    type: 'problem',
    severity: 'error',
    docs: {
      description: {
        zh: '目标要可考核：主要指标须有具体数值，「到20XX年」的承诺不能只有「一批」「明显」之类的模糊表述',
        en: 'Targets must be checkable: the headline indicator has a number; year commitments are not only vague words',
      },
      url: ruleDocsUrl('quantified-targets'),
      recommended: true,
    },
    fixable: false,
    schema: {
      type: 'object',
      properties: {
        vagueWords: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
        headline: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaultOptions: { vagueWords: ['一批', '若干', '明显', '显著', '进一步', '不断', '大幅', '较大'], headline: true },
    messages: {
      countUnquantified: '工作目标「{{clause}}」是数量指标，却没有给出到{{year}}年的具体数值，建议写明数量（如建成多少个、达到多少人）',
      headlineMissing: '主要目标没有给出到{{year}}年「{{indicator}}」的具体数值：{{document}}要求{{expected}}',
      vague: '「{{clause}}」只有「{{words}}」这样的模糊表述，没有可考核的数量，建议写明具体指标',
    },
  },
  create(ctx) {
    const headlineSentences = new Set<TargetNode>()
    return {
      plan(plan: PlanTree) {
        // a text with no outline is not a plan whose goals can be found
        if (!ctx.options.headline || !inScope(plan, ctx.preset) || plan.headings.length === 0 || fragmentKind(plan, ctx.text)) return
        const target = headlineTarget(ctx.preset.targets, plan)
        if (!target) return
        const names = indicatorNames(ctx.preset.targets, target.indicator).map(norm)
        const goals = plan.targets.filter((t) => t.inGoals && t.year === target.year)
        // stated anywhere in the plan (a goal may sit in a preamble or an unnamed section)
        const stated = plan.targets.some((t) => t.year === target.year && t.sectionRole !== 'annex' && statesIndicator(t, names))
        if (stated) return
        const at = goals[0] ?? goalsHeading(plan) ?? plan.title ?? plan
        if (goals[0]) headlineSentences.add(goals[0])
        const doc = ctx.preset.documents.find((d) => d.id === target.from) ?? ctx.preset.document
        ctx.report({
          messageId: 'headlineMissing',
          data: { year: target.year, indicator: target.indicator, document: quoteDocument(doc), expected: target.value ?? `${target.pct}%` },
          node: 'position' in at ? at : plan,
          severity: severityFor(target.confidence, ctx.severity),
          expected: `${target.indicator}${target.value ?? ''}`,
          expectedFrom: 'upper-plan',
        })
      },
      target(t: TargetNode) {
        if (t.sectionRole === 'safeguards' || t.sectionRole === 'annex' || t.sectionRole === 'preamble') return
        // in the goals: every clause about something counted needs its number, even in a
        // sentence that gives the headline's percentage
        const counted = t.inGoals ? countedWithoutNumber(t) : []
        for (const c of counted) {
          // a list item's dash (`——创建一批…`) is no part of the indicator
          const dash = /^[—\-－·•]*/.exec(c.text)![0].length
          const start = c.position.start.offset + dash
          ctx.report({ messageId: 'countUnquantified', data: { clause: short(c.text.slice(dash)), year: t.year }, range: [start, c.position.end.offset], severity: 'warn' })
        }
        if (counted.length > 0 || t.quantified || headlineSentences.has(t)) return
        // a list item whose heading is vague and whose number follows on the same line
        // (`——公民科学素质水平大幅提升。全县…比例达到15%。`)
        const line = t.position.end.line
        if (ctx.plan.targets.some((o) => o !== t && o.quantified && o.position.start.line <= line && o.position.end.line >= line)) return
        const clause = t.clauses.find((c) => !c.quantified && ctx.options.vagueWords.some((w) => c.text.includes(w)))
        if (!clause) return
        const words = ctx.options.vagueWords.filter((w) => clause.text.includes(w))
        ctx.report({
          messageId: 'vague',
          data: { clause: short(clause.text), words: words.join('」「') },
          node: clause,
          severity: 'warn',
        })
      },
    }
  },
})

/** Clauses about something counted with no number, unless a clause next to it gives one
 * (`科普人才队伍不断壮大，注册科技志愿者达到3万人`). */
function countedWithoutNumber(t: TargetNode): TargetNode['clauses'] {
  return t.clauses.filter((c, k) => !c.quantified && COUNT_GOAL.test(c.text) && !t.clauses[k - 1]?.quantified && !t.clauses[k + 1]?.quantified)
}

function short(text: string): string {
  return text.length > 30 ? `${text.slice(0, 29)}…` : text
}

/** The headline target for the plan's horizon: the preset's headline indicator for the year
 * the plan runs to (its period's end), else the earliest headline year within the period. */
function headlineTarget(targets: PresetTarget[], plan: PlanTree): PresetTarget | undefined {
  const headlines = targets.filter((t) => t.headline)
  if (headlines.length === 0) return undefined
  const end = plan.period?.end
  const inPeriod = headlines.filter((t) => !plan.period || (t.year >= plan.period.start && t.year <= plan.period.end))
  const pick = (end && headlines.find((t) => t.year === end)) || inPeriod.sort((a, b) => a.year - b.year)[0]
  return pick ?? undefined
}

/**
 * Whether a percentage clause of `t` names the indicator, or follows a clause that names it
 * (`比例超过18%，力争达到20%`). One pass over the clauses: a goals list written as one long
 * sentence has thousands of them, and looking back from each one was quadratic.
 */
function statesIndicator(t: TargetNode, names: string[]): boolean {
  let mentioned = false // an earlier clause names the indicator
  for (const c of t.clauses) {
    if (c.valueUnit === '%' && (mentioned || names.some((n) => norm(c.indicator ?? '').includes(n)))) return true
    if (!mentioned) {
      const text = norm(c.text)
      mentioned = names.some((n) => text.includes(n))
    }
  }
  return false
}

function goalsHeading(plan: PlanTree): HeadingNode | undefined {
  return plan.headings.find((h) => h.role === 'goals' && /目标/.test(h.title)) ?? plan.headings.find((h) => h.role === 'goals')
}

/** The indicator and the other wordings any preset in the chain gives for it. */
function indicatorNames(targets: PresetTarget[], indicator: string): string[] {
  const names = new Set([indicator])
  for (const t of targets) if (t.indicator === indicator) for (const a of t.aliases ?? []) names.add(a)
  return [...names]
}
