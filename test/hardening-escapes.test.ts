/**
 * Hardening (issue 12, item 6), through the real CLI: file names and document text never
 * reach a terminal or a CI log raw — no escape sequence, no line break that starts a
 * GitHub workflow command — and `annotate` always writes well-formed XML.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { XMLValidator } from 'fast-xml-parser'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { root, runCli } from './helpers/cli.js'

const residue = fs.readFileSync(path.join(root, 'test/fixtures/cli/residue.txt'), 'utf8')
const hostileName = 'a\n::error file=x.txt,line=1::pwned\u001b[2J.txt'
const hostileText = residue.replace('[bookmark: _GoBack]', '[bookmark: \u001b[2J\u001b]0;pwned\u0007]') + '\n::error file=y::注入\n'
let dir: string

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-hardening-escapes-'))
  fs.writeFileSync(path.join(dir, hostileName), hostileText)
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const cli = (args: string[], input?: string) => runCli(args, { cwd: dir, ...(input !== undefined ? { input } : {}) })

/** No raw control character but line breaks, and no line that GitHub would run as a command (except the github format's own). */
function expectInert(out: string, ownCommands = false): void {
  expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/)
  const commands = out.split('\n').filter((l) => l.startsWith('::'))
  if (!ownCommands) expect(commands).toEqual([])
  else for (const c of commands) expect(c).toMatch(/^::(error|warning) file=a%0A%3A%3Aerror file=x\.txt%2Cline=1%3A%3Apwned\\u001b\[2J\.txt,line=\d+,/)
}

describe('item 6: escapes into terminals and CI', () => {
  it('stylish (the default) escapes file names and document text', () => {
    const r = cli([hostileName, '--no-color'])
    expect(r.status).toBe(1)
    expectInert(r.stdout)
    expect(r.stdout).toContain('a\\u000a::error file=x.txt,line=1::pwned\\u001b[2J.txt')
    expect(r.stdout).toContain('\\u001b[2J')
  })

  it('--stdin-filename is escaped the same way', () => {
    const r = cli(['-', '--stdin-filename', hostileName, '--no-color'], hostileText)
    expect(r.status).toBe(1)
    expectInert(r.stdout)
  })

  it('github output carries only its own commands', () => {
    const r = cli([hostileName, '--format', 'github'])
    expectInert(r.stdout, true)
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::')).length).toBeGreaterThan(0)
  })

  it('explain and --fix-dry-run never print document text raw', () => {
    const explained = cli(['explain', hostileName])
    expect(explained.status).toBe(0)
    expectInert(explained.stdout)
    const dry = cli([hostileName, '--fix-dry-run', '--no-color'])
    expectInert(dry.stdout)
    expect(dry.stdout).toContain('\\u001b[2J')
  })

  it('an error line about a hostile file name stays one inert line', () => {
    const r = cli([hostileName + '.missing'])
    expect(r.status).toBe(2)
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1)
    expectInert(r.stderr)
  })

  it('annotate writes well-formed XML even when the document holds &#x1b;', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(root, 'test/fixtures/formats/residue.docx')))
    const xml = await zip.file('word/document.xml')!.async('string')
    zip.file('word/document.xml', xml.replace('[bookmark: _GoBack]', '[bookmark: &#x1b;[2J]'))
    fs.writeFileSync(path.join(dir, 'esc.docx'), await zip.generateAsync({ type: 'nodebuffer' }))
    const r = cli(['annotate', 'esc.docx', '-o', 'esc.reviewed.docx'])
    expect(r.status, r.stderr).not.toBe(2)
    expectInert(r.stdout)
    const out = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'esc.reviewed.docx')))
    for (const part of ['word/document.xml', 'word/comments.xml']) {
      const text = await out.file(part)!.async('string')
      expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/)
      expect(XMLValidator.validate(text), part).toBe(true)
    }
  })
})

/**
 * Trojan Source: bidi embeddings/overrides/isolates and other invisible format characters
 * (zero-width space/joiner, LRM/RLM, BOM, tag characters) make a line read differently from
 * what it is. In every format a person reads they are shown as \uXXXX; only `json` (data for
 * programs) keeps the text exactly.
 */
describe('item 6: bidi and invisible format characters', () => {
  const INVISIBLE = /[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|\u{e0041}/u
  const bidiName = 'plan\u202etxt.exe\u2066\u200b.txt'
  const bidiText = residue.replace('[bookmark: _GoBack]', '[bookmark: \u202e\u2066evil\u2069\u200b\u200f\u{e0041}]')
  beforeAll(() => fs.writeFileSync(path.join(dir, bidiName), bidiText))

  it.each([
    ['stylish', ['--no-color']],
    ['github', ['--format', 'github']],
    ['junit', ['--format', 'junit']],
    ['gitlab', ['--format', 'gitlab']],
    ['sarif', ['--format', 'sarif']],
    ['rdjson', ['--format', 'rdjson']],
    ['html', ['--format', 'html']],
    ['--fix-dry-run', ['--fix-dry-run', '--no-color']],
  ])('%s shows them as \\uXXXX', (_name, args) => {
    const r = cli([bidiName, ...args])
    expect(r.status, r.stderr).toBe(1)
    expect(r.stdout).not.toMatch(INVISIBLE)
    expect(r.stderr).not.toMatch(INVISIBLE)
    // the finding that quotes the residue is there, with the characters named
    expect(r.stdout).toMatch(/\\{1,2}u202e/)
    expect(r.stdout).toMatch(/\\{1,2}u2066/)
  })

  it('explain shows them as \\uXXXX', () => {
    fs.writeFileSync(path.join(dir, 'bidi-task.txt'), residue.replace('弘扬科学精神', '弘扬\u202e科学\u2066精神'))
    const r = cli(['explain', 'bidi-task.txt'])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).not.toMatch(INVISIBLE)
    expect(r.stdout).toContain('\\u202e')
  })

  it('an error line about such a file name shows them too', () => {
    const r = cli([bidiName + '.missing'])
    expect(r.status).toBe(2)
    expect(r.stderr).not.toMatch(INVISIBLE)
    expect(r.stderr).toContain('plan\\u202etxt.exe\\u2066\\u200b.txt')
  })

  it('planlint diff (two drafts) shows them as \\uXXXX', () => {
    fs.writeFileSync(path.join(dir, 'old.txt'), residue)
    const r = cli(['diff', 'old.txt', bidiName, '--no-color'])
    expect(r.status, r.stderr).not.toBe(2)
    expect(r.stdout).not.toMatch(INVISIBLE)
    expect(r.stdout).toContain('\\u202e')
  })

  it('json keeps the document text exactly (it is data for programs)', () => {
    const r = cli([bidiName, '--format', 'json'])
    const [result] = JSON.parse(r.stdout) as [{ filePath: string; source?: string }]
    expect(result.filePath).toContain('\u202e')
  })
})
