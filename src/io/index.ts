/**
 * Input adapters: files and stdin → SourceText (plain text with `\n` line ends and a map
 * from offsets to where the user sees them). Bad input throws an InputError (a
 * PlanlintError with a `kind`) whose one-line zh-CN message names the file.
 */
import { BoundedReadError, readRegularFileSync } from './read-bounded.js'
import type { SourceText } from './types.js'
import type { DecodeOptions } from './decode.js'
import { InputError } from './errors.js'
import { readWithFormat } from './formats.js'

export { sourceFromText } from './source.js'
export { decodeBytes, plausibleChinese, type DecodeOptions, type Decoded } from './decode.js'
export { FORMATS, SUPPORTED_EXTENSIONS, formatFor, type FormatAdapter } from './formats.js'
export { InputError, type InputErrorKind } from './errors.js'

export interface ReadOptions extends DecodeOptions {
  /** Largest input accepted, in bytes (default 20 MB). */
  maxBytes?: number
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024

function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 1)} MB`
}

/** Read a `.txt`/`.md` (or extension-less) file, detecting its encoding. */
export async function readSource(filePath: string, opts: ReadOptions = {}): Promise<SourceText> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES
  let bytes: Uint8Array
  try {
    bytes = readRegularFileSync(filePath, { maxBytes, what: '文件' })
  } catch (e) {
    throw fsError(e, filePath)
  }
  return fromBytes(bytes, filePath, opts)
}

/** Read all of stdin (or `opts.stream`) as bytes and decode it like a file. */
export async function readStdin(
  filePath = '<stdin>',
  opts: ReadOptions & { stream?: AsyncIterable<Uint8Array | string> & { isTTY?: boolean } } = {},
): Promise<SourceText> {
  const stream = opts.stream ?? process.stdin
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES
  if (stream.isTTY) {
    throw new InputError('empty', '标准输入是终端，没有管道输入；应通过管道传入文本，或给出文件路径', filePath)
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk)
    size += buf.length
    if (size > maxBytes) {
      throw new InputError('too-large', `标准输入超过 ${megabytes(maxBytes)} 的上限`, filePath)
    }
    chunks.push(buf)
  }
  return fromBytes(Buffer.concat(chunks, size), filePath, opts)
}

/**
 * Decode bytes already in memory (an upload, a buffer) like a file called `filePath`: the
 * extension picks the adapter; empty or blank input is refused as for a file.
 */
export async function readBytes(bytes: Uint8Array, filePath: string, opts: DecodeOptions = {}): Promise<SourceText> {
  return fromBytes(bytes, filePath, opts)
}

async function fromBytes(bytes: Uint8Array, filePath: string, opts: DecodeOptions): Promise<SourceText> {
  if (bytes.length === 0) throw new InputError('empty', '文件为空，没有可检查的内容', filePath)
  const source = await readWithFormat(bytes, filePath, opts)
  if (source.text.trim() === '') {
    throw new InputError('empty', '文件只有空白字符，没有可检查的内容', filePath)
  }
  return source
}

function fsError(e: unknown, filePath: string): InputError {
  if (e instanceof InputError) return e
  if (e instanceof BoundedReadError) {
    switch (e.kind) {
      case 'not-found':
        return new InputError('not-found', '找不到文件；请检查路径是否正确', filePath)
      case 'is-directory':
        return new InputError('is-directory', '这是一个目录，不是文件；应为 .txt、.md、.docx、.doc 或 .pdf 文件', filePath)
      case 'too-large':
        return new InputError('too-large', e.message.slice(e.message.indexOf(': ') + 2), filePath)
      case 'not-regular':
        return new InputError('unreadable', '不是普通文件（设备、管道或套接字），planlint 只读取普通文件', filePath)
      default: {
        const code = (e.cause as NodeJS.ErrnoException | undefined)?.code
        if (code === 'EACCES' || code === 'EPERM' || /没有读取权限/.test(e.message)) return new InputError('unreadable', '没有读取该文件的权限', filePath)
        return new InputError('unreadable', e.message.slice(e.message.indexOf(': ') + 2), filePath)
      }
    }
  }
  return new InputError('unreadable', `无法读取文件（${(e as NodeJS.ErrnoException | undefined)?.code ?? String(e)}）`, filePath)
}
