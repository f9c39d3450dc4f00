/**
 * Inline control comments, found with one regex scan over the text (they may appear in
 * .txt as well as .md), in English (ESLint's words) or Chinese:
 *
 *   <!-- planlint-disable rule-a, rule-b -- 理由 -->     <!-- planlint：忽略 rule-a —— 理由 -->
 *   <!-- planlint-enable rule-a -->                      <!-- planlint：恢复 rule-a -->
 *   <!-- planlint-disable-line rule-id -- 理由 -->       <!-- planlint：忽略本行 rule-id 理由：… -->
 *   <!-- planlint-disable-next-line rule-id -- 理由 -->  <!-- planlint：忽略下一行 rule-id —— 理由 -->
 *
 * No rule named = every rule. The reason follows ` -- `, `——`, or `理由：`/`原因：`/`说明：`
 * (or simply comes after the rule ids). A disabled finding is not lost: it is returned as a
 * suppressed message with the reason as its justification. Like ESLint, a directive naming
 * an unknown rule, a disable directive that suppressed nothing (`reportUnusedDisableDirectives`)
 * and one without a reason (`requireDisableReason`) are reported (ruleId null). Fatal
 * messages (a rule that crashed) are never hidden. Findings inside a directive comment
 * itself are dropped: the comment is not content.
 */
import type { Fix, LintMessage, SuppressedMessage } from './types.js'
import { lineIndexAt, lineStarts, type Locate } from '../support/location.js'
import { compareMessages, makeMessage } from './runner.js'

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line'

export interface Directive {
  kind: DirectiveKind
  /** Rule ids named; empty = all rules. */
  rules: string[]
  /** The reason written after the rules ('' when none). */
  reason: string
  /** Offsets of the whole comment. */
  range: [number, number]
}

const CHINESE_KIND: Record<string, DirectiveKind> = {
  忽略下一行: 'disable-next-line',
  忽略本行: 'disable-line',
  忽略: 'disable',
  恢复: 'enable',
  启用: 'enable',
}

// The body is bounded so an unclosed `<!-- planlint-…` costs a fixed amount, not the rest of the text.
const DIRECTIVE =
  /<!--\s*planlint(?:-(disable-next-line|disable-line|disable|enable)(?=[\s-]|$)|\s*[:：]\s*(忽略下一行|忽略本行|忽略|恢复|启用))([\s\S]{0,2000}?)-->/g

const RULE_LIST = /^[\s,，、]*((?:[A-Za-z0-9@][\w@/.-]*)(?:[\s,，、]+[A-Za-z0-9@][\w@/.-]*)*)/
const REASON_MARK = /(?:^|\s)--(?=\s|$)|——|(?:理由|原因|说明)\s*[:：]/

/**
 * Splits what follows the keyword into the rule ids and the reason:
 * `rule-a, rule-b -- 本县仍保留地震局` → [rule-a, rule-b], 本县仍保留地震局.
 */
export function splitRulesAndReason(body: string): { rules: string[]; reason: string } {
  const mark = REASON_MARK.exec(body)
  const head = mark ? body.slice(0, mark.index) : body
  const after = mark ? body.slice(mark.index + mark[0].length) : ''
  const list = RULE_LIST.exec(head)
  // the list starts and ends with an id, so splitting at the separators leaves no empty item
  const rules = list ? list[1]!.split(/[\s,，、]+/) : []
  const rest = list ? head.slice(list[0].length) : head
  const reason = [rest, after]
    .map((s) => s.replace(/^[\s:：,，、\-—]+/, '').trim())
    .filter(Boolean)
    .join(' ')
  return { rules, reason }
}

/** All directives in `text`, in order. */
export function findDirectives(text: string): Directive[] {
  if (!text.includes('planlint')) return []
  const out: Directive[] = []
  DIRECTIVE.lastIndex = 0
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const kind = (m[1] as DirectiveKind | undefined) ?? CHINESE_KIND[m[2]!]!
    const { rules, reason } = splitRulesAndReason(m[3] ?? '')
    out.push({ kind, rules, reason, range: [m.index, m.index + m[0].length] })
  }
  return out
}

/** Severities of the reports about directives themselves (0 = off). */
export interface DirectiveChecks {
  unused: 0 | 1 | 2
  noReason: 0 | 1 | 2
}

export const DEFAULT_DIRECTIVE_CHECKS: DirectiveChecks = { unused: 1, noReason: 1 }

export interface Suppressed {
  /** Messages left to report, with the reports about directives added. */
  messages: LintMessage[]
  /** Messages the directives disabled, with their justification. */
  suppressed: SuppressedMessage[]
}

/** Human name of a directive in messages: the comment's own keyword. */
function nameOf(d: Directive): string {
  return `planlint-${d.kind}`
}

