/**
 * Bulk suppressions in the editor, as the CLI applies them: `planlint-suppressions.json` in
 * the workspace folder (the CLI's default place, relative to where `planlint` runs) hides the
 * findings it lists, so the editor shows what `planlint` in that folder reports. The
 * "add to suppressions" action records one finding (its rule in its sentence) there.
 *
 * The file format and matching are the CLI's own (src/cli/bulk-suppressions.ts).
 */
import { existsSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import {
  DEFAULT_SUPPRESSIONS_FILE,
  applyBulkSuppressions,
  emptySuppressions,
  loadSuppressions,
  recordSuppressions,
  saveSuppressions,
  type BulkSuppressions,
} from '../cli/bulk-suppressions.js'
import { resultKeys } from '../engine/fingerprint.js'
import type { LintResult } from '../types.js'

export function suppressionsFile(workspaceRoot: string): string {
  return join(workspaceRoot, DEFAULT_SUPPRESSIONS_FILE)
}

let cache: { file: string; mtimeMs: number; data: BulkSuppressions } | undefined

function load(file: string): BulkSuppressions | undefined {
  if (!existsSync(file)) return undefined
  const mtimeMs = statSync(file).mtimeMs
  if (cache && cache.file === file && cache.mtimeMs === mtimeMs) return cache.data
  const data = loadSuppressions(file, file)
  cache = { file, mtimeMs, data }
  return data
}

/** The result with the findings the workspace's suppressions file lists moved out. */
export function withBulkSuppressions(result: LintResult, workspaceRoot: string | undefined): LintResult {
  if (!workspaceRoot || result.filePath.startsWith('<')) return result
  const file = suppressionsFile(workspaceRoot)
  const data = load(file)
  return data ? applyBulkSuppressions([result], data, dirname(file))[0]! : result
}

/**
 * Records the finding at `range` (offsets in the linted text) of rule `ruleId` — with every
 * finding of that rule in the same sentence, as the file counts them — and writes the file.
 * Returns false when no such finding is in `result`.
 */
export function addToSuppressions(result: LintResult, ruleId: string, range: [number, number], workspaceRoot: string): boolean {
  const target = result.messages.find((m) => m.ruleId === ruleId && m.range[0] === range[0] && m.range[1] === range[1])
  if (!target || target.fatal) return false
  const keys = resultKeys(result)
  const hash = keys.get(target)!.sentenceHash
  const same = result.messages.filter((m) => m.ruleId === ruleId && keys.get(m)?.sentenceHash === hash)
  const file = suppressionsFile(workspaceRoot)
  const data = existsSync(file) ? loadSuppressions(file, file) : emptySuppressions()
  // The already suppressed ones of that sentence count too, so the entry grows to cover all.
  const bulk = (result.suppressedMessages ?? []).filter((m) => m.ruleId === ruleId && m.suppressions.some((s) => s.kind === 'bulk'))
  recordSuppressions([{ ...result, messages: same, suppressedMessages: bulk }], data, dirname(file), new Set([ruleId]))
  saveSuppressions(file, data)
  cache = undefined
  return true
}
