/**
 * iconv-lite and jschardet, loaded on first use: only input that is not plain UTF-8 (or a
 * forced encoding, or a --fix written back in GB18030/UTF-16) needs them, so the common
 * case never pays for iconv-lite's tables or jschardet's models at start-up.
 */
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
let iconvLib: typeof import('iconv-lite') | undefined
let chardetLib: typeof import('jschardet') | undefined

export function iconv(): typeof import('iconv-lite') {
  return (iconvLib ??= require('iconv-lite') as typeof import('iconv-lite'))
}

export function jschardet(): typeof import('jschardet') {
  return (chardetLib ??= require('jschardet') as typeof import('jschardet'))
}
