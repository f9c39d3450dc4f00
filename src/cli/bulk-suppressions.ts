/**
 * Bulk suppressions (a baseline), after ESLint 9's: `--suppress-all` / `--suppress-rule <id>`
 * record today's findings in `planlint-suppressions.json` (or `--suppressions-location`), a
 * later run reports only findings not in it, and `--prune-suppressions` drops entries that no
 * longer occur. Entries are keyed on file + rule + the normalised sentence the finding is in,
 * with a count (the occurrences in that sentence) — never on line numbers, so editing
 * elsewhere, renumbering or moving a paragraph keeps them.
 *
 *   { "version": 1,
 *     "files": { "drafts/方案.txt": { "outdated-unit-names": [
 *        { "sentence": "依托老年大学…", "hash": "3f…", "count": 1, "reason": "" } ] } } }
 *
 * File paths are relative to the suppressions file's folder, with forward slashes. `reason`
 * may be filled in by hand; it becomes the suppressed findings' justification.
 */
import fs from 'node:fs'
import path from 'node:path'
import { makeResult } from '../engine/lint-core.js'
import { resultKeys } from '../engine/fingerprint.js'
import { PlanlintError } from '../errors.js'
import type { LintResult, SuppressedMessage } from '../types.js'
import { writeFileAtomic } from './write.js'
import { BoundedReadError, readRegularTextSync } from '../io/read-bounded.js'

/** A suppressions file lists findings by hash: tens of MB would be millions of them. */
const MAX_SUPPRESSIONS_BYTES = 64 * 1024 * 1024

export const DEFAULT_SUPPRESSIONS_FILE = 'planlint-suppressions.json'

export interface BulkEntry {
  /** The normalised sentence, for a person reading the file (the hash is what matches). */
  sentence: string
  hash: string
  count: number
  reason?: string
}

export interface BulkSuppressions {
  version: 1
  files: Record<string, Record<string, BulkEntry[]>>
}

/** Longest sentence written into the file (the hash covers the whole sentence). */
const SHOWN = 80

export function emptySuppressions(): BulkSuppressions {
  return { version: 1, files: {} }
}

