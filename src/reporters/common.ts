/**
 * Small pieces the machine-readable reporters share: where a file is (relative, forward
 * slashes), what a message's severity is called, and a stable id for messages without a
 * rule (a rule that crashed, a file the config ignores).
 */
import path from 'node:path'
import { textLocator, type Locate } from '../support/location.js'
import type { Level, LintMessage, LintResult } from '../engine/types.js'
import { levelOf } from '../engine/levels.js'
export { isInfo, levelOf } from '../engine/levels.js'

/** Rule id used for messages that no rule reported (fatal errors, ignored-file notes). */
export const NO_RULE_ID = 'planlint'

/** The path relative to `cwd` with forward slashes; absolute (forward slashes) when outside. */
export function relativePath(filePath: string, cwd: string): string {
  if (filePath.startsWith('<')) return filePath
  const abs = path.resolve(cwd, filePath)
  const rel = path.relative(cwd, abs)
  const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)
  return (inside ? rel : abs).split(path.sep).join('/')
}

/** What each level is called in reports: 错误, 警告, and 提示 for a note at the info level. */
export const LEVEL_WORDS: Record<Level, string> = { error: '错误', warn: '警告', info: '提示' }

export function isError(m: LintMessage): boolean {
  return m.fatal === true || m.severity === 2
}

export function ruleIdOf(m: LintMessage): string {
  return m.ruleId ?? NO_RULE_ID
}

/** Error, warning and info totals over all results (fatal messages count as errors). */
export function totals(results: LintResult[]): { errors: number; warnings: number; infos: number } {
  let errors = 0
  let warnings = 0
  let infos = 0
  for (const r of results) {
    for (const m of r.messages) {
      const level = levelOf(m)
      if (level === 'error') errors++
      else if (level === 'info') infos++
      else warnings++
    }
  }
  return { errors, warnings, infos }
}

/** `（共 6 处：第 22、32、33 行…）` for a grouped finding; '' for one place. The places are
 * given as paragraphs (Word) or pages (PDF) when the input has them. */
export function placesSuffix(m: LintMessage, limit = 12): string {
  const places = m.places
  if (!places || places.length < 2) return ''
  const where = (p: NonNullable<LintMessage['places']>[number]) =>
    p.location?.paragraph !== undefined ? `第${p.location.paragraph}段` : p.location?.page !== undefined ? `第${p.location.page}页第${p.line}行` : `第${p.line}行`
  const shown = places.slice(0, limit).map(where)
  const byLine = shown.every((s) => /^第\d+行$/.test(s))
  const list = byLine ? `第${shown.map((s) => s.slice(1, -1)).join('、')}行` : shown.join('、')
  return `（共 ${places.length} 处：${list}${places.length > limit ? ' 等' : ''}）`
}

/** Line and column clamped to what CI tools accept (1-based, never 0). */
export function startOf(m: Pick<LintMessage, 'line' | 'column'>): { line: number; column: number } {
  return { line: Math.max(1, m.line || 1), column: Math.max(1, m.column || 1) }
}

/** End line and column, never before the start. */
export function endOf(m: Pick<LintMessage, 'line' | 'column' | 'endLine' | 'endColumn'>): { line: number; column: number } {
  const start = startOf(m)
  const line = Math.max(start.line, m.endLine || start.line)
  const column = line === start.line ? Math.max(start.column, m.endColumn || start.column) : Math.max(1, m.endColumn || 1)
  return { line, column }
}

/**
 * Where a reader of a Word or PDF file finds the message — `第3段`, `第2页`, `第2页第5段` —
 * or '' for text files, whose line numbers already mean what they say.
 */
export function userPlace(m: { location?: { paragraph?: number; page?: number } }): string {
  const { page, paragraph } = m.location ?? {}
  return `${page ? `第${page}页` : ''}${paragraph ? `第${paragraph}段` : ''}`
}

/** A grouped finding's other place, with line and column in the linted text (as the message's own). */
export interface PlacedRelated {
  line: number
  column: number
  endLine: number
  endColumn: number
  range: [number, number]
  message: string
}

const locators = new WeakMap<LintResult, Locate>()

/** The `related` places of `m` with lines and columns; none when the result has no text to measure. */
export function relatedPlaces(result: LintResult, m: LintMessage): PlacedRelated[] {
  if (!m.related?.length || result.source === undefined) return []
  let locate = locators.get(result)
  if (!locate) locators.set(result, (locate = textLocator(result.source)))
  return m.related.map((r) => {
    const s = locate!(r.range[0])
    const e = locate!(r.range[1])
    return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column, range: r.range, message: r.message }
  })
}
