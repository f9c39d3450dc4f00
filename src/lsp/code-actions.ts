/**
 * Code actions: every fix and suggestion of a finding as a quick fix, "fix all"
 * (`source.fixAll.planlint`, usable from `editor.codeActionsOnSave`), and inline directives
 * that disable a rule for the finding's line or paragraph.
 *
 * Quick fixes are built from the `data` of the diagnostic the client sends back; a
 * diagnostic from an older version of the document gets no fix (its offsets are stale).
 * Directives go on lines of their own, so the plan's text itself is never changed:
 *   line:      `<!-- planlint-disable-next-line rule -- -->` above the finding's line
 *   paragraph: `<!-- planlint-disable rule -- -->` above and `<!-- planlint-enable rule -->`
 *              below the paragraph (in Markdown lines up to a blank line; in plain text,
 *              where every line is a paragraph as Word writes them, the finding's lines).
 * The reason after `--` is left for the drafter to write: until it is, the engine's
 * "directive without a reason" warning sits on the comment (a reason planlint made up would
 * defeat `requireDisableReason`).
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver'
import type { TextDocument } from 'vscode-languageserver-textdocument'
import { SOURCE, type DiagnosticData, type EditData } from './diagnostics.js'
import { pushAll } from '../text/arrays.js'

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.planlint`

function edit(doc: TextDocument, e: EditData): TextEdit {
  return { range: { start: doc.positionAt(e.range[0]), end: doc.positionAt(e.range[1]) }, newText: e.text }
}

function workspaceEdit(doc: TextDocument, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [doc.uri]: edits } }
}

function dataOf(d: Diagnostic): DiagnosticData | undefined {
  const data = d.data as Partial<DiagnosticData> | undefined
  if (d.source !== SOURCE || !data || typeof data !== 'object' || typeof data.version !== 'number') return undefined
  return data as DiagnosticData
}

function validEdit(doc: TextDocument, e: unknown): e is EditData {
  if (!e || typeof e !== 'object') return false
  const { range, text } = e as Partial<EditData>
  const len = doc.getText().length
  return (
    Array.isArray(range) &&
    range.length === 2 &&
    Number.isInteger(range[0]) &&
    Number.isInteger(range[1]) &&
    0 <= range[0]! &&
    range[0]! <= range[1]! &&
    range[1]! <= len &&
    typeof text === 'string'
  )
}

/** The line break the document uses. */
function eolOf(doc: TextDocument): string {
  return doc.getText().includes('\r\n') ? '\r\n' : '\n'
}

/** Line range [first, last] of the paragraph holding lines `from`…`to`. */
function paragraphLines(doc: TextDocument, from: number, to: number): [number, number] {
  if (doc.languageId !== 'markdown') return [from, to]
  const lines = doc.getText().split(/\r?\n/)
  const blank = (i: number) => (lines[i] ?? '').trim() === ''
  let first = from
  while (first > 0 && !blank(first - 1)) first--
  let last = to
  while (last + 1 < lines.length && !blank(last + 1)) last++
  return [first, last]
}

function disableActions(doc: TextDocument, d: Diagnostic, ruleId: string): CodeAction[] {
  const eol = eolOf(doc)
  const startLine = d.range.start.line
  const endLine = Math.max(startLine, d.range.end.character === 0 && d.range.end.line > startLine ? d.range.end.line - 1 : d.range.end.line)
  const lineAction: CodeAction = {
    title: `planlint：本行停用规则 ${ruleId}（在 -- 后写明理由）`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    edit: workspaceEdit(doc, [
      { range: { start: { line: startLine, character: 0 }, end: { line: startLine, character: 0 } }, newText: `<!-- planlint-disable-next-line ${ruleId} -- -->${eol}` },
    ]),
  }
  const [first, last] = paragraphLines(doc, startLine, endLine)
  const lastLineEnd = doc.positionAt(doc.offsetAt({ line: last + 1, character: 0 }))
  const atEnd = lastLineEnd.line === last // the paragraph is the document's last line, without a final line break
  const paragraphAction: CodeAction = {
    title: `planlint：本段停用规则 ${ruleId}（在 -- 后写明理由）`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    edit: workspaceEdit(doc, [
      { range: { start: { line: first, character: 0 }, end: { line: first, character: 0 } }, newText: `<!-- planlint-disable ${ruleId} -- -->${eol}` },
      { range: { start: lastLineEnd, end: lastLineEnd }, newText: `${atEnd ? eol : ''}<!-- planlint-enable ${ruleId} -->${atEnd ? '' : eol}` },
    ]),
  }
  return [lineAction, paragraphAction]
}