/** A report about a directive itself (ruleId null, like ESLint's). */
export function directiveProblem(
  locate: Locate,
  range: [number, number],
  severity: 1 | 2,
  messageId: string,
  message: string,
): LintMessage {
  return makeMessage(locate, range, { ruleId: null, messageId, severity, message })
}

interface BlockChange {
  at: number
  kind: 'disable' | 'enable'
  rules: string[]
  directive: number
}

/**
 * Splits `messages` into those still reported and those the directives disable, and adds a
 * report for each unknown rule id, unused disable directive and directive without a reason.
 * `knownRuleIds` holds every registered rule (not only the enabled ones).
 */
export function applyDirectives(
  text: string,
  messages: LintMessage[],
  knownRuleIds: ReadonlySet<string>,
  locate: Locate,
  checks: DirectiveChecks = DEFAULT_DIRECTIVE_CHECKS,
): Suppressed {
  const directives = findDirectives(text)
  if (directives.length === 0) return { messages, suppressed: [] }
  const starts = lineStarts(text)
  const problems: LintMessage[] = []
  const changes: BlockChange[] = []
  /** line index → [directive index, rules ('*' = all)] */
  const lineOff = new Map<number, { directive: number; rules: Set<string> }[]>()
  /** Per directive: the rules it was credited with suppressing ('*' for all). */
  const used = directives.map(() => new Set<string>())
  const valid: string[][] = []

  directives.forEach((d, i) => {
    const ok = d.rules.filter((r) => {
      if (knownRuleIds.has(r)) return true
      problems.push(directiveProblem(locate, d.range, 1, 'unknownRule', `${nameOf(d)} 注释中的规则「${r}」不存在`))
      return false
    })
    valid.push(ok)
    if (d.kind !== 'enable' && checks.noReason && d.reason === '') {
      problems.push(
        directiveProblem(locate, d.range, checks.noReason, 'missingReason', `${nameOf(d)} 注释没有写理由：请在规则后加“-- 理由”，让审核人知道为什么忽略`),
      )
    }
    // A directive that named only unknown rules disables nothing.
    if (d.rules.length > 0 && ok.length === 0) return
    if (d.kind === 'disable' || d.kind === 'enable') {
      changes.push({ at: d.range[0], kind: d.kind, rules: ok, directive: i })
    } else {
      const line = lineIndexAt(starts, d.range[0]) + (d.kind === 'disable-next-line' ? 1 : 0)
      let list = lineOff.get(line)
      if (!list) lineOff.set(line, (list = []))
      list.push({ directive: i, rules: new Set(ok.length ? ok : ['*']) })
    }
  })

  // One sweep over the messages in text order, replaying the block changes as it goes.
  // Array#sort is stable: messages starting at one offset keep their order
  const order = messages.map((_, i) => i).sort((a, b) => messages[a]!.range[0] - messages[b]!.range[0])
  const disabledBy: (number | undefined)[] = []
  const dropped = new Uint8Array(messages.length)
  const state = new BlockState()
  let next = 0
  for (const i of order) {
    const m = messages[i]!
    if (m.fatal || m.ruleId === null) continue
    const at = m.range[0]
    while (next < changes.length && changes[next]!.at <= at) state.apply(changes[next++]!)
    if (directives.some((d) => at >= d.range[0] && m.range[1] <= d.range[1])) {
      dropped[i] = 1
      continue
    }
    const onLine = lineOff.get(lineIndexAt(starts, at))?.find((l) => l.rules.has('*') || l.rules.has(m.ruleId!))
    if (onLine) {
      disabledBy[i] = onLine.directive
      used[onLine.directive]!.add(onLine.rules.has('*') ? '*' : m.ruleId)
      continue
    }
    const block = state.disabledBy(m.ruleId)
    if (block !== undefined) {
      disabledBy[i] = block
      used[block]!.add(valid[block]!.length ? m.ruleId : '*')
    }
  }

  // A message is kept by where it starts, but its fix may reach into a region where its rule
  // is disabled (a combined fix spanning many paragraphs): that part of the fix is undone, or
  // the whole fix dropped when it cannot be split.
  const regionsByRule = new Map<string, [number, number][]>()
  const regionsOf = (ruleId: string): [number, number][] => {
    let r = regionsByRule.get(ruleId)
    if (!r) regionsByRule.set(ruleId, (r = disabledRegions(ruleId, text.length, changes, lineOff, starts, directives)))
    return r
  }
  const withFixInside = (m: LintMessage): LintMessage => {
    if (!m.fix || m.ruleId === null) return m
    const fix = fixOutside(text, m.fix, regionsOf(m.ruleId))
    if (fix === m.fix) return m
    const copy: LintMessage = { ...m }
    if (fix) copy.fix = fix
    else delete copy.fix
    return copy
  }

  const kept: LintMessage[] = []
  const suppressed: SuppressedMessage[] = []
  messages.forEach((m, i) => {
    if (dropped[i]) return
    const by = disabledBy[i]
    if (by === undefined) kept.push(withFixInside(m))
    else suppressed.push({ ...m, suppressions: [{ kind: 'directive', justification: directives[by]!.reason }] })
  })

  const unused = checks.unused
  if (unused) {
    directives.forEach((d, i) => {
      if (d.kind === 'enable' || (d.rules.length > 0 && valid[i]!.length === 0)) return
      const rules = valid[i]!.length ? valid[i]! : ['*']
      for (const r of rules) {
        if (used[i]!.has(r)) continue
        const what = r === '*' ? '此处没有任何问题' : `此处没有规则「${r}」的问题`
        problems.push(directiveProblem(locate, d.range, unused, 'unusedDirective', `${nameOf(d)} 注释没有起作用：${what}，可删除`))
      }
    })
  }
  return { messages: problems.length === 0 ? kept : [...kept, ...problems].sort(compareMessages), suppressed }
}

