/**
 * The steps of `planlint [files…]` after the request is read: snapshot what --fix may
 * write, open the cache, lint, write or show fixes, apply bulk suppressions, count, report.
 */
import fs from 'node:fs'
import path from 'node:path'
import { PlanlintError } from '../errors.js'
import { readRegularFileSync } from '../io/read-bounded.js'
import { printable, printableLines } from '../text/printable.js'
import type { LintResult, Rule, RuleMeta } from '../types.js'
import { packageVersion } from '../support/package-info.js'
import type { LintCache } from './cache.js'
import { useColor } from './color.js'
import { unifiedDiff } from './diff.js'
import { isWritable, writeFix } from './fix.js'
import { assertSafeOutput } from './output-guard.js'
import { renderOutputs, writeOutputs } from './outputs.js'
import { createProgress, wantProgress } from './progress.js'
import { autoJobs, lintFileList, type FileTask } from './run-files.js'
import type { CliIO, EngineOptions, LintCommandOptions, LintRequest, OutputGuard } from './lint-request.js'

/** The terminal's width when stdout is one (reports shown there are fitted to it); else undefined. */
export function terminalColumns(stdout: CliIO['stdout']): number | undefined {
  if (!stdout.isTTY) return undefined
  const c = stdout.columns
  return typeof c === 'number' && Number.isFinite(c) && c >= 20 ? Math.floor(c) : undefined
}

/** Keeps only errors, as `--quiet` asks (warnings and notes at the info level go). */
export function onlyErrors(result: LintResult): LintResult {
  const messages = result.messages.filter((m) => m.severity === 2 || m.fatal)
  return { ...result, messages, warningCount: 0, infoCount: 0, fixableWarningCount: 0 }
}

export function rulesOf(rules: unknown): [string, Rule][] {
  if (rules instanceof Map) return [...(rules as Map<string, Rule>)]
  if (Array.isArray(rules)) return (rules as Rule[]).map((r) => [r.meta.id, r])
  return []
}

export function ruleIdsOf(rules: unknown): string[] {
  return rulesOf(rules).map(([id]) => id)
}

/**
 * Bulk suppressions: records (`--suppress-all`, `--suppress-rule`), prunes
 * (`--prune-suppressions`) and applies the suppressions file. Without options and without
 * the file, nothing happens.
 */
export async function bulkSuppress(
  results: LintResult[],
  opts: LintCommandOptions,
  io: CliIO,
  notes: NodeJS.WritableStream,
  knownRules: ReadonlySet<string>,
  inputs: readonly string[],
): Promise<LintResult[]> {
  const bulk = await import('./bulk-suppressions.js')
  const file = path.resolve(io.cwd, opts.suppressionsLocation ?? bulk.DEFAULT_SUPPRESSIONS_FILE)
  const display = printable(path.relative(io.cwd, file) || file)
  const record = opts.suppressAll === true || (opts.suppressRule?.length ?? 0) > 0
  if (!record && !opts.pruneSuppressions && !fs.existsSync(file)) return results
  if (record && opts.pruneSuppressions) throw new PlanlintError('--prune-suppressions 不能与 --suppress-all / --suppress-rule 同时使用')
  if (inputs.some((f) => path.resolve(io.cwd, f) === file)) throw new PlanlintError('批量忽略文件不能是被检查的文件', display)
  if (record || opts.pruneSuppressions) assertSafeOutput(file, 'suppressions', { inputs, cwd: io.cwd, ...(opts.force ? { force: true } : {}) })
  const rules = opts.suppressAll ? undefined : new Set(opts.suppressRule ?? [])
  for (const r of rules ?? []) {
    if (!knownRules.has(r)) throw new PlanlintError(`--suppress-rule: 未知规则「${r}」（planlint rules 列出全部规则）`)
  }
  const data = bulk.loadSuppressions(file, display)
  const base = path.dirname(file)
  if (record) {
    const added = bulk.recordSuppressions(results, data, base, rules)
    bulk.saveSuppressions(file, data)
    notes.write(`已把 ${added} 个问题记入批量忽略文件 ${display}；以后的检查只报告其中没有的问题\n`)
  } else if (opts.pruneSuppressions) {
    const dropped = bulk.pruneSuppressions(results, data, base)
    bulk.saveSuppressions(file, data)
    notes.write(`已从批量忽略文件 ${display} 中删除 ${dropped} 个不再出现的问题\n`)
  } else {
    const unused = bulk.unusedSuppressions(results, data, base)
    if (unused > 0) io.stderr.write(`planlint: 批量忽略文件 ${display} 中有 ${unused} 个问题已不再出现，可用 --prune-suppressions 清理\n`)
  }
  return bulk.applyBulkSuppressions(results, data, base)
}

