/**
 * Writing fixes back. A fixed file keeps what the drafter's editor expects: its encoding
 * (UTF-8 with or without BOM, UTF-16 with BOM, GB18030) and its line ends. Only plain
 * text formats are written; Word and PDF files are never touched.
 */
import path from 'node:path'
import { iconv } from '../io/legacy-encodings.js'
import { PlanlintError } from '../errors.js'
import { readRegularFileSync } from '../io/read-bounded.js'
import { writeFileAtomic } from './write.js'
import { lowerBound } from '../text/arrays.js'

/** Extensions `--fix` may write back to. */
export const WRITABLE_EXTENSIONS = ['.txt', '.md']

export function isWritable(filePath: string): boolean {
  return WRITABLE_EXTENSIONS.includes(path.extname(filePath).toLowerCase())
}

interface Decoded {
  /** Text with line ends normalised to \n and without BOM. */
  text: string
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030'
  bom: boolean
  /** Each line end of the file as stored (\n, \r\n or a lone \r), in order. */
  lineEnds: string[]
}

/** Decodes a text file the way the input adapter does, remembering how to write it back. */
export function decodeOriginal(buf: Buffer): Decoded {
  let encoding: Decoded['encoding']
  let bom = false
  let raw: string
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    encoding = 'utf-8'
    bom = true
    raw = buf.subarray(3).toString('utf8')
  } else if (buf[0] === 0xff && buf[1] === 0xfe) {
    encoding = 'utf-16le'
    bom = true
    raw = buf.subarray(2).toString('utf16le')
  } else if (buf[0] === 0xfe && buf[1] === 0xff) {
    encoding = 'utf-16be'
    bom = true
    raw = iconv().decode(buf.subarray(2), 'utf-16be')
  } else {
    try {
      raw = new TextDecoder('utf-8', { fatal: true }).decode(buf)
      encoding = 'utf-8'
    } catch {
      raw = iconv().decode(buf, 'gb18030')
      encoding = 'gb18030'
    }
  }
  return {
    text: raw.replace(/\r\n?/g, '\n'),
    encoding,
    bom,
    lineEnds: raw.match(/\r\n?|\n/g) ?? [],
  }
}

/** The most frequent line end of a file (for lines a fix adds), \n when it has none. */
function usualLineEnd(ends: string[]): string {
  const count = new Map<string, number>()
  let best = '\n'
  let bestCount = 0
  for (const e of ends) {
    const n = (count.get(e) ?? 0) + 1
    count.set(e, n)
    if (n > bestCount) {
      best = e
      bestCount = n
    }
  }
  return best
}

/**
 * Puts the original line ends back into `fixed` (which has \n only): every line a fix left
 * as it was keeps its own line end; a changed or added line takes the end of the original
 * line it stands in for, or the file's usual one. Lines are matched in order (a hash of
 * line texts, each lookup a binary search), so the work stays O(n log n).
 */
export function restoreLineEnds(linted: string, fixed: string, ends: string[]): string {
  if (ends.every((e) => e === '\n')) return fixed
  const before = linted.split('\n')
  const after = fixed.split('\n')
  const where = new Map<string, number[]>()
  before.forEach((line, i) => {
    const list = where.get(line)
    if (list) list.push(i)
    else where.set(line, [i])
  })
  const usual = usualLineEnd(ends)
  let next = 0 // first original line not yet used
  let out = ''
  for (let k = 0; k < after.length; k++) {
    const line = after[k]!
    if (k === after.length - 1) {
      out += line
      break
    }
    const list = where.get(line)
    let match = -1
    if (list) {
      const lo = lowerBound(list, next)
      if (lo < list.length) match = list[lo]!
    }
    if (match !== -1 && match < before.length - 1) {
      out += line + (ends[match] ?? usual)
      next = match + 1
    } else {
      out += line + (next < ends.length ? ends[next]! : usual)
      if (match === -1) next++
    }
  }
  return out
}

/**
 * Encodes `text` (with \n line ends) the way `like` was stored: its encoding, BOM and line
 * ends (see restoreLineEnds).
 */
export function encodeLike(like: Decoded, text: string): Buffer {
  const body = restoreLineEnds(like.text, text, like.lineEnds)
  switch (like.encoding) {
    case 'utf-8':
      return Buffer.concat([like.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(body, 'utf8')])
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')])
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv().encode(body, 'utf-16be')])
    case 'gb18030':
      return iconv().encode(body, 'gb18030')
  }
}

/**
 * Writes `fixed` over `filePath` atomically, in the file's own encoding and line ends.
 * `snapshot` is the file's bytes before linting and `linted` the text the engine saw.
 * Nothing is written — and false returned — when the file changed meanwhile, or when its
 * bytes do not decode to exactly the linted text (so writing would change more than the
 * fixes).
 */
export function writeFix(filePath: string, fixed: string, snapshot: Buffer, linted: string): boolean {
  let now: Buffer
  try {
    now = readRegularFileSync(filePath)
  } catch {
    throw new PlanlintError('无法读取文件以写回修复', filePath)
  }
  if (!now.equals(snapshot)) return false
  const original = decodeOriginal(snapshot)
  if (original.text !== linted) return false
  if (original.text === fixed) return true
  writeFileAtomic(filePath, encodeLike(original, fixed))
  return true
}
