/**
 * `planlint [files…]`: read the request, expand the inputs, lint them, write fixes, format and
 * print the report, and decide the exit code — each a named step (src/cli/lint-request.ts,
 * src/cli/lint-steps.ts). Everything heavy (engine, reporters, input adapters) is imported
 * here, never by the CLI entry, so `--help` stays fast.
 */
import { PlanlintError } from '../errors.js'
import type { LintResult } from '../types.js'
import { expandInputs } from './files.js'
import { checkRuleIds } from './rule-option.js'
import { engineOptions, guardOutputs, readRequest, type CliIO, type LintCommandOptions } from './lint-request.js'
import { applyFixes, bulkSuppress, countProblems, lintAll, lintStdin, onlyErrors, openCache, readText, report, reportUnreadable, ruleIdsOf, snapshotFixTargets } from './lint-steps.js'

export type { CliIO, LintCommandOptions }
export { onlyErrors, terminalColumns } from './lint-steps.js'

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
  const request = await readRequest(inputs, opts, io)
  const [engine, ioModule, timing] = await Promise.all([import('../index.js'), import('../io/index.js'), import('../engine/timing.js')])
  // TIMING=1: time per phase and per rule, printed to stderr after the run (this thread's work).
  timing.setTiming(io.env.TIMING)
  checkRuleIds(request.rules, ruleIdsOf(engine.getRules()))

  const { files, explicit, stdin } = await expandInputs(inputs, { cwd: io.cwd, extensions: ioModule.SUPPORTED_EXTENSIONS })
  const guard = guardOutputs(files, request, opts, io)
  const lintOptions = engineOptions(request, opts, io)
  const snapshots = opts.fix ? snapshotFixTargets(files) : new Map<string, Buffer>()
  const cache = await openCache(request, opts, io, guard, lintOptions)
  const { results, unreadable } = await lintAll(files, explicit, request, lintOptions, cache, io)
  const stdinText = new Map<LintResult, string>()
  if (stdin) {
    const { result, text } = await lintStdin(engine, ioModule, lintOptions, opts, io)
    stdinText.set(result, text)
    results.push(result)
  }
  if (results.length === 0) {
    if (unreadable.length > 0) return reportUnreadable(unreadable, io)
    throw new PlanlintError('没有要检查的文件：找到的文件都被配置中的 ignores 排除了')
  }

  // Diffs and notes go to stdout unless stdout carries machine-readable output.
  const machineOnStdout = request.planned.some((p) => p.file === undefined && p.spec.name !== 'stylish')
  const notes = machineOnStdout ? io.stderr : io.stdout
  if (request.fix) await applyFixes(results, { opts, io, notes, snapshots, stdinText, readText: readText(ioModule, opts) })
  // the suppressions file may land on nothing this run reads (inputs, config, preset)
  const kept = await bulkSuppress(results, opts, io, notes, new Set(ruleIdsOf(engine.getRules())), guard.inputs)

  const { errors, warnings } = countProblems(kept)
  const tooManyWarnings = request.maxWarnings >= 0 && warnings > request.maxWarnings
  await report(opts.quiet ? kept.map(onlyErrors) : kept, { request, opts, io, rules: engine.getRules(), timing, warnings, tooManyWarnings })
  if (unreadable.length > 0) return reportUnreadable(unreadable, io)
  return errors > 0 || tooManyWarnings ? 1 : 0
}

