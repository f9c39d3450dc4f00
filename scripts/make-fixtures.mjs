#!/usr/bin/env node
/**
 * Makes the input-format fixtures in test/fixtures/formats/ from the shared corpus, with
 * the tools a drafter's files really come from:
 *
 *   nansha.docx            the `docx` package: one Word paragraph per text line, the
 *                          任务分工表 as a real Word table (one row per line, one cell per tab)
 *   nansha.doc, nansha.pdf LibreOffice (soffice --headless --convert-to doc / pdf) from nansha.docx
 *   nansha.gb18030.txt,
 *   nansha.utf16le.txt,
 *   nansha.utf16be.txt     iconv-lite / Buffer encodings of nansha.txt (UTF-16 with BOM)
 *   residue.docx           a short plan with a Word comment (批注), a tracked insertion and
 *                          a tracked deletion, and a sentence split across several runs
 *   corrupt.docx           nansha.docx cut in half (a truncated zip)
 *   renamed-doc.docx       nansha.doc renamed to .docx
 *   encrypted.pdf          nansha.pdf encrypted with a password by qpdf
 *   encrypted.doc          nansha.docx saved as .doc with an open password by LibreOffice
 *                          (through UNO: scripts/make-encrypted-doc.py)
 *   scanned.pdf            page 1 of nansha.pdf rendered to a grey PNG by pdftoppm (a picture
 *                          of the page, as a scanner makes), wrapped as an image-only PDF by img2pdf
 *
 * Needs: node with the devDependency `docx`, soffice (libreoffice-writer-nogui),
 * python3-uno, qpdf, poppler-utils (pdftoppm), img2pdf. Run from the repository root: node scripts/make-fixtures.mjs
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import iconv from 'iconv-lite'
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  InsertedTextRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const corpus = path.resolve(root, '../shared/corpus')
const out = path.join(root, 'test/fixtures/formats')
fs.mkdirSync(out, { recursive: true })

const FONT = { ascii: 'Noto Serif CJK SC', eastAsia: 'Noto Serif CJK SC', hAnsi: 'Noto Serif CJK SC' }
const run = (text) => new TextRun({ text, font: FONT })
const para = (text) => new Paragraph({ children: text === '' ? [] : [run(text)] })

/** Lines of a corpus plan → Word paragraphs, with the 任务分工表 blocks as tables. */
function planToDocx(text) {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n')
  const children = []
  for (let i = 0; i < lines.length; ) {
    if (/^项目\t/.test(lines[i])) {
      // A table block: the header row and every following non-empty line.
      const rows = []
      while (i < lines.length && lines[i] !== '') rows.push(lines[i++].split('\t'))
      const columns = Math.max(...rows.map((r) => r.length))
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          columnWidths: Array.from({ length: columns }, () => Math.floor(9000 / columns)),
          rows: rows.map(
            (cells) =>
              new TableRow({
                children: cells.map(
                  (cell, k) =>
                    new TableCell({
                      children: [para(cell)],
                      // A short row spans the grid with its last cell, so no empty cell adds a tab.
                      ...(k === cells.length - 1 && cells.length < columns ? { columnSpan: columns - k } : {}),
                    }),
                ),
              }),
          ),
        }),
      )
      continue
    }
    children.push(para(lines[i++]))
  }
  return new Document({ creator: 'planlint fixtures', sections: [{ children }] })
}

