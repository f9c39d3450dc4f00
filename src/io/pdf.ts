/**
 * .pdf → text with unpdf (pdf.js): the text layer of every page, put back into lines by
 * position. Text items on one baseline form a line (a wide gap between them is a table
 * cell boundary, written as `\t`); a line that runs to the right margin continues on the
 * next one, so a paragraph wrapped by the layout is one line again, as in the .txt; a gap
 * of more than two lines' height is an empty paragraph. A space pdf.js puts between a Han
 * character and a digit or Latin letter (the layout's autospacing) is dropped. `locate`
 * gives the page. What a PDF cannot give back: a table cell wrapped over several lines
 * becomes several rows, and the paragraph numbers of the Word original.
 *
 * A PDF whose pages carry no text (a scan) is refused: it must be OCR'd first.
 */
import type { SourceText } from './types.js'
import { InputError } from './errors.js'
import { mappedSource, TextBuilder } from './mapped.js'
import { maxOf } from '../text/arrays.js'
import { CJK_TEXT_CLASS } from '../lexicon/index.js'
import { withoutTrailing } from '../text/trim.js'

interface Item {
  str: string
  x: number
  y: number
  width: number
  height: number
}

interface Cell {
  x0: number
  x1: number
  text: string
}

interface Line {
  page: number
  /** Baseline of the line (its first line, for a table row merged from several). */
  y: number
  /** Baseline of its last line. */
  bottom: number
  height: number
  left: number
  right: number
  text: string
  /** The line's stretches between wide gaps: table cells when there are two or more. */
  cells: Cell[]
}

/** Pages read before a PDF with no text at all is called a scan. */
export const SCAN_DECIDED_AFTER_PAGES = 20

export async function readPdf(bytes: Uint8Array, filePath: string): Promise<SourceText> {
  if (!(bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)) {
    throw new InputError('corrupt', '扩展名是 .pdf，但内容不是 PDF（缺少 %PDF 文件头）；文件可能已损坏或扩展名有误', filePath)
  }
  const { getDocumentProxy } = await import('unpdf')
  let pages: Item[][]
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 } as never)
    pages = []
    let charsSoFar = 0
    for (let n = 1; n <= pdf.numPages; n++) {
      // A scan is decided from its first pages: a 20,000-page image PDF is not read to the end.
      if (n > SCAN_DECIDED_AFTER_PAGES && charsSoFar === 0) {
        await pdf.destroy()
        throw new InputError('no-text', `这是扫描图像 PDF（共 ${pdf.numPages} 页，前 ${SCAN_DECIDED_AFTER_PAGES} 页都没有文字层），无法检查文字；请先做文字识别（OCR）生成带文字的 PDF，或改用原始的 Word 文件`, filePath)
      }
      const page = await pdf.getPage(n)
      const content = await page.getTextContent()
      const items: Item[] = []
      for (const it of content.items as { str?: string; transform?: number[]; width?: number; height?: number }[]) {
        if (typeof it.str !== 'string' || !it.transform || it.str === '') continue
        items.push({ str: it.str, x: it.transform[4]!, y: it.transform[5]!, width: it.width ?? 0, height: Math.abs(it.height || it.transform[3] || 10) })
      }
      pages.push(items)
      for (const it of items) charsSoFar += it.str.trim().length
    }
    await pdf.destroy()
  } catch (e) {
    if (e instanceof InputError) throw e
    const name = (e as { name?: string } | undefined)?.name
    if (name === 'PasswordException') {
      throw new InputError('encrypted', 'PDF 设置了打开密码（已加密），无法读取；请先取消密码，或改用原始的 Word 文件检查', filePath)
    }
    throw new InputError('corrupt', `PDF 文件已损坏，无法读取（${e instanceof Error ? e.message.split('\n')[0] : String(e)}）`, filePath)
  }
  const chars = pages.reduce((n, items) => n + items.reduce((m, it) => m + it.str.replace(/\s/g, '').length, 0), 0)
  if (chars === 0) {
    throw new InputError('no-text', `这是扫描图像 PDF（共 ${pages.length} 页，没有文字层），无法检查文字；请先做文字识别（OCR）生成带文字的 PDF，或改用原始的 Word 文件`, filePath)
  }
  const lines = mergeTableRows(pages.flatMap((items, i) => toLines(items, i + 1)))
  return mappedSource(joinLines(lines), filePath, 'pdf')
}

