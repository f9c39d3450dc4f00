/**
 * The three levels a finding can have, and how they are written on a message. ESLint's
 * `severity: 1 | 2` stays what ESLint's consumers read (2 error, 1 warning); a note at the
 * info level is severity 1 with `level: 'info'`, so a consumer that knows nothing of it shows
 * a warning, never an error. Every count, exit code and reporter asks these functions, not
 * the number.
 */
import type { Level, LintMessage } from './types.js'

const RANK: Record<Level, number> = { info: 0, warn: 1, error: 2 }

/** The level of a message (or of anything carrying `severity` and `level`). */
export function levelOf(m: Pick<LintMessage, 'severity' | 'level'> & { fatal?: boolean | undefined }): Level {
  if (m.fatal === true || m.severity === 2) return 'error'
  return m.level === 'info' ? 'info' : 'warn'
}

export function isInfo(m: Pick<LintMessage, 'severity' | 'level'> & { fatal?: boolean | undefined }): boolean {
  return levelOf(m) === 'info'
}

/** The level a rule entry runs at. */
export function levelOfEntry(e: { severity: 1 | 2; level?: 'info' | undefined }): Level {
  return levelOf(e)
}

/** The fields a message at `level` carries: `{ severity: 2 }`, `{ severity: 1 }`, or `{ severity: 1, level: 'info' }`. */
export function messageLevel(level: Level): { severity: 1 | 2; level?: 'info' } {
  if (level === 'error') return { severity: 2 }
  return level === 'info' ? { severity: 1, level: 'info' } : { severity: 1 }
}

/** `wanted` when it is lower than `base`, else `base`: a message can only lower its rule's level. */
export function lowerOf(base: Level, wanted: Level | undefined): Level {
  return wanted !== undefined && RANK[wanted] < RANK[base] ? wanted : base
}
