/**
 * Word, PDF and encoded inputs through the real CLI (`node bin/planlint.js`, dist/ built by
 * test/setup/build.ts), on copies of the fixtures in a temporary directory: bad files give
 * one clear zh-CN line and exit 2; folders, stdin, --encoding and --fix handle the formats.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectOneLineFailure as expectOneLine, runCli, type Run } from './helpers/cli.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'bin/planlint.js')
const fixtures = path.join(root, 'test/fixtures/formats')


let dir: string
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-formats-'))
  for (const f of fs.readdirSync(fixtures)) fs.copyFileSync(path.join(fixtures, f), path.join(dir, f))
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

function run(args: string[], input: string | Buffer = ''): Run {
  return runCli(args, { cwd: dir, input })
}

function expectOneLineFailure(r: Run, ...fragments: string[]): void {
  expectOneLine(r, ...fragments)
  expect(r.stdout).toBe('')
}

describe('bad Word, PDF and text files: one line, exit 2', () => {
  it.each([
    ['corrupt.docx', ['corrupt.docx: ', '已损坏', '截断']],
    ['renamed-doc.docx', ['renamed-doc.docx: ', 'Word 97-2003（.doc）', '扩展名改为 .doc']],
    ['encrypted.doc', ['encrypted.doc: ', '打开密码']],
    ['encrypted.pdf', ['encrypted.pdf: ', 'PDF 设置了打开密码']],
    ['scanned.pdf', ['scanned.pdf: ', '扫描图像', '没有文字层', 'OCR']],
  ])('%s', (name, fragments) => {
    expectOneLineFailure(run([name]), ...fragments)
  })

  it('an empty .docx, a zip that is no Word file, a .pdf that is text', () => {
    fs.writeFileSync(path.join(dir, 'empty.docx'), '')
    expectOneLineFailure(run(['empty.docx']), 'empty.docx: ', '文件为空')
    // A real zip (the .docx's own bytes are a zip) holding no word/document.xml: an .xlsx-like package.
    const zip = spawnSync('python3', ['-c', 'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1],"w"); z.writestr("xl/workbook.xml","<workbook/>"); z.close()', path.join(dir, 'sheet.docx')])
    expect(zip.status).toBe(0)
    expectOneLineFailure(run(['sheet.docx']), 'sheet.docx: ', '不是 Word 文档', 'word/document.xml')
    fs.writeFileSync(path.join(dir, 'text.pdf'), '这不是 PDF')
    expectOneLineFailure(run(['text.pdf']), 'text.pdf: ', '内容不是 PDF')
  })

  it('mojibake is never linted: Big5 and a UTF-8 file cut mid-character are refused', () => {
    const text = ['huadu-district', 'fuliang-county', 'wuhou-district-draft'].map((n) => fs.readFileSync(path.join(root, `test/fixtures/plans/${n}.txt`), 'utf8')).join('\n')
    fs.writeFileSync(path.join(dir, 'big5.txt'), iconv.encode(text, 'big5'))
    expectOneLineFailure(run(['big5.txt']), 'big5.txt: ', '编码存疑', 'Big5', '--encoding big5')
    // Latin-1 bytes in the middle of UTF-8 Chinese: not UTF-8, and not GB text either.
    const broken = Buffer.concat([Buffer.from(text.slice(0, 2000), 'utf8'), Buffer.from([0xe9, 0x20]), Buffer.from(text.slice(2000, 4000), 'utf8')])
    fs.writeFileSync(path.join(dir, 'broken.txt'), broken)
    expectOneLineFailure(run(['broken.txt']), 'broken.txt: ', '无法识别文件编码')
  })

  it('--encoding forces a decoding, and a wrong one is refused rather than linted', () => {
    const ok = run(['nansha.gb18030.txt', '--encoding', 'gb18030', '-f', 'json'])
    expect(ok.status, ok.stderr).toBe(1)
    expect(JSON.parse(ok.stdout)[0].messages.length).toBeGreaterThan(5)
    expectOneLineFailure(run(['nansha.gb18030.txt', '--encoding', 'utf-8']), 'nansha.gb18030.txt: ', '无效的 UTF-8')
    expectOneLineFailure(run(['nansha.gb18030.txt', '--encoding', 'klingon']), '不认识的编码')
  })
})

describe('formats through the CLI', () => {
  it('a folder is searched for .docx, .doc and .pdf too', () => {
    const sub = path.join(dir, 'drafts')
    fs.mkdirSync(path.join(sub, 'inner'), { recursive: true })
    fs.copyFileSync(path.join(fixtures, 'nansha.docx'), path.join(sub, 'a.docx'))
    fs.copyFileSync(path.join(fixtures, 'nansha.doc'), path.join(sub, 'inner', 'b.DOC'))
    fs.copyFileSync(path.join(fixtures, 'nansha.pdf'), path.join(sub, 'inner', 'c.pdf'))
    const r = run(['drafts', '-f', 'json'])
    expect(r.status, r.stderr).toBe(1)
    const files = (JSON.parse(r.stdout) as { filePath: string }[]).map((x) => path.relative(dir, x.filePath)).sort()
    expect(files).toEqual(['drafts/a.docx', 'drafts/inner/b.DOC', 'drafts/inner/c.pdf'])
  })

  it('json keeps line = extracted text line and adds location; stylish shows 第N段 and how the paragraph starts', () => {
    const j = run(['residue.docx', '-f', 'json'])
    const messages = JSON.parse(j.stdout)[0].messages as { messageId?: string; line: number; column: number; location?: { paragraph?: number } }[]
    const comment = messages.find((m) => m.messageId === 'wordComment')!
    expect([comment.line, comment.column, comment.location]).toEqual([3, 8, { paragraph: 3 }])
    const s = run(['residue.docx'])
    expect(s.stdout).toMatch(/第3段（3行） 「到2025年，全县公…」\s+警告\s+文档中留有批注（审稿人）：「此处目标需要量化」/)
    const p = run(['nansha.pdf', '-f', 'json'])
    expect((JSON.parse(p.stdout)[0].messages as { location?: { page?: number } }[]).every((m) => (m.location?.page ?? 0) >= 1)).toBe(true)
  })

  it('reads a .docx from stdin when --stdin-filename names one', () => {
    const r = run(['-', '--stdin-filename', 'piped.docx', '-f', 'json'], fs.readFileSync(path.join(fixtures, 'residue.docx')))
    expect(r.status, r.stderr).toBe(1)
    const [res] = JSON.parse(r.stdout)
    expect(res.filePath).toBe(path.join(dir, 'piped.docx'))
    expect(res.messages.some((m: { messageId?: string }) => m.messageId === 'wordInsertion')).toBe(true)
  })

  it('--fix leaves Word and PDF files untouched and points to annotate; the exit code is that of the findings', () => {
    const before = fs.readFileSync(path.join(dir, 'residue.docx'))
    const pdfBefore = fs.readFileSync(path.join(dir, 'nansha.pdf'))
    const r = run(['residue.docx', 'nansha.pdf', '--fix'])
    expect(r.status, r.stderr).toBe(1)
    expect(fs.readFileSync(path.join(dir, 'residue.docx')).equals(before)).toBe(true)
    expect(fs.readFileSync(path.join(dir, 'nansha.pdf')).equals(pdfBefore)).toBe(true)
    expect(r.stdout).toContain('residue.docx：Word/PDF 文件不会被改写；其中 2 处可自动修复的问题，可用 planlint annotate residue.docx 把修复写成修订')
    expect(r.stdout).toContain('nansha.pdf：Word/PDF 文件不会被改写')
    expect(fs.readdirSync(dir).filter((f) => f.includes('.planlint.'))).toEqual([])
  })
})
