/**
 * .doc (Word 97-2003) → text with word-extractor: the main body, one line per paragraph,
 * a table row as one line with its cells joined by `\t` (word-extractor ends every cell
 * with a tab; the row's last one is dropped). Footnotes, headers and comments are left
 * out; the paragraph number counts paragraphs as Word does (each table cell is one). Characters are kept as written (word-extractor would
 * otherwise turn “” into " and — into -, which changes findings).
 */
import { wordExtractor } from './word-libraries.js'
import type { SourceText } from './types.js'
import { InputError } from './errors.js'
import { mappedSource, TextBuilder } from './mapped.js'
import { isEncryptedOoxml, isOle } from './sniff.js'
import { withoutTrailing } from '../text/trim.js'

export async function readDoc(bytes: Uint8Array, filePath: string): Promise<SourceText> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (!isOle(bytes)) {
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
      throw new InputError('unsupported-format', '扩展名是 .doc，但内容其实是 .docx（Word 2007 及以后）格式；请把扩展名改为 .docx 后再检查', filePath)
    }
    throw new InputError('corrupt', '内容不是 Word 97-2003（.doc）文档，文件可能已损坏或不是 Word 文件', filePath)
  }
  if (isEncryptedOoxml(bytes) || wordFibEncrypted(bytes)) {
    throw new InputError('encrypted', '文件设置了打开密码（已加密），无法读取；请在 Word 中取消密码后另存一份再检查', filePath)
  }
  let body: string
  try {
    body = (await new (wordExtractor())().extract(buffer)).getBody({ filterUnicode: false })
  } catch (e) {
    throw new InputError('corrupt', `.doc 文件已损坏，无法读取（${e instanceof Error ? e.message.split('\n')[0] : String(e)}）；请在 Word 中打开后重新保存`, filePath)
  }
  const out = new TextBuilder()
  const lines = withoutTrailing(body.replace(/\r\n?/g, '\n'), '\n').split('\n')
  // Word counts each table cell as a paragraph, so a row of n cells moves the count by n.
  let paragraph = 1
  for (const line of lines) {
    // A table row: every cell ends with a tab.
    const row = line.endsWith('\t') && line.indexOf('\t') < line.length - 1
    const cells = row ? line.slice(0, -1).split('\t') : [line]
    cells.forEach((cell, k) => {
      if (k > 0) out.raw('\t')
      out.add(cell, { paragraph: paragraph + k, paraStart: 0 })
    })
    out.endLine()
    paragraph += row ? cells.length : 1
  }
  return mappedSource(out.build(), filePath, 'doc')
}

/**
 * The fEncrypted bit of a Word binary file's FIB. The WordDocument stream starts on a
 * 512-byte sector with the FIB's magic 0xA5EC; bit 0x0100 of the flags at offset 10 says
 * the document is encrypted.
 */
function wordFibEncrypted(bytes: Uint8Array): boolean {
  for (let at = 512; at + 12 <= bytes.length; at += 512) {
    if (bytes[at] === 0xec && bytes[at + 1] === 0xa5) {
      return (bytes[at + 11]! & 0x01) !== 0
    }
  }
  return false
}
