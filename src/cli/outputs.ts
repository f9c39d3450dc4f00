/**
 * `--format` may be given several times, each optionally with a target file:
 *
 *   planlint --format stylish --format sarif:planlint.sarif --format html:report.html
 *
 * A format without a target goes to stdout (or `--output-file`). When every format has a
 * target, the terminal still gets the stylish summary. Reports are all formatted before
 * any is written, and each file is written atomically, so a failure never leaves half a
 * report behind.
 */
import fs from 'node:fs'
import path from 'node:path'
import { PlanlintError } from '../errors.js'
import type { Formatter, FormatterContext } from '../reporters/index.js'
import type { LintResult } from '../engine/types.js'
import { writeFileAtomic } from './write.js'

export interface FormatSpec {
  /** Formatter name, module path or package name. */
  name: string
  /** File to write (as given), or undefined for stdout / --output-file. */
  target?: string
}

/** Splits `name:target`. A Windows drive (`C:\…`) in a module path is not a separator. */
export function parseFormatSpec(spec: string, known: (name: string) => boolean = () => false): FormatSpec {
  const raw = spec.trim()
  if (raw === '') throw new PlanlintError('--format 不能为空')
  if (known(raw)) return { name: raw }
  const from = /^[A-Za-z]:[\\/]/.test(raw) ? 2 : 0
  const i = raw.indexOf(':', from)
  if (i <= 0) return { name: raw }
  const name = raw.slice(0, i)
  const target = raw.slice(i + 1)
  if (target.trim() === '') throw new PlanlintError(`--format ${name}: 后面缺少输出文件路径，如 --format ${name}:报告文件`)
  return { name, target }
}

export interface PlannedOutput {
  spec: FormatSpec
  /** Absolute file path, or undefined for stdout. */
  file?: string
}

/** Decides where each format goes; throws for two reports aimed at one file. */
export function planOutputs(formats: string[], opts: { cwd: string; outputFile?: string; known: (n: string) => boolean }): PlannedOutput[] {
  const specs = (formats.length ? formats : ['stylish']).map((f) => parseFormatSpec(f, opts.known))
  if (specs.every((s) => s.target !== undefined) && opts.outputFile === undefined) specs.unshift({ name: 'stylish' })
  const untargeted = specs.filter((s) => s.target === undefined)
  if (opts.outputFile !== undefined && untargeted.length > 1) {
    throw new PlanlintError(`--output-file 只能接收一种格式，但有 ${untargeted.length} 种格式没有指定文件（请写成 --format 格式:文件）`)
  }
  const planned = specs.map((spec) => {
    const target = spec.target ?? opts.outputFile
    return target === undefined ? { spec } : { spec, file: path.resolve(opts.cwd, target) }
  })
  const seen = new Set<string>()
  for (const p of planned) {
    if (!p.file) continue
    if (seen.has(p.file)) throw new PlanlintError(`多个 --format 写入同一个文件 ${path.relative(opts.cwd, p.file) || p.file}`)
    seen.add(p.file)
  }
  return planned
}

export interface RenderedOutput {
  file?: string
  name: string
  text: string
}

/** Formats every planned output (nothing is written yet). */
export function renderOutputs(
  planned: { out: PlannedOutput; formatter: Formatter }[],
  results: LintResult[],
  ctx: Omit<FormatterContext, 'color' | 'columns'>,
  stdoutColor: boolean,
  /** The terminal's width when stdout is a TTY; only output shown on it is fitted to it. */
  stdoutColumns?: number,
): RenderedOutput[] {
  return planned.map(({ out, formatter }) => ({
    name: out.spec.name,
    ...(out.file ? { file: out.file } : {}),
    text: formatter(results, { ...ctx, color: out.file ? false : stdoutColor, ...(out.file || !stdoutColumns ? {} : { columns: stdoutColumns }) }),
  }))
}

/** Writes the file outputs atomically (creating their folders) and returns the stdout text. */
export function writeOutputs(rendered: RenderedOutput[], cwd: string): string {
  let stdout = ''
  for (const r of rendered) {
    if (!r.file) {
      stdout += r.text
      continue
    }
    try {
      fs.mkdirSync(path.dirname(r.file), { recursive: true })
    } catch {
      throw new PlanlintError('无法创建输出文件所在的目录', path.relative(cwd, r.file) || r.file)
    }
    writeFileAtomic(r.file, r.text)
  }
  return stdout
}
