/**
 * Bounds on a .docx before any zip or XML library sees it. jszip and mammoth inflate and
 * parse whole parts in memory, so a small file that expands to gigabytes ("zip bomb")
 * would exhaust memory. Here the central directory (zip64 included) is read first: the
 * number of entries and every declared uncompressed size are checked against the limits,
 * then each entry is inflated with a hard output cap (zlib's maxOutputLength), so a size
 * that lies is caught while inflating, never after. A valid zip64 archive — which jszip
 * misreads — is handed on rewritten as a plain zip with the same compressed data.
 */
import zlib from 'node:zlib'
import { InputError } from './errors.js'

export const ZIP_LIMITS = {
  /** Entries in the archive (a Word document has a few dozen). */
  maxEntries: 10_000,
  /** All parts together, uncompressed. */
  maxTotalBytes: 256 * 1024 * 1024,
  /** The XML parts (document, comments, styles…) together, uncompressed. */
  maxXmlBytes: 48 * 1024 * 1024,
  /** Paragraphs in word/document.xml. */
  maxParagraphs: 100_000,
  /**
   * Elements nested in one another in any XML part (a normal document is 10–30 deep; tables
   * in tables add 3 a level). The XML readers after this one (mammoth's, the HTML walk)
   * recurse per level, so an unbounded depth would overflow the stack.
   */
  maxXmlDepth: 256,
}

