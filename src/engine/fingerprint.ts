/**
 * Identities of findings that survive editing elsewhere: a finding is known by its rule, the
 * sentence it sits in (white space, outline numbering and directive comments removed) and
 * its occurrence among the rule's findings in that sentence — never by its line. Used by
 * the bulk-suppressions file, `planlint diff` and SARIF's `partialFingerprints`, so that
 * inserting a paragraph, renumbering headings or moving a paragraph keeps every key.
 */
import { createHash } from 'node:crypto'
import type { LintMessage } from './types.js'
import { SENTENCE_ENDS } from '../lexicon/index.js'

/** How far a sentence is followed from the finding in each direction (keeps the work linear). */
const REACH = 300
const END = new RegExp(`[${SENTENCE_ENDS}\\n]`)
const MARKER = /^(?:第[一二三四五六七八九十百零〇两]+[部分章节条]、?|[一二三四五六七八九十百]+[、．.]|[（(][一二三四五六七八九十百]+[）)]|\d+[、．.](?!\d)|[（(]\d+[）)]|[①-⑳])/
const COMMENT = /<!--[\s\S]*?-->/g
const SPACE = /\s+/g

export interface SentenceSpan {
  start: number
  end: number
  /** The sentence as compared: no white space, outline marker or directive comment. */
  normalized: string
}

/** The sentence holding `offset` (ending at 。！？； or a line end), normalised. */
export function sentenceAround(text: string, offset: number): SentenceSpan {
  const at = Math.min(Math.max(offset, 0), text.length)
  let start = at
  const lo = Math.max(0, at - REACH)
  while (start > lo && !END.test(text[start - 1]!)) start--
  let end = at
  const hi = Math.min(text.length, at + REACH)
  while (end < hi && !END.test(text[end]!)) end++
  if (end < text.length && text[end] !== '\n') end++
  return { start, end, normalized: normalizeSentence(text.slice(start, end)) }
}

/** White space, directive comments and a leading outline marker (一、 （二） 3. （4）) removed. */
export function normalizeSentence(sentence: string): string {
  const plain = sentence.replace(COMMENT, '').replace(SPACE, '').replace(/^[#*>]+/, '')
  return plain.replace(MARKER, '')
}

export interface FindingKey {
  /** The rule id, or `planlint` for messages without one. */
  ruleId: string
  /** The normalised sentence (for people reading a suppressions file or a diff). */
  sentence: string
  /** sha-256 of rule + sentence, hex (16 characters). */
  sentenceHash: string
  /** 0 for the rule's first finding in that sentence, 1 for the second, … */
  occurrence: number
  /** sha-256 of rule + sentence + occurrence, hex (32 characters): SARIF's partial fingerprint. */
  fingerprint: string
}

function sha(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex')
}

/** The key of each message (same order). `text` is the linted text; without it the message text stands in for the sentence. */
export function findingKeys(text: string | undefined, messages: readonly LintMessage[]): FindingKey[] {
  const seen = new Map<string, number>()
  return messages.map((m) => {
    const ruleId = m.ruleId ?? 'planlint'
    const sentence = text === undefined ? normalizeSentence(m.message) : sentenceAround(text, m.range?.[0] ?? 0).normalized
    const sentenceHash = sha(ruleId, sentence).slice(0, 16)
    const n = seen.get(sentenceHash) ?? 0
    seen.set(sentenceHash, n + 1)
    return { ruleId, sentence, sentenceHash, occurrence: n, fingerprint: sha(ruleId, sentence, String(n)).slice(0, 32) }
  })
}

/**
 * The key of every message of a result, reported or suppressed, counted together in text
 * order so that suppressing one finding never changes another's occurrence number.
 */
export function resultKeys(result: { source?: string; messages: readonly LintMessage[]; suppressedMessages?: readonly LintMessage[] }): Map<LintMessage, FindingKey> {
  const all = [...result.messages, ...(result.suppressedMessages ?? [])]
  all.sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0) || (a.range?.[1] ?? 0) - (b.range?.[1] ?? 0))
  const keys = findingKeys(result.source, all)
  return new Map(all.map((m, i) => [m, keys[i]!]))
}
