/**
 * The libraries of the Word adapters (jszip, @xmldom/xmldom, mammoth, word-extractor),
 * loaded on first use: a run over .txt and .md files never loads them, and the CLI's
 * single-file build keeps them out of the code every run compiles.
 */
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const loaded = new Map<string, unknown>()

function load<T>(name: string): T {
  let lib = loaded.get(name)
  if (lib === undefined) loaded.set(name, (lib = require(name)))
  return lib as T
}

export const xmldom = (): typeof import('@xmldom/xmldom') => load('@xmldom/xmldom')
export const jszip = (): typeof import('jszip') => load('jszip')
export const mammoth = (): typeof import('mammoth') => load('mammoth')
/** The WordExtractor class (the package's `module.exports`). */
export const wordExtractor = (): typeof import('word-extractor').default => load('word-extractor')
