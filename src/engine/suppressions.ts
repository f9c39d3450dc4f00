/**
 * Every way a reviewer accepts a finding, applied after the rules ran:
 *
 * 1. inline directives (`<!-- planlint-disable-next-line rule -- 理由 -->`, see directives.ts);
 * 2. Word comments (批注) whose text starts with `planlint-disable <rule>` or `planlint：忽略
 *    <规则>` and a reason: the rule is suppressed on the commented span — how a drafter
 *    answers a finding in Word;
 * 3. the config's `exemptions: [{rule, text | sentence, reason}]`.
 *
 * Suppressed findings are kept, with their justification, as the result's
 * `suppressedMessages`; they are not counted and do not fail the run.
 */
import type { LinterOptions, LintMessage, RuleExemption, SeverityName, SuppressedMessage } from './types.js'
import { applyDirectives, directiveProblem, splitRulesAndReason, type DirectiveChecks } from './directives.js'
import { sentenceAround } from './fingerprint.js'
import type { Locate } from '../support/location.js'
import { compareMessages } from './runner.js'
import { pushAll } from '../text/arrays.js'

/** What the kernel reads of a config: a planlint config satisfies it. */
export interface SuppressionSettings {
  linterOptions?: LinterOptions | undefined
  /** Exemptions; the kernel applies those naming a `rule`, and leaves other kinds to rules. */
  exemptions?: readonly (RuleExemption | object)[] | undefined
}

/** What the kernel reads of an input adapter's result: its Word comments. */
export interface CommentSource {
  format: string
  residue?: readonly { kind: string; offset: number; end?: number | undefined; text: string }[] | undefined
}

const SEVERITY: Record<SeverityName, 0 | 1 | 2> = { off: 0, warn: 1, error: 2 }

/** The config's `linterOptions`, as severities. */
export function directiveChecks(config: SuppressionSettings): DirectiveChecks {
  const o = config.linterOptions ?? {}
  return {
    unused: SEVERITY[o.reportUnusedDisableDirectives ?? 'warn'],
    noReason: SEVERITY[o.requireDisableReason ?? 'warn'],
  }
}

export interface SuppressInput {
  text: string
  messages: LintMessage[]
  knownRuleIds: ReadonlySet<string>
  locate: Locate
  config: SuppressionSettings
  /** The input adapter's result (its Word comments), first pass only. */
  source?: CommentSource | undefined
}

export interface SuppressOutput {
  messages: LintMessage[]
  suppressed: SuppressedMessage[]
}

/** Applies directives, Word comments and config exemptions, in that order. */
export function applySuppressions(input: SuppressInput): SuppressOutput {
  const checks = directiveChecks(input.config)
  const first = applyDirectives(input.text, input.messages, input.knownRuleIds, input.locate, checks)
  const suppressed = [...first.suppressed]
  let messages = first.messages
  const comments = input.source?.format === 'docx' ? wordCommentDirectives(input.source, input.text.length) : []
  if (comments.length) {
    const r = applyWordComments(messages, comments, input.knownRuleIds, input.locate, checks)
    messages = r.messages
    pushAll(suppressed, r.suppressed)
  }
  const exemptions = (input.config.exemptions ?? []).filter((e): e is RuleExemption => 'rule' in e)
  if (exemptions.length) {
    const r = applyExemptions(input.text, messages, exemptions)
    messages = r.messages
    pushAll(suppressed, r.suppressed)
  }
  return { messages, suppressed: suppressed.sort(compareMessages) }
}

export interface CommentDirective {
  rules: string[]
  reason: string
  /** The commented span [start, end] in the linted text (a point when the comment has no range). */
  span: [number, number]
  /** The comment's own text, for messages. */
  text: string
}

const COMMENT_KEYWORD = /^\s*planlint(?:-disable(?![\w-])|\s*[:：]\s*忽略)/

