/**
 * The default reporter: zh-CN, grouped by file, columns aligned by display width (a Han
 * character takes two terminal columns), then a summary a reviewer can read at a glance.
 *
 *   examples/draft.txt
 *      3:1   错误  残留的 Word 书签标记  draft-residue
 *     12:40  警告  任务缺少牵头单位      lead-unit
 *
 *   ✖ 共 2 个问题（1 个错误，1 个警告）
 *
 * With `ctx.columns` (the terminal's width; the CLI sets it only when stdout is a TTY), no
 * line is wider than the terminal: a long message wraps under the message column and the
 * rule id stays on the row's first line. Without it (a pipe, a file, CI) nothing changes.
 */
import { LEVEL_WORDS, levelOf, placesSuffix } from './common.js'
import { sep } from 'node:path'
import { displayWidth as stringWidth } from './width.js'
import type { LintMessage, LintResult } from '../engine/types.js'
import { paint, type Paint } from './ansi.js'
import { displayPath } from './paths.js'
import { wrapToWidth } from './wrap.js'
import type { FormatterContext } from './types.js'
import { maxOf, pushAll } from '../text/arrays.js'
import { printable } from '../text/printable.js'
import { toOneLine } from '../text/trim.js'

/** Pads `s` with spaces on the right (or left) to `width` display columns. */
export function padDisplay(s: string, width: number, alignRight = false): string {
  const gap = Math.max(0, width - stringWidth(s))
  return alignRight ? ' '.repeat(gap) + s : s + ' '.repeat(gap)
}

/** Where the user finds the message: `行:列`, or page/paragraph for Word and PDF. */
function place(m: LintMessage, lines?: string[]): { left: string; right: string; sep?: string } {
  // Word/PDF: the page or paragraph the reader sees, and the line of the extracted text (as in json and explain).
  if (m.location?.page) return { left: `第${m.location.page}页`, right: `${m.location.paragraph ? `第${m.location.paragraph}段` : ''}（${m.line}行）`, sep: '' }
  if (m.location?.paragraph) return { left: `第${m.location.paragraph}段（${m.line}行）`, right: opening(lines?.[m.line - 1]), sep: ' ' }
  return { left: String(m.line || 0), right: String(m.column || 0) }
}

/** The first characters of a paragraph, so a Word user can find it: `「一、总体要求」`, `「为贯彻落实党中央…」`. */
function opening(line: string | undefined): string {
  const t = (line ?? '').replace(/\s+/g, ' ').trim()
  if (t === '') return ''
  const chars = [...t]
  return printable(`「${chars.length > 10 ? chars.slice(0, 10).join('') + '…' : t}」`)
}

function fileBlock(result: LintResult, ctx: FormatterContext, p: Paint, showPreset: boolean): string[] {
  const sourceLines = result.messages.some((m) => m.location?.paragraph && !m.location.page) ? result.source?.split('\n') : undefined
  const rows = result.messages.map((m) => {
    const { left, right, sep } = place(m, sourceLines)
    return {
      left,
      right,
      sep: sep ?? ':',
      level: levelOf(m),
      message: printable(toOneLine(m.message + placesSuffix(m))),
      ruleId: printable(m.ruleId ?? ''),
    }
  })
  const w = { left: 0, right: 0, message: 0 }
  for (const r of rows) {
    w.left = Math.max(w.left, stringWidth(r.left))
    w.right = Math.max(w.right, stringWidth(r.right))
    w.message = Math.max(w.message, stringWidth(r.message))
  }
  const columns = ctx.columns
  // a file name may hold a line break or an escape sequence (even a `::error` command)
  const path = printable(displayPath(result.filePath, ctx.cwd))
  const presetText = showPreset && result.preset ? `  （预设：${result.preset.id}）` : ''
  const lines: string[] = []
  if (columns && stringWidth(path + presetText) > columns) {
    pushAll(lines, wrapToWidth(path, columns).map((l) => p.underline(p.bold(l))))
    if (presetText) lines.push(p.dim(presetText))
  } else {
    lines.push(p.underline(p.bold(path)) + (presetText ? p.dim(presetText) : ''))
  }
  // '  ' position '  ' 错误 '  ' message '  ' rule id
  const posWidth = w.left + (w.right > 0 ? 1 + w.right : 0)
  const prefixWidth = 2 + posWidth + 2 + 4 + 2
  const ruleWidth = Math.max(0, maxOf(rows.map((r) => stringWidth(r.ruleId))))
  const tooWide = columns !== undefined && prefixWidth + w.message + 2 + ruleWidth > columns
  // On a narrow terminal the message column is what is left beside the rule ids; below
  // MIN_MESSAGE columns the message goes under the row instead, indented by four.
  const messageWidth = tooWide ? columns! - prefixWidth - 2 - ruleWidth : w.message
  const under = tooWide && messageWidth < MIN_MESSAGE
  for (const r of rows) {
    const pos = padDisplay(r.left, w.left, true) + (w.right > 0 ? (r.right ? r.sep : ' ') + padDisplay(r.right, w.right) : '')
    const word = LEVEL_WORDS[r.level]
    const sev = r.level === 'error' ? p.red(word) : r.level === 'info' ? p.cyan(word) : p.yellow(word)
    const start = '  ' + p.dim(pos) + '  ' + sev + '  '
    if (!tooWide) {
      lines.push(start + (r.ruleId ? padDisplay(r.message, w.message) + '  ' + p.dim(r.ruleId) : r.message))
    } else if (under) {
      lines.push(start + p.dim(r.ruleId))
      for (const l of wrapToWidth(r.message, columns! - 4)) lines.push('    ' + l)
    } else {
      const chunks = wrapToWidth(r.message, r.ruleId ? messageWidth : columns! - prefixWidth)
      lines.push(start + (r.ruleId ? padDisplay(chunks[0]!, messageWidth) + '  ' + p.dim(r.ruleId) : chunks[0]!))
      for (const l of chunks.slice(1)) lines.push(' '.repeat(prefixWidth) + l)
    }
  }
  return lines
}

