/**
 * Sidecar expectations for the fixture plans in `test/fixtures/elsewhere/`: each `NAME.txt`
 * has a `NAME.expect.yaml` saying what a reviewer must see (`findings`), where nothing may be
 * reported (`quiet`), what `explain` must understand (`explain`), and what a reviewer would
 * mark that planlint does not yet find (`missed`, counted against recall, never asserted).
 *
 * Places are given by text, not line numbers: `at: 市安监局` is the line of the first
 * occurrence (`nth: 2` the second), so a sidecar stays right when the text is edited.
 */
import fs from 'node:fs'
import path from 'node:path'
import YAML from 'yaml'
import type { JsonResult } from '../../src/reporters/json.js'

export interface ExpectedFinding {
  rule: string
  at?: string
  nth?: number
  /** A fragment the message must contain. */
  says?: string
  /** How many places the (grouped) finding has. */
  count?: number
  severity?: 'error' | 'warn' | 'info'
  why?: string
}

export interface Quiet {
  /** No finding of any rule on the lines from the line of `from` to the line of `to`. */
  from?: string
  to?: string
  /** No finding of this rule anywhere (or only within from..to when given). */
  rule?: string
}

export interface Sidecar {
  explain?: { title?: string; jurisdiction?: string; level?: string; date?: string; preset?: string; period?: string }
  findings: ExpectedFinding[]
  quiet: Quiet[]
  missed: ExpectedFinding[]
  /** Wrong findings planlint still makes, known and explained: counted as wrong, tolerated by
   * the test (any other wrong finding fails it). */
  knownWrong: ExpectedFinding[]
}

export const fixturesDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../fixtures/elsewhere')

export function fixtureNames(): string[] {
  return fs
    .readdirSync(fixturesDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4))
    .sort()
}

export function readSidecar(name: string): Sidecar {
  const raw = (YAML.parse(fs.readFileSync(path.join(fixturesDir, `${name}.expect.yaml`), 'utf8')) ?? {}) as Partial<Sidecar>
  return { explain: raw.explain, findings: raw.findings ?? [], quiet: raw.quiet ?? [], missed: raw.missed ?? [], knownWrong: raw.knownWrong ?? [] }
}

/** 1-based line of the nth occurrence of `needle`; throws when absent (a sidecar error). */
export function lineOf(text: string, needle: string, nth = 1): number {
  let at = -1
  for (let k = 0; k < nth; k++) {
    at = text.indexOf(needle, at + 1)
    if (at === -1) throw new Error(`sidecar: 「${needle}」${nth > 1 ? `（第${nth}处）` : ''}不在文中`)
  }
  return text.slice(0, at).split('\n').length
}

export interface Reported {
  rule: string
  severity: 1 | 2
  /** `info` on a note at the info level. */
  level?: 'info'
  message: string
  /** Every line the finding is reported at (a grouped finding has several). */
  lines: number[]
  count: number
}

export function reportedOf(result: JsonResult): Reported[] {
  return result.messages.map((m) => ({
    rule: m.ruleId ?? 'planlint',
    severity: m.severity,
    ...(m.level ? { level: m.level } : {}),
    message: m.message,
    lines: m.relatedLocations ? m.relatedLocations.map((l) => l.line) : [m.line],
    count: m.count ?? 1,
  }))
}

function matches(f: ExpectedFinding, r: Reported, text: string): boolean {
  if (r.rule !== f.rule) return false
  if (f.says && !r.message.includes(f.says)) return false
  if (f.count !== undefined && r.count !== f.count) return false
  if (f.at && !r.lines.includes(lineOf(text, f.at, f.nth))) return false
  if (f.severity === 'error' && r.severity !== 2) return false
  if (f.severity === 'warn' && (r.severity !== 1 || r.level === 'info')) return false
  if (f.severity === 'info' && r.level !== 'info') return false
  return true
}

export interface Judgement {
  /** Expected findings that were reported. */
  found: ExpectedFinding[]
  /** Expected findings that were not. */
  absent: ExpectedFinding[]
  /** Reported findings no expectation accounts for (wrong, or unlisted). */
  unexpected: Reported[]
  /** Reported findings inside a quiet place (always wrong). */
  inQuiet: { quiet: Quiet; reported: Reported }[]
  /** Missed findings (known gaps) that are now reported after all. */
  missedFound: ExpectedFinding[]
  /** Reported findings listed as known wrong ones. */
  knownWrong: Reported[]
  /** Known wrong findings that are no longer reported (fixed: remove them from the sidecar). */
  knownWrongGone: ExpectedFinding[]
}

export function judge(text: string, sidecar: Sidecar, reported: Reported[]): Judgement {
  const used = new Set<Reported>()
  const found: ExpectedFinding[] = []
  const absent: ExpectedFinding[] = []
  for (const f of sidecar.findings) {
    const r = reported.find((x) => matches(f, x, text))
    if (r) {
      found.push(f)
      used.add(r)
    } else absent.push(f)
  }
  const missedFound: ExpectedFinding[] = []
  for (const f of sidecar.missed) {
    const r = reported.find((x) => matches(f, x, text))
    if (r) {
      missedFound.push(f)
      used.add(r)
    }
  }
  const knownWrong: Reported[] = []
  const knownWrongGone: ExpectedFinding[] = []
  for (const f of sidecar.knownWrong) {
    const r = reported.filter((x) => matches(f, x, text))
    if (r.length === 0) knownWrongGone.push(f)
    for (const x of r) {
      knownWrong.push(x)
      used.add(x)
    }
  }
  const inQuiet: Judgement['inQuiet'] = []
  for (const q of sidecar.quiet) {
    const from = q.from ? lineOf(text, q.from) : 1
    const to = q.to ? lineOf(text, q.to) : q.from ? from : Number.POSITIVE_INFINITY
    for (const r of reported) {
      if (q.rule && r.rule !== q.rule) continue
      if (knownWrong.includes(r)) continue
      if (r.lines.some((l) => l >= from && l <= to)) inQuiet.push({ quiet: q, reported: r })
    }
  }
  const unexpected = reported.filter((r) => !used.has(r))
  return { found, absent, unexpected, inQuiet, missedFound, knownWrong, knownWrongGone }
}
