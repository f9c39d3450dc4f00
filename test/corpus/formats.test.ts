/** The input-format fixtures (test/fixtures/formats/nansha.*) hold exactly the corpus plan nansha.txt,
 * so test/formats.test.ts, which cannot read the corpus, compares the formats with the real text. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import iconv from 'iconv-lite'
import { expect, it } from 'vitest'
import { corpusDir } from './corpus.js'

const fx = (name: string) => path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/formats', name)

it('the text fixtures of test/fixtures/formats are ../shared/corpus/nansha.txt, re-encoded', () => {
  const text = readFileSync(path.join(corpusDir, 'nansha.txt'), 'utf8')
  expect(readFileSync(fx('nansha.utf16le.txt')).subarray(2).toString('utf16le')).toBe(text)
  expect(iconv.decode(readFileSync(fx('nansha.gb18030.txt')), 'gb18030')).toBe(text)
})
