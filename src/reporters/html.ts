/**
 * One self-contained HTML page per run, for a reviewer who is not a programmer: a summary
 * (per file and per rule), then every finding with the paragraph it sits in and the
 * offending words highlighted. No scripts, no external fonts, styles or images: the page
 * works offline, can be mailed as one file and prints cleanly. Every piece of text is
 * escaped.
 */
import type { LintMessage, LintResult, RuleMeta, SuppressedMessage, SuppressionKind } from '../types.js'
import { LEVEL_WORDS, levelOf, relativePath, ruleIdOf, placesSuffix } from './common.js'
import { escapeHtml as h } from './escape.js'
import type { FormatterContext } from './types.js'

/** Longest stretch of the paragraph shown on each side of the finding. */
const CONTEXT_CHARS = 160

const STYLE = `
:root { --err: #b3261e; --err-bg: #fdecea; --warn: #7a4f00; --warn-bg: #fff4ce; --ok: #1e6b34; --ink: #1f2328; --muted: #59636e; --line: #d0d7de; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px 48px; color: var(--ink); background: #fff;
  font: 16px/1.75 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
main { max-width: 980px; margin: 0 auto; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 18px; margin: 28px 0 8px; }
.sub { color: var(--muted); margin: 0 0 16px; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 16px 0; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 18px; min-width: 130px; }
.card b { display: block; font-size: 28px; line-height: 1.2; }
.card.err b { color: var(--err); } .card.warn b { color: var(--warn); } .card.ok b { color: var(--ok); } .card.info b { color: #0b4f8a; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border: 1px solid var(--line); padding: 6px 10px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; font-weight: 600; white-space: nowrap; }
td.rule-id { white-space: nowrap; }
td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.n.has-err { color: var(--err); font-weight: 700; } td.n.has-warn { color: var(--warn); font-weight: 700; } td.n.has-info { color: #0b4f8a; }
a { color: #0b57d0; }
.badge { display: inline-block; padding: 0 8px; border-radius: 4px; font-size: 14px; font-weight: 700; white-space: nowrap; }
.badge.error { color: #fff; background: var(--err); }
.badge.warning { color: var(--warn); background: var(--warn-bg); border: 1px solid #e0b000; }
.badge.info { color: #0b4f8a; background: #e3f0fc; border: 1px solid #7fb2e5; }
.finding { border: 1px solid var(--line); border-left: 6px solid var(--line); border-radius: 6px; padding: 10px 14px; margin: 12px 0; break-inside: avoid; }
.finding.error { border-left-color: var(--err); }
.finding.warning { border-left-color: #e0b000; }
.finding.info { border-left-color: #7fb2e5; }
.finding .head { display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
.finding .where { color: var(--muted); font-size: 14px; white-space: nowrap; }
.finding .msg { font-weight: 600; }
.finding .rule { color: var(--muted); font-size: 14px; margin-top: 2px; }
.finding .rule code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 13px; }
.finding .expect { font-size: 15px; margin-top: 4px; }
blockquote { margin: 8px 0 0; padding: 8px 12px; background: #f6f8fa; border-radius: 4px; white-space: pre-wrap; word-break: break-all; }
mark { padding: 1px 2px; border-radius: 2px; }
.finding.error mark { background: #ffd2cc; color: #5c0f0a; text-decoration: underline wavy var(--err); text-underline-offset: 4px; }
.finding.warning mark { background: #ffe88a; color: #3d2a00; text-decoration: underline wavy #c78f00; text-underline-offset: 4px; }
.finding.info mark { background: #e3f0fc; color: #0b2f55; }
mark.gap { padding: 0 3px; font-weight: 700; }
.none { color: var(--ok); font-weight: 600; }
details.suppressed { margin: 16px 0; border: 1px dashed var(--line); border-radius: 6px; padding: 6px 14px; }
details.suppressed summary { cursor: pointer; color: var(--muted); }
details.suppressed .finding { opacity: .8; }
.finding .why { font-size: 15px; margin-top: 4px; color: var(--ok); }
.legend { font-size: 14px; color: var(--muted); }
footer { margin-top: 40px; color: var(--muted); font-size: 13px; }
@media print { body { padding: 0; } .finding { page-break-inside: avoid; } }
`

interface FileEntry {
  result: LintResult
  path: string
  anchor: string
  errors: number
  warnings: number
  infos: number
}

const CLASSES = { error: 'error', warn: 'warning', info: 'info' } as const

function severityClass(m: LintMessage): 'error' | 'warning' | 'info' {
  return CLASSES[levelOf(m)]
}

function severityWord(m: LintMessage): string {
  if (m.fatal) return '无法检查'
  return LEVEL_WORDS[levelOf(m)]
}

/** A tally of one message into error/warning/info counts. */
function tally(c: { errors: number; warnings: number; infos: number }, m: LintMessage): void {
  const level = levelOf(m)
  if (level === 'error') c.errors++
  else if (level === 'info') c.infos++
  else c.warnings++
}

