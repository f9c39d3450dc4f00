/**
 * An error the user can act on: the CLI prints `message` as one line and exits 2.
 * Never thrown for a finding in the linted document; only when planlint cannot run.
 */
import { printable } from './text/printable.js'

/** Marks a PlanlintError made by any copy of planlint (the CLI's separate bundles, a plugin's own). */
const BRAND = Symbol.for('planlint.PlanlintError')

export class PlanlintError extends Error {
  readonly [BRAND] = true
  /** Where the problem is (a file path, optionally with a path inside it). */
  readonly where?: string
  readonly exitCode = 2
  constructor(message: string, where?: string) {
    // A file name may hold a line break or an escape sequence: never passed on raw.
    super(where ? `${printable(where)}: ${message}` : message)
    this.name = 'PlanlintError'
    this.where = where
  }
}

export function isPlanlintError(e: unknown): e is PlanlintError {
  return e instanceof PlanlintError || (typeof e === 'object' && e !== null && (e as { [BRAND]?: unknown })[BRAND] === true)
}