/** The Word comments of `source` that are suppression directives. */
export function wordCommentDirectives(source: CommentSource, textLength: number): CommentDirective[] {
  const out: CommentDirective[] = []
  for (const r of source.residue ?? []) {
    if (r.kind !== 'comment') continue
    const k = COMMENT_KEYWORD.exec(r.text)
    if (!k) continue
    const { rules, reason } = splitRulesAndReason(r.text.slice(k[0].length))
    const start = Math.min(Math.max(r.offset, 0), textLength)
    const end = Math.min(Math.max(r.end ?? start, start), textLength)
    out.push({ rules, reason, span: [start, end], text: r.text })
  }
  return out
}

/** True when `text` of a Word comment is a planlint suppression (draft-residue leaves those to this module). */
export function isSuppressionComment(text: string): boolean {
  return COMMENT_KEYWORD.test(text)
}

function applyWordComments(
  messages: LintMessage[],
  comments: CommentDirective[],
  known: ReadonlySet<string>,
  locate: Locate,
  checks: DirectiveChecks,
): SuppressOutput {
  const problems: LintMessage[] = []
  const used = comments.map(() => new Set<string>())
  const valid = comments.map((c) => {
    const ok = c.rules.filter((r) => {
      if (known.has(r)) return true
      problems.push(directiveProblem(locate, c.span, 1, 'unknownRule', `批注“${short(c.text)}”中的规则「${r}」不存在`))
      return false
    })
    if (checks.noReason && c.reason === '') {
      problems.push(directiveProblem(locate, c.span, checks.noReason, 'missingReason', `批注“${short(c.text)}”没有写理由：请在规则后写明为什么忽略`))
    }
    return ok
  })
  const kept: LintMessage[] = []
  const suppressed: SuppressedMessage[] = []
  for (const m of messages) {
    const i = m.fatal || m.ruleId === null ? -1 : comments.findIndex((c, j) => covers(c, valid[j]!, m))
    if (i === -1) {
      kept.push(m)
      continue
    }
    used[i]!.add(valid[i]!.length ? m.ruleId! : '*')
    suppressed.push({ ...m, suppressions: [{ kind: 'wordComment', justification: comments[i]!.reason }] })
  }
  const unused = checks.unused
  if (unused) {
    comments.forEach((c, i) => {
      if (c.rules.length > 0 && valid[i]!.length === 0) return
      for (const r of valid[i]!.length ? valid[i]! : ['*']) {
        if (used[i]!.has(r)) continue
        const what = r === '*' ? '所批注的文字没有任何问题' : `所批注的文字没有规则「${r}」的问题`
        problems.push(directiveProblem(locate, c.span, unused, 'unusedDirective', `批注“${short(c.text)}”没有起作用：${what}`))
      }
    })
  }
  return { messages: problems.length ? [...kept, ...problems].sort(compareMessages) : kept, suppressed }
}

/** The comment names the message's rule (or none = all) and its span touches the finding. */
function covers(c: CommentDirective, rules: string[], m: LintMessage): boolean {
  if (c.rules.length > 0 && !rules.includes(m.ruleId!)) return false
  const [s, e] = c.span
  return m.range[0] <= e && m.range[1] >= s
}

function short(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim()
  return t.length > 40 ? t.slice(0, 40) + '…' : t
}

const SPACE = /\s+/g

function applyExemptions(text: string, messages: LintMessage[], exemptions: RuleExemption[]): SuppressOutput {
  const kept: LintMessage[] = []
  const suppressed: SuppressedMessage[] = []
  for (const m of messages) {
    const e = m.fatal || m.ruleId === null ? undefined : exemptions.find((x) => exempts(x, m, text))
    if (e) suppressed.push({ ...m, suppressions: [{ kind: 'config', justification: e.reason }] })
    else kept.push(m)
  }
  return { messages: kept, suppressed }
}

function exempts(e: RuleExemption, m: LintMessage, text: string): boolean {
  if (e.rule !== m.ruleId) return false
  if (e.text !== undefined) {
    const flagged = text.slice(m.range[0], m.range[1])
    const want = e.text.replace(SPACE, '')
    const found = flagged.replace(SPACE, '')
    if (!found.includes(want) && !(m.actual ?? '').replace(SPACE, '').includes(want)) return false
  }
  if (e.sentence !== undefined) {
    if (!sentenceAround(text, m.range[0]).normalized.includes(e.sentence.replace(SPACE, ''))) return false
  }
  return true
}
