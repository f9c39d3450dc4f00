/**
 * What planlint understood of a plan, as text (shown by `planlint explain` and the language server).
 */
import { displayWidth as stringWidth } from '../reporters/width.js'
import type { ActionNode, HeadingNode, PlanTree, ResponsibilityConvention, TaskNode, UnitMention } from '../plan/types.js'
import type { Preset } from '../presets/types.js'
import type { Position, UserLocation } from '../support/position.js'
import { maxOf, pushAll } from '../text/arrays.js'
import { printableLines } from '../text/printable.js'

export { planToJSON, EXPLAIN_JSON_VERSION, type ExplainJSON } from './explain-json.js'

export const ROLE_LABELS: Record<string, string> = {
  preamble: '前言',
  goals: '总体要求',
  actions: '提升行动（总）',
  projects: '重点工程（总）',
  safeguards: '保障措施',
  annex: '附件',
  action: '提升行动',
  project: '重点工程',
  task: '任务',
  other: '其他',
}

export const LEAD_SOURCE_LABELS: Record<ResponsibilityConvention, string> = {
  inline: '任务后括注',
  block: '行动（工程）统一括注',
  trailing: '“按职责分工负责”句',
  'own-line': '单独成行的牵头单位',
  table: '任务分工表',
}

const LEVEL_LABELS: Record<string, string> = { province: '省级', city: '市级', county: '区县级', town: '乡镇（街道）级' }

type Locate = (offset: number) => UserLocation

function where(position: Position | undefined, locate?: Locate): string {
  if (!position) return ''
  const loc = locate ? locate(position.start.offset) : position.start
  if ('page' in loc && loc.page) return `第${loc.page}页`
  if ('paragraph' in loc && loc.paragraph) return `第${loc.paragraph}段`
  return `第${loc.line}行`
}

function units(list: UnitMention[]): string {
  return list.map((u) => (u.name && u.name !== u.text ? `${u.text}（${u.name}）` : u.text)).join('、')
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(1, width - stringWidth(s)))
}

/** The human-readable explanation of a plan tree. */
export function explainText(plan: PlanTree, preset?: Pick<Preset, 'id' | 'title'> & { reason?: string }, locate?: Locate): string {
  const out: string[] = []
  const j = plan.jurisdiction
  out.push(`标题：${plan.title?.text ?? '（未识别）'}`)
  out.push(`辖区：${j ? `${j.name}${j.level ? `（${LEVEL_LABELS[j.level] ?? j.level}）` : ''}` : '（未识别）'}`)
  out.push(`期限：${plan.period ? `${plan.period.start}—${plan.period.end}年` : '（未识别）'}`)
  out.push(`状态：${plan.draft ? '征求意见稿' : '未标注为征求意见稿'}${plan.docNumber ? `，文号 ${plan.docNumber.text}` : ''}`)
  out.push(`预设：${preset ? `${preset.id}（${preset.title}）` : '（未加载）'}`)
  if (preset?.reason) out.push(`选用原因：${preset.reason}`)

  out.push('', `提纲（${plan.headings.length} 个标题）`)
  if (plan.outline.length === 0) out.push('  （未识别到编号标题）')
  const headingLines: [string, string][] = []
  const walk = (h: HeadingNode, depth: number) => {
    const label = `${'  '.repeat(depth + 1)}${h.marker}${h.title}`
    headingLines.push([label, `${h.level}级 · ${ROLE_LABELS[h.role] ?? h.role} · ${where(h.position, locate)}`])
    h.children.forEach((c) => walk(c, depth + 1))
  }
  plan.outline.forEach((h) => walk(h, 0))
  const width = Math.min(48, Math.max(0, maxOf(headingLines.map(([l]) => stringWidth(l)))) + 2)
  for (const [label, info] of headingLines) out.push(pad(label, width) + `[${info}]`)

  const group = (name: string, list: ActionNode[]) => {
    out.push('', `${name}（${list.length} 项）`)
    if (list.length === 0) out.push('  （未识别到）')
    for (const a of list) {
      out.push(`  ${a.heading.marker}${a.name}  [${where(a.position, locate)}]`)
      for (const r of a.responsibilities) {
        out.push(`    统一分工（${LEAD_SOURCE_LABELS[r.convention]}）：牵头 ${units(r.lead) || '无'}${r.partners.length ? `；配合 ${units(r.partners)}` : ''}`)
      }
      for (const t of a.tasks) pushAll(out, taskLines(t, locate))
    }
  }
  group('提升行动', plan.actions)
  group('重点工程', plan.projects)

  const loose = plan.tasks.filter((t) => !plan.actions.some((a) => a.tasks.includes(t)) && !plan.projects.some((p) => p.tasks.includes(t)))
  if (loose.length) {
    out.push('', `其他任务（${loose.length} 项，不在提升行动或重点工程中）`)
    for (const t of loose) pushAll(out, taskLines(t, locate))
  }
  const withLead = plan.tasks.filter((t) => t.lead.length > 0).length
  out.push('', `任务合计 ${plan.tasks.length} 项，已识别牵头单位 ${withLead} 项，缺少牵头单位 ${plan.tasks.length - withLead} 项`)

  out.push('', `目标（${plan.targets.length} 项）`)
  if (plan.targets.length === 0) out.push('  （未识别到）')
  for (const t of plan.targets) {
    const value = t.value !== undefined ? `${comparatorText(t.comparator)}${t.value}${t.valueUnit ?? ''}` : ''
    const q = t.quantified ? '已量化' : `未量化${t.vague.length ? `：${t.vague.join('、')}` : ''}`
    out.push(`  ${t.year}年  ${t.indicator ?? '（指标未识别）'}${value ? `  ${value}` : ''}  [${q} · ${where(t.position, locate)}]`)
    out.push(`    “${t.text}”`)
  }

  out.push('', `引用文件（${plan.citations.length} 处）`)
  if (plan.citations.length === 0) out.push('  （未识别到）')
  for (const c of plan.citations) {
    out.push(`  《${c.title}》${c.docNumber ? `  ${c.docNumber.text}` : '  （无文号）'}  [${where(c.position, locate)}]`)
  }
  return out.join('\n') + '\n'
}

function comparatorText(c: string | undefined): string {
  switch (c) {
    case '>':
      return '超过'
    case '>=':
      return '不低于'
    case '<':
      return '低于'
    case '<=':
      return '不超过'
    case '=':
      return '达到'
    default:
      return ''
  }
}

function taskLines(t: TaskNode, locate?: Locate): string[] {
  const lines = [`    ${t.heading.marker}${t.title}  [${where(t.position, locate)}]`]
  if (t.lead.length === 0) {
    lines.push('      牵头：（未找到）')
  } else {
    lines.push(`      牵头：${units(t.lead)}（来源：${t.leadSource ? LEAD_SOURCE_LABELS[t.leadSource] : '未知'}）`)
  }
  if (t.partners.length) lines.push(`      配合：${units(t.partners)}`)
  return lines
}

