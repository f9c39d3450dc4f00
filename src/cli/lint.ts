/**
 * `planlint [files…]`: expand the inputs, lint them, write fixes, format and print the
 * report, and decide the exit code. Everything heavy (engine, reporters, input adapters)
 * is imported here, never by the CLI entry, so `--help` stays fast.
 */
import fs from 'node:fs'
import path from 'node:path'
import { PlanlintError } from '../errors.js'
import { readRegularFileSync } from '../io/read-bounded.js'
import { printable, printableLines } from '../text/printable.js'
import type { LintResult, Rule, RuleMeta, RuleSetting } from '../types.js'
import { useColor } from './color.js'
import { unifiedDiff } from './diff.js'
import { expandInputs } from './files.js'
import { isWritable, writeFix } from './fix.js'
import { assertSafeOutput } from './output-guard.js'
import { planOutputs, renderOutputs, writeOutputs } from './outputs.js'
import { createProgress, wantProgress } from './progress.js'
import { checkRuleIds, collectRules } from './rule-option.js'
import { autoJobs, lintFileList, parseJobs, type FileTask } from './run-files.js'

export interface LintCommandOptions {
  /** `--format` values in order, each `name` or `name:file`; empty means stylish. */
  format: string | string[]
  preset?: string
  config?: string
  rule: string[]
  maxWarnings?: string
  quiet?: boolean
  outputFile?: string
  fix?: boolean
  fixDryRun?: boolean
  color?: boolean
  stdinFilename?: string
  encoding?: string
  cache?: boolean
  cacheLocation?: string
  jobs?: string
  suppressAll?: boolean
  suppressRule?: string[]
  suppressionsLocation?: string
  pruneSuppressions?: boolean
  /** Overwrite an existing output file of another kind (never an input). */
  force?: boolean
}

export interface CliIO {
  cwd: string
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }
  stderr: NodeJS.WritableStream & { isTTY?: boolean }
  env: NodeJS.ProcessEnv
}

function parseMaxWarnings(raw: string | undefined): number {
  if (raw === undefined) return -1
  if (!/^-?\d+$/.test(raw.trim())) throw new PlanlintError(`--max-warnings 应为整数，收到“${raw}”`)
  const n = Number(raw)
  if (n < -1) throw new PlanlintError(`--max-warnings 应为 0 或正整数（-1 表示不限），收到“${raw}”`)
  return n
}

/** The terminal's width when stdout is one (reports shown there are fitted to it); else undefined. */
export function terminalColumns(stdout: CliIO['stdout']): number | undefined {
  if (!stdout.isTTY) return undefined
  const c = stdout.columns
  return typeof c === 'number' && Number.isFinite(c) && c >= 20 ? Math.floor(c) : undefined
}

/** Keeps only errors, as `--quiet` asks. */
export function onlyErrors(result: LintResult): LintResult {
  const messages = result.messages.filter((m) => m.severity === 2 || m.fatal)
  return { ...result, messages, warningCount: 0, fixableWarningCount: 0 }
}

function rulesOf(rules: unknown): [string, Rule][] {
  if (rules instanceof Map) return [...(rules as Map<string, Rule>)]
  if (Array.isArray(rules)) return (rules as Rule[]).map((r) => [r.meta.id, r])
  return []
}

function ruleIdsOf(rules: unknown): string[] {
  return rulesOf(rules).map(([id]) => id)
}

let versionCache: string | undefined
/** planlint's own version (for the cache key and SARIF's tool.driver). */
async function planlintVersion(): Promise<string> {
  if (versionCache) return versionCache
  const { fileURLToPath } = await import('node:url')
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string }
      if (pkg.name === 'planlint') return (versionCache = pkg.version ?? '0.0.0')
    } catch {
      // keep looking upward
    }
    dir = path.dirname(dir)
  }
  return (versionCache = '0.0.0')
}

/**
 * Bulk suppressions: records (`--suppress-all`, `--suppress-rule`), prunes
 * (`--prune-suppressions`) and applies the suppressions file. Without options and without
 * the file, nothing happens.
 */
