/**
 * The one check every writer runs before it writes (report -o, --format x:file, preset
 * build -o, --cache-location, annotate -o, --suppressions-location): an output never lands on an input, never on
 * something that is not a regular file, and never on an existing file that is not that
 * kind of output unless the user said `--force`.
 *
 * "Is this an input" compares files, not spellings: a symlink, a hard link or `./a/../p.txt`
 * to an input is that input.
 */
import fs from 'node:fs'
import path from 'node:path'
import { PlanlintError } from '../errors.js'

export type OutputKind = 'report' | 'preset' | 'cache' | 'annotated' | 'suppressions'

const KIND_NAME: Record<OutputKind, string> = {
  report: '报告',
  preset: '预设',
  cache: '缓存',
  annotated: '批注副本',
  suppressions: '批量忽略文件',
}

export interface OutputGuard {
  /** Absolute paths of everything this run reads: linted files, config, preset files. */
  inputs: readonly string[]
  /** Overwriting an existing file of another kind is allowed (never an input). */
  force?: boolean
  cwd: string
}

function identity(file: string): string | undefined {
  try {
    const s = fs.statSync(file)
    return `${s.dev}:${s.ino}`
  } catch {
    return undefined
  }
}

function shown(file: string, cwd: string): string {
  return path.relative(cwd, file) || file
}

/** The first bytes of a file (enough to tell what it is), never blocking. */
function head(file: string, bytes = 64 * 1024): Buffer {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0))
  try {
    const buf = Buffer.alloc(bytes)
    const n = fs.readSync(fd, buf, 0, bytes, 0)
    return buf.subarray(0, n)
  } finally {
    fs.closeSync(fd)
  }
}

/** Whether `text` (a file's opening) looks like output planlint writes as `kind`. */
export function looksLike(kind: OutputKind, bytes: Buffer, file: string): boolean {
  if (bytes.length === 0) return true
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '')
  const start = text.trimStart()
  switch (kind) {
    case 'cache':
      return start.startsWith('{') || path.basename(file).startsWith('.planlintcache')
    case 'suppressions':
      return start.startsWith('{')
    case 'preset':
      return text.startsWith('# 由 planlint preset build') || /^id:\s/m.test(text)
    case 'annotated':
      return /\.planlint\.docx$/i.test(file)
    case 'report':
      return (
        start.startsWith('[') ||
        start.startsWith('{') ||
        (start.startsWith('<') && /planlint/i.test(text)) ||
        /^::(error|warning|notice)\b/m.test(text) ||
        /^(✔ 未发现|✖ 共 \d+ 个问题)/m.test(text)
      )
  }
}

/**
 * Refuses (PlanlintError, exit 2) to write `kind` output to `target` when it is an input,
 * not a regular file, or an existing file of another kind without `force`.
 */
export function assertSafeOutput(target: string, kind: OutputKind, guard: OutputGuard): void {
  const abs = path.resolve(guard.cwd, target)
  const name = KIND_NAME[kind]
  const where = shown(abs, guard.cwd)
  const id = identity(abs)
  for (const input of guard.inputs) {
    const inputAbs = path.resolve(guard.cwd, input)
    if (inputAbs === abs || (id !== undefined && identity(inputAbs) === id)) {
      throw new PlanlintError(`${name}不能写到输入文件上（它正被读取，写入会覆盖原文），请换一个输出文件名`, where)
    }
  }
  let stat: fs.Stats
  try {
    stat = fs.statSync(abs)
  } catch {
    return // does not exist (or a dangling link): a new file
  }
  if (stat.isDirectory()) throw new PlanlintError(`${name}的输出路径是一个目录，请给出文件名`, where)
  if (!stat.isFile()) throw new PlanlintError(`${name}的输出路径不是普通文件（设备、管道或套接字），planlint 只写普通文件`, where)
  if (guard.force) return
  let opening: Buffer
  try {
    opening = head(abs)
  } catch {
    return // unreadable: the write itself reports the problem
  }
  if (!looksLike(kind, opening, abs)) {
    throw new PlanlintError(`文件已存在，且不像是 planlint 生成的${name}；为免覆盖，未写入（确需覆盖请加 --force）`, where)
  }
}
