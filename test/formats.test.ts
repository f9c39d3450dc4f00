/**
 * One plan, every input format: the text of nansha.txt (a corpus plan, kept in
 * test/fixtures/formats/ in the encodings below) and the copies that
 * scripts/make-fixtures.mjs made of it with real tools (the `docx` package, LibreOffice,
 * iconv) give the same findings, and each finding points where the user looks — the line
 * in a text file, the Word paragraph in .docx/.doc, the page in a PDF.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lintFiles } from '../src/index.js'
import { readSource } from '../src/io/index.js'
import { readDocxDetailed } from '../src/io/docx.js'
import { bodyParagraphs, paragraphText } from '../src/io/ooxml.js'
import type { LintMessage, LintResult, SourceText } from '../src/types.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const fx = (name: string) => path.join(root, 'test/fixtures/formats', name)
// The reference .txt (UTF-8): the UTF-16LE fixture decoded by Node itself, not by planlint's
// reader, so npm test needs nothing outside the repository. test/corpus/formats.test.ts checks
// that it is exactly the corpus plan nansha.txt.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'planlint-formats-'))
const txtPath = path.join(tmp, 'nansha.txt')
writeFileSync(txtPath, readFileSync(fx('nansha.utf16le.txt')).subarray(2).toString('utf16le'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

/** Everything linted with the same (empty) config, so only the input format differs. */
async function lint(file: string): Promise<LintResult> {
  const [r] = await lintFiles([file], { config: {}, cwd: root })
  return r!
}

const key = (m: LintMessage) => `${m.ruleId}|${m.message}`
const where = (m: LintMessage) => `${key(m)}@${m.line}:${m.column}-${m.endLine}:${m.endColumn}`

let txt: LintResult
let txtSource: SourceText
beforeAll(async () => {
  txt = await lint(txtPath)
  txtSource = await readSource(txtPath)
  expect(txt.messages.length).toBeGreaterThan(10)
})

