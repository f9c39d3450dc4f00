/**
 * Bytes → text, detecting the encoding and refusing what is not text.
 *
 * Order: a forced encoding wins; then a BOM (UTF-8, UTF-16 LE/BE); then known binary
 * formats and NUL/control bytes are refused; then strict UTF-8; then GB18030, accepted
 * only when (1) jschardet does not see another CJK legacy encoding (Big5, Shift_JIS,
 * EUC-JP, EUC-KR) in the bytes, and (2) the result is plausible Chinese text: no U+FFFD,
 * no control characters, ≥ 95 % of the characters ASCII, CJK, CJK/full-width
 * punctuation, and most of its two-byte Han characters from GB2312's first level (the
 * 3755 common characters nearly all real text uses — Big5 or mis-cut bytes read as GBK
 * land all over the rarer ranges). Anything else is an error — never a silently wrong
 * guess, and mojibake is never linted.
 */
import { InputError } from './errors.js'
import { iconv, jschardet } from './legacy-encodings.js'
import { isHan } from '../lexicon/index.js'

export interface DecodeOptions {
  /** Force an encoding (any name iconv-lite knows: `utf-8`, `gb18030`, `gbk`, `big5`, …). */
  encoding?: string
}

export interface Decoded {
  text: string
  /** Normalised encoding name: `utf-8`, `utf-16le`, `utf-16be`, `gb18030`, or the forced one. */
  encoding: string
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** Share of control characters above which bytes are taken for binary. */
const CONTROL_RATIO = 0.05
/** How many bytes the control-character check samples. */
const SAMPLE = 64 * 1024

/** Decode a file's bytes. `filePath` is only used in error messages. */
export function decodeBytes(bytes: Uint8Array, filePath: string, opts: DecodeOptions = {}): Decoded {
  if (opts.encoding !== undefined) return decodeForced(bytes, filePath, opts.encoding)

  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeUtf8(bytes.subarray(3), filePath, 'UTF-8（带 BOM）'), encoding: 'utf-8' }
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be'
    const text = decodeUtf16(bytes.subarray(2), filePath, encoding)
    refuseControlText(text, filePath)
    return { text, encoding }
  }

  refuseBinary(bytes, filePath)
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' }
  } catch {
    // Not UTF-8: try GB18030 below.
  }
  const other = otherLegacyEncoding(bytes)
  if (other) {
    throw new InputError(
      'undecodable',
      `编码存疑：文件不是 UTF-8，看起来像 ${other.label}，而不是简体中文的 GB18030/GBK；为免把乱码当正文检查，已停止。请另存为 UTF-8，或用 --encoding ${other.name} 指定编码`,
      filePath,
    )
  }
  const gb = iconv().decode(toBuffer(bytes), 'gb18030', { stripBOM: false })
  if (plausibleChinese(gb) && commonGbShare(bytes) >= COMMON_GB_SHARE) return { text: gb, encoding: 'gb18030' }
  throw new InputError(
    'undecodable',
    '无法识别文件编码：既不是有效的 UTF-8，也不像 GB18030/GBK 编码的中文文本；请另存为 UTF-8 后再检查，或指定正确的编码',
    filePath,
  )
}

function decodeForced(bytes: Uint8Array, filePath: string, name: string): Decoded {
  const encoding = name.trim().toLowerCase().replace(/^utf8$/, 'utf-8')
  if (!iconv().encodingExists(encoding)) {
    throw new InputError(
      'unknown-encoding',
      `不认识的编码“${name}”；应为 utf-8、gb18030、gbk、utf-16le、utf-16be 等`,
      filePath,
    )
  }
  if (encoding === 'utf-8') {
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes
    return { text: decodeUtf8(body, filePath, 'UTF-8'), encoding }
  }
  const text = iconv().decode(toBuffer(bytes), encoding)
  if (text.includes('\ufffd')) {
    throw new InputError('undecodable', `文件中有无法按 ${name} 解码的字节；请检查指定的编码是否正确`, filePath)
  }
  refuseControlText(text, filePath)
  // The same plausibility check as for a detected encoding: a wrong forced encoding gives
  // text, but not Chinese (Hangul, symbols, private-use and replacement characters).
  if (!plausibleChinese(text)) {
    throw new InputError('undecodable', `按 ${name} 解码后不像中文文本（疑为乱码），已停止；请检查 --encoding 指定的编码是否正确`, filePath)
  }
  return { text, encoding }
}

function decodeUtf8(bytes: Uint8Array, filePath: string, label: string): string {
  try {
    return utf8.decode(bytes)
  } catch {
    throw new InputError('undecodable', `文件声明为 ${label}，但其中有无效的 UTF-8 字节；文件可能已损坏`, filePath)
  }
}

function decodeUtf16(bytes: Uint8Array, filePath: string, encoding: 'utf-16le' | 'utf-16be'): string {
  if (bytes.length % 2 !== 0) {
    throw new InputError('undecodable', `文件以 ${encoding.toUpperCase()} 的 BOM 开头，但字节数为奇数；文件可能已损坏`, filePath)
  }
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    throw new InputError('undecodable', `文件以 ${encoding.toUpperCase()} 的 BOM 开头，但内容不是有效的 ${encoding.toUpperCase()}`, filePath)
  }
}