/** A short plan with a comment, tracked changes, and a sentence split across runs. */
function residueDocx() {
  const by = { author: '审稿人', date: '2024-01-01T00:00:00Z' }
  return new Document({
    creator: 'planlint fixtures',
    comments: { children: [{ id: 0, author: '审稿人', date: new Date('2024-01-01T00:00:00Z'), children: [para('此处目标需要量化')] }] },
    sections: [
      {
        children: [
          para('某某县全民科学素质行动规划纲要实施方案（2021—2025年）'),
          para('一、总体要求'),
          new Paragraph({
            children: [
              run('到2025年，'),
              new CommentRangeStart(0),
              run('全县公民具备科学素质的比例明显提高'),
              new CommentRangeEnd(0),
              new TextRun({ children: [new CommentReference(0)] }),
              run('。'),
            ],
          }),
          para('二、提升行动'),
          new Paragraph({
            children: [
              run('（一）青少年科学素质提升行动。'),
              new InsertedTextRun({ text: '加强科学教育。', id: 1, ...by }),
              new DeletedTextRun({ text: '删去的旧句子。', id: 2, ...by }),
            ],
          }),
          // Split across runs the way Word leaves text after editing: 「县科技局(牵头)」.
          new Paragraph({
            children: [run('牵头单位'), run(':'), run('县科'), new TextRun({ text: '技局', bold: true, font: FONT }), run('、县教育局')],
          }),
          para('[bookmark: _GoBack]'),
        ],
      },
    ],
  })
}

function soffice(args, cwd) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-lo-'))
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', ...args], { cwd, stdio: 'pipe' })
  } finally {
    fs.rmSync(profile, { recursive: true, force: true })
  }
}

const write = (name, bytes) => {
  fs.writeFileSync(path.join(out, name), bytes)
  console.log(`${name}\t${fs.statSync(path.join(out, name)).size} B`)
}

const nansha = fs.readFileSync(path.join(corpus, 'nansha.txt'), 'utf8')
write('nansha.docx', await Packer.toBuffer(planToDocx(nansha)))
write('residue.docx', await Packer.toBuffer(residueDocx()))

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-fx-'))
soffice(['--convert-to', 'doc', '--outdir', tmp, path.join(out, 'nansha.docx')])
soffice(['--convert-to', 'pdf', '--outdir', tmp, path.join(out, 'nansha.docx')])
write('nansha.doc', fs.readFileSync(path.join(tmp, 'nansha.doc')))
write('nansha.pdf', fs.readFileSync(path.join(tmp, 'nansha.pdf')))

write('nansha.gb18030.txt', iconv.encode(nansha, 'gb18030'))
write('nansha.utf16le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(nansha, 'utf16le')]))
write('nansha.utf16be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(nansha, 'utf16le').swap16()]))

const docx = fs.readFileSync(path.join(out, 'nansha.docx'))
write('corrupt.docx', docx.subarray(0, Math.floor(docx.length / 2)))
write('renamed-doc.docx', fs.readFileSync(path.join(out, 'nansha.doc')))

execFileSync('qpdf', ['--encrypt', 'open-sesame', 'owner-pass', '256', '--', path.join(out, 'nansha.pdf'), path.join(tmp, 'encrypted.pdf')])
write('encrypted.pdf', fs.readFileSync(path.join(tmp, 'encrypted.pdf')))

// A Word 97-2003 file saved with an open password by LibreOffice (RC4 encryption, the
// fEncrypted bit set in the FIB). LibreOffice 7.4 ignores a password for .docx, so the
// encrypted Word fixture is a .doc; an encrypted .docx is an OLE file of the same family.
execFileSync('/usr/bin/python3', [path.join(root, 'scripts/make-encrypted-doc.py'), path.join(out, 'nansha.docx'), path.join(tmp, 'encrypted.doc'), 'open-sesame'], { stdio: 'pipe' })
write('encrypted.doc', fs.readFileSync(path.join(tmp, 'encrypted.doc')))

execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-gray', '-singlefile', path.join(out, 'nansha.pdf'), path.join(tmp, 'scan')])
execFileSync('img2pdf', [path.join(tmp, 'scan.png'), '-o', path.join(tmp, 'scanned.pdf')])
write('scanned.pdf', fs.readFileSync(path.join(tmp, 'scanned.pdf')))

fs.rmSync(tmp, { recursive: true, force: true })
