/**
 * The one way planlint reads a file it was pointed at (input, config, preset, cache):
 * a regular file only, opened without blocking (a FIFO or a device never makes it wait),
 * read to at most `maxBytes` — so `/dev/zero`, a named pipe or a 50 GB file is refused in
 * one line instead of hanging or exhausting memory.
 */
import fs from 'node:fs'
import { PlanlintError } from '../errors.js'

export const DEFAULT_MAX_READ_BYTES = 20 * 1024 * 1024

export interface BoundedReadOptions {
  /** Largest file accepted, in bytes. */
  maxBytes?: number
  /** What the file is, in the refusal (“配置文件”, “缓存文件”…). */
  what?: string
}

export function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 1)} MB`
}

/** Why a file could not be opened or read, in Chinese. */
export function describeReadError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return '文件不存在'
    case 'EISDIR':
      return '这是目录，不是文件'
    case 'EACCES':
    case 'EPERM':
      return '没有读取权限'
    case 'ELOOP':
      return '符号链接循环'
    default:
      return `无法读取（${code ?? (e instanceof Error ? e.message : String(e))}）`
  }
}

/** Error thrown for a file that is not a regular file or is too large. */
export class BoundedReadError extends PlanlintError {
  constructor(
    readonly kind: 'not-regular' | 'too-large' | 'unreadable' | 'is-directory' | 'not-found',
    message: string,
    file: string,
  ) {
    super(message, file)
  }
}

function kindOf(e: unknown): BoundedReadError['kind'] {
  const code = (e as NodeJS.ErrnoException | undefined)?.code
  return code === 'ENOENT' || code === 'ENOTDIR' ? 'not-found' : code === 'EISDIR' ? 'is-directory' : 'unreadable'
}

/**
 * Reads `file` when it is a regular file of at most `maxBytes` bytes.
 * @throws BoundedReadError (a PlanlintError naming the file) otherwise.
 */
export function readRegularFileSync(file: string, opts: BoundedReadOptions = {}): Buffer {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_READ_BYTES
  const what = opts.what ?? '文件'
  let fd: number
  try {
    // O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting for a writer.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0))
  } catch (e) {
    throw new BoundedReadError(kindOf(e), `无法读取${what}：${describeReadError(e)}`, file)
  }
  try {
    const info = fs.fstatSync(fd)
    if (info.isDirectory()) throw new BoundedReadError('is-directory', `无法读取${what}：这是目录，不是文件`, file)
    if (!info.isFile()) throw new BoundedReadError('not-regular', `无法读取${what}：不是普通文件（设备、管道或套接字），planlint 只读取普通文件`, file)
    if (info.size > maxBytes) {
      throw new BoundedReadError('too-large', `${what}大小 ${megabytes(info.size)}，超过 ${megabytes(maxBytes)} 的上限`, file)
    }
    // Read at most maxBytes + 1 bytes: a file that grows while it is read is still bounded.
    const chunks: Buffer[] = []
    let total = 0
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(maxBytes + 1 - total, Math.max(info.size - total, 64 * 1024)))
      const n = buf.length === 0 ? 0 : fs.readSync(fd, buf, 0, buf.length, null)
      if (n === 0) break
      chunks.push(buf.subarray(0, n))
      total += n
      if (total > maxBytes) throw new BoundedReadError('too-large', `${what}超过 ${megabytes(maxBytes)} 的上限`, file)
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total)
  } catch (e) {
    if (e instanceof BoundedReadError) throw e
    throw new BoundedReadError(kindOf(e), `无法读取${what}：${describeReadError(e)}`, file)
  } finally {
    fs.closeSync(fd)
  }
}

/** Reads `file` as UTF-8 text with the same bounds. */
export function readRegularTextSync(file: string, opts: BoundedReadOptions = {}): string {
  return readRegularFileSync(file, opts).toString('utf8')
}
