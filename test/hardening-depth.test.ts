/**
 * Hardening (issue 12, item 4), through the real CLI: no recursion whose depth grows with
 * the input. Deeply nested input of every kind — brackets in the text, heading marks,
 * numbering levels, tables in tables and links in links in a .docx, nested YAML in a
 * config or preset, nested JSON in a cache or suppressions file — either lints or gets one
 * clear line and exit 2, never "Maximum call stack size exceeded" or a stack trace.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectOneLineFailure, root, runCli, type Run } from './helpers/cli.js'

const draft = fs.readFileSync(path.join(root, 'examples/draft.txt'), 'utf8')
const formats = path.join(root, 'test/fixtures/formats')
const DEEP = 100_000
let dir: string

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-hardening-depth-'))
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const cli = (args: string[]) => runCli(args, { cwd: dir })

/** Linted to the end: findings or none, no internal error, no stack. */
function expectLinted(r: Run): void {
  expect(r.status, r.stderr).toBeLessThan(2)
  expect(r.stderr).not.toMatch(/call stack|内部错误|\n\s+at /)
}

/** residue.docx with `body` put at the start of its document body (or `part` replaced). */
async function docxWith(name: string, body: string, part?: { name: string; xml: string }): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(path.join(formats, 'residue.docx')))
  const xml = await zip.file('word/document.xml')!.async('string')
  zip.file('word/document.xml', xml.replace('<w:body>', `<w:body>${body}`))
  if (part) zip.file(part.name, part.xml)
  const file = path.join(dir, name)
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))
  return file
}

const nestedTables = (n: number, inner: string) => '<w:tbl><w:tr><w:tc>'.repeat(n) + inner + '</w:tc></w:tr></w:tbl>'.repeat(n) + '<w:p/>'
const cell = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`

describe('item 4: deep input in the text', () => {
  it(`${DEEP.toLocaleString('en-US')} nested brackets of every kind lint (and fix) without overflow`, () => {
    fs.writeFileSync(path.join(dir, 'brackets.txt'), `${draft}\n${'（'.repeat(DEEP)}科学${'）'.repeat(DEEP)}。\n${'《“（【'.repeat(DEEP / 4)}科学${'】）”》'.repeat(DEEP / 4)}。\n`)
    expectLinted(cli(['brackets.txt', '--format', 'json', '-o', 'brackets.json']))
    // never closed: paired-punctuation reports the first ones and counts the rest
    fs.writeFileSync(path.join(dir, 'open.txt'), `${draft}\n${'（《“'.repeat(DEEP / 3)}科学。\n`)
    expectLinted(cli(['open.txt', '--format', 'json', '-o', 'open.json']))
    expect(fs.readFileSync(path.join(dir, 'open.json'), 'utf8')).toContain('paired-punctuation')
    fs.writeFileSync(path.join(dir, 'fix.txt'), `${draft}\n${'(（'.repeat(DEEP / 2)}科学${'）)'.repeat(DEEP / 2)}。\n`)
    expectLinted(cli(['fix.txt', '--fix']))
  }, 300_000)

  it(`a heading of ${DEEP.toLocaleString('en-US')} # marks and 1,000 levels of 1.1.1… numbering lint`, () => {
    fs.writeFileSync(path.join(dir, 'marks.md'), `${'#'.repeat(DEEP)} 标题\n${draft}`)
    expectLinted(cli(['marks.md']))
    const levels = Array.from({ length: 1000 }, (_, i) => `${Array(i + 1).fill(1).join('.')} 小标题`).join('\n')
    fs.writeFileSync(path.join(dir, 'levels.txt'), `${draft}\n${levels}\n`)
    expectLinted(cli(['levels.txt']))
    expectLinted(cli(['explain', 'levels.txt']))
  }, 300_000)
})