/** Which rules the block directives have disabled at the current point of the sweep, and by which directive. */
class BlockState {
  private all: number | undefined
  private off = new Map<string, number>()
  /** Re-enabled while `all` is set. */
  private on = new Set<string>()

  // ESLint semantics: disable-all then enable-one keeps the others disabled; enable-all clears everything.
  apply(c: BlockChange): void {
    if (c.kind === 'disable') {
      if (c.rules.length === 0) {
        this.all = c.directive
        this.on.clear()
      } else for (const r of c.rules) (this.off.set(r, c.directive), this.on.delete(r))
    } else if (c.rules.length === 0) {
      this.all = undefined
      this.off.clear()
      this.on.clear()
    } else for (const r of c.rules) (this.off.delete(r), this.on.add(r))
  }

  disabledBy(ruleId: string): number | undefined {
    const own = this.off.get(ruleId)
    if (own !== undefined) return own
    return this.on.has(ruleId) ? undefined : this.all
  }
}

/** Sorted, disjoint [start, end) regions of the text where `ruleId` is disabled: block
 * regions, the lines of line directives, and the directive comments themselves. */
export function disabledRegions(
  ruleId: string,
  length: number,
  changes: readonly BlockChange[],
  lineOff: ReadonlyMap<number, readonly { rules: ReadonlySet<string> }[]>,
  starts: readonly number[],
  directives: readonly Directive[],
): [number, number][] {
  const raw: [number, number][] = []
  const state = new BlockState()
  for (let i = 0; i < changes.length; i++) {
    state.apply(changes[i]!)
    const from = changes[i]!.at
    const to = i + 1 < changes.length ? changes[i + 1]!.at : length
    if (to > from && state.disabledBy(ruleId) !== undefined) raw.push([from, to])
  }
  for (const [line, list] of lineOff) {
    if (line >= starts.length || !list.some((l) => l.rules.has('*') || l.rules.has(ruleId))) continue
    raw.push([starts[line]!, line + 1 < starts.length ? starts[line + 1]! : length])
  }
  for (const d of directives) raw.push([d.range[0], d.range[1]])
  raw.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const merged: [number, number][] = []
  for (const r of raw) {
    const last = merged[merged.length - 1]
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1])
    else merged.push([r[0], r[1]])
  }
  return merged
}

/**
 * `fix` without the parts that fall in `regions`: the same fix when it touches none; a fix
 * that replaces character for character (same length, like a punctuation fix) with the
 * original characters put back inside the regions; `undefined` (no fix) otherwise.
 */
export function fixOutside(text: string, fix: Fix, regions: readonly [number, number][]): Fix | undefined {
  const [start, end] = fix.range
  const hit = regions.filter(([s, e]) => (start === end ? s <= start && start < e : s < end && start < e))
  if (hit.length === 0) return fix
  if (fix.text.length !== end - start) return undefined
  let out = fix.text
  for (const [s, e] of hit) {
    const from = Math.max(s, start)
    const to = Math.min(e, end)
    out = out.slice(0, from - start) + text.slice(from, to) + out.slice(to - start)
  }
  if (out === text.slice(start, end)) return undefined
  // Trim the unchanged ends so the fix touches only what it changes.
  let a = 0
  let b = out.length
  // `out` (as long as the span) differs from the text somewhere, so no bound is needed: `a` stops at
  // the first difference, `b` just after the last one
  while (out.charCodeAt(a) === text.charCodeAt(start + a)) a++
  while (out.charCodeAt(b - 1) === text.charCodeAt(start + b - 1)) b--
  return { range: [start + a, start + b], text: out.slice(a, b) }
}