/** Items of one page → lines, top to bottom, items in a line left to right. */
function toLines(items: Item[], page: number): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x)
  const rows: Item[][] = []
  for (const it of sorted) {
    const row = rows[rows.length - 1]
    if (row && Math.abs(row[0]!.y - it.y) <= Math.max(2, row[0]!.height * 0.4)) row.push(it)
    else rows.push([it])
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x)
    const cells: Cell[] = []
    let space = false
    for (const it of row) {
      // pdf.js puts a space item into a gap; the gap itself decides what it was.
      if (it.str.trim() === '') {
        space = cells.length > 0
        continue
      }
      const cell = cells[cells.length - 1]
      // A gap of more than half a character between items: a new table cell.
      if (!cell || it.x - cell.x1 > it.height * 0.5) cells.push({ x0: it.x, x1: it.x + it.width, text: it.str })
      else {
        cell.text += (space ? ' ' : '') + it.str
        cell.x1 = Math.max(cell.x1, it.x + it.width)
      }
      space = false
    }
    for (const c of cells) c.text = despace(c.text)
    const height = maxOf(row.map((it) => it.height))
    const right = cells.length ? cells[cells.length - 1]!.x1 : row[0]!.x
    return { page, y: row[0]!.y, bottom: row[0]!.y, height, left: row[0]!.x, right, text: cells.map((c) => c.text).join('\t'), cells }
  }).filter((l) => l.cells.length > 0)
}

/**
 * A table cell whose text wraps continues on the next line(s) in its own column; put that
 * text back into the row, so a row stays one line. A cell wrapped when its text runs to
 * the next column (or, in the last column, to the table's right edge); a following line
 * continues the row when every piece of it sits in a column whose cell wrapped.
 */
function mergeTableRows(lines: Line[]): Line[] {
  const out: Line[] = []
  let row: { line: Line; columns: number[]; right: number; cells: (Cell | undefined)[] } | undefined
  for (const line of lines) {
    if (row && line.page === row.line.page && row.line.bottom - line.y < line.height * 2.6) {
      const h = line.height
      const { columns } = row
      const wrapped = (k: number) => {
        const c = row!.cells[k]
        const limit = k + 1 < columns.length ? columns[k + 1]! : row!.right
        return !!c && c.x1 >= limit - h * 2.2
      }
      const at = line.cells.map((c) => columns.findIndex((x) => Math.abs(x - c.x0) < h))
      if (at.every((k) => k >= 0 && wrapped(k))) {
        line.cells.forEach((c, i) => {
          const cell = row!.cells[at[i]!]!
          cell.text += c.text
          cell.x1 = c.x1
        })
        row.line.text = withoutTrailing(row.cells.map((c) => c?.text ?? '').join('\t'), '\t')
        row.line.bottom = line.y
        continue
      }
    }
    out.push(line)
    if (line.cells.length >= 2) {
      // A row: its cells set the columns (a row with fewer cells keeps the table's columns).
      const columns = row && line.page === row.line.page && line.cells.length < row.columns.length ? row.columns : line.cells.map((c) => c.x0)
      const cells: (Cell | undefined)[] = columns.map((x) => line.cells.find((c) => Math.abs(c.x0 - x) < line.height))
      const right = Math.max(line.right, row && row.line.page === line.page ? row.right : 0)
      row = { line, columns, right, cells }
    } else row = undefined
  }
  return out
}

const AUTOSPACE = new RegExp(`(?<=[${CJK_TEXT_CLASS}]) (?=[0-9A-Za-z])|(?<=[0-9A-Za-z]) (?=[${CJK_TEXT_CLASS}])`, 'g')

function despace(text: string): string {
  return text.replace(AUTOSPACE, '')
}

/** Lines → paragraphs: a line that reaches the right margin continues on the next. */
function joinLines(lines: Line[]): ReturnType<TextBuilder['build']> {
  const out = new TextBuilder()
  const margin = new Map<number, number>()
  for (const l of lines) margin.set(l.page, Math.max(margin.get(l.page) ?? 0, l.right))
  lines.forEach((line, i) => {
    const prev = lines[i - 1]
    if (prev) {
      // A gap of more than two lines' height on a page held an empty paragraph.
      const gap = prev.page === line.page && prev.bottom - line.y > Math.max(prev.height, line.height) * 2
      const full = !gap && !prev.text.includes('\t') && !line.text.includes('\t') && prev.right >= margin.get(prev.page)! - prev.height * 2.5
      if (!full) {
        out.endLine()
        if (gap) out.endLine()
      }
    }
    out.add(line.text, { page: line.page })
  })
  return out.build()
}