/** Below this many columns for the message beside the rule ids, messages go under their row. */
const MIN_MESSAGE = 16

/** A summary line, wrapped to the terminal with continuation lines under its text. */
function fit(line: string, columns: number | undefined, indent: number): string[] {
  if (!columns || stringWidth(line) <= columns) return [line]
  const head = line.slice(0, indent)
  const [first, ...rest] = wrapToWidth(line.slice(indent), columns - indent)
  return [head + first, ...rest.map((l) => ' '.repeat(indent) + l)]
}

/** Paths under cwd inside free text (e.g. a preset's reason), shown relative. */
function relativeIn(text: string, cwd: string): string {
  const prefix = cwd.endsWith(sep) ? cwd : cwd + sep
  return text.split(prefix).join('')
}

export function stylish(results: LintResult[], ctx: FormatterContext): string {
  const p = paint(ctx.color)
  let errors = 0
  let warnings = 0
  let infos = 0
  let fixable = 0
  let fixableInWord = 0
  let suppressed = 0
  for (const r of results) {
    suppressed += r.suppressedMessages?.length ?? 0
    errors += r.errorCount
    warnings += r.warningCount
    infos += r.infoCount ?? 0
    // --fix rewrites only text files; Word documents get their fixes through annotate
    if (/\.(docx?|pdf)$/i.test(r.filePath)) fixableInWord += r.fixableErrorCount + r.fixableWarningCount
    else fixable += r.fixableErrorCount + r.fixableWarningCount
  }
  const presetIds = [...new Set(results.map((r) => r.preset?.id).filter((id): id is string => !!id))]
  const onePreset = presetIds.length === 1 ? results.find((r) => r.preset)?.preset : undefined
  const out: string[] = []
  for (const r of results) {
    if (r.messages.length === 0) continue
    pushAll(out, fileBlock(r, ctx, p, presetIds.length > 1)).push('')
  }
  const reason = onePreset?.reason ? printable(relativeIn(onePreset.reason, ctx.cwd)) : ''
  const presetLine = onePreset ? `使用预设 ${onePreset.id}${reason ? `：${reason}` : ''}` : ''
  const total = errors + warnings
  // notes at the info level are no problems: counted apart, never in the ✖ line's total
  const notes = infos > 0 ? `，另有 ${infos} 条提示` : ''
  if (total === 0) {
    const what = (ctx.quiet ? '未发现错误' : '未发现问题') + notes
    const files = `已检查 ${results.length} 个文件`
    const rest = `（${files}${onePreset ? `，预设：${onePreset.id}` : ''}）`
    const [first, ...more] = fit(`✔ ${what}${rest}`, ctx.columns, 2)
    out.push(p.green(`✔ ${what}`) + first!.slice(`✔ ${what}`.length), ...more)
  } else {
    const summary = `✖ 共 ${total} 个问题（${errors} 个错误，${warnings} 个警告）${notes}`
    out.push(errors > 0 ? p.bold(p.red(summary)) : p.bold(p.yellow(summary)))
    if (fixable > 0) out.push(`  其中 ${fixable} 个可用 --fix 自动修复`)
    if (fixableInWord > 0) pushAll(out, fit(`  Word/PDF 文稿中有 ${fixableInWord} 个可自动修复：用 planlint annotate 把修改写成 Word 修订`, ctx.columns, 2))
    if (presetLine) pushAll(out, fit(`  ${presetLine}`, ctx.columns, 2).map((l) => p.dim(l)))
  }
  if (suppressed > 0) out.push(p.dim(`  另有 ${suppressed} 个问题已按忽略注释、Word 批注、配置或批量忽略文件忽略（--format json 或 html 可查看理由）`))
  if (ctx.maxWarningsExceeded) {
    const { maxWarnings, foundWarnings } = ctx.maxWarningsExceeded
    out.push(p.red(`✖ 警告数 ${foundWarnings} 超过了 --max-warnings 允许的 ${maxWarnings} 个`))
  }
  return out.join('\n') + '\n'
}
