/**
 * What `planlint diff OLD NEW` prints: the findings draft 2 introduced, fixed and left open,
 * as stylish text (default), JSON, or one self-contained HTML page a reviewer can send back
 * with draft 2. Every piece of document text is escaped in HTML, and made printable in text.
 */
import { paint } from '../reporters/ansi.js'
import { isError, relativePath, ruleIdOf, userPlace } from '../reporters/common.js'
import { escapeHtml as h } from '../reporters/escape.js'
import { paragraphWithMark } from '../reporters/html.js'
import { toJsonResults, type JsonMessage } from '../reporters/json.js'
import { padDisplay } from '../reporters/stylish.js'
import { displayWidth } from '../reporters/width.js'
import type { LintMessage, LintResult } from '../types.js'
import { introducedErrors, type FindingComparison } from './compare-findings.js'
import { maxOf } from '../text/arrays.js'
import { printable } from '../text/printable.js'
import { toOneLine } from '../text/trim.js'

export const COMPARISON_FORMATS = ['stylish', 'json', 'html'] as const
export type ComparisonFormat = (typeof COMPARISON_FORMATS)[number]

interface Section {
  key: 'introduced' | 'fixed' | 'remaining'
  title: string
  /** Which draft the positions are in. */
  from: 'old' | 'new'
}

const SECTIONS: Section[] = [
  { key: 'introduced', title: '新出现的问题', from: 'new' },
  { key: 'fixed', title: '已改正的问题', from: 'old' },
  { key: 'remaining', title: '仍未解决的问题', from: 'new' },
]

function where(m: LintMessage): string {
  const place = userPlace(m)
  return place ? `${place}（${m.line}行）` : `${m.line}:${m.column}`
}

function summary(c: FindingComparison): string {
  const errors = introducedErrors(c)
  return `新出现 ${c.introduced.length} 个（其中 ${errors} 个错误），已改正 ${c.fixed.length} 个，仍未解决 ${c.remaining.length} 个`
}

export function comparisonStylish(c: FindingComparison, ctx: { cwd: string; color: boolean }): string {
  const p = paint(ctx.color)
  const out: string[] = [p.bold(printable(`${relativePath(c.old.filePath, ctx.cwd)} → ${relativePath(c.new.filePath, ctx.cwd)}`)), '']
  for (const s of SECTIONS) {
    const list = c[s.key]
    const draft = s.from === 'old' ? '旧稿' : '新稿'
    out.push(p.bold(`${s.title}（${list.length} 个${list.length ? `，位置为${draft}中的位置` : ''}）`))
    const rows = list.map((m) => ({ pos: where(m), sev: isError(m) ? '错误' : '警告', err: isError(m), msg: printable(toOneLine(m.message)), id: printable(ruleIdOf(m)) }))
    const wp = Math.max(0, maxOf(rows.map((r) => displayWidth(r.pos))))
    const wm = Math.max(0, maxOf(rows.map((r) => displayWidth(r.msg))))
    for (const r of rows) {
      const sev = s.key === 'fixed' ? p.green(r.sev) : r.err ? p.red(r.sev) : p.yellow(r.sev)
      out.push(['  ' + p.dim(padDisplay(r.pos, wp, true)), sev, padDisplay(r.msg, wm), p.dim(r.id)].join('  '))
    }
    out.push('')
  }
  const line = `${introducedErrors(c) > 0 ? '✖' : '✔'} ${summary(c)}`
  out.push(introducedErrors(c) > 0 ? p.bold(p.red(line)) : p.green(line))
  return out.join('\n') + '\n'
}

export interface ComparisonJson {
  old: string
  new: string
  summary: { introduced: number; introducedErrors: number; fixed: number; remaining: number }
  introduced: JsonMessage[]
  fixed: JsonMessage[]
  remaining: JsonMessage[]
}

export function comparisonJson(c: FindingComparison): string {
  const messages = (list: LintMessage[], from: LintResult) => toJsonResults([{ ...from, messages: list, suppressedMessages: [] }])[0]!.messages
  const out: ComparisonJson = {
    old: c.old.filePath,
    new: c.new.filePath,
    summary: { introduced: c.introduced.length, introducedErrors: introducedErrors(c), fixed: c.fixed.length, remaining: c.remaining.length },
    introduced: messages(c.introduced, c.new),
    fixed: messages(c.fixed, c.old),
    remaining: messages(c.remaining, c.new),
  }
  return JSON.stringify(out, null, 2) + '\n'
}

const STYLE = `
body { margin: 0; padding: 24px 32px 48px; color: #1f2328; font: 16px/1.75 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
main { max-width: 980px; margin: 0 auto; }
h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 20px; margin: 32px 0 12px; border-bottom: 2px solid #d0d7de; }
.sub { color: #59636e; }
.finding { border: 1px solid #d0d7de; border-left: 6px solid #d0d7de; border-radius: 6px; padding: 10px 14px; margin: 12px 0; break-inside: avoid; }
.introduced .finding.error { border-left-color: #b3261e; } .introduced .finding.warning, .remaining .finding.warning { border-left-color: #e0b000; }
.remaining .finding.error { border-left-color: #b3261e; } .fixed .finding { border-left-color: #1e6b34; }
.where { color: #59636e; font-size: 14px; } .rule { color: #59636e; font-size: 14px; }
.fixed .msg { text-decoration: line-through; color: #59636e; }
blockquote { margin: 8px 0 0; padding: 8px 12px; background: #f6f8fa; border-radius: 4px; white-space: pre-wrap; word-break: break-all; }
mark { background: #ffe88a; } .none { color: #1e6b34; }
`

export function comparisonHtml(c: FindingComparison, ctx: { cwd: string; version?: string }): string {
  const oldPath = relativePath(c.old.filePath, ctx.cwd)
  const newPath = relativePath(c.new.filePath, ctx.cwd)
  const out: string[] = ['<!DOCTYPE html>', '<html lang="zh-CN">', '<head>', '<meta charset="utf-8">']
  out.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`)
  out.push('<title>planlint 两稿对比</title>', `<style>${STYLE}</style>`, '</head>', '<body>', '<main>')
  out.push('<h1>两稿对比：检查结果的变化</h1>', `<p class="sub">旧稿：${h(oldPath)}　新稿：${h(newPath)}</p>`, `<p><b>${h(summary(c))}</b></p>`)
  for (const s of SECTIONS) {
    const list = c[s.key]
    const draft = s.from === 'old' ? c.old : c.new
    out.push(`<section class="${s.key}">`, `<h2>${h(s.title)}（${list.length} 个）</h2>`)
    if (list.length === 0) out.push('<p class="none">无</p>')
    for (const m of list) {
      const context = paragraphWithMark(draft.source, m.range)
      out.push(
        `<article class="finding ${isError(m) ? 'error' : 'warning'}">` +
          `<div><span class="where">${s.from === 'old' ? '旧稿' : '新稿'} ${h(where(m))}</span>　<span class="msg">${h(m.message)}</span></div>` +
          `<div class="rule">规则：${h(ruleIdOf(m))}　${isError(m) ? '错误' : '警告'}</div>` +
          (context ? `<blockquote>${context}</blockquote>` : '') +
          '</article>',
      )
    }
    out.push('</section>')
  }
  out.push(`<footer class="sub">planlint${ctx.version ? ` ${h(ctx.version)}` : ''} · 按“规则 + 所在句子”对应两稿的问题，段落调整、重新编号不算新问题。</footer>`)
  out.push('</main>', '</body>', '</html>')
  return out.join('\n') + '\n'
}
