/**
 * population-actions: every population the upper plan requires has an action section.
 * Matched by the preset's names and aliases against action headings only — a plan that
 * mentions 农民 in passing still lacks the 农民 action.
 */
import { fragmentKind } from '../src/rules-support/completeness.js'
import { defineRule, ruleDocsUrl } from '../src/rules-support/context.js'
import { chineseCount, quoteDocument, severityFor, inScope } from '../src/rules-support/preset-facts.js'
import type { ActionNode, PlanTree, PresetNamedItem } from '../src/types.js'
import { literalAlternation } from '../src/text/safe-pattern.js'
import type { Sentence } from 'nlcst'
import type { Positioned } from '../src/rules-support/context.js'

export default defineRule({
  meta: {
    id: 'population-actions',
    type: 'problem',
    severity: 'error',
    docs: {
      description: {
        zh: '上级方案要求的每项人群提升行动，方案中都要有对应的行动章节',
        en: 'Every population action the upper plan requires has its own action section',
      },
      url: ruleDocsUrl('population-actions'),
      recommended: true,
    },
    fixable: false,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    messages: {
      missing: '缺少「{{name}}」：{{document}}要求的{{count}}项提升行动之一。若本地确有理由替换或不单列，请在正文写明理由，或在配置的 exemptions 中登记（population: {{id}}，reason: 理由）',
      noActions: '未找到提升行动部分：{{document}}要求实施{{names}}',
      townNote: '本方案是乡镇（街道）方案，可结合本地实际选择重点人群，不逐项要求；{{document}}列出的{{names}}本方案未单列，请确认是否有意不列',
    },
  },
  create(ctx) {
    // What `plan` found still to decide; decided at `plan:exit`, once the walk has handed over
    // every sentence (a missing population may be explained by any sentence of the plan).
    let pending: { absent: PresetNamedItem[]; town: boolean; at: object; docOf: (p: PresetNamedItem) => string } | undefined
    const sentences: Positioned<Sentence>[] = []
    return {
      plan(plan: PlanTree) {
        // a document outside the preset's family (a 科普日 plan, a 营商环境 plan) is not checked
        if (!inScope(plan, ctx.preset)) return
        // a notice or an excerpt is not judged for the parts it does not contain (plan-completeness;
        // it reads the text around the outline, which no node holds when there is no outline)
        if (fragmentKind(plan, ctx.text)) return
        const populations = ctx.preset.populations
        if (populations.length === 0) return
        const exempt = new Set((ctx.config.exemptions ?? []).flatMap((e) => ('population' in e ? [e.population] : [])))
        const required = populations.filter((p) => !exempt.has(p.id) && !exempt.has(p.name) && !p.aliases.some((a) => exempt.has(a)))
        const docOf = (p: PresetNamedItem) => quoteDocument(ctx.preset.documents.find((d) => d.id === p.from) ?? ctx.preset.document)
        const at = plan.actionsHeading ?? plan.outline[0] ?? plan.title ?? plan
        // a town (乡镇/街道) takes on the populations that live there, not every one its upper
        // plans name: one note listing those it does not address, never an error per population
        const town = plan.jurisdiction?.level === 'town'
        if (town && plan.headings.length === 0) return
        if (!town && plan.actions.length === 0) {
          // a text with no outline at all is not a plan to check against the preset
          if (required.length === 0 || plan.headings.length === 0) return
          ctx.report({
            messageId: 'noActions',
            data: { document: docOf(required[0]!), names: required.map((p) => `「${p.name}」`).join('') },
            node: at,
            severity: severityFor(required[0]!.confidence, ctx.severity),
          })
          return
        }
        const absent = required.filter((p) => !plan.actions.some((a) => covers(a, p)))
        if (absent.length > 0) pending = { absent, town, at, docOf }
      },
      SentenceNode(sentence) {
        if (pending) sentences.push(sentence)
      },
      'plan:exit'() {
        if (!pending) return
        const { town, at, docOf } = pending
        // the plan itself says why it replaces the population (`我区无农业人口，以城镇社区居民
        // 替代农民`): a documented replacement, as an exemption in config would be
        const absent = pending.absent.filter((p) => !replacementStated(sentences, p, (s) => ctx.getText(s)))
        if (absent.length === 0) return
        if (town) {
          ctx.report({
            messageId: 'townNote',
            data: { document: docOf(absent[0]!), names: absent.map((p) => `「${p.name}」`).join('') },
            node: at,
            // a note at the info level: never fails a run, not a warning
            severity: 'info',
          })
          return
        }
        const count = chineseCount(ctx.preset.populations.length)
        for (const p of absent) {
          ctx.report({
            messageId: 'missing',
            data: { name: p.name, document: docOf(p), count, id: p.id },
            node: at,
            severity: severityFor(p.confidence, ctx.severity),
            expected: p.name,
            expectedFrom: 'upper-plan',
          })
        }
      },
    }
  },
})

/** The action heading names the population by its name or one of its aliases. */
function covers(action: ActionNode, p: PresetNamedItem): boolean {
  const title = action.name
  return title.includes(p.name.replace(/科学素质提升行动$/, '')) || p.aliases.some((a) => title.includes(a))
}

/** A sentence of the plan states that the population is replaced, dropped or not present.
 * `textOf` is the sentence's source text (the tree covers the text without gaps). */
function replacementStated<S>(sentences: readonly S[], p: PresetNamedItem, textOf: (s: S) => string): boolean {
  const names = [p.name.replace(/科学素质提升行动$/, ''), ...p.aliases].filter((a) => a.length >= 2)
  const alt = literalAlternation(names)?.source ?? '(?!)'
  const re = new RegExp(`(替代|代替|取代|不再单列|不单列|并入|合并到?)[^。；\\n]{0,12}(${alt})|(${alt})[^。；\\n]{0,20}(替代|代替|取代|不再单列|不单列|并入)|无(${alt}|农业人口|农村人口)`)
  return sentences.some((s) => re.test(textOf(s)))
}