/** Magic numbers of the formats people most often feed by mistake. */
const MAGIC: { bytes: number[]; name: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'Word（.docx）或其他 ZIP 压缩' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], name: 'Word 97-2003（.doc）或其他 Office' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], name: 'PDF' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], name: 'RTF' },
]

function refuseBinary(bytes: Uint8Array, filePath: string): void {
  for (const { bytes: magic, name } of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) {
      throw new InputError('binary', `这是 ${name} 文件，不是纯文本；请另存为 UTF-8 编码的 .txt 后再检查`, filePath)
    }
  }
  if (bytes.indexOf(0) !== -1) {
    throw new InputError(
      'binary',
      '文件含有 NUL 字节，看起来是二进制文件（或不带 BOM 的 UTF-16）；应为 UTF-8 或 GB18030 编码的纯文本',
      filePath,
    )
  }
  const n = Math.min(bytes.length, SAMPLE)
  let controls = 0
  for (let i = 0; i < n; i++) if (isControl(bytes[i]!)) controls++
  if (n > 0 && controls / n > CONTROL_RATIO) {
    throw new InputError('binary', '文件中控制字符过多，看起来是二进制文件；应为纯文本', filePath)
  }
}

function refuseControlText(text: string, filePath: string): void {
  const n = Math.min(text.length, SAMPLE)
  let controls = 0
  for (let i = 0; i < n; i++) if (isControl(text.charCodeAt(i))) controls++
  if (text.includes('\0') || (n > 0 && controls / n > CONTROL_RATIO)) {
    throw new InputError('binary', '解码后含有 NUL 或大量控制字符，看起来是二进制文件；应为纯文本', filePath)
  }
}

/** C0 controls and DEL, except tab, line feed, vertical tab, form feed and carriage return. */
function isControl(c: number): boolean {
  return (c < 0x20 && (c < 0x09 || c > 0x0d)) || c === 0x7f
}

/** Whether GB18030-decoded text looks like real Chinese (or ASCII) text. */
export function plausibleChinese(text: string): boolean {
  let total = 0
  let good = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0xfffd || isControl(c)) return false
    total++
    if (
      (c >= 0x09 && c <= 0x0d) ||
      (c >= 0x20 && c <= 0x7e) ||
      isHan(c) || // CJK Unified Ideographs and Extension A
      (c >= 0x3000 && c <= 0x303f) || // CJK Symbols and Punctuation
      (c >= 0xff00 && c <= 0xffef) || // Halfwidth and Fullwidth Forms
      (c >= 0x2000 && c <= 0x206f) || // General Punctuation (“” ‘’ — …)
      c === 0x00b7 || c === 0x00d7 || c === 0x00b0 // · × °
    ) {
      good++
    }
  }
  return total > 0 && good / total >= 0.95
}

/** Share of two-byte GB characters that must come from GB2312 level 1 (B0A1–D7F9). */
const COMMON_GB_SHARE = 0.75

/**
 * Of the two-byte GBK/GB18030 characters in `bytes`, the share in GB2312's first level
 * (the 3755 common Han characters) or its symbol rows (A1–A9: full-width punctuation).
 * Real Chinese prose scores above 0.95; Big5 or Shift_JIS bytes read as GBK score low.
 * Returns 1 when there are no two-byte characters (ASCII text).
 */
export function commonGbShare(bytes: Uint8Array): number {
  let pairs = 0
  let common = 0
  const n = Math.min(bytes.length, SAMPLE * 4)
  for (let i = 0; i < n; i++) {
    const lead = bytes[i]!
    if (lead < 0x81 || lead === 0xff) continue
    const trail = bytes[i + 1]
    if (trail === undefined) break
    if (trail >= 0x30 && trail <= 0x39) {
      // A four-byte GB18030 sequence: rare characters.
      pairs++
      i += 3
      continue
    }
    pairs++
    if (((lead >= 0xb0 && lead <= 0xd7) || (lead >= 0xa1 && lead <= 0xa9)) && trail >= 0xa1 && trail <= 0xfe) common++
    i++
  }
  return pairs === 0 ? 1 : common / pairs
}

const OTHER_LEGACY: Record<string, { name: string; label: string }> = {
  big5: { name: 'big5', label: 'Big5（繁体中文）' },
  'shift_jis': { name: 'shift_jis', label: 'Shift_JIS（日文）' },
  'euc-jp': { name: 'euc-jp', label: 'EUC-JP（日文）' },
  'euc-kr': { name: 'euc-kr', label: 'EUC-KR（韩文）' },
}

/** A CJK legacy encoding other than GB that jschardet is fairly sure of, or undefined. */
function otherLegacyEncoding(bytes: Uint8Array): { name: string; label: string } | undefined {
  const sample = toBuffer(bytes).subarray(0, SAMPLE)
  const guess = jschardet().detect(sample)
  const found = guess.encoding ? OTHER_LEGACY[guess.encoding.toLowerCase()] : undefined
  return found && guess.confidence >= 0.5 ? found : undefined
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}
