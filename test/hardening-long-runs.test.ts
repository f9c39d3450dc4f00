/**
 * Hardening, through the real CLI: work stays linear in a long run of white space, or of one
 * punctuation mark or digit, inside a line. A pattern with `\s*` at its front tried at every position, two `\s*` side by side
 * (`\s*[”"]?\s*`), or `[\s*]+$` on a whole paragraph takes time quadratic in such a run: a
 * 205 KB draft with one line of 200,000 spaces took 35 s, the same with 60,000 ideographic
 * spaces after a count (`5　…　项`) or a dash (`——　…`) over 8 s. Each file here has 38 runs of
 * 150,000 white-space characters around the phrases those patterns look for (under the 20 MB
 * input limit); linear, a file takes seconds — quadratic, many minutes (the timeout fails it).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { root, runCliAsync } from './helpers/cli.js'

const draft = fs.readFileSync(path.join(root, 'examples/draft.txt'), 'utf8')
const RUN = 150_000
let dir: string

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-hardening-ws-'))
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/** Phrases the plan reader and the rules look for, each after and before a long run. */
const PHRASES = [
  '到 2025年，全区公民具备科学素质的比例达到15%。', // target years
  '“十四五”期间，每年开展科普活动。',
  '5', // a count: `5　…　项提升行动`
  '项提升行动',
  '——', // a page number: `——　…　5　——`
  '开展“科普', // a quotation left open at the end of a paragraph
  '一、主要目标', // a heading
  '（牵头单位：区科协）',
  '国发〔2021〕', // a document number: `〔2021〕　…　9号`
  '9号',
  '— ', // a page number inside a line: `— 　…　5　…　—`
  '5',
  '—',
]

describe('long runs of white space inside a line', () => {
  for (const [name, space] of [
    ['spaces', ' '],
    ['ideographic spaces', '\u3000'],
    ['tabs', '\t'],
    ['no-break spaces', '\u00a0'],
  ] as const) {
    it(`lint in linear time: ${name}`, async () => {
      const run = space.repeat(RUN)
      const file = path.join(dir, `${name.replace(/ /g, '-')}.txt`)
      fs.writeFileSync(file, `${draft}\n${PHRASES.map((p) => `${run}${p}${run}`).join('\n')}\n${PHRASES.join(run)}\n`)
      // the default report: messages are put on one line (a message may quote a run)
      const r = await runCliAsync([file, '-o', `${file}.out`], { cwd: dir })
      expect(r.status, r.stderr).toBeLessThan(2)
      expect(r.stderr).not.toMatch(/内部错误|\n\s+at /)
      // the draft's own findings are still there: the run did not stop the lint
      expect(fs.readFileSync(`${file}.out`, 'utf8')).toMatch(/共 \d+ 个问题/)
    }, 120_000)
  }
})

describe('long runs of one character inside a line', () => {
  it('lint in linear time: colons in a heading, digits in a target, role words and semicolons after a unit', async () => {
    // each was quadratic: `[。．.：:]+$` on a title, a percentage tried at every digit of a run,
    // `(等|牵头|…)+$` and `[。；;]+$` on a unit list (100,000 digits took 13 s, colons 7 s)
    const n = 400_000
    const file = path.join(dir, 'runs.txt')
    fs.writeFileSync(
      file,
      `${draft}\n（一）${'：'.repeat(n)}x\n一、主要目标\n到2025年，比例达到${'1'.repeat(n)}x\n` +
        `牵头单位：区科协${'等'.repeat(n)}\n牵头单位：区科协${'；'.repeat(n)}x\n责任单位：区教育局${'。'.repeat(n)}x\n`,
    )
    const r = await runCliAsync([file, '-o', `${file}.out`], { cwd: dir })
    expect(r.status, r.stderr).toBeLessThan(2)
    expect(r.stderr).not.toMatch(/内部错误|\n\s+at /)
    expect(fs.readFileSync(`${file}.out`, 'utf8')).toMatch(/共 \d+ 个问题/)
  }, 120_000)
})