function where(m: LintMessage): string {
  if (m.location?.page) return `第 ${m.location.page} 页${m.location.paragraph ? `第 ${m.location.paragraph} 段` : ''}`
  if (m.location?.paragraph) return `第 ${m.location.paragraph} 段`
  if (!m.line) return '全文'
  return `第 ${m.line} 行第 ${m.column || 1} 列`
}

/** The paragraph around `range` with the range highlighted, or '' when there is no text. */
export function paragraphWithMark(source: string | undefined, range: [number, number] | undefined): string {
  if (source === undefined || !range) return ''
  let [start, end] = range
  if (!(start >= 0 && end >= start && end <= source.length)) return ''
  // An empty range at a line end belongs to that line.
  let from = source.lastIndexOf('\n', start - 1) + 1
  let to = source.indexOf('\n', Math.max(end - (end > start && source[end - 1] === '\n' ? 1 : 0), start))
  if (to === -1) to = source.length
  if (end > to) end = to
  if (from === to && start === end) return ''
  let before = source.slice(from, start)
  let after = source.slice(end, to)
  if ([...before].length > CONTEXT_CHARS) before = '…' + [...before].slice(-CONTEXT_CHARS).join('')
  if ([...after].length > CONTEXT_CHARS) after = [...after].slice(0, CONTEXT_CHARS).join('') + '…'
  const span = source.slice(start, end)
  const marked = span === '' ? '<mark class="gap" title="问题所在位置">▲</mark>' : `<mark>${h(span)}</mark>`
  return h(before) + marked + h(after)
}

function cell(n: number, kind: 'err' | 'warn' | 'info'): string {
  return `<td class="n${n > 0 ? ` has-${kind}` : ''}">${n}</td>`
}

function describeRule(id: string, meta: RuleMeta | undefined): string {
  if (meta) return meta.docs.description.zh
  return id === 'planlint' ? 'planlint 运行提示（规则出错、文件被忽略等）' : '（未知规则）'
}

const SUPPRESSED_BY: Record<SuppressionKind, string> = {
  directive: '文中的忽略注释',
  wordComment: 'Word 批注',
  config: '配置文件的 exemptions',
  bulk: '批量忽略文件',
}

/** Who accepted a suppressed finding, and why. */
function why(m: SuppressedMessage): string {
  const parts = m.suppressions.map((s) => `${SUPPRESSED_BY[s.kind]}：${s.justification || '（未写理由）'}`)
  return `<div class="why">已忽略 — ${h(parts.join('；'))}</div>`
}

function finding(m: LintMessage, result: LintResult, meta: Record<string, RuleMeta>, note = ''): string {
  const id = ruleIdOf(m)
  const rule = meta[id]
  const cls = severityClass(m)
  const context = paragraphWithMark(result.source, m.range)
  const expect =
    m.expected || m.actual
      ? `<div class="expect">${m.actual ? `原文：${h(m.actual)}` : ''}${m.actual && m.expected ? '；' : ''}${m.expected ? `应为：${h(m.expected)}` : ''}</div>`
      : ''
  const ruleLink = rule?.docs.url ? `<a href="${h(rule.docs.url)}">${h(id)}</a>` : h(id)
  return [
    `<article class="finding ${cls}">`,
    `<div class="head"><span class="badge ${cls}">${severityWord(m)}</span><span class="where">${h(where(m))}</span><span class="msg">${h(m.message + placesSuffix(m))}</span></div>`,
    `<div class="rule">规则：<code>${ruleLink}</code>　${h(describeRule(id, rule))}${m.fix ? '　（可用 --fix 自动修复）' : ''}</div>`,
    expect,
    note,
    context ? `<blockquote>${context}</blockquote>` : '',
    `</article>`,
  ].join('')
}

