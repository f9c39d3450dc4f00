/**
 * planlint findings → LSP diagnostics. Ranges are computed from the finding's UTF-16
 * offsets (never from its code-point columns), so an astral character such as 𠀀 before a
 * finding moves it by two code units as the protocol requires.
 *
 * Each diagnostic carries in `data` what its quick fixes need (the fix and suggestions as
 * offsets into the editor's text of that version), so a code action is built from the
 * diagnostic the client sends back, not from a re-lint.
 */
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver'
import type { TextDocument } from 'vscode-languageserver-textdocument'
import type { LintMessage } from '../types.js'
import { levelOf } from '../engine/levels.js'
import type { DocumentLint } from './document-linter.js'

export const SOURCE = 'planlint'

/** A replacement in the editor's text: [start, end) UTF-16 offsets of the document version. */
export interface EditData {
  range: [number, number]
  text: string
}

/** What `Diagnostic.data` holds. */
export interface DiagnosticData {
  ruleId: string | null
  /** Document version the offsets belong to. */
  version: number
  fix?: EditData
  suggestions?: { desc: string; fix: EditData }[]
  expected?: string
  actual?: string
}

function toEdit(lint: DocumentLint, fix: { range: [number, number]; text: string }): EditData {
  return {
    range: [lint.text.toDocument(fix.range[0]), lint.text.toDocument(fix.range[1])],
    text: lint.text.restoreLineEnds(fix.text),
  }
}

/** LSP's levels: a note at the info level is Information (editors show it without a squiggle of alarm). */
const LSP_SEVERITY = { error: DiagnosticSeverity.Error, warn: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const

/** The diagnostic for one finding. */
export function toDiagnostic(doc: TextDocument, lint: DocumentLint, m: LintMessage, version: number = doc.version): Diagnostic {
  const start = doc.positionAt(lint.text.toDocument(m.range[0]))
  const end = doc.positionAt(lint.text.toDocument(m.range[1]))
  const data: DiagnosticData = { ruleId: m.ruleId, version }
  if (m.fix) data.fix = toEdit(lint, m.fix)
  if (m.suggestions?.length) data.suggestions = m.suggestions.map((s) => ({ desc: s.desc, fix: toEdit(lint, s.fix) }))
  if (m.expected !== undefined) data.expected = m.expected
  if (m.actual !== undefined) data.actual = m.actual
  const d: Diagnostic = {
    range: { start, end },
    severity: LSP_SEVERITY[levelOf(m)],
    source: SOURCE,
    message: m.message,
    data,
  }
  if (m.ruleId) {
    d.code = m.ruleId
    const href = m.url ?? lint.ruleUrls.get(m.ruleId)
    if (href) d.codeDescription = { href }
  }
  const related = relatedOf(doc, lint, m)
  if (related.length > 0) d.relatedInformation = related
  return d
}

/** The other places of a grouped finding (`LintMessage.related`), when the rule gives them. */
function relatedOf(doc: TextDocument, lint: DocumentLint, m: LintMessage): DiagnosticRelatedInformation[] {
  return (m.related ?? []).map((r) => ({
    location: {
      uri: doc.uri,
      range: {
        start: doc.positionAt(lint.text.toDocument(r.range[0])),
        end: doc.positionAt(lint.text.toDocument(r.range[1])),
      },
    },
    message: r.message,
  }))
}

/** Every diagnostic of a lint; a run that could not start is one diagnostic on the first line. */
export function toDiagnostics(doc: TextDocument, lint: DocumentLint, version: number = doc.version): Diagnostic[] {
  if (lint.failure !== undefined) {
    const firstLineEnd = doc.positionAt(Math.max(0, doc.getText().search(/\r?\n|$/)))
    return [
      {
        range: { start: { line: 0, character: 0 }, end: firstLineEnd },
        severity: DiagnosticSeverity.Error,
        source: SOURCE,
        code: 'config',
        message: `planlint 无法检查本文档：${lint.failure}`,
      },
    ]
  }
  return lint.messages.map((m) => toDiagnostic(doc, lint, m, version))
}
