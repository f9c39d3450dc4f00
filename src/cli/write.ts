/**
 * Atomic writes: the text goes to a temporary file in the target's directory, then one
 * rename puts it in place, so a reader never sees half a file and a failure leaves the
 * old file untouched.
 */
import fs from 'node:fs'
import path from 'node:path'
import { PlanlintError } from '../errors.js'

function tempPathFor(target: string): string {
  const rand = Math.random().toString(36).slice(2, 8)
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${rand}.tmp`)
}

function describe(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code
  switch (code) {
    case 'ENOENT':
      return '所在目录不存在'
    case 'EACCES':
    case 'EPERM':
      return '没有写入权限'
    case 'ENOSPC':
      return '磁盘空间不足'
    case 'EISDIR':
      return '这是一个目录'
    case 'EROFS':
      return '文件系统只读'
    default:
      return `无法写入（${code ?? (e as Error)?.message ?? String(e)}）`
  }
}

/** Writes `data` to `target` atomically, keeping the old file's permissions. */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const tmp = tempPathFor(target)
  try {
    let mode: number | undefined
    try {
      mode = fs.statSync(target).mode & 0o777
    } catch {
      mode = undefined
    }
    fs.writeFileSync(tmp, data, mode === undefined ? {} : { mode })
    fs.renameSync(tmp, target)
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true })
    } catch {
      // nothing more to clean up
    }
    throw new PlanlintError(describe(e), target)
  }
}

/**
 * Creates `target` atomically, refusing when it exists: the temp file is hard-linked to
 * the target name, which fails if anything is there already.
 */
export function createFileExclusive(target: string, data: string): 'created' | 'exists' {
  const tmp = tempPathFor(target)
  try {
    fs.writeFileSync(tmp, data)
    try {
      fs.linkSync(tmp, target)
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      // File systems without hard links: exclusive create is the next best thing.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw e
      fs.writeFileSync(target, data, { flag: 'wx' })
    }
    return 'created'
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return 'exists'
    throw new PlanlintError(describe(e), target)
  } finally {
    try {
      fs.rmSync(tmp, { force: true })
    } catch {
      // nothing more to clean up
    }
  }
}
