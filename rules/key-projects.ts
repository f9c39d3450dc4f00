/**
 * key-projects: the projects (重点工程) the upper plan requires are among the plan's project
 * sections. Matched by the preset's names and aliases against project headings (any heading
 * as a fallback, for plans that file them elsewhere). A project the plan renamed is reported
 * at the renamed section with the upper plan's name; one the plan only mentions inside
 * one other project is reported as merged into it (one it names in several projects runs
 * through the plan and is not reported). Confidence caps the severity: a project list
 * the preset only inferred gives a warning at most.
 */
import { fragmentKind } from '../src/rules-support/completeness.js'
import { defineRule, ruleDocsUrl } from '../src/rules-support/context.js'
import { quoteDocument, severityFor, inScope } from '../src/rules-support/preset-facts.js'
import type { ActionNode, PlanTree, PresetNamedItem } from '../src/types.js'

/** Words every project name may carry that say nothing about which project it is. */
const FILLER = /工程|提升|建设|实施|行动|深化|推动|加强|强化|推进|开展/g

export default defineRule({
  meta: {
    id: 'key-projects',
    type: 'problem',
    severity: 'warn',
    docs: {
      description: {
        zh: '上级方案部署的重点工程，方案中都要有对应的章节，名称与上级一致',
        en: 'Every project the upper plan requires has its own section, under the upper plan’s name',
      },
      url: ruleDocsUrl('key-projects'),
      recommended: true,
    },
    fixable: false,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    messages: {
      missing: '缺少「{{name}}」：{{document}}部署的重点工程之一',
      noProjects: '未找到重点工程部分：{{document}}部署了{{names}}',
      noneMatch: '方案所列的重点工程（重点任务）与{{document}}部署的{{count}}项重点工程都对不上，请核对是否已涵盖：{{names}}',
      renamed: '「{{written}}」与{{document}}的「{{name}}」提法不一致，上级方案的说法是「{{key}}」',
      merged: '「{{name}}」（{{document}}部署的重点工程）未单列，只在「{{section}}」中提到',
    },
  },
  create(ctx) {
    return {
      plan(plan: PlanTree) {
        // a document outside the preset's family (a 科普日 plan, a 营商环境 plan) is not checked
        if (!inScope(plan, ctx.preset)) return
        // a notice or an excerpt is not judged for the parts it does not contain (plan-completeness)
        if (fragmentKind(plan, ctx.text)) return
        // a town (镇/乡/街道) plan takes on only the projects that fit it (基层科普, 设施…)
        if (plan.jurisdiction?.level === 'town') return
        const required = ctx.preset.projects
        if (required.length === 0) return
        const docOf = (p: PresetNamedItem) => quoteDocument(ctx.preset.documents.find((d) => d.id === p.from) ?? ctx.preset.document)
        if (plan.projects.length === 0) {
          // a plan of the family (it has its actions) with no project section at all: one finding
          if (plan.actions.length === 0) return
          const mentioned = required.filter((p) => plan.headings.some((h) => h.level <= 2 && names(h.title, p)))
          if (mentioned.length > 0) return
          ctx.report({
            messageId: 'noProjects',
            data: { document: docOf(required[0]!), names: required.map((p) => `「${p.name}」`).join('') },
            node: plan.actionsHeading ?? plan.actions[0]!.heading,
            severity: severityFor(required[0]!.confidence, ctx.severity),
          })
          return
        }
        const taken = new Set<ActionNode>()
        const missing: PresetNamedItem[] = []
        for (const p of required) {
          const section = plan.projects.find((s) => names(s.name, p))
          if (section) taken.add(section)
          // a project filed under another top-level section still counts; a task named like one does not
          else if (!plan.headings.some((h) => h.level <= 2 && h.role !== 'task' && names(h.title, p))) missing.push(p)
        }
        // none of the plan's projects is one of the upper plan's: the plan is organised its own
        // way (重点任务 instead of 工程); one finding, not one per project
        if (taken.size === 0 && missing.length === required.length && required.length > 1) {
          ctx.report({
            messageId: 'noneMatch',
            data: { document: docOf(required[0]!), count: required.length, names: required.map((p) => `「${p.name}」`).join('') },
            node: plan.projectsHeading ?? plan.projects[0]!.heading,
            severity: severityFor(required[0]!.confidence, ctx.severity),
          })
          return
        }
        for (const p of missing) {
          const severity = severityFor(p.confidence, ctx.severity)
          // renamed: an unmatched section whose name is mostly the upper plan's
          const renamed = plan.projects
            .filter((s) => !taken.has(s))
            .map((s) => ({ s, ...similarity(s.name, p) }))
            .filter((x) => x.score >= 0.6)
            .sort((a, b) => b.score - a.score)[0]
          if (renamed) {
            taken.add(renamed.s)
            ctx.report({
              messageId: 'renamed',
              data: { written: renamed.s.name, name: p.name, document: docOf(p), key: renamed.key },
              node: renamed.s.heading,
              severity,
              expected: p.name,
              expectedFrom: 'upper-plan',
              actual: renamed.s.name,
            })
            continue
          }
          // merged: named only in the text of another project
          const hosts = plan.projects.filter((s) => keys(p).some((k) => ctx.text.slice(s.position.start.offset, s.position.end.offset).includes(k)))
          if (hosts.length === 1) {
            ctx.report({ messageId: 'merged', data: { name: p.name, document: docOf(p), section: hosts[0]!.name }, node: hosts[0]!.heading, severity, expected: p.name, expectedFrom: 'upper-plan' })
            continue
          }
          // named in several projects: the topic runs through the plan rather than missing from it
          if (hosts.length > 1) continue
          ctx.report({
            messageId: 'missing',
            data: { name: p.name, document: docOf(p) },
            node: plan.projectsHeading ?? plan.projects[0]!.heading,
            severity,
            expected: p.name,
            expectedFrom: 'upper-plan',
          })
        }
      },
    }
  },
})

/** The key words of a project: its aliases, else its name. */
function keys(p: PresetNamedItem): string[] {
  return p.aliases.length > 0 ? p.aliases : [p.name]
}

function names(title: string, p: PresetNamedItem): boolean {
  const t = title.replace(/\s+/g, '')
  return t.includes(p.name) || keys(p).some((a) => t.includes(a))
}

/** Longest common run of characters over the longer of the two, fillers left out; with the
 * name or alias that scored. */
function similarity(title: string, p: PresetNamedItem): { score: number; key: string } {
  const a = title.replace(FILLER, '')
  let best = { score: 0, key: p.aliases[0] ?? p.name }
  for (const k of [...p.aliases, p.name]) {
    const b = k.replace(FILLER, '').replace(/[“”"]/g, '')
    if (b.length < 3) continue
    const score = commonRun(a, b) / Math.max(a.length, b.length)
    if (score > best.score) best = { score, key: k }
  }
  return best
}

function commonRun(a: string, b: string): number {
  let best = 0
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let k = 0
      while (a[i + k] !== undefined && a[i + k] === b[j + k]) k++
      if (k > best) best = k
    }
  }
  return best
}
