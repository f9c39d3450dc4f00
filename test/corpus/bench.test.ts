/**
 * The corpus `npm run bench` generates from the real plans is realistic: each plan is a
 * whole corpus plan re-labelled for a sibling place (numbering, leads, goals intact) with a
 * few planted mistakes, and gets findings in the tens as real drafts do. (The harness
 * itself is smoke-tested in test/bench.test.ts on the project's own plans.)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generate, type Generated } from '../../bench/generate.js'
import { lintText } from '../../src/index.js'
import { corpusDir, readCorpus } from './corpus.js'

const tmp = mkdtempSync(path.join(os.tmpdir(), 'planlint-bench-corpus-'))
let generated: Generated

beforeAll(() => {
  generated = generate({ corpusDir, plans: 8, smallDict: 20, largeDict: 40, seed: 7, outDir: tmp })
})

afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const plain = (f: string) => readFileSync(f, 'utf8').replace(/\r\n/g, '\n')

describe('bench corpus', () => {
  it('re-labels each corpus plan whole: same lines, another place, a few planted mistakes', () => {
    const nansha = readCorpus('nansha')
    const first = plain(generated.files[0]!)
    expect(first).not.toContain('南沙区')
    expect(first).toContain('番禺区')
    const a = nansha.split('\n')
    const b = first.split('\n')
    expect(b).toHaveLength(a.length)
    const changed = a.filter((line, i) => line !== b[i] && line.replaceAll('南沙', '番禺') !== b[i]).length
    expect(changed).toBeGreaterThan(0)
    expect(changed).toBeLessThanOrEqual(12)
    const leping = plain(generated.files[1]!)
    expect(leping).toContain('瑞昌市')
    expect(leping).toContain('九江市')
    expect(leping).not.toContain('乐平')
    expect(generated.planted).toBeGreaterThanOrEqual(8 * 3)
  })

  it('gives findings in the tens per plan, as real drafts do', () => {
    for (const f of generated.files) {
      const n = lintText(plain(f), { filePath: f }).messages.length
      expect(n).toBeGreaterThanOrEqual(10)
      expect(n).toBeLessThan(100)
    }
  })
})
