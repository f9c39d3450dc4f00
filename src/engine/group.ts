/**
 * One finding per distinct problem: the messages a rule reports with the same text and
 * severity at several places (the same old unit name six times, the same pair of spellings
 * eight times) become one message at the first place, with `count` and every place (the
 * first included, each with its own fix and suggestions) in `places`. Reporters show the count and the places; JSON and SARIF keep them
 * all; `annotate` and editors expand a group back into one mark per place (`expandGroups`).
 *
 * A group's `fix` is the members' fixes merged into one, as ESLint merges the fixes of one
 * report (the text between them kept), so applying it fixes every place; when members
 * overlap, or some have no fix, the group carries no fix and the members keep theirs.
 */
import type { Fix, LintMessage, RelatedLocation } from './types.js'

function keyOf(m: LintMessage): string | undefined {
  if (m.fatal || m.ruleId === null) return undefined
  return `${m.ruleId}\u0000${m.severity}\u0000${m.level ?? ''}\u0000${m.message}`
}

function placeOf(m: LintMessage): RelatedLocation {
  const r: RelatedLocation = { line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn, range: m.range }
  if (m.location) r.location = m.location
  if (m.fix) r.fix = m.fix
  if (m.suggestions) r.suggestions = m.suggestions
  return r
}

/** Members' fixes as one, or undefined when any member lacks one or two overlap. */
function mergedFix(text: string, members: LintMessage[]): Fix | undefined {
  if (members.some((m) => !m.fix)) return undefined
  const fixes = members.map((m) => m.fix!).sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])
  let out = ''
  let pos = fixes[0]!.range[0]
  for (const f of fixes) {
    if (f.range[0] < pos || f.range[0] > f.range[1]) return undefined
    out += text.slice(pos, f.range[0]) + f.text
    pos = f.range[1]
  }
  return { range: [fixes[0]!.range[0], pos], text: out }
}

/** Groups messages of the same rule, severity and text; order is that of each group's first place. */
export function groupMessages(text: string, messages: LintMessage[]): LintMessage[] {
  const groups = new Map<string, LintMessage[]>()
  const out: (LintMessage | LintMessage[])[] = []
  for (const m of messages) {
    const key = keyOf(m)
    if (key === undefined) {
      out.push(m)
      continue
    }
    const g = groups.get(key)
    if (g) {
      g.push(m)
      continue
    }
    const list = [m]
    groups.set(key, list)
    out.push(list)
  }
  return out.map((entry) => {
    if (!Array.isArray(entry)) return entry
    if (entry.length === 1) return entry[0]!
    const members = [...entry].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])
    const grouped: LintMessage = { ...members[0]!, count: members.length, places: members.map(placeOf) }
    const fix = mergedFix(text, members)
    if (fix) grouped.fix = fix
    else delete grouped.fix
    return grouped
  })
}

/** One message per place again (for annotate and editors, which mark each place). */
export function expandGroups(messages: LintMessage[]): LintMessage[] {
  const out: LintMessage[] = []
  for (const m of messages) {
    if (!m.places || m.places.length === 0) {
      out.push(m)
      continue
    }
    const { places, count: _count, fix: _fix, suggestions: _suggestions, location: _location, ...base } = m
    for (const p of places) out.push({ ...base, ...p })
  }
  return out.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])
}
