/**
 * `planlint [files…]`: expand the inputs, lint them, write fixes, format and print the
 * report, and decide the exit code. Everything heavy (engine, reporters, input adapters)
 * is imported here, never by the CLI entry, so `--help` stays fast.
 */
import fs from 'node:fs'
import path from 'node:path'
import { PlanlintError } from '../errors.js'
import type { LintResult, RuleSetting } from '../types.js'
import { useColor } from './color.js'
import { unifiedDiff } from './diff.js'
import { expandInputs } from './files.js'
import { isWritable, writeFix } from './fix.js'
import { checkRuleIds, collectRules } from './rule-option.js'
import { writeFileAtomic } from './write.js'

export interface LintCommandOptions {
  format: string
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
}

export interface CliIO {
  cwd: string
  stdout: NodeJS.WritableStream & { isTTY?: boolean }
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

/** Keeps only errors, as `--quiet` asks. */
export function onlyErrors(result: LintResult): LintResult {
  const messages = result.messages.filter((m) => m.severity === 2 || m.fatal)
  return { ...result, messages, warningCount: 0, fixableWarningCount: 0 }
}

function ruleIdsOf(rules: unknown): string[] {
  if (rules instanceof Map) return [...rules.keys()] as string[]
  if (Array.isArray(rules)) return rules.map((r: { meta: { id: string } }) => r.meta.id)
  return []
}

export async function runLint(inputs: string[], opts: LintCommandOptions, io: CliIO): Promise<number> {
  const { getFormatter } = await import('../reporters/index.js')
  const formatter = await getFormatter(opts.format)
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

  const [engine, ioModule] = await Promise.all([import('../index.js'), import('../io/index.js')])
  checkRuleIds(rules, ruleIdsOf(engine.getRules()))

  const { files, explicit, stdin } = await expandInputs(inputs, { cwd: io.cwd, extensions: ioModule.SUPPORTED_EXTENSIONS })
  const fix = opts.fix === true || opts.fixDryRun === true
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
        snapshots.set(f, fs.readFileSync(f))
      } catch {
        // unreadable: the engine reports it
      }
    }
  }

  // Files named one by one are reported even when the config ignores them (with a
  // warning); files found through a folder or glob are silently skipped.
  const named = files.filter((f) => explicit.has(f))
  const found = files.filter((f) => !explicit.has(f))
  const byPath = new Map<string, LintResult>()
  if (named.length) (await engine.lintFiles(named, { ...lintOptions, warnIgnored: true })).forEach((r, i) => byPath.set(named[i]!, r))
  if (found.length) {
    for (const r of await engine.lintFiles(found, { ...lintOptions, warnIgnored: false })) byPath.set(path.resolve(io.cwd, r.filePath), r)
  }
  const results: LintResult[] = files.map((f) => byPath.get(f)).filter((r): r is LintResult => r !== undefined)
  const stdinText = new Map<LintResult, string>()
  if (stdin) {
    const filePath = opts.stdinFilename === undefined ? undefined : path.resolve(io.cwd, opts.stdinFilename)
    const source = await ioModule.readStdin(filePath)
    const result = engine.lintText(source.text, { ...lintOptions, ...(filePath ? { filePath } : {}), source })
    stdinText.set(result, source.text)
    results.push(result)
  }
  if (results.length === 0) {
    throw new PlanlintError('没有要检查的文件：找到的文件都被配置中的 ignores 排除了')
  }

  // Fixes: write them (--fix) or show them (--fix-dry-run).
  // Diffs and notes go to stdout unless stdout carries machine-readable output.
  const notes = opts.outputFile !== undefined || opts.format === 'stylish' ? io.stdout : io.stderr
  let dryRunDiffs = 0
  if (fix) {
    for (const r of results) {
      if (r.output === undefined) continue
      const display = path.isAbsolute(r.filePath) ? path.relative(io.cwd, r.filePath) || r.filePath : r.filePath
      if (opts.fixDryRun) {
        const before = stdinText.get(r) ?? (await ioModule.readSource(r.filePath, opts.encoding === undefined ? {} : { encoding: opts.encoding })).text
        notes.write(unifiedDiff(before, r.output, `a/${display}`, `b/${display}`))
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

  let warnings = 0
  let errors = 0
  for (const r of results) {
    warnings += r.warningCount
    errors += r.errorCount + (r.errorCount === 0 ? r.fatalErrorCount : 0)
  }
  const shown = opts.quiet ? results.map(onlyErrors) : results
  const tooManyWarnings = maxWarnings >= 0 && warnings > maxWarnings

  const toFile = opts.outputFile !== undefined
  const color = !toFile && useColor(io.stdout, opts.color, io.env)
  const text = formatter(shown, {
    cwd: io.cwd,
    color,
    quiet: opts.quiet,
    maxWarningsExceeded: tooManyWarnings ? { maxWarnings, foundWarnings: warnings } : undefined,
  })
  if (toFile) {
    const target = path.resolve(io.cwd, opts.outputFile!)
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true })
    } catch {
      throw new PlanlintError('无法创建输出文件所在的目录', opts.outputFile)
    }
    writeFileAtomic(target, text)
  } else {
    io.stdout.write(text)
  }
  if (tooManyWarnings && (toFile || opts.format !== 'stylish')) {
    io.stderr.write(`planlint: 警告数 ${warnings} 超过了 --max-warnings 允许的 ${maxWarnings} 个\n`)
  }
  return errors > 0 || tooManyWarnings ? 1 : 0
}
