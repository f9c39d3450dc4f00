/**
 * Inline control comments, found with one regex scan over the text (they may appear in
 * .txt as well as .md):
 *
 *   <!-- planlint-disable rule-a, rule-b -->   … until <!-- planlint-enable rule-a -->
 *   <!-- planlint-disable -->                  all rules until <!-- planlint-enable -->
 *   <!-- planlint-disable-line rule-id -->     messages starting on this line
 *   <!-- planlint-disable-next-line rule-id --> messages starting on the next line
 *
 * Text after ` -- ` inside the comment is a reason and is ignored. An unknown rule id in a
 * directive is reported as a warning (ruleId null), like ESLint. Fatal messages (a rule that
 * crashed) are never hidden. Findings inside a directive comment itself are dropped.
 */
import type { LintMessage } from '../types.js'
import { lineIndexAt, lineStarts, type Locate } from './location.js'
import { compareMessages, makeMessage } from './runner.js'

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line'

export interface Directive {
  kind: DirectiveKind
  /** Rule ids named; empty = all rules. */
  rules: string[]
  /** Offsets of the whole comment. */
  range: [number, number]
}

const DIRECTIVE = /<!--\s*planlint-(disable-next-line|disable-line|disable|enable)(?=[\s-]|-->)([\s\S]*?)-->/g

/** All directives in `text`, in order. */
export function findDirectives(text: string): Directive[] {
  if (!text.includes('planlint-')) return []
  const out: Directive[] = []
  DIRECTIVE.lastIndex = 0
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    let body = m[2] ?? ''
    const reason = body.search(/\s--\s|\s--$/)
    if (reason !== -1) body = body.slice(0, reason)
    const rules = body
      .split(/[,，、\s]+/)
      .map((s) => s.trim())
      .filter(Boolean)
    out.push({ kind: m[1] as DirectiveKind, rules, range: [m.index, m.index + m[0].length] })
  }
  return out
}

/**
 * Drops the messages the directives disable and adds a warning for each unknown rule id.
 * `knownRuleIds` holds every registered rule (not only the enabled ones).
 */
export function applyDirectives(
  text: string,
  messages: LintMessage[],
  knownRuleIds: ReadonlySet<string>,
  locate: Locate,
): LintMessage[] {
  const directives = findDirectives(text)
  if (directives.length === 0) return messages
  const starts = lineStarts(text)
  const problems: LintMessage[] = []

  // Block directives: a sorted list of state changes by offset.
  interface Change {
    at: number
    kind: 'disable' | 'enable'
    rules: string[]
  }
  const changes: Change[] = []
  // Line directives: line index → rules (empty set member '*' = all).
  const lineOff = new Map<number, Set<string>>()

  for (const d of directives) {
    const valid = d.rules.filter((r) => {
      if (knownRuleIds.has(r)) return true
      problems.push(
        makeMessage(locate, d.range, {
          ruleId: null,
          severity: 1,
          message: `planlint-${d.kind} 注释中的规则「${r}」不存在`,
        }),
      )
      return false
    })
    // A directive that named only unknown rules disables nothing.
    if (d.rules.length > 0 && valid.length === 0) continue
    if (d.kind === 'disable' || d.kind === 'enable') {
      changes.push({ at: d.range[0], kind: d.kind, rules: valid })
    } else {
      const line = lineIndexAt(starts, d.range[0]) + (d.kind === 'disable-next-line' ? 1 : 0)
      let set = lineOff.get(line)
      if (!set) lineOff.set(line, (set = new Set()))
      if (valid.length === 0) set.add('*')
      else for (const r of valid) set.add(r)
    }
  }

  const kept = messages.filter((m) => {
    if (m.fatal || m.ruleId === null) return true
    const at = m.range[0]
    // The directive comments are not content: nothing found inside them is reported.
    if (directives.some((d) => at >= d.range[0] && m.range[1] <= d.range[1])) return false
    const lineSet = lineOff.get(lineIndexAt(starts, at))
    if (lineSet && (lineSet.has('*') || lineSet.has(m.ruleId))) return false
    return !blockDisabled(changes, at, m.ruleId)
  })
  return problems.length === 0 ? kept : [...kept, ...problems].sort(compareMessages)
}

function blockDisabled(
  changes: { at: number; kind: 'disable' | 'enable'; rules: string[] }[],
  offset: number,
  ruleId: string,
): boolean {
  // Replay the changes before `offset`: ESLint semantics — disable-all then enable-one keeps
  // the others disabled; enable-all clears everything.
  let all = false
  const off = new Set<string>()
  const on = new Set<string>() // re-enabled while `all` is set
  for (const c of changes) {
    if (c.at > offset) break
    if (c.kind === 'disable') {
      if (c.rules.length === 0) {
        all = true
        on.clear()
      } else for (const r of c.rules) (off.add(r), on.delete(r))
    } else if (c.rules.length === 0) {
      all = false
      off.clear()
      on.clear()
    } else for (const r of c.rules) (off.delete(r), on.add(r))
  }
  return off.has(ruleId) || (all && !on.has(ruleId))
}