function shorten(s: string, max = 40): string {
  const chars = [...s]
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : s
}

/** Quick fixes and directives for the diagnostics the client sent with the request. */
export function quickFixes(doc: TextDocument, diagnostics: Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = []
  const disabled = new Set<string>()
  for (const d of diagnostics) {
    const data = dataOf(d)
    if (!data || data.version !== doc.version) continue
    if (validEdit(doc, data.fix)) {
      out.push({
        title: `planlint：修复「${shorten(typeof d.message === 'string' ? d.message : d.message.value)}」`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: true,
        edit: workspaceEdit(doc, [edit(doc, data.fix)]),
      })
    }
    for (const s of Array.isArray(data.suggestions) ? data.suggestions : []) {
      if (!s || typeof s.desc !== 'string' || !validEdit(doc, s.fix)) continue
      out.push({ title: `planlint：${s.desc}`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: workspaceEdit(doc, [edit(doc, s.fix)]) })
    }
    const ruleId = typeof data.ruleId === 'string' && /^[\w@/-]+$/.test(data.ruleId) ? data.ruleId : undefined
    const key = `${ruleId}:${d.range.start.line}`
    if (ruleId && !disabled.has(key)) {
      disabled.add(key)
      pushAll(out, disableActions(doc, d, ruleId))
    }
  }
  return out
}

/** Arguments of the `planlint.addToSuppressions` command. */
export interface SuppressArgs {
  uri: string
  ruleId: string
  /** The finding's offsets in the document's text of `version`. */
  range: [number, number]
  version: number
}

/** "Add to the suppressions file" for each finding of the request (the server writes the file). */
export function suppressActions(doc: TextDocument, diagnostics: Diagnostic[], command: string): CodeAction[] {
  const out: CodeAction[] = []
  for (const d of diagnostics) {
    const data = dataOf(d)
    if (!data || data.version !== doc.version || typeof data.ruleId !== 'string') continue
    const args: SuppressArgs = {
      uri: doc.uri,
      ruleId: data.ruleId,
      range: [doc.offsetAt(d.range.start), doc.offsetAt(d.range.end)],
      version: doc.version,
    }
    out.push({
      title: `planlint：加入批量忽略文件 planlint-suppressions.json（${data.ruleId}）`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      command: { title: '加入批量忽略文件', command, arguments: [args] },
    })
  }
  return out
}

/**
 * One edit turning the document's text into `output`: the changed middle between the
 * common prefix and suffix, so the cursor and the rest of the buffer stay put.
 */
export function replaceAllEdit(doc: TextDocument, output: string): TextEdit {
  const text = doc.getText()
  let start = 0
  const max = Math.min(text.length, output.length)
  while (start < max && text.charCodeAt(start) === output.charCodeAt(start)) start++
  // Never split a surrogate pair or a \r\n (an editor cannot put a position inside either).
  if (start > 0 && (isHighSurrogate(text.charCodeAt(start - 1)) || isCrlfMiddle(text, start))) start--
  let end = 0
  while (end < max - start && text.charCodeAt(text.length - 1 - end) === output.charCodeAt(output.length - 1 - end)) end++
  if (end > 0 && (isLowSurrogate(text.charCodeAt(text.length - end)) || isCrlfMiddle(text, text.length - end))) end--
  return {
    range: { start: doc.positionAt(start), end: doc.positionAt(text.length - end) },
    newText: output.slice(start, output.length - end),
  }
}

/** True when `offset` falls between the \r and the \n of a line break. */
function isCrlfMiddle(text: string, offset: number): boolean {
  return offset > 0 && text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10
}
function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff
}
function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff
}

/** The fix-all action for a fixed text (or none when nothing is fixable). */
export function fixAllAction(doc: TextDocument, output: string | undefined, kind: string = FIX_ALL_KIND): CodeAction | undefined {
  if (output === undefined || output === doc.getText()) return undefined
  return { title: 'planlint：修复全部可自动修复的问题', kind, edit: workspaceEdit(doc, [replaceAllEdit(doc, output)]) }
}

/** True when a request's `only` filter lets actions of `kind` through. */
export function wanted(only: string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true
  return only.some((o) => kind === o || kind.startsWith(`${o}.`))
}
