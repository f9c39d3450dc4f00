/**
 * Hover: on a finding, what the rule checks, why, and what the upper plan says; on a task
 * (or action/project) heading, what planlint read for it — the `explain` view where the
 * drafter is.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Hover, MarkupContent } from 'vscode-languageserver'
import { LEAD_SOURCE_LABELS } from '../explain/explain-text.js'
import { packageRoot } from '../presets/resolve.js'
import type { ActionNode, LintMessage, Rule, TaskNode, UnitMention } from '../types.js'
import type { DocumentLint } from './document-linter.js'
import { actionAt, taskAt } from './plan-view.js'
import type { PlanTree } from '../types.js'

const whyCache = new Map<string, string>()

/** The first paragraph under `## 为什么` of a built-in rule's doc page, or ''. */
export function ruleWhy(ruleId: string): string {
  if (!/^[a-z0-9-]+$/.test(ruleId)) return ''
  const hit = whyCache.get(ruleId)
  if (hit !== undefined) return hit
  let why = ''
  try {
    const md = readFileSync(join(packageRoot(), 'rules', `${ruleId}.md`), 'utf8')
    const section = /^## 为什么\s*\n+([\s\S]*?)(?:\n\s*\n|\n## |$)/m.exec(md)
    why = section?.[1]?.trim() ?? ''
  } catch {
    why = ''
  }
  whyCache.set(ruleId, why)
  return why
}

function findingMarkdown(m: LintMessage, rule: Rule | undefined, url: string | undefined): string {
  const lines: string[] = []
  const title = m.ruleId ? `**planlint · ${m.ruleId}**` : '**planlint**'
  lines.push(`${title}：${m.message}`)
  if (rule) lines.push('', `规则说明：${rule.meta.docs.description.zh}`)
  const why = m.ruleId ? ruleWhy(m.ruleId) : ''
  if (why) lines.push('', `为什么：${why}`)
  if (m.expected !== undefined) lines.push('', `上级方案的写法：${m.expected}`)
  if (m.actual !== undefined) lines.push('', `文稿中的写法：${m.actual}`)
  if (m.fix) lines.push('', '可自动修复（快速修复或「planlint: 修复全部」）。')
  if (url) lines.push('', `[规则文档](${url})`)
  return lines.join('\n')
}

function unitList(units: UnitMention[]): string {
  return units.length === 0 ? '（无）' : units.map((u) => (u.text === u.name ? u.name : `${u.name}（原文「${u.text}」）`)).join('、')
}

function taskMarkdown(t: TaskNode): string {
  const source = t.leadSource ? LEAD_SOURCE_LABELS[t.leadSource] : '未找到'
  const lines = [
    `**任务 ${t.heading.marker}${t.title}**`,
    '',
    `- 牵头单位：${unitList(t.lead)}${t.leadFromResponsible ? '（未写“牵头”，由责任单位代为牵头）' : ''}`,
    `- 配合单位：${unitList(t.partners)}`,
    `- 牵头单位来自：${source}`,
  ]
  return lines.join('\n')
}

function actionMarkdown(a: ActionNode): string {
  const label = a.type === 'action' ? '提升行动' : '重点工程'
  const lines = [`**${label}：${a.name}**`, '', `- 任务 ${a.tasks.length} 项`]
  for (const r of a.responsibilities) lines.push(`- 统一牵头：${unitList(r.lead)}；配合：${unitList(r.partners)}`)
  return lines.join('\n')
}

export interface HoverInput {
  lint: DocumentLint
  /** Offset of the hovered position in the linted text. */
  offset: number
  rules: Map<string, Rule>
  plan: () => PlanTree
}

/** The hover at `offset`, or null. Findings first, then what the heading there was read as. */
export function hoverAt({ lint, offset, rules, plan }: HoverInput): Hover | null {
  const parts: string[] = []
  for (const m of lint.messages) {
    const [s, e] = m.range
    if (s <= offset && (offset < e || (s === e && offset === s))) {
      parts.push(findingMarkdown(m, m.ruleId ? rules.get(m.ruleId) : undefined, m.url ?? (m.ruleId ? lint.ruleUrls.get(m.ruleId) : undefined)))
    }
  }
  if (lint.failure === undefined) {
    const tree = plan()
    const task = taskAt(tree, offset)
    if (task) parts.push(taskMarkdown(task))
    else {
      const action = actionAt(tree, offset)
      if (action) parts.push(actionMarkdown(action))
    }
  }
  if (parts.length === 0) return null
  const contents: MarkupContent = { kind: 'markdown', value: parts.join('\n\n---\n\n') }
  return { contents }
}
