/**
 * Atomic writes: the text goes to a temporary file in the target's directory, then one
 * rename puts it in place, so a reader never sees half a file and a failure leaves the
 * old file untouched.
 */
import fs from 'node:fs'
import path from 'node:path'
import { PlanlintError } from '../errors.js'

const TEMP_PATTERN = /^\.(.+)\.(\d+)\.[a-z0-9]+\.tmp$/

function tempPathFor(target: string): string {
  const rand = Math.random().toString(36).slice(2, 8) || '0'
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${rand}.tmp`)
}

// Temp files being written now; removed on SIGINT/SIGTERM/SIGHUP before the process ends.
const pending = new Set<string>()
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']

function onSignal(signal: NodeJS.Signals): void {
  for (const tmp of pending) {
    try {
      fs.rmSync(tmp, { force: true })
    } catch {
      // best effort: the next run removes what is left
    }
  }
  pending.clear()
  for (const s of SIGNALS) process.removeListener(s, onSignal)
  process.kill(process.pid, signal)
}

function track(tmp: string): void {
  if (pending.size === 0) for (const s of SIGNALS) process.on(s, onSignal)
  pending.add(tmp)
}

function untrack(tmp: string): void {
  pending.delete(tmp)
  if (pending.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal)
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Removes temp files of `target` left by a planlint that was killed while writing. */
export function removeStaleTemps(target: string): void {
  const dir = path.dirname(target)
  const base = path.basename(target)
  let names: string[]
  try {
    names = fs.readdirSync(dir)
  } catch {
    return
  }
  for (const name of names) {
    const m = TEMP_PATTERN.exec(name)
    if (!m || m[1] !== base || alive(Number(m[2]))) continue
    try {
      if (fs.lstatSync(path.join(dir, name)).isFile()) fs.rmSync(path.join(dir, name), { force: true })
    } catch {
      // someone else removed it
    }
  }
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

/** Replaces the content of `file` in place, keeping its inode (hard links, owner, mode). */
function writeInPlace(file: string, data: string | Uint8Array): void {
  const fd = fs.openSync(file, fs.constants.O_WRONLY | (fs.constants.O_NONBLOCK ?? 0))
  try {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
    let off = 0
    while (off < buf.length) off += fs.writeSync(fd, buf, off, buf.length - off, off)
    fs.ftruncateSync(fd, buf.length)
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * Writes `data` to `target` so that a reader never sees half a file and a failure leaves
 * the old file untouched: a temp file beside the real file, then one rename. What the
 * user set up stays as it was:
 * - a symlink stays a symlink (its target is written);
 * - the file keeps its permissions and owner; a read-only file is refused;
 * - a file with several hard links, or one whose owner this process cannot give a new
 *   file, is rewritten in place (a rename would split it from its other names);
 * - temp files are removed on SIGINT/SIGTERM/SIGHUP, and leftovers of a killed run (its
 *   pid gone) on the next write of the same file.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  let real = target
  try {
    real = fs.realpathSync(target)
  } catch {
    // does not exist yet (or a dangling link, which is replaced)
  }
  let stat: fs.Stats | undefined
  try {
    stat = fs.statSync(real)
  } catch {
    stat = undefined
  }
  if (stat && !stat.isFile()) throw new PlanlintError(stat.isDirectory() ? '这是一个目录' : '不是普通文件，planlint 只写普通文件', target)
  if (stat && (stat.mode & 0o222) === 0) throw new PlanlintError('文件是只读的，未写入（如需修改请先取消只读）', target)
  removeStaleTemps(real)
  const inPlace = stat !== undefined && (stat.nlink > 1 || !canGive(stat))
  if (inPlace) {
    try {
      fs.accessSync(real, fs.constants.W_OK)
      writeInPlace(real, data)
    } catch (e) {
      throw new PlanlintError(describe(e), target)
    }
    return
  }
  const tmp = tempPathFor(real)
  track(tmp)
  try {
    // a new file gets 0666 less the umask, as any editor would make it
    fs.writeFileSync(tmp, data, { flag: 'wx', mode: stat ? 0o600 : 0o666 })
    if (stat) {
      fs.chmodSync(tmp, stat.mode & 0o7777)
      if (typeof process.getuid === 'function' && (stat.uid !== process.getuid() || stat.gid !== process.getgid?.())) fs.chownSync(tmp, stat.uid, stat.gid)
    }
    fs.renameSync(tmp, real)
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true })
    } catch {
      // nothing more to clean up
    }
    throw new PlanlintError(describe(e), target)
  } finally {
    untrack(tmp)
  }
}

/** Whether a new file made by this process can be given `stat`'s owner and group. */
function canGive(stat: fs.Stats): boolean {
  if (typeof process.getuid !== 'function') return true
  const uid = process.getuid()
  if (uid === 0) return true
  if (stat.uid !== uid) return false
  return stat.gid === process.getgid?.() || (process.getgroups?.() ?? []).includes(stat.gid)
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
