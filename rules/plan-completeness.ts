/**
 * plan-completeness: a text that is only part of a plan — the issuing notice without the plan
 * after it, or an excerpt (one action, no goals, no first-level headings) — gets one note
 * saying so, instead of a finding for every part it lacks. The rules that judge a whole plan
 * (population-actions, key-projects, the headline check of quantified-targets, the numbering
 * start of heading-numbering) stay silent on it.
 */
import { defineRule, ruleDocsUrl } from '../src/rules-support/context.js'
import { fragmentKind } from '../src/rules-support/completeness.js'
import type { PlanTree } from '../src/types.js'

export default defineRule({
  meta: {
    id: 'plan-completeness',
    type: 'suggestion',
    // a note, not a problem: it never fails a run and --max-warnings does not count it
    severity: 'info',
    docs: {
      description: {
        zh: '只有印发通知或只是方案节选的文本，提示一次“不是完整方案”，不逐项报告缺少的部分',
        en: 'A text that is only the issuing notice or an excerpt gets one note, not a finding per missing part',
      },
      url: ruleDocsUrl('plan-completeness'),
      recommended: true,
    },
    fixable: false,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    messages: {
      notice: '这份文本只有印发通知，没有方案正文，不是完整方案；请连同所附方案一起检查',
      excerpt: '这份文本是方案的节选（没有一级标题和工作目标），不是完整方案；只检查了节选部分本身，未检查提升行动、重点工程和主要目标是否齐全',
    },
  },
  create(ctx) {
    return {
      plan(plan: PlanTree) {
        const kind = fragmentKind(plan, ctx.text)
        if (!kind) return
        ctx.report({ messageId: kind, node: plan.headings[0] ?? plan.title ?? plan })
      },
    }
  },
})