describe('item 4: deep .docx', () => {
  it(`${DEEP.toLocaleString('en-US')} tables nested in one another: refused at once, naming the limit`, async () => {
    await docxWith('tables.docx', nestedTables(DEEP, cell('深')))
    expectOneLineFailure(cli(['tables.docx']), 'tables.docx', 'word/document.xml', '256 层的上限')
    expectOneLineFailure(cli(['annotate', 'tables.docx']), 'tables.docx', '256 层的上限')
  })

  it(`${DEEP.toLocaleString('en-US')} links nested in one paragraph, and a deep styles.xml: refused`, async () => {
    await docxWith('links.docx', `<w:p>${'<w:hyperlink>'.repeat(DEEP)}<w:r><w:t>深</w:t></w:r>${'</w:hyperlink>'.repeat(DEEP)}</w:p>`)
    expectOneLineFailure(cli(['links.docx']), 'links.docx', '256 层的上限')
    const styles = `<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${'<w:style>'.repeat(DEEP)}${'</w:style>'.repeat(DEEP)}</w:styles>`
    await docxWith('styles.docx', '', { name: 'word/styles.xml', xml: styles })
    expectOneLineFailure(cli(['styles.docx']), 'styles.docx', 'word/styles.xml', '256 层的上限')
  })

  it('markup inside comments or attribute values does not count, and does not hide real depth', async () => {
    // "</w:p>" in a comment must not cancel real nesting; ">" in an attribute value is not a tag end
    const hidden = `<!-- ${'</w:tc></w:tr></w:tbl>'.repeat(400)} -->` + nestedTables(100, cell('深'))
    await docxWith('hidden.docx', hidden)
    expectOneLineFailure(cli(['hidden.docx']), 'hidden.docx', '256 层的上限')
    await docxWith('attr.docx', '<w:p><w:r><w:t xml:space="preserve" w:x="a>b/">文字</w:t></w:r></w:p>')
    expectLinted(cli(['attr.docx']))
  })

  it('tables nested 20 deep (under the limit) are read, the innermost text included, serially and with --jobs', async () => {
    await docxWith('nested-a.docx', nestedTables(20, cell('嵌套表格最里层的文字')))
    fs.copyFileSync(path.join(dir, 'nested-a.docx'), path.join(dir, 'nested-b.docx'))
    const r = cli(['nested-a.docx', '--format', 'json'])
    expectLinted(r)
    const [result] = JSON.parse(r.stdout) as [{ source: string }]
    expect(result.source).toContain('嵌套表格最里层的文字')
    const jobs = cli(['nested-a.docx', 'nested-b.docx', '--jobs', '2', '--format', 'json'])
    expectLinted(jobs)
    expect((JSON.parse(jobs.stdout) as unknown[]).length).toBe(2)
    const annotated = cli(['annotate', 'nested-a.docx', '-o', 'nested-a.reviewed.docx'])
    expectLinted(annotated)
  }, 120_000)
})

describe('item 4: deep config, preset, cache and suppressions files', () => {
  const withConfig = (name: string, yaml: string) => {
    fs.mkdirSync(path.join(dir, name), { recursive: true })
    fs.writeFileSync(path.join(dir, name, 'planlint.config.yaml'), yaml)
    fs.writeFileSync(path.join(dir, name, 'plan.txt'), draft)
    return `${name}/plan.txt`
  }

  it('a config nested 100,000 deep (flow or block) is one clear YAML error', () => {
    const flow = withConfig('flow', `rules:\n  punctuation-width: [warn, ${'{a: '.repeat(DEEP)}1${'}'.repeat(DEEP)}]\n`)
    expectOneLineFailure(cli([flow]), 'planlint.config.yaml', '嵌套层数过多')
    const lists = withConfig('lists', `rules:\n  x: ${'['.repeat(DEEP)}${']'.repeat(DEEP)}\n`)
    expectOneLineFailure(cli([lists]), 'planlint.config.yaml', '嵌套层数过多')
    let block = 'rules:\n'
    for (let i = 0, indent = '  '; i < 2000; i++, indent += ' ') block += `${indent}k:\n`
    expectOneLineFailure(cli([withConfig('block', block)]), 'planlint.config.yaml', '嵌套层数过多')
  })

  it('a preset nested 100,000 deep is one clear YAML error', () => {
    fs.writeFileSync(path.join(dir, 'deep-preset.yaml'), `id: deep\nextends: national\npopulations: ${'['.repeat(DEEP)}${']'.repeat(DEEP)}\n`)
    fs.writeFileSync(path.join(dir, 'plan.txt'), draft)
    expectOneLineFailure(cli(['plan.txt', '--preset', './deep-preset.yaml']), 'deep-preset.yaml', '嵌套层数过多')
  })

  it('a cache file of JSON nested 100,000 deep is discarded with one warning and rebuilt', () => {
    fs.writeFileSync(path.join(dir, 'plan.txt'), draft)
    fs.writeFileSync(path.join(dir, '.planlintcache-deep'), '['.repeat(DEEP) + ']'.repeat(DEEP))
    const r = cli(['plan.txt', '--cache', '--cache-location', '.planlintcache-deep'])
    expect(r.status, r.stderr).toBeLessThan(2)
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(r.stderr).not.toMatch(/call stack|内部错误/)
    expect(fs.readFileSync(path.join(dir, '.planlintcache-deep'), 'utf8')).toMatch(/^\{/)
  })

  it('a suppressions file of JSON nested 100,000 deep is one clear line', () => {
    fs.writeFileSync(path.join(dir, 'plan.txt'), draft)
    fs.writeFileSync(path.join(dir, 'deep-suppressions.json'), `{"version":1,"files":{"plan.txt":${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}}}`)
    expectOneLineFailure(cli(['plan.txt', '--suppressions-location', 'deep-suppressions.json']), 'deep-suppressions.json', '格式不正确')
  })
})