async function bulkSuppress(
  results: LintResult[],
  opts: LintCommandOptions,
  io: CliIO,
  notes: NodeJS.WritableStream,
  knownRules: ReadonlySet<string>,
  inputs: string[],
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

export async function runLint(inputs: string[], opts: LintCommandOptions, io: CliIO): Promise<number> {
  // One run, one snapshot of configs and presets: looked up once, not stat'ed for every file.
  const { beginTrustedRun } = await import('../presets/trust.js')
  const endTrustedRun = beginTrustedRun()
  try {
    return await lintRun(inputs, opts, io)
  } finally {
    endTrustedRun()
  }
}

async function lintRun(inputs: string[], opts: LintCommandOptions, io: CliIO): Promise<number> {
  const reporters = await import('../reporters/index.js')
  const formats = typeof opts.format === 'string' ? [opts.format] : opts.format
  const planned = planOutputs(formats, { cwd: io.cwd, known: reporters.hasFormatter, ...(opts.outputFile !== undefined ? { outputFile: opts.outputFile } : {}) })
  const formatters = await Promise.all(planned.map(async (out) => ({ out, formatter: await reporters.getFormatter(out.spec.name, { cwd: io.cwd }) })))
  const jobsOption = parseJobs(opts.jobs)
  const rules: Record<string, RuleSetting> = collectRules(opts.rule)
  const maxWarnings = parseMaxWarnings(opts.maxWarnings)
  if (opts.fix && opts.fixDryRun) throw new PlanlintError('--fix 和 --fix-dry-run 不能同时使用')
  if (inputs.length === 0) {
    throw new PlanlintError('请指定要检查的文件，例如：planlint 实施方案.txt（planlint --help 查看用法）')
  }
  if (opts.stdinFilename !== undefined && !inputs.includes('-')) {
    throw new PlanlintError('--stdin-filename 只能与 “-”（从标准输入读取）一起使用')
  }
  if (opts.fix && inputs.includes('-')) {
    throw new PlanlintError('标准输入的内容无法写回，请改用 --fix-dry-run 查看修改')
  }

  const [engine, ioModule, timing] = await Promise.all([import('../index.js'), import('../io/index.js'), import('../engine/timing.js')])
  // TIMING=1: time per phase and per rule, printed to stderr after the run (this thread's work).
  timing.setTiming(io.env.TIMING)
  checkRuleIds(rules, ruleIdsOf(engine.getRules()))

  const { files, explicit, stdin } = await expandInputs(inputs, { cwd: io.cwd, extensions: ioModule.SUPPORTED_EXTENSIONS })
  const fix = opts.fix === true || opts.fixDryRun === true
  // No output may land on anything this run reads.
  const readInputs = [...files]
  if (opts.config !== undefined) readInputs.push(path.resolve(io.cwd, opts.config))
  if (opts.preset !== undefined && /[\\/.]/.test(opts.preset)) readInputs.push(path.resolve(io.cwd, opts.preset))
  if (opts.stdinFilename !== undefined) readInputs.push(path.resolve(io.cwd, opts.stdinFilename))
  const guard = { inputs: readInputs, cwd: io.cwd, ...(opts.force ? { force: true } : {}) }
  for (const out of planned) if (out.file) assertSafeOutput(out.file, 'report', guard)
  const lintOptions = {
    cwd: io.cwd,
    ...(opts.config === undefined ? {} : { configFile: path.resolve(io.cwd, opts.config) }),
    ...(opts.preset === undefined ? {} : { preset: opts.preset }),
    ...(Object.keys(rules).length ? { rules } : {}),
    ...(opts.encoding === undefined ? {} : { encoding: opts.encoding }),
    fix,
  }

  // Bytes of the files --fix may write, read before linting, so a file that changes while
  // planlint runs is never overwritten.
  const snapshots = new Map<string, Buffer>()
  if (opts.fix) {
    for (const f of files) {
      if (!isWritable(f)) continue
      try {
        snapshots.set(f, readRegularFileSync(f))
      } catch {
        // unreadable: the engine reports it
      }
    }
  }

  // Files named one by one are reported even when the config ignores them (with a
  // warning); files found through a folder or glob are silently skipped.
  const tasks: FileTask[] = files.map((file) => ({ file, warnIgnored: explicit.has(file) }))
  // --fix rewrites files, so its results are never taken from or put into the cache.
  let cache: import('./cache.js').LintCache | undefined
  if (opts.cache && !fix) {
    const { LintCache, cacheFilePath } = await import('./cache.js')
    const cacheFile = cacheFilePath(io.cwd, opts.cacheLocation)
    assertSafeOutput(cacheFile, 'cache', guard)
    cache = new LintCache(cacheFile, {
      cwd: io.cwd,
      version: await planlintVersion(),
      ...(Object.keys(rules).length ? { rules } : {}),
      ...(opts.preset !== undefined ? { preset: opts.preset } : {}),
      ...(lintOptions.configFile !== undefined ? { configFile: lintOptions.configFile } : {}),
      ...(opts.encoding !== undefined ? { encoding: opts.encoding } : {}),
    })
    if (cache.warning) io.stderr.write(`planlint: ${printable(`${path.relative(io.cwd, cacheFile) || cacheFile}: ${cache.warning}`)}\n`)
  }
  const progress = wantProgress(io.stderr, io.env, tasks.length) ? createProgress(io.stderr) : undefined
  let linted: (LintResult | undefined)[]
  // A file that cannot be read is reported (exit 2 at the end); the others are still linted.
  const unreadable: string[] = []
  try {
    linted = await lintFileList(tasks, {
      onInputError: (_file, e) => unreadable.push(e.message.split('\n')[0] ?? e.message),
      lintOptions,
      jobs: jobsOption === 'auto' ? autoJobs(tasks.length) : jobsOption,
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
  let results: LintResult[] = linted.filter((r): r is LintResult => r !== undefined)
  const stdinText = new Map<LintResult, string>()
  if (stdin) {
    const filePath = opts.stdinFilename === undefined ? undefined : path.resolve(io.cwd, opts.stdinFilename)
    const source = await ioModule.readStdin(filePath)
    const result = engine.lintText(source.text, { ...lintOptions, ...(filePath ? { filePath } : {}), source })
    stdinText.set(result, source.text)
    results.push(result)
  }
  const reportUnreadable = () => {
    for (const line of unreadable) io.stderr.write(`planlint: ${printable(line.split(io.cwd + path.sep).join(''))}\n`)
  }
  if (results.length === 0) {
    if (unreadable.length > 0) {
      reportUnreadable()
      return 2
    }
    throw new PlanlintError('没有要检查的文件：找到的文件都被配置中的 ignores 排除了')
  }

  // Fixes: write them (--fix) or show them (--fix-dry-run).
  // Diffs and notes go to stdout unless stdout carries machine-readable output.
  const stylishOnStdout = planned.some((p) => p.file === undefined && p.spec.name === 'stylish')
  const machineOnStdout = planned.some((p) => p.file === undefined && p.spec.name !== 'stylish')
  const notes = machineOnStdout ? io.stderr : io.stdout
  let dryRunDiffs = 0
  if (fix) {
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
        const before = stdinText.get(r) ?? (await ioModule.readSource(r.filePath, opts.encoding === undefined ? {} : { encoding: opts.encoding })).text
        notes.write(printableLines(unifiedDiff(before, r.output, `a/${display}`, `b/${display}`)))
        dryRunDiffs++
        continue
      }
      const snapshot = snapshots.get(r.filePath)
      if (!isWritable(r.filePath) || !snapshot) {
        io.stderr.write(`planlint: ${display}: 只能写回 .txt 和 .md 文件，此文件的修复未写入\n`)
        continue
      }
      const linted = (await ioModule.readSource(r.filePath, opts.encoding === undefined ? {} : { encoding: opts.encoding })).text
      if (!writeFix(r.filePath, r.output, snapshot, linted)) {
        io.stderr.write(`planlint: ${display}: 文件在检查期间被改动，或无法保持原有编码，修复未写入\n`)
      } else {
        notes.write(`已自动修复并保存：${display}\n`)
      }
    }
    if (dryRunDiffs > 0) notes.write('（以上是 --fix 将做的修改，未写入任何文件；下面是修复后仍存在的问题）\n\n')
  }

  results = await bulkSuppress(results, opts, io, notes, new Set(ruleIdsOf(engine.getRules())), readInputs)

  let warnings = 0
  let errors = 0
  for (const r of results) {
    warnings += r.warningCount
    errors += r.errorCount + (r.errorCount === 0 ? r.fatalErrorCount : 0)
  }
  const shown = opts.quiet ? results.map(onlyErrors) : results
  const tooManyWarnings = maxWarnings >= 0 && warnings > maxWarnings

  const rulesMeta: Record<string, RuleMeta> = {}
  for (const [id, rule] of rulesOf(engine.getRules())) rulesMeta[id] = rule.meta
  const rendered = await timing.timedAsync('report', async () => {
    // Terminal widths of anything but plain Chinese need string-width (slow to load).
    const width = await import('../reporters/width.js')
    if (width.needsFullWidth(shown.flatMap((r) => r.messages.map((m) => m.message)))) await width.loadFullWidth()
    return renderOutputs(
    formatters,
    shown,
    {
      cwd: io.cwd,
      quiet: opts.quiet,
      rulesMeta,
      version: await planlintVersion(),
      maxWarningsExceeded: tooManyWarnings ? { maxWarnings, foundWarnings: warnings } : undefined,
    },
    useColor(io.stdout, opts.color, io.env),
    terminalColumns(io.stdout),
  )
  })
  const stdoutText = timing.timed('report', () => writeOutputs(rendered, io.cwd))
  if (stdoutText) io.stdout.write(stdoutText)
  if (timing.timingEnabled()) io.stderr.write(timing.formatTiming())
  if (tooManyWarnings && !stylishOnStdout) {
    io.stderr.write(`planlint: 警告数 ${warnings} 超过了 --max-warnings 允许的 ${maxWarnings} 个\n`)
  }
  if (unreadable.length > 0) {
    reportUnreadable()
    return 2
  }
  return errors > 0 || tooManyWarnings ? 1 : 0
}