/**
 * Bytes of the files --fix may write, read before linting, so a file that changes while
 * planlint runs is never overwritten.
 */
export function snapshotFixTargets(files: string[]): Map<string, Buffer> {
  const snapshots = new Map<string, Buffer>()
  for (const f of files) {
    if (!isWritable(f)) continue
    try {
      snapshots.set(f, readRegularFileSync(f))
    } catch {
      // unreadable: the engine reports it
    }
  }
  return snapshots
}

/** The results cache of `--cache` (never with fixes: --fix rewrites files, so its results are never taken from or put into the cache). */
export async function openCache(request: LintRequest, opts: LintCommandOptions, io: CliIO, guard: OutputGuard, lintOptions: EngineOptions): Promise<LintCache | undefined> {
  if (!opts.cache || request.fix) return undefined
  const { LintCache, cacheFilePath } = await import('./cache.js')
  const cacheFile = cacheFilePath(io.cwd, opts.cacheLocation)
  assertSafeOutput(cacheFile, 'cache', guard)
  const cache = new LintCache(cacheFile, {
    cwd: io.cwd,
    version: packageVersion(),
    ...(Object.keys(request.rules).length ? { rules: request.rules } : {}),
    ...(opts.preset !== undefined ? { preset: opts.preset } : {}),
    ...(lintOptions.configFile !== undefined ? { configFile: lintOptions.configFile } : {}),
    ...(opts.encoding !== undefined ? { encoding: opts.encoding } : {}),
  })
  if (cache.warning) io.stderr.write(`planlint: ${printable(`${path.relative(io.cwd, cacheFile) || cacheFile}: ${cache.warning}`)}\n`)
  return cache
}

/**
 * Lints the files (in worker threads when asked), with progress on a terminal, then saves the
 * cache. A file that cannot be read is kept aside as one line (exit 2 at the end); the others
 * are still linted.
 */
export async function lintAll(
  files: string[],
  explicit: ReadonlySet<string>,
  request: LintRequest,
  lintOptions: EngineOptions,
  cache: LintCache | undefined,
  io: CliIO,
): Promise<{ results: LintResult[]; unreadable: string[] }> {
  // Files named one by one are reported even when the config ignores them (with a
  // warning); files found through a folder or glob are silently skipped.
  const tasks: FileTask[] = files.map((file) => ({ file, warnIgnored: explicit.has(file) }))
  const progress = wantProgress(io.stderr, io.env, tasks.length) ? createProgress(io.stderr) : undefined
  const unreadable: string[] = []
  let linted: (LintResult | undefined)[]
  try {
    linted = await lintFileList(tasks, {
      onInputError: (_file, e) => unreadable.push(e.message.split('\n')[0] ?? e.message),
      lintOptions,
      jobs: request.jobs === 'auto' ? autoJobs(tasks.length) : request.jobs,
      ...(cache ? { cache } : {}),
      ...(progress ? { onProgress: (done: number, total: number) => progress.update(done, total) } : {}),
    })
  } finally {
    progress?.end()
  }
  if (cache) {
    try {
      cache.save()
    } catch (e) {
      io.stderr.write(`planlint: ${printable(`缓存未能保存（${e instanceof Error ? e.message.split('\n')[0] : String(e)}），不影响本次结果`)}\n`)
    }
  }
  return { results: linted.filter((r): r is LintResult => r !== undefined), unreadable }
}

/** Lints standard input (named by --stdin-filename, if given, for the config and the report). */
export async function lintStdin(
  engine: typeof import('../index.js'),
  ioModule: typeof import('../io/index.js'),
  lintOptions: EngineOptions,
  opts: LintCommandOptions,
  io: CliIO,
): Promise<{ result: LintResult; text: string }> {
  const filePath = opts.stdinFilename === undefined ? undefined : path.resolve(io.cwd, opts.stdinFilename)
  const source = await ioModule.readStdin(filePath)
  return { result: engine.lintText(source.text, { ...lintOptions, ...(filePath ? { filePath } : {}), source }), text: source.text }
}

/** Prints the lines of the files that could not be read; exit code 2. */
export function reportUnreadable(unreadable: string[], io: CliIO): 2 {
  for (const line of unreadable) io.stderr.write(`planlint: ${printable(line.split(io.cwd + path.sep).join(''))}\n`)
  return 2
}

/** Reads a file's text as the engine did (same encoding option): what a fix is applied to. */
export function readText(ioModule: typeof import('../io/index.js'), opts: LintCommandOptions): (file: string) => Promise<string> {
  return async (file) => (await ioModule.readSource(file, opts.encoding === undefined ? {} : { encoding: opts.encoding })).text
}

export interface FixContext {
  opts: LintCommandOptions
  io: CliIO
  notes: NodeJS.WritableStream
  snapshots: Map<string, Buffer>
  stdinText: Map<LintResult, string>
  readText: (file: string) => Promise<string>
}

