/**
 * Turns what the user typed (files, directories, globs, `-`) into the list of files to
 * lint. Directories are searched recursively for supported formats; a path or pattern
 * that finds nothing is an error (exit 2), never a silent "no problems".
 */
import fs from 'node:fs'
import path from 'node:path'
import { glob, isDynamicPattern } from 'tinyglobby'
import { PlanlintError } from '../errors.js'

export interface ExpandOptions {
  cwd: string
  /** Supported extensions, with or without the dot (`.txt`, `md`). */
  extensions: readonly string[]
  /** Files found through a directory or a glob are dropped when this says so. */
  isIgnored?: (absPath: string) => boolean
}

export interface Inputs {
  /** Absolute paths, in the order given, directories expanded in sorted order. */
  files: string[]
  /** The subset of `files` the user named one by one (not found through a folder or glob). */
  explicit: Set<string>
  /** True when `-` (standard input) was among the inputs. */
  stdin: boolean
}

const ALWAYS_SKIPPED = ['**/node_modules/**', '**/.git/**']

function normaliseExtensions(exts: readonly string[]): string[] {
  return exts.map((e) => (e.startsWith('.') ? e.slice(1) : e).toLowerCase())
}

function extensionList(exts: string[]): string {
  return exts.map((e) => '.' + e).join('、')
}

function hasExtension(file: string, exts: string[]): boolean {
  return exts.includes(path.extname(file).slice(1).toLowerCase())
}

/** The folder a glob walks from: its leading segments without pattern characters. */
function globBase(pattern: string, cwd: string): string {
  const segments = pattern.split(/[\\/]/)
  const fixed: string[] = []
  for (const seg of segments.slice(0, -1)) {
    if (isDynamicPattern(seg)) break
    fixed.push(seg)
  }
  const joined = fixed.join('/')
  return path.resolve(cwd, joined === '' && pattern.startsWith('/') ? '/' : joined)
}

/** Expands inputs; throws PlanlintError naming the input that found nothing. */
export async function expandInputs(inputs: string[], options: ExpandOptions): Promise<Inputs> {
  const exts = normaliseExtensions(options.extensions)
  const seen = new Set<string>()
  const files: string[] = []
  const explicit = new Set<string>()
  let stdin = false
  const add = (abs: string) => {
    if (!seen.has(abs)) {
      seen.add(abs)
      files.push(abs)
    }
  }
  const keep = (abs: string) => !options.isIgnored?.(abs)
  // Files found by walking are kept only when their real file lies inside the walked
  // tree (a symlink never leads out of it, e.g. into /etc), each real file once (a
  // symlink loop lists one file under many names).
  const seenReal = new Set<string>()
  const realOf = (abs: string): string | undefined => {
    try {
      return fs.realpathSync(abs)
    } catch {
      return undefined
    }
  }
  const inTree = (root: string) => {
    const realRoot = realOf(root) ?? root
    const prefix = realRoot.endsWith(path.sep) ? realRoot : realRoot + path.sep
    return (abs: string) => realOf(abs)?.startsWith(prefix) === true
  }
  const addWalked = (abs: string) => {
    const real = realOf(abs) ?? abs
    if (seenReal.has(real)) return
    seenReal.add(real)
    add(abs)
  }

  for (const input of inputs) {
    if (input === '-') {
      stdin = true
      continue
    }
    if (input.trim() === '') throw new PlanlintError('文件名为空')
    const abs = path.resolve(options.cwd, input)
    let stat: fs.Stats | undefined
    try {
      stat = fs.statSync(abs)
    } catch {
      stat = undefined
    }
    if (stat?.isFile()) {
      seenReal.add(realOf(abs) ?? abs)
      add(abs)
      explicit.add(abs)
      continue
    }
    if (stat?.isDirectory()) {
      const found = await glob(exts.map((e) => `**/*.${e}`), {
        cwd: abs,
        absolute: true,
        ignore: ALWAYS_SKIPPED,
        caseSensitiveMatch: false,
        expandDirectories: false,
      })
      const kept = found.map((f) => path.resolve(f)).sort().filter(keep).filter(inTree(abs))
      if (kept.length === 0) {
        throw new PlanlintError(`目录中没有可检查的文件（支持 ${extensionList(exts)}）`, input)
      }
      kept.forEach(addWalked)
      continue
    }
    if (stat) throw new PlanlintError('不是普通文件，无法检查', input)
    if (isDynamicPattern(input)) {
      const found = await glob(input, { cwd: options.cwd, absolute: true, ignore: ALWAYS_SKIPPED, expandDirectories: false })
      const kept = found
        .map((f) => path.resolve(f))
        .filter((f) => hasExtension(f, exts))
        .sort()
        .filter(keep)
        .filter(inTree(globBase(input, options.cwd)))
      if (kept.length === 0) {
        throw new PlanlintError(`没有与此模式匹配的可检查文件（支持 ${extensionList(exts)}）`, input)
      }
      kept.forEach(addWalked)
      continue
    }
    throw new PlanlintError('找不到该文件或目录', input)
  }
  return { files, explicit, stdin }
}
