/**
 * What `planlint [files…]` is asked to do: the command's options, parsed and cross-checked
 * before any file is read, the guard that keeps every output off the run's inputs, and the
 * engine's options for the run.
 */
import path from 'node:path'
import { PlanlintError } from '../errors.js'
import type { RuleSetting } from '../types.js'
import { assertSafeOutput } from './output-guard.js'
import { planOutputs } from './outputs.js'
import { collectRules } from './rule-option.js'
import { parseJobs } from './run-files.js'

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

/** What the command line asks for, checked before any file is read. */
export interface LintRequest {
  planned: ReturnType<typeof planOutputs>
  formatters: { out: ReturnType<typeof planOutputs>[number]; formatter: Awaited<ReturnType<typeof import('../reporters/index.js').getFormatter>> }[]
  jobs: ReturnType<typeof parseJobs>
  rules: Record<string, RuleSetting>
  maxWarnings: number
  /** --fix or --fix-dry-run: fixes are computed. */
  fix: boolean
}

/** Parses and cross-checks the options (formats, jobs, --rule, --max-warnings, fix and stdin combinations). */
export async function readRequest(inputs: string[], opts: LintCommandOptions, io: CliIO): Promise<LintRequest> {
  const reporters = await import('../reporters/index.js')
  const formats = typeof opts.format === 'string' ? [opts.format] : opts.format
  const planned = planOutputs(formats, { cwd: io.cwd, known: reporters.hasFormatter, ...(opts.outputFile !== undefined ? { outputFile: opts.outputFile } : {}) })
  const formatters = await Promise.all(planned.map(async (out) => ({ out, formatter: await reporters.getFormatter(out.spec.name, { cwd: io.cwd }) })))
  const jobs = parseJobs(opts.jobs)
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
  return { planned, formatters, jobs, rules, maxWarnings, fix: opts.fix === true || opts.fixDryRun === true }
}

export type OutputGuard = Parameters<typeof assertSafeOutput>[2]

/** No output may land on anything this run reads: checks every report file, returns the guard for the cache. */
export function guardOutputs(files: string[], request: LintRequest, opts: LintCommandOptions, io: CliIO): OutputGuard {
  const readInputs = [...files]
  if (opts.config !== undefined) readInputs.push(path.resolve(io.cwd, opts.config))
  if (opts.preset !== undefined && /[\\/.]/.test(opts.preset)) readInputs.push(path.resolve(io.cwd, opts.preset))
  if (opts.stdinFilename !== undefined) readInputs.push(path.resolve(io.cwd, opts.stdinFilename))
  const guard = { inputs: readInputs, cwd: io.cwd, ...(opts.force ? { force: true } : {}) }
  for (const out of request.planned) if (out.file) assertSafeOutput(out.file, 'report', guard)
  return guard
}

/** The engine's options for every file of the run. */
export function engineOptions(request: LintRequest, opts: LintCommandOptions, io: CliIO) {
  return {
    cwd: io.cwd,
    ...(opts.config === undefined ? {} : { configFile: path.resolve(io.cwd, opts.config) }),
    ...(opts.preset === undefined ? {} : { preset: opts.preset }),
    ...(Object.keys(request.rules).length ? { rules: request.rules } : {}),
    ...(opts.encoding === undefined ? {} : { encoding: opts.encoding }),
    fix: request.fix,
  }
}
export type EngineOptions = ReturnType<typeof engineOptions>

