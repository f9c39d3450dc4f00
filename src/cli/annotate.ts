/**
 * `planlint annotate DRAFT.docx [-o REVIEWED.docx]`: lint a Word draft and write a copy
 * with every finding as a Word comment (批注, author planlint) and every safe fix as a
 * tracked change the drafter accepts or rejects. The original is never touched; the copy
 * is written atomically (temp file + rename), so a failure leaves no half-written file.
 * Exit code as for linting: 1 when errors were found, 0 otherwise, 2 when it could not run.
 */
import { expandGroups } from '../engine/group.js'
import path from 'node:path'
import { PlanlintError } from '../errors.js'
import type { LintOptions } from '../lint/lint.js'
import type { LintResult } from '../types.js'
import type { AnnotateSummary } from './annotate-docx.js'
import { BoundedReadError, readRegularFileSync } from '../io/read-bounded.js'
import type { CliIO } from './lint.js'
import { collectRules } from './rule-option.js'
import { assertSafeOutput } from './output-guard.js'
import { writeFileAtomic } from './write.js'
import { printable } from '../text/printable.js'

export interface AnnotateOptions {
  output?: string
  preset?: string
  config?: string
  rule?: string[]
  force?: boolean
}

/** `<name>.planlint.docx` next to the input. */
export function defaultAnnotatedPath(file: string): string {
  const ext = path.extname(file)
  return path.join(path.dirname(file), `${path.basename(file, ext)}.planlint.docx`)
}

/**
 * Lints a .docx held in memory and returns the annotated copy's bytes (comments and
 * tracked changes), what was written, and the lint result. Nothing touches the disk: the
 * CLI writes the bytes, the review page sends them to the browser.
 */
export async function annotateDocxBytes(
  bytes: Uint8Array,
  filePath: string,
  lintOptions: LintOptions,
): Promise<{ data: Buffer; summary: AnnotateSummary; result: LintResult }> {
  const [{ readDocxDetailed }, { annotateDocx }, engine, { InputError }] = await Promise.all([
    import('../io/docx.js'),
    import('./annotate-docx.js'),
    import('../index.js'),
    import('../io/errors.js'),
  ])
  if (bytes.length === 0) throw new InputError('empty', '文件为空，没有可检查的内容', filePath)
  const read = await readDocxDetailed(bytes, filePath)
  if (read.source.text.trim() === '') throw new InputError('empty', '文档中没有文字，没有可检查的内容', filePath)
  const result = engine.lintText(read.source.text, { ...lintOptions, source: read.source })
  // a grouped finding is marked at each of its places
  const messages = expandGroups(result.messages.filter((m) => !m.fatal))
  const summary = await annotateDocx(read.opened, read.mapped, messages, { filePath })
  const data = await read.opened.zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })
  return { data, summary, result }
}

export async function runAnnotate(file: string, opts: AnnotateOptions, io: CliIO): Promise<number> {
  const abs = path.resolve(io.cwd, file)
  if (path.extname(abs).toLowerCase() !== '.docx') {
    throw new PlanlintError('annotate 只能给 .docx 文件写批注；.doc 请先在 Word 中另存为 .docx，PDF 请改用原始的 Word 文件', file)
  }
  const out = path.resolve(io.cwd, opts.output ?? defaultAnnotatedPath(file))
  if (path.extname(out).toLowerCase() !== '.docx') {
    throw new PlanlintError('输出文件的扩展名应为 .docx', opts.output ?? out)
  }
  let bytes: Buffer
  try {
    bytes = readRegularFileSync(abs)
  } catch (e) {
    const kind = e instanceof BoundedReadError ? e.kind : 'unreadable'
    const message = e instanceof Error ? e.message.slice(e.message.indexOf(': ') + 2) : String(e)
    throw new PlanlintError(kind === 'not-found' ? '找不到文件' : kind === 'is-directory' ? '这是一个目录，不是 .docx 文件' : message, file)
  }
  const inputs = [abs, ...(opts.config !== undefined ? [path.resolve(io.cwd, opts.config)] : []), ...(opts.preset !== undefined && /[\\/.]/.test(opts.preset) ? [path.resolve(io.cwd, opts.preset)] : [])]
  assertSafeOutput(out, 'annotated', { inputs, cwd: io.cwd, ...(opts.force ? { force: true } : {}) })
  const rules = collectRules(opts.rule ?? [])
  const { data, summary, result } = await annotateDocxBytes(bytes, abs, {
    filePath: abs,
    cwd: io.cwd,
    ...(opts.config === undefined ? {} : { configFile: path.resolve(io.cwd, opts.config) }),
    ...(opts.preset === undefined ? {} : { preset: opts.preset }),
    ...(Object.keys(rules).length ? { rules } : {}),
  })
  writeFileAtomic(out, data)
  const shown = path.relative(io.cwd, out) || out
  const parts = [`${summary.comments} 条批注`, `${summary.changes} 处修订`]
  if (summary.skippedFixes) parts.push(`${summary.skippedFixes} 处修复跨段落，只写在批注里`)
  io.stdout.write(`已写入 ${printable(shown)}：${parts.join('，')}（作者 planlint；原文件未改动）\n`)
  for (const m of result.messages.filter((x) => x.fatal)) io.stderr.write(`planlint: ${printable(m.message)}\n`)
  return result.errorCount > 0 ? 1 : 0
}
