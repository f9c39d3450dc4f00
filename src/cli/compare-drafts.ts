/**
 * `planlint diff OLD NEW`: lints two drafts of one plan (any supported format, e.g. two
 * .docx) and reports the findings draft 2 introduced, fixed and left open, matched by rule
 * and sentence, so renumbering and moved paragraphs are not new. Exit 1 when the new draft
 * has new errors, 0 otherwise, 2 when it could not run. (`diff.ts` beside this file is the
 * line diff `--fix-dry-run` prints; this is a different thing.)
 */
import fs from 'node:fs'
import path from 'node:path'
import { PlanlintError } from '../errors.js'
import type { LintResult } from '../types.js'
import { useColor } from './color.js'
import type { CliIO } from './lint.js'
import { checkRuleIds, collectRules } from './rule-option.js'
import { assertSafeOutput } from './output-guard.js'
import { writeFileAtomic } from './write.js'

export interface CompareOptions {
  format?: string
  preset?: string
  config?: string
  rule?: string[]
  outputFile?: string
  color?: boolean
  force?: boolean
}

export async function runCompareDrafts(oldFile: string, newFile: string, opts: CompareOptions, io: CliIO): Promise<number> {
  const report = await import('../review/comparison-report.js')
  const format = opts.format ?? 'stylish'
  if (!(report.COMPARISON_FORMATS as readonly string[]).includes(format)) {
    throw new PlanlintError(`planlint diff 的输出格式只能是 ${report.COMPARISON_FORMATS.join('、')}，收到“${format}”`)
  }
  const oldPath = path.resolve(io.cwd, oldFile)
  const newPath = path.resolve(io.cwd, newFile)
  const output = opts.outputFile === undefined ? undefined : path.resolve(io.cwd, opts.outputFile)
  if (output !== undefined && (output === oldPath || output === newPath)) throw new PlanlintError('报告不能写到被比较的文稿上', opts.outputFile)
  if (output !== undefined) {
    const inputs = [oldPath, newPath, ...(opts.config === undefined ? [] : [path.resolve(io.cwd, opts.config)])]
    assertSafeOutput(output, 'report', { inputs, cwd: io.cwd, ...(opts.force ? { force: true } : {}) })
  }
  const engine = await import('../index.js')
  const rules = collectRules(opts.rule ?? [])
  checkRuleIds(rules, engine.getRules().keys())
  const options = {
    cwd: io.cwd,
    ...(opts.config === undefined ? {} : { configFile: path.resolve(io.cwd, opts.config) }),
    ...(opts.preset === undefined ? {} : { preset: opts.preset }),
    ...(Object.keys(rules).length ? { rules } : {}),
  }
  const lintOne = async (file: string): Promise<LintResult> => {
    const [r] = await engine.lintFiles([file], options)
    if (!r) throw new PlanlintError('该文件被配置中的 ignores 忽略，无法比较', file)
    return r
  }
  const { compareFindings, introducedErrors } = await import('../review/compare-findings.js')
  const comparison = compareFindings(await lintOne(oldPath), await lintOne(newPath))
  const text =
    format === 'json'
      ? report.comparisonJson(comparison)
      : format === 'html'
        ? report.comparisonHtml(comparison, { cwd: io.cwd })
        : report.comparisonStylish(comparison, { cwd: io.cwd, color: output === undefined && useColor(io.stdout, opts.color, io.env) })
  if (output !== undefined) {
    fs.mkdirSync(path.dirname(output), { recursive: true })
    writeFileAtomic(output, text)
  }
  else io.stdout.write(text)
  return introducedErrors(comparison) > 0 ? 1 : 0
}
