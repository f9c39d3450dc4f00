/**
 * `planlint rules`: every built-in rule with its default severity, whether `--fix` can
 * repair it, and what it checks — columns aligned by display width.
 */
import { displayWidth as stringWidth, loadFullWidth } from '../reporters/width.js'
import type { Rule } from '../rules-support/context.js'
import type { CliIO } from './lint.js'
import { maxOf, pushAll } from '../text/arrays.js'
import { LEVEL_WORDS } from '../reporters/common.js'
import { toOneLine } from '../text/trim.js'

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - stringWidth(s)))
}

/** Normalises what `getRules()` returns (an array, or a map by id) to a sorted array. */
export function ruleList(rules: Iterable<Rule> | Map<string, Rule>): Rule[] {
  const list = rules instanceof Map ? [...rules.values()] : [...rules]
  return list.sort((a, b) => a.meta.id.localeCompare(b.meta.id))
}

export function severityLabel(rule: Rule): string {
  if (rule.meta.docs.recommended === false) return '关闭'
  return LEVEL_WORDS[rule.meta.severity]
}

/** The rules table as text. */
export function rulesTable(rules: Rule[]): string {
  const header = ['规则', '默认级别', '可自动修复', '说明']
  const rows = rules.map((r) => [r.meta.id, severityLabel(r), r.meta.fixable ? '是' : '否', r.meta.docs.description.zh])
  const widths = header.map((h, i) => Math.max(stringWidth(h), maxOf(rows.map((row) => stringWidth(row[i]!)))))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!)))
      .join('  ')
      .trimEnd()
  const out = [line(header), line(widths.map((w, i) => (i === widths.length - 1 ? '─'.repeat(Math.min(w, 40)) : '─'.repeat(w))))]
  pushAll(out, rows.map(line))
  out.push('', `共 ${rules.length} 条规则。在 planlint.config.yaml 的 rules: 中可改变级别（off、info、warn、error；info 为提示，不影响退出码）。`)
  return out.join('\n') + '\n'
}

/** The rules as a Markdown table (the one in README.md, which a test keeps in sync). */
export function rulesMarkdown(rules: Rule[]): string {
  const cell = (s: string) => toOneLine(s.replace(/\|/g, '\\|'))
  const rows = rules.map((r) => `| \`${r.meta.id}\` | ${severityLabel(r)} | ${r.meta.fixable ? '是' : '否'} | ${cell(r.meta.docs.description.zh)} |`)
  return ['| 规则 | 默认级别 | 可自动修复 | 说明 |', '| --- | --- | --- | --- |', ...rows].join('\n') + '\n'
}

export async function printRules(io: CliIO, format = 'text'): Promise<number> {
  await loadFullWidth()
  if (format !== 'text' && format !== 'markdown') {
    const { PlanlintError } = await import('../errors.js')
    throw new PlanlintError(`rules 的输出格式“${format}”无效，可用：text、markdown`)
  }
  const { getRules } = await import('../index.js')
  const rules = ruleList(getRules() as Iterable<Rule>)
  io.stdout.write(format === 'markdown' ? rulesMarkdown(rules) : rulesTable(rules))
  return 0
}