describe('the same plan in every format', () => {
  it.each([
    ['nansha.docx', 'docx'],
    ['nansha.doc', 'doc'],
    ['nansha.gb18030.txt', 'txt'],
    ['nansha.utf16le.txt', 'txt'],
    ['nansha.utf16be.txt', 'txt'],
  ])('%s reads back to the .txt exactly and gives the same findings at the same lines', async (name, format) => {
    const source = await readSource(fx(name))
    expect(source.format).toBe(format)
    // The Word table comes back as one line per row, cells joined by tabs.
    expect(source.text).toBe(txtSource.text)
    const r = await lint(fx(name))
    expect(r.messages.map(where)).toEqual(txt.messages.map(where))
  })

  it('reads the encodings it detected', async () => {
    expect((await readSource(fx('nansha.gb18030.txt'))).encoding).toBe('gb18030')
    expect((await readSource(fx('nansha.utf16le.txt'))).encoding).toBe('utf-16le')
    expect((await readSource(fx('nansha.utf16be.txt'))).encoding).toBe('utf-16be')
  })

  it('the 任务分工表 of the .docx is a real Word table and reaches the plan builder as table rows', async () => {
    const xml = readFileSync(fx('nansha.docx'))
    const { opened, source } = await readDocxDetailed(xml, fx('nansha.docx'))
    expect(opened.document.getElementsByTagNameNS('http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'tbl').length).toBeGreaterThan(3)
    const rows = source.text.split('\n').filter((l) => l.split('\t').length >= 3)
    expect(rows).toContain('\t1.将弘扬科学精神贯穿于育人全链条。\t区教育局\t区科协')
  })

  it('a text PDF gives the same findings except where the PDF layout lost the table rows', async () => {
    const pdf = await lint(fx('nansha.pdf'))
    const want = txt.messages.map(key)
    const got = pdf.messages.map(key)
    const missing = want.filter((k) => !got.includes(k))
    const extra = got.filter((k) => !want.includes(k))
    // Most findings are identical, message for message.
    expect(want.length - missing.length).toBeGreaterThanOrEqual(want.length * 0.9)
    // A PDF has no table, only text placed in columns; planlint puts a cell's wrapped lines
    // back into its row, but where a wrap cannot be told from a new row (a cell that ends
    // near its column edge, a row split by a page break), a row's text lands on a line of
    // its own. Then a task's 牵头单位 row is not matched (lead-unit on that task), a
    // wrapped 「2.…」 reads as a heading (heading-numbering), and the count of paragraphs in
    // punctuation-width's summary differs. No other rule may differ.
    const explained = (k: string) =>
      /^lead-unit\|任务「/.test(k) || /^heading-numbering\|/.test(k) || /^punctuation-width\|此后另有/.test(k)
    expect(missing.filter((k) => !explained(k))).toEqual([])
    expect(extra.filter((k) => !explained(k))).toEqual([])
    expect(missing.length + extra.length).toBeLessThanOrEqual(8)
  })
})

describe('locations where the user looks', () => {
  it('.docx: every finding names the Word paragraph that holds its text', async () => {
    const r = await lint(fx('nansha.docx'))
    const { opened } = await readDocxDetailed(readFileSync(fx('nansha.docx')), fx('nansha.docx'))
    const paragraphs = bodyParagraphs(opened.document).map((p) => paragraphText(p).text)
    expect(r.messages.length).toBeGreaterThan(10)
    for (const m of r.messages) {
      expect(m.location?.paragraph, where(m)).toBeGreaterThan(0)
      const found = r.source!.slice(m.range[0], Math.min(m.range[1], r.source!.indexOf('\n', m.range[0]) >>> 0))
      const snippet = found.split('\t')[0]!.slice(0, 8)
      if (snippet.trim() !== '') expect(paragraphs[m.location!.paragraph! - 1], where(m)).toContain(snippet)
    }
    // Paragraph numbers count the empty paragraphs and every table cell, as Word does.
    const first = r.messages[0]!
    expect(first.location!.paragraph).toBe(paragraphs.findIndex((p) => p === txtSource.text.split('\n')[first.line - 1]) + 1)
  })

  it('.doc: paragraph numbers agree with the same document saved as .docx', async () => {
    const doc = await lint(fx('nansha.doc'))
    const docx = await lint(fx('nansha.docx'))
    expect(doc.messages.map((m) => m.location?.paragraph)).toEqual(docx.messages.map((m) => m.location?.paragraph))
  })

  it('.pdf: every finding names the page its text is on', async () => {
    const { extractText, getDocumentProxy } = await import('unpdf')
    const pdfDoc = await getDocumentProxy(new Uint8Array(readFileSync(fx('nansha.pdf'))))
    const pages = (await extractText(pdfDoc, { mergePages: false })).text.map((t) => t.replace(/\s/g, ''))
    const r = await lint(fx('nansha.pdf'))
    let checked = 0
    for (const m of r.messages) {
      expect(m.location?.page, where(m)).toBeGreaterThan(0)
      const snippet = r.source!.slice(m.range[0], m.range[1]).replace(/\s/g, '').slice(0, 6)
      if (snippet.length < 2) continue
      expect(pages[m.location!.page! - 1], where(m)).toContain(snippet)
      checked++
    }
    expect(checked).toBeGreaterThan(3)
    expect(new Set(r.messages.map((m) => m.location!.page)).size).toBeGreaterThan(2)
  })

  it('text files keep line:column and no location', () => {
    for (const m of txt.messages) expect(m.location).toBeUndefined()
  })
})

describe('Word comments and tracked changes are reported, not dropped', () => {
  it('reads the text with insertions and without deletions or comment text', async () => {
    const s = await readSource(fx('residue.docx'))
    expect(s.text).toContain('（一）青少年科学素质提升行动。加强科学教育。')
    expect(s.text).not.toContain('删去的旧句子')
    expect(s.text).not.toContain('此处目标需要量化')
    expect(s.residue?.map((r) => [r.kind, r.text, r.author])).toEqual([
      ['comment', '此处目标需要量化', '审稿人'],
      ['insertion', '加强科学教育。', '审稿人'],
      ['deletion', '删去的旧句子。', '审稿人'],
    ])
  })

  it('draft-residue reports each at its place', async () => {
    const r = await lint(fx('residue.docx'))
    const found = r.messages.filter((m) => m.messageId?.startsWith('word')).map((m) => [m.messageId, m.line, m.column, m.endColumn, m.location?.paragraph])
    expect(found).toEqual([
      ['wordComment', 3, 8, 8, 3], // after 「到2025年，」, where the comment's range starts
      ['wordInsertion', 5, 16, 23, 5], // the inserted sentence itself
      ['wordDeletion', 5, 23, 23, 5], // where the deleted sentence was
    ])
    expect(r.messages.find((m) => m.messageId === 'wordComment')!.message).toContain('此处目标需要量化')
  })
})