export interface ZipEntryInfo {
  name: string
  method: number
  flags: number
  crc: number
  compressedSize: number
  size: number
  localOffset: number
  time: number
  date: number
  /** Offset of the entry's data in the archive. */
  dataOffset: number
}

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`

class ZipShapeError extends Error {}

function u16(b: Buffer, o: number): number {
  if (o + 2 > b.length) throw new ZipShapeError('truncated')
  return b.readUInt16LE(o)
}
function u32(b: Buffer, o: number): number {
  if (o + 4 > b.length) throw new ZipShapeError('truncated')
  return b.readUInt32LE(o)
}
function u64(b: Buffer, o: number): number {
  if (o + 8 > b.length) throw new ZipShapeError('truncated')
  const v = b.readBigUInt64LE(o)
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipShapeError('size')
  return Number(v)
}

/** Reads the central directory; `zip64` tells whether any zip64 record or field was used. */
export function readCentralDirectory(bytes: Uint8Array): { entries: ZipEntryInfo[]; zip64: boolean } {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // End of central directory: the last signature within the final 64 KB + 22 bytes.
  let eocd = -1
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new ZipShapeError('no end of central directory')
  let count = u16(b, eocd + 10)
  let cdSize = u32(b, eocd + 12)
  let cdOffset = u32(b, eocd + 16)
  let zip64 = false
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff || (eocd >= 20 && u32(b, eocd - 20) === 0x07064b50)) {
    if (eocd < 20 || u32(b, eocd - 20) !== 0x07064b50) throw new ZipShapeError('zip64 locator missing')
    const rec = u64(b, eocd - 20 + 8)
    if (u32(b, rec) !== 0x06064b50) throw new ZipShapeError('zip64 end record missing')
    zip64 = true
    count = u64(b, rec + 32)
    cdSize = u64(b, rec + 40)
    cdOffset = u64(b, rec + 48)
  }
  if (count > ZIP_LIMITS.maxEntries) throw new ZipShapeError(`entries:${count}`)
  if (cdOffset + cdSize > b.length) throw new ZipShapeError('central directory outside the file')
  const entries: ZipEntryInfo[] = []
  let p = cdOffset
  for (let i = 0; i < count; i++) {
    if (u32(b, p) !== 0x02014b50) throw new ZipShapeError('bad central header')
    const flags = u16(b, p + 8)
    const method = u16(b, p + 10)
    const time = u16(b, p + 12)
    const date = u16(b, p + 14)
    const crc = u32(b, p + 16)
    let compressedSize = u32(b, p + 20)
    let size = u32(b, p + 24)
    const nameLen = u16(b, p + 28)
    const extraLen = u16(b, p + 30)
    const commentLen = u16(b, p + 32)
    let localOffset = u32(b, p + 42)
    if (p + 46 + nameLen + extraLen > b.length) throw new ZipShapeError('truncated')
    const name = b.toString('utf8', p + 46, p + 46 + nameLen)
    // zip64 extended information: only the fields whose 32-bit value is 0xFFFFFFFF, in order.
    for (let e = p + 46 + nameLen; e + 4 <= p + 46 + nameLen + extraLen; ) {
      const id = u16(b, e)
      const len = u16(b, e + 2)
      if (id === 0x0001) {
        zip64 = true
        let q = e + 4
        if (size === 0xffffffff) (size = u64(b, q)), (q += 8)
        if (compressedSize === 0xffffffff) (compressedSize = u64(b, q)), (q += 8)
        if (localOffset === 0xffffffff) localOffset = u64(b, q)
      }
      e += 4 + len
    }
    if (u32(b, localOffset) !== 0x04034b50) throw new ZipShapeError('bad local header')
    const dataOffset = localOffset + 30 + u16(b, localOffset + 26) + u16(b, localOffset + 28)
    if (dataOffset + compressedSize > b.length) throw new ZipShapeError('truncated data')
    entries.push({ name, method, flags, crc, compressedSize, size, localOffset, time, date, dataOffset })
    p += 46 + nameLen + extraLen + commentLen
  }
  return { entries, zip64 }
}

const isXmlPart = (name: string) => /\.(xml|rels)$/i.test(name)

/**
 * Checks a .docx against ZIP_LIMITS before it is parsed; returns the bytes to parse (the
 * same bytes, or a plain-zip rewrite of a zip64 archive).
 * @throws InputError ('too-large' naming the limit, or 'corrupt')
 */
export function boundedDocxBytes(bytes: Uint8Array, filePath: string): Uint8Array {
  let dir: ReturnType<typeof readCentralDirectory>
  try {
    dir = readCentralDirectory(bytes)
  } catch (e) {
    const why = e instanceof Error ? e.message : ''
    if (why.startsWith('entries:')) {
      throw new InputError('too-large', `.docx 压缩包内有 ${why.slice(8)} 个部件，超过 ${ZIP_LIMITS.maxEntries} 个的上限；不像正常的 Word 文档，已停止`, filePath)
    }
    throw new InputError('corrupt', '.docx 文件已损坏（ZIP 结构不完整，可能下载或复制时被截断）；请在 Word 中打开后重新保存', filePath)
  }
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const tooBig = (what: string, limit: number) =>
    new InputError('too-large', `.docx 解压后${what}超过 ${MB(limit)} 的上限（可能是“压缩炸弹”），已停止；正常的实施方案远小于此`, filePath)
  let total = 0
  let xml = 0
  for (const e of dir.entries) {
    total += e.size
    if (isXmlPart(e.name)) xml += e.size
    if (total > ZIP_LIMITS.maxTotalBytes) throw tooBig('总大小', ZIP_LIMITS.maxTotalBytes)
    if (xml > ZIP_LIMITS.maxXmlBytes) throw tooBig('文字部分（XML）', ZIP_LIMITS.maxXmlBytes)
  }
  // The declared sizes may lie: inflate each part with its declared size as a hard cap.
  for (const e of dir.entries) {
    if (e.method !== 8) continue
    const data = b.subarray(e.dataOffset, e.dataOffset + e.compressedSize)
    let out: Buffer
    try {
      out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) })
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
        throw new InputError('too-large', `.docx 中的 ${e.name} 解压后比它声明的 ${e.size} 字节更大（可能是“压缩炸弹”），已停止`, filePath)
      }
      throw new InputError('corrupt', `.docx 文件已损坏（${e.name} 无法解压）；请在 Word 中打开后重新保存`, filePath)
    }
    if (out.length !== e.size) throw new InputError('corrupt', `.docx 文件已损坏（${e.name} 解压后的大小与声明不符）；请在 Word 中打开后重新保存`, filePath)
    if (isXmlPart(e.name)) checkXmlDepth(out, e.name, filePath)
  }
  for (const e of dir.entries) {
    if (e.method === 0 && isXmlPart(e.name)) checkXmlDepth(b.subarray(e.dataOffset, e.dataOffset + e.size), e.name, filePath)
  }
  return dir.zip64 ? plainZip(b, dir.entries) : bytes
}

/** The same entries (compressed data untouched) as a zip without zip64 records. */
function plainZip(b: Buffer, entries: ZipEntryInfo[]): Uint8Array {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8')
    const flags = e.flags & ~0x0008 // sizes are in the headers now, no data descriptor
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(flags, 6)
    local.writeUInt16LE(e.method, 8)
    local.writeUInt16LE(e.time, 10)
    local.writeUInt16LE(e.date, 12)
    local.writeUInt32LE(e.crc, 14)
    local.writeUInt32LE(e.compressedSize, 18)
    local.writeUInt32LE(e.size, 22)
    local.writeUInt16LE(name.length, 26)
    const data = b.subarray(e.dataOffset, e.dataOffset + e.compressedSize)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(flags, 8)
    central.writeUInt16LE(e.method, 10)
    central.writeUInt16LE(e.time, 12)
    central.writeUInt16LE(e.date, 14)
    central.writeUInt32LE(e.crc, 16)
    central.writeUInt32LE(e.compressedSize, 20)
    central.writeUInt32LE(e.size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, data)
    centrals.push(central, name)
    offset += 30 + name.length + data.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}

/** Refuses a document.xml with more paragraphs than ZIP_LIMITS.maxParagraphs (before it is parsed). */
export function checkParagraphCount(xml: string, filePath: string): void {
  let count = 0
  const re = /<w:p[\s>/]/g
  while (re.exec(xml) !== null) {
    if (++count > ZIP_LIMITS.maxParagraphs) {
      throw new InputError('too-large', `.docx 的段落超过 ${ZIP_LIMITS.maxParagraphs.toLocaleString('en-US')} 段的上限，已停止；请拆分文稿后分别检查`, filePath)
    }
  }
}

/**
 * Refuses an XML part whose elements nest deeper than ZIP_LIMITS.maxXmlDepth, before any
 * parser sees it. One pass over the bytes (every markup character is ASCII in UTF-8):
 * comments, CDATA, processing instructions and declarations are skipped whole; a start tag
 * ends at the first `>` outside a quoted attribute value.
 */
export function checkXmlDepth(xml: Uint8Array, part: string, filePath: string): void {
  let bytes = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength)
  // UTF-16 (a BOM): markup characters are two bytes, so read it as text first
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const text = bytes[0] === 0xff ? bytes.subarray(2).toString('utf16le') : Buffer.from(bytes.subarray(2)).swap16().toString('utf16le')
    bytes = Buffer.from(text, 'utf8')
  }
  if (xmlDepthOver(bytes, ZIP_LIMITS.maxXmlDepth)) {
    throw new InputError(
      'too-large',
      `.docx 中 ${part} 的元素嵌套超过 ${ZIP_LIMITS.maxXmlDepth} 层的上限（例如表格层层嵌套），不像正常的 Word 文档，已停止`,
      filePath,
    )
  }
}

const LT = 0x3c
const GT = 0x3e

/** True when some element of `b` lies more than `limit` elements deep. */
export function xmlDepthOver(b: Buffer, limit: number): boolean {
  const skipTo = (from: number, end: string): number => {
    const j = b.indexOf(end, from, 'latin1')
    return j === -1 ? b.length : j + end.length
  }
  let depth = 0
  let i = b.indexOf(LT)
  while (i !== -1 && i < b.length) {
    const c = b[i + 1]
    if (c === 0x21 /* ! */) {
      if (b[i + 2] === 0x2d && b[i + 3] === 0x2d) i = skipTo(i + 4, '-->')
      else if (b.toString('latin1', i + 2, i + 9) === '[CDATA[') i = skipTo(i + 9, ']]>')
      else i = skipTo(i + 2, '>')
    } else if (c === 0x3f /* ? */) {
      i = skipTo(i + 2, '?>')
    } else if (c === 0x2f /* / */) {
      depth--
      i = skipTo(i + 2, '>')
    } else {
      let j = i + 1
      let quote = 0
      for (; j < b.length; j++) {
        const ch = b[j]!
        if (quote !== 0) {
          if (ch === quote) quote = 0
        } else if (ch === 0x22 || ch === 0x27) quote = ch
        else if (ch === GT) break
      }
      if (b[j - 1] !== 0x2f && ++depth > limit) return true
      i = j + 1
    }
    i = b.indexOf(LT, i)
  }
  return false
}
