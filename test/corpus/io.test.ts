/** A whole real plan (leping.txt) saved as GB18030 reads back exactly (corpus suite; npm test does
 * the same with the project's own plans in test/io.test.ts). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import iconv from 'iconv-lite'
import { afterAll, expect, it } from 'vitest'
import { readSource } from '../../src/io/index.js'
import { readCorpus } from './corpus.js'

const dir = mkdtempSync(path.join(os.tmpdir(), 'planlint-corpus-io-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

it('reads a whole corpus plan saved as GB18030 back exactly', async () => {
  const text = readCorpus('leping')
  const file = path.join(dir, 'leping-gb.txt')
  writeFileSync(file, iconv.encode(text, 'gb18030'))
  const s = await readSource(file)
  expect(s.encoding).toBe('gb18030')
  expect(s.text).toBe(text)
})
