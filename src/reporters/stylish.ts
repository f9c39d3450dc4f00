/**
 * The default reporter: zh-CN, grouped by file, columns aligned by display width (a Han
 * character takes two terminal columns), then a summary a reviewer can read at a glance.
 *
 *   examples/draft.txt
 *      3:1   错误  残留的 Word 书签标记  draft-residue
 *     12:40  警告  任务缺少牵头单位      lead-unit
 *
 *   ✖ 共 2 个问题（1 个错误，1 个警告）
 */
import { placesSuffix } from './common.js'
import { sep } from 'node:path'
import { displayWidth as stringWidth } from './width.js'
import type { LintMessage, LintResult } from '../types.js'
import { paint, type Paint } from './ansi.js'
import { displayPath } from './paths.js'
import type { FormatterContext } from './types.js'
import { pushAll } from '../text/arrays.js'
import { printable } from '../text/printable.js'

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
      severity: m.fatal || m.severity === 2 ? '错误' : '警告',
      isError: m.fatal === true || m.severity === 2,
      message: printable((m.message + placesSuffix(m)).replace(/\s*\n\s*/g, ' ')),
      ruleId: printable(m.ruleId ?? ''),
    }
  })
  const w = { left: 0, right: 0, message: 0 }
  for (const r of rows) {
    w.left = Math.max(w.left, stringWidth(r.left))
    w.right = Math.max(w.right, stringWidth(r.right))
    w.message = Math.max(w.message, stringWidth(r.message))
  }
  // a file name may hold a line break or an escape sequence (even a `::error` command)
  const header = p.underline(p.bold(printable(displayPath(result.filePath, ctx.cwd))))
  const presetNote = showPreset && result.preset ? p.dim(`  （预设：${result.preset.id}）`) : ''
  const lines = [header + presetNote]
  for (const r of rows) {
    const pos = padDisplay(r.left, w.left, true) + (w.right > 0 ? (r.right ? r.sep : ' ') + padDisplay(r.right, w.right) : '')
    const sev = r.isError ? p.red(r.severity) : p.yellow(r.severity)
    const parts = ['  ' + p.dim(pos), sev, r.ruleId ? padDisplay(r.message, w.message) : r.message]
    if (r.ruleId) parts.push(p.dim(r.ruleId))
    lines.push(parts.join('  '))
  }
  return lines
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
  let fixable = 0
  let fixableInWord = 0
  let suppressed = 0
  for (const r of results) {
    suppressed += r.suppressedMessages?.length ?? 0
    errors += r.errorCount
    warnings += r.warningCount
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
  if (total === 0) {
    const what = ctx.quiet ? '未发现错误' : '未发现问题'
    const files = `已检查 ${results.length} 个文件`
    out.push(p.green(`✔ ${what}`) + `（${files}${onePreset ? `，预设：${onePreset.id}` : ''}）`)
  } else {
    const summary = `✖ 共 ${total} 个问题（${errors} 个错误，${warnings} 个警告）`
    out.push(errors > 0 ? p.bold(p.red(summary)) : p.bold(p.yellow(summary)))
    if (fixable > 0) out.push(`  其中 ${fixable} 个可用 --fix 自动修复`)
    if (fixableInWord > 0) out.push(`  Word/PDF 文稿中有 ${fixableInWord} 个可自动修复：用 planlint annotate 把修改写成 Word 修订`)
    if (presetLine) out.push(p.dim(`  ${presetLine}`))
  }
  if (suppressed > 0) out.push(p.dim(`  另有 ${suppressed} 个问题已按忽略注释、Word 批注、配置或批量忽略文件忽略（--format json 或 html 可查看理由）`))
  if (ctx.maxWarningsExceeded) {
    const { maxWarnings, foundWarnings } = ctx.maxWarningsExceeded
    out.push(p.red(`✖ 警告数 ${foundWarnings} 超过了 --max-warnings 允许的 ${maxWarnings} 个`))
  }
  return out.join('\n') + '\n'
}
