/**
 * Stylish on a terminal: through the real CLI in a pseudo-terminal (util-linux `script`, in
 * every Debian install) of 40, 80 and 120 columns, no line is wider than the terminal, each
 * finding's rule id stays on its first line, and long messages continue under the message
 * column. Off a terminal (a pipe) the report is what it always was: one line per finding.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { displayWidth } from '../src/reporters/width.js'
import { wrapToWidth } from '../src/reporters/wrap.js'
import fc from 'fast-check'
import { bin, runCli } from './helpers/cli.js'
import { plansDir } from './helpers/plans.js'

const files = ['wuhou-district-draft.txt', 'huadu-district.txt', 'fuliang-county.txt']
let tmp: string
let findings: { ruleId: string; line: number; column: number; message: string }[]

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-tty-'))
  for (const f of files) fs.copyFileSync(path.join(plansDir, f), path.join(tmp, f))
  const json = JSON.parse(runCli([...files, '--format', 'json'], { cwd: tmp }).stdout) as { messages: (typeof findings)[number][] }[]
  findings = json.flatMap((r) => r.messages)
  expect(findings.length).toBeGreaterThan(5)
})
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

/** planlint's stdout on a terminal of `columns` columns, as the user sees it (no colour, LF). */
function onTerminal(columns: number): string {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`
  const cmd = `stty cols ${columns} rows 60; exec ${quote(process.execPath)} ${quote(bin)} --no-color ${files.join(' ')}`
  const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd: tmp, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, TERM: 'xterm' } })
  expect(r.error, 'util-linux script is needed to run planlint in a pseudo-terminal').toBeUndefined()
  return r.stdout.replace(/\r/g, '')
}

describe('stylish on a terminal', () => {
  it.each([40, 80, 120])('%i columns: nothing wider, rule id on each finding’s first line, messages whole', (columns) => {
    const out = onTerminal(columns)
    const lines = out.split('\n')
    for (const l of lines) expect(displayWidth(l), `${columns}: ${l}`).toBeLessThanOrEqual(columns)
    for (const f of findings) {
      const first = lines.findIndex((l) => new RegExp(`^ +${f.line}:${f.column} +(错误|警告) `).test(l) && l.trimEnd().endsWith(f.ruleId))
      expect(first, `${f.line}:${f.column} ${f.ruleId} in\n${out}`).toBeGreaterThanOrEqual(0)
    }
    // Every message is there in full: its part of the first line plus the continuation lines.
    const rebuilt: string[] = []
    for (const l of lines) {
      const row = /^ +\d+:\d+ +(?:错误|警告) +(.*)$/.exec(l)
      if (row) {
        const rest = row[1]!.trimEnd()
        const id = findings.find((f) => rest.endsWith(f.ruleId))?.ruleId ?? ''
        rebuilt.push(rest === id ? '' : rest.slice(0, rest.length - id.length))
      } else if (/^ {4,}\S/.test(l) && rebuilt.length > 0) {
        rebuilt[rebuilt.length - 1] += l
      }
    }
    const squeeze = (t: string) => t.replace(/\s+/g, '')
    expect(rebuilt.map(squeeze)).toEqual(findings.map((f) => squeeze(f.message)))
  })

  it('80 columns: continuation lines start under the message column', () => {
    const lines = onTerminal(80).split('\n')
    const row = lines.findIndex((l) => /^ +42:3 +错误 +/.test(l))
    expect(row).toBeGreaterThanOrEqual(0)
    const messageColumn = displayWidth(/^ +42:3 +错误 +/.exec(lines[row]!)![0])
    expect(lines[row + 1]).toMatch(new RegExp(`^ {${messageColumn}}\\S`))
  })

  it('a wide terminal gives the same layout as a pipe when everything fits', () => {
    const wide = onTerminal(400)
    const piped = runCli(['--no-color', ...files], { cwd: tmp }).stdout
    expect(wide).toBe(piped)
  })
})

describe('off a terminal', () => {
  it('one line per finding however long, as before', () => {
    const out = runCli(['--no-color', ...files], { cwd: tmp }).stdout
    const rows = out.split('\n').filter((l) => /^ +\d+:\d+ +(错误|警告) /.test(l))
    expect(rows).toHaveLength(findings.length)
    expect(Math.max(...out.split('\n').map(displayWidth))).toBeGreaterThan(120)
  })
})

describe('wrapToWidth', () => {
  it('never exceeds the width and loses nothing but spaces at line ends', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'科学素质（），。「」“”、 ab12-—'), maxLength: 80 }), fc.integer({ min: 2, max: 40 }), (text, width) => {
        const lines = wrapToWidth(text, width)
        for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(width)
        expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''))
      }),
      { numRuns: 300 },
    )
  })

  it('keeps closing punctuation off a line start and opening punctuation off a line end', () => {
    expect(wrapToWidth('残留的页码行（来自页脚），应删除', 24)).toEqual(['残留的页码行（来自页', '脚），应删除'])
    expect(wrapToWidth('应使用一字线，写作「2021—2025」', 22)).toEqual(['应使用一字线，写作', '「2021—2025」'])
  })
})