/** Reads the file; a missing file is an empty one; anything malformed is one clear error. */
export function loadSuppressions(file: string, display: string): BulkSuppressions {
  let raw: string
  try {
    // a regular file of bounded size only: a FIFO or /dev/zero named here must not hang the run
    raw = readRegularTextSync(file, { what: '批量忽略文件', maxBytes: MAX_SUPPRESSIONS_BYTES })
  } catch (e) {
    if (e instanceof BoundedReadError && e.kind === 'not-found') return emptySuppressions()
    throw new PlanlintError(e instanceof BoundedReadError ? e.message.slice(e.message.indexOf(': ') + 2) : '无法读取批量忽略文件', display)
  }
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch {
    throw new PlanlintError('批量忽略文件不是有效的 JSON（可删除后用 --suppress-all 重新生成）', display)
  }
  const bad = (where: string) => new PlanlintError(`${where} 格式不正确，应为 planlint --suppress-all 写出的格式`, display)
  if (!isObject(data) || data.version !== 1 || !isObject(data.files)) throw bad('批量忽略文件')
  const files: BulkSuppressions['files'] = Object.create(null)
  for (const [f, rules] of Object.entries(data.files)) {
    if (!isObject(rules)) throw bad(`files["${f}"]`)
    const byRule: Record<string, BulkEntry[]> = Object.create(null)
    for (const [rule, entries] of Object.entries(rules)) {
      if (!Array.isArray(entries)) throw bad(`files["${f}"]["${rule}"]`)
      byRule[rule] = entries.map((e, i) => {
        if (!isObject(e) || typeof e.hash !== 'string' || !Number.isInteger(e.count) || (e.count as number) < 1) {
          throw bad(`files["${f}"]["${rule}"][${i}]`)
        }
        return {
          sentence: typeof e.sentence === 'string' ? e.sentence : '',
          hash: e.hash,
          count: e.count as number,
          ...(typeof e.reason === 'string' && e.reason !== '' ? { reason: e.reason } : {}),
        }
      })
    }
    files[f] = byRule
  }
  return { version: 1, files }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** The key of a linted file inside the suppressions file. */
export function fileKey(filePath: string, base: string): string {
  return path.relative(base, path.resolve(filePath)).split(path.sep).join('/')
}

/** Removes the findings the file lists from each result (into its suppressedMessages) and recounts. */
export function applyBulkSuppressions(results: LintResult[], data: BulkSuppressions, base: string): LintResult[] {
  return results.map((r) => {
    if (r.filePath.startsWith('<')) return r
    const rules = data.files[fileKey(r.filePath, base)]
    if (!rules || r.messages.length === 0) return r
    const left = new Map<string, { count: number; reason: string }>()
    for (const [rule, entries] of Object.entries(rules)) {
      for (const e of entries) left.set(`${rule}\u0000${e.hash}`, { count: e.count, reason: e.reason ?? '' })
    }
    const keys = resultKeys(r)
    const kept = []
    const suppressed: SuppressedMessage[] = []
    for (const m of r.messages) {
      const k = keys.get(m)!
      const entry = m.fatal || m.ruleId === null ? undefined : left.get(`${k.ruleId}\u0000${k.sentenceHash}`)
      if (entry && entry.count > 0) {
        entry.count--
        suppressed.push({ ...m, suppressions: [{ kind: 'bulk', justification: entry.reason }] })
      } else kept.push(m)
    }
    if (suppressed.length === 0) return r
    const all = [...(r.suppressedMessages ?? []), ...suppressed].sort((a, b) => a.line - b.line || a.column - b.column)
    return {
      ...makeResult(r.filePath, kept, {
        ...(r.output !== undefined ? { output: r.output } : {}),
        ...(r.source !== undefined ? { source: r.source } : {}),
        ...(r.preset !== undefined ? { preset: r.preset } : {}),
      }),
      suppressedMessages: all,
    }
  })
}

/** Occurrences per rule and sentence hash of the findings in `r` (reported and bulk-suppressed), for `rules` (undefined = all). */
function occurrences(r: LintResult, rules: ReadonlySet<string> | undefined): Map<string, Map<string, BulkEntry>> {
  const keys = resultKeys(r)
  const out = new Map<string, Map<string, BulkEntry>>()
  const bulk = (r.suppressedMessages ?? []).filter((m) => m.suppressions.some((s) => s.kind === 'bulk'))
  for (const m of [...r.messages, ...bulk]) {
    if (m.fatal || m.ruleId === null || (rules && !rules.has(m.ruleId))) continue
    const k = keys.get(m)!
    let byHash = out.get(k.ruleId)
    if (!byHash) out.set(k.ruleId, (byHash = new Map()))
    const e = byHash.get(k.sentenceHash)
    if (e) e.count++
    else byHash.set(k.sentenceHash, { sentence: shown(k.sentence), hash: k.sentenceHash, count: 1 })
  }
  return out
}

function shown(sentence: string): string {
  const chars = [...sentence]
  return chars.length > SHOWN ? chars.slice(0, SHOWN).join('') + '…' : sentence
}

/**
 * `--suppress-all` / `--suppress-rule`: adds today's findings (of `rules`, or all) to `data`.
 * An entry already there keeps its reason and grows to today's count. Returns how many
 * findings are now suppressed that were not.
 */
export function recordSuppressions(results: LintResult[], data: BulkSuppressions, base: string, rules?: ReadonlySet<string>): number {
  let added = 0
  for (const r of results) {
    if (r.filePath.startsWith('<')) continue
    const found = occurrences(r, rules)
    if (found.size === 0) continue
    const key = fileKey(r.filePath, base)
    const byRule = (data.files[key] ??= Object.create(null) as Record<string, BulkEntry[]>)
    for (const [rule, hashes] of found) {
      const entries = (byRule[rule] ??= [])
      for (const e of hashes.values()) {
        const old = entries.find((x) => x.hash === e.hash)
        if (!old) {
          entries.push({ ...e, reason: '' })
          added += e.count
        } else if (old.count < e.count) {
          added += e.count - old.count
          old.count = e.count
        }
      }
    }
  }
  return added
}

/** `--prune-suppressions`: entries of the linted files that no longer occur shrink or go. Returns how many suppressions were dropped. */
export function pruneSuppressions(results: LintResult[], data: BulkSuppressions, base: string): number {
  let dropped = 0
  for (const r of results) {
    if (r.filePath.startsWith('<')) continue
    const key = fileKey(r.filePath, base)
    const byRule = data.files[key]
    if (!byRule) continue
    const found = occurrences(r, undefined)
    for (const [rule, entries] of Object.entries(byRule)) {
      const now = found.get(rule)
      const kept: BulkEntry[] = []
      for (const e of entries) {
        const n = Math.min(e.count, now?.get(e.hash)?.count ?? 0)
        dropped += e.count - n
        if (n > 0) kept.push({ ...e, count: n })
      }
      if (kept.length) byRule[rule] = kept
      else delete byRule[rule]
    }
    if (Object.keys(byRule).length === 0) delete data.files[key]
  }
  return dropped
}

/** Suppressions in `data` for the linted files that matched nothing in this run. */
export function unusedSuppressions(results: LintResult[], data: BulkSuppressions, base: string): number {
  let unused = 0
  for (const r of results) {
    if (r.filePath.startsWith('<')) continue
    const byRule = data.files[fileKey(r.filePath, base)]
    if (!byRule) continue
    const found = occurrences(r, undefined)
    for (const [rule, entries] of Object.entries(byRule)) {
      for (const e of entries) unused += Math.max(0, e.count - (found.get(rule)?.get(e.hash)?.count ?? 0))
    }
  }
  return unused
}

/** Writes the file atomically, files and rules in a stable order (so it diffs well in version control). */
export function saveSuppressions(file: string, data: BulkSuppressions): void {
  const files: BulkSuppressions['files'] = {}
  for (const f of Object.keys(data.files).sort()) {
    const rules: Record<string, BulkEntry[]> = {}
    for (const rule of Object.keys(data.files[f]!).sort()) rules[rule] = data.files[f]![rule]!
    files[f] = rules
  }
  fs.mkdirSync(path.dirname(file), { recursive: true })
  writeFileAtomic(file, JSON.stringify({ version: 1, files }, null, 2) + '\n')
}
