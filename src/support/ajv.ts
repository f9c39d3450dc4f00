/**
 * The one Ajv setup, for every JSON Schema planlint compiles: presets, unit dictionaries,
 * the config file, and rules' option schemas (built-in and plugin rules alike).
 *
 * - strict (`strictTuples` aside): a schema with an unknown keyword or a contradiction is an
 *   error, not silently half-applied — a rule whose options schema is wrong is refused with
 *   a message naming it;
 * - first error only (`allErrors: false`): work stays linear on hostile data, and a user is
 *   shown the one thing to fix first;
 * - verbose: errors carry the offending data and schema, from which the zh-CN messages are
 *   written;
 * - the `x-expected` annotation (zh-CN description of what a value should be);
 * - `code.source`, so a compiled validator can be kept as standalone code in the data cache.
 *
 * Ajv is loaded on first use: a run whose data files and validators are all cached never
 * loads it.
 */
import { createRequire } from 'node:module'
import type { Ajv } from 'ajv'

const require = createRequire(import.meta.url)
let ajv: Ajv | undefined

const OPTIONS = { allErrors: false, verbose: true, strict: true, strictTuples: false, code: { source: true } } as const
/** Names this setup in cache keys: a validator compiled under other options is not reused. */
export const AJV_SETUP = JSON.stringify(OPTIONS) + ' x-expected'

export function getAjv(): Ajv {
  if (!ajv) {
    const AjvClass = (require('ajv') as typeof import('ajv')).Ajv
    ajv = new AjvClass({ ...OPTIONS, code: { ...OPTIONS.code } })
    ajv.addKeyword({ keyword: 'x-expected', schemaType: 'string' })
  }
  return ajv
}

/** The installed Ajv's version ('' when unknown), for cache keys of compiled validators. */
export function ajvVersion(): string {
  try {
    return (require('ajv/package.json') as { version: string }).version
  } catch {
    return ''
  }
}

/** Ajv's standalone code of a validator compiled by `getAjv()`, or null when it cannot be expressed. */
export function standaloneCode(validate: import('ajv').ValidateFunction): string | null {
  try {
    const standalone = require('ajv/dist/standalone') as { default: (a: Ajv, v: import('ajv').ValidateFunction) => string }
    return standalone.default(getAjv(), validate)
  } catch {
    return null
  }
}