/** Writes the fixes (--fix) or shows them as diffs (--fix-dry-run); Word and PDF files get a note instead. */
export async function applyFixes(results: LintResult[], ctx: FixContext): Promise<void> {
  const { opts, io, notes } = ctx
  let dryRunDiffs = 0
  for (const r of results) {
    // Word and PDF files are never rewritten; their fixes go into a reviewed copy.
    if (!isWritable(r.filePath) && /\.(docx|doc|pdf)$/i.test(r.filePath) && r.fixableErrorCount + r.fixableWarningCount > 0) {
      const display = printable(path.relative(io.cwd, r.filePath) || r.filePath)
      const how = /\.docx$/i.test(r.filePath) ? `planlint annotate ${display} 把修复写成修订` : '把文件另存为 .docx 后用 planlint annotate 把修复写成修订'
      notes.write(`${display}：Word/PDF 文件不会被改写；其中 ${r.fixableErrorCount + r.fixableWarningCount} 处可自动修复的问题，可用 ${how}\n`)
    }
    if (r.output === undefined) continue
    const display = printable(path.isAbsolute(r.filePath) ? path.relative(io.cwd, r.filePath) || r.filePath : r.filePath)
    if (opts.fixDryRun) {
      const before = ctx.stdinText.get(r) ?? (await ctx.readText(r.filePath))
      notes.write(printableLines(unifiedDiff(before, r.output, `a/${display}`, `b/${display}`)))
      dryRunDiffs++
      continue
    }
    const snapshot = ctx.snapshots.get(r.filePath)
    if (!isWritable(r.filePath) || !snapshot) {
      io.stderr.write(`planlint: ${display}: 只能写回 .txt 和 .md 文件，此文件的修复未写入\n`)
      continue
    }
    if (!writeFix(r.filePath, r.output, snapshot, await ctx.readText(r.filePath))) {
      io.stderr.write(`planlint: ${display}: 文件在检查期间被改动，或无法保持原有编码，修复未写入\n`)
    } else {
      notes.write(`已自动修复并保存：${display}\n`)
    }
  }
  if (dryRunDiffs > 0) notes.write('（以上是 --fix 将做的修改，未写入任何文件；下面是修复后仍存在的问题）\n\n')
}

/** Errors (a file's fatal errors count when it has no other) and warnings of the run; notes at
 * the info level are neither (they never fail a run and `--max-warnings` does not count them). */
export function countProblems(results: LintResult[]): { errors: number; warnings: number } {
  let warnings = 0
  let errors = 0
  for (const r of results) {
    warnings += r.warningCount
    errors += r.errorCount + (r.errorCount === 0 ? r.fatalErrorCount : 0)
  }
  return { errors, warnings }
}

export interface ReportContext {
  request: LintRequest
  opts: LintCommandOptions
  io: CliIO
  rules: unknown
  timing: typeof import('../engine/timing.js')
  warnings: number
  tooManyWarnings: boolean
}

/** Renders every requested format, writes the files and stdout, then the timing table and the --max-warnings line. */
export async function report(shown: LintResult[], ctx: ReportContext): Promise<void> {
  const { request, opts, io, timing, warnings, tooManyWarnings } = ctx
  const rulesMeta: Record<string, RuleMeta> = {}
  for (const [id, rule] of rulesOf(ctx.rules)) rulesMeta[id] = rule.meta
  const rendered = await timing.timedAsync('report', async () => {
    // Terminal widths of anything but plain Chinese need string-width (slow to load).
    const width = await import('../reporters/width.js')
    if (width.needsFullWidth(shown.flatMap((r) => r.messages.map((m) => m.message)))) await width.loadFullWidth()
    return renderOutputs(
      request.formatters,
      shown,
      {
        cwd: io.cwd,
        quiet: opts.quiet,
        rulesMeta,
        version: packageVersion(),
        maxWarningsExceeded: tooManyWarnings ? { maxWarnings: request.maxWarnings, foundWarnings: warnings } : undefined,
      },
      useColor(io.stdout, opts.color, io.env),
      terminalColumns(io.stdout),
    )
  })
  const stdoutText = timing.timed('report', () => writeOutputs(rendered, io.cwd))
  if (stdoutText) io.stdout.write(stdoutText)
  if (timing.timingEnabled()) io.stderr.write(timing.formatTiming())
  const stylishOnStdout = request.planned.some((p) => p.file === undefined && p.spec.name === 'stylish')
  if (tooManyWarnings && !stylishOnStdout) {
    io.stderr.write(`planlint: 警告数 ${warnings} 超过了 --max-warnings 允许的 ${request.maxWarnings} 个\n`)
  }
}
