import { expect } from 'vitest'
import { PlanlintError } from '../../src/errors.js'

/** The PlanlintError thrown by fn; fails when fn does not throw one, or when it spans lines. */
export function errorOf(fn: () => unknown): string {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(PlanlintError)
    const msg = (e as Error).message
    expect(msg).not.toContain('\n')
    return msg
  }
  throw new Error('expected a PlanlintError')
}
