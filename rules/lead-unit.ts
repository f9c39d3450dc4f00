/**
 * lead-unit: every task in an action or project has a lead unit (牵头单位), from whichever
 * convention the plan uses — inline, once per block, on its own line, or in the 任务分工表.
 * A lead that names no one in particular (各成员单位, 有关部门) is a warning.
 */
import { defineRule, ruleDocsUrl } from '../src/rules-support/context.js'
import type { TaskNode } from '../src/types.js'

interface Options {
  /** Accept the responsible units (`责任单位：X`, `X按职责分工负责`) as the lead when no 牵头单位 is named. */
  acceptResponsibleUnits: boolean
}

export default defineRule<Options>({
  meta: {
    id: 'lead-unit',
    type: 'problem',
    severity: 'error',
    docs: {
      description: {
        zh: '提升行动和重点工程中的每项任务都要明确牵头单位，且牵头单位应是具体部门',
        en: 'Every task in an action or project names a specific lead unit',
      },
      url: ruleDocsUrl('lead-unit'),
      recommended: true,
    },
    fixable: false,
    schema: {
      type: 'object',
      properties: { acceptResponsibleUnits: { type: 'boolean' } },
      additionalProperties: false,
    },
    defaultOptions: { acceptResponsibleUnits: true },
    messages: {
      noLead: '任务「{{title}}」没有牵头单位：应在任务后或所属行动下注明（牵头单位：……）',
      noLeadAnywhere: '方案中的 {{count}} 项任务都没有写明牵头单位：应在每项任务后、每项行动下或附件任务分工表中注明（牵头单位：……）',
      vagueLead: '任务「{{title}}」的牵头单位「{{units}}」没有指明具体部门，应写明由哪个单位牵头',
    },
  },
  create(ctx) {
    const tasks = ctx.plan.tasks
    const leadOf = (t: TaskNode) => (t.leadFromResponsible && !ctx.options.acceptResponsibleUnits ? [] : t.lead)
    // No task anywhere has a lead: one finding for the plan, not one per task
    const none = tasks.length >= 3 && tasks.every((t) => leadOf(t).length === 0)
    if (none) {
      const at = ctx.plan.actionsHeading ?? ctx.plan.projectsHeading ?? tasks[0]!.heading
      ctx.report({ messageId: 'noLeadAnywhere', data: { count: tasks.length }, node: at })
      return {}
    }
    return {
      task(task: TaskNode) {
        const lead = leadOf(task)
        const title = task.title.length > 24 ? `${task.title.slice(0, 23)}…` : task.title
        if (lead.length === 0) {
          ctx.report({ messageId: 'noLead', data: { title }, node: task.heading })
          return
        }
        if (lead.every((u) => u.vague)) {
          ctx.report({
            messageId: 'vagueLead',
            data: { title, units: lead.map((u) => u.text).join('、') },
            node: lead[0]!,
            severity: 'warn',
          })
        }
      },
    }
  },
})