export function html(results: LintResult[], ctx: FormatterContext): string {
  const meta = ctx.rulesMeta ?? {}
  const files: FileEntry[] = results.map((result, i) => {
    const c = { errors: 0, warnings: 0, infos: 0 }
    for (const m of result.messages) tally(c, m)
    return { result, path: relativePath(result.filePath, ctx.cwd), anchor: `file-${i + 1}`, ...c }
  })
  const errors = files.reduce((s, f) => s + f.errors, 0)
  const warnings = files.reduce((s, f) => s + f.warnings, 0)
  const infos = files.reduce((s, f) => s + f.infos, 0)
  // the 提示 column, card and legend only when a note at the info level was reported
  const infoCell = (n: number) => (infos > 0 ? cell(n, 'info') : '')

  const byRule = new Map<string, { errors: number; warnings: number; infos: number }>()
  for (const f of files) {
    for (const m of f.result.messages) {
      const e = byRule.get(ruleIdOf(m)) ?? { errors: 0, warnings: 0, infos: 0 }
      tally(e, m)
      byRule.set(ruleIdOf(m), e)
    }
  }

  const out: string[] = []
  out.push('<!DOCTYPE html>', '<html lang="zh-CN">', '<head>', '<meta charset="utf-8">')
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">')
  out.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`)
  out.push('<title>planlint 审查报告</title>', `<style>${STYLE}</style>`, '</head>', '<body>', '<main>')
  out.push('<h1>实施方案审查报告</h1>')
  const verdict =
    errors > 0
      ? '存在必须修改的错误，建议修改后再发布。'
      : warnings > 0
        ? '未发现错误；有需要人工核对的警告。'
        : infos > 0
          ? `未发现问题；有 ${infos} 条提示供参考。`
          : '未发现问题。'
  out.push(`<p class="sub">由 planlint 自动检查生成。${h(verdict)}${ctx.quiet ? '（本报告只列出错误，未列警告。）' : ''}</p>`)
  out.push('<div class="cards">')
  out.push(`<div class="card"><b>${files.length}</b>个文件</div>`)
  out.push(`<div class="card ${errors ? 'err' : 'ok'}"><b>${errors}</b>个错误</div>`)
  out.push(`<div class="card ${warnings ? 'warn' : 'ok'}"><b>${warnings}</b>个警告</div>`)
  if (infos > 0) out.push(`<div class="card info"><b>${infos}</b>条提示</div>`)
  out.push('</div>')
  out.push(
    '<p class="legend"><span class="badge error">错误</span> 与上级规划或规范明显不符，必须修改；' +
      '<span class="badge warning">警告</span> 可能有问题，请人工核对；' +
      (infos > 0 ? '<span class="badge info">提示</span> 供参考，不算问题；' : '') +
      '文中<mark style="background:#ffe88a">加底色</mark>的文字是问题所在。</p>',
  )
  if (ctx.maxWarningsExceeded) {
    const { maxWarnings, foundWarnings } = ctx.maxWarningsExceeded
    out.push(`<p><span class="badge error">不通过</span> 警告数 ${foundWarnings} 超过了允许的 ${maxWarnings} 个。</p>`)
  }

  out.push('<h2>按文件汇总</h2>', `<table><thead><tr><th>文件</th><th>错误</th><th>警告</th>${infos > 0 ? '<th>提示</th>' : ''}<th>依据的预设</th></tr></thead><tbody>`)
  for (const f of files) {
    out.push(
      `<tr><td><a href="#${f.anchor}">${h(f.path)}</a></td>${cell(f.errors, 'err')}${cell(f.warnings, 'warn')}${infoCell(f.infos)}<td>${h(f.result.preset?.id ?? '—')}</td></tr>`,
    )
  }
  out.push('</tbody></table>')

  if (byRule.size > 0) {
    out.push('<h2>按规则汇总</h2>', `<table><thead><tr><th>规则</th><th>检查什么</th><th>错误</th><th>警告</th>${infos > 0 ? '<th>提示</th>' : ''}</tr></thead><tbody>`)
    for (const [id, c] of [...byRule].sort((a, b) => b[1].errors - a[1].errors || b[1].warnings - a[1].warnings || a[0].localeCompare(b[0]))) {
      out.push(`<tr><td class="rule-id"><code>${h(id)}</code></td><td>${h(describeRule(id, meta[id]))}</td>${cell(c.errors, 'err')}${cell(c.warnings, 'warn')}${infoCell(c.infos)}</tr>`)
    }
    out.push('</tbody></table>')
  }

  out.push('<h2>问题详情</h2>')
  for (const f of files) {
    out.push(`<section id="${f.anchor}">`, `<h3>${h(f.path)}</h3>`)
    const preset = f.result.preset
    if (preset) out.push(`<p class="sub">依据的预设：${h(preset.id)}${preset.reason ? `（${h(preset.reason)}）` : ''}</p>`)
    if (f.result.messages.length === 0) {
      out.push(`<p class="none">✔ 未发现${ctx.quiet ? '错误' : '问题'}</p>`)
    } else {
      out.push(`<p class="sub">${f.errors} 个错误，${f.warnings} 个警告${f.infos > 0 ? `，${f.infos} 条提示` : ''}</p>`)
      for (const m of f.result.messages) out.push(finding(m, f.result, meta))
    }
    const suppressed = f.result.suppressedMessages ?? []
    if (suppressed.length > 0) {
      // Folded: what reviewers accepted stays visible, one click away.
      out.push(`<details class="suppressed"><summary>已忽略的问题（${suppressed.length} 个，点击展开查看理由）</summary>`)
      for (const m of suppressed) out.push(finding(m, f.result, meta, why(m)))
      out.push('</details>')
    }
    out.push('</section>')
  }
  out.push(`<footer>planlint${ctx.version ? ` ${h(ctx.version)}` : ''} · 本报告为自动检查结果，供起草和审核参考，不代替人工审核。</footer>`)
  out.push('</main>', '</body>', '</html>')
  return out.join('\n') + '\n'
}
