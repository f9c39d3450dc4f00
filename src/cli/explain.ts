/**
 * `planlint explain FILE`: shows what planlint understood of a plan (see src/explain).
 */
import path from 'node:path'
import { loadFullWidth } from '../reporters/width.js'
import { PlanlintError } from '../errors.js'
import type { CliIO } from './lint.js'
import { explainText, planToJSON } from '../explain/explain-text.js'
import { printableLines } from '../text/printable.js'

export { explainText, planToJSON, ROLE_LABELS, LEAD_SOURCE_LABELS, EXPLAIN_JSON_VERSION, type ExplainJSON } from '../explain/explain-text.js'

export interface ExplainOptions {
  format: string
  preset?: string
  config?: string
}

/** Runs `planlint explain FILE`. */
export async function runExplain(file: string, opts: ExplainOptions, io: CliIO): Promise<number> {
  await loadFullWidth()
  if (opts.format !== 'text' && opts.format !== 'json' && opts.format !== 'tree') {
    throw new PlanlintError(`explain 的输出格式“${opts.format}”无效，可用：text、json、tree`)
  }
  const abs = path.resolve(io.cwd, file)
  const { statSync } = await import('node:fs')
  let isFile = false
  try {
    isFile = statSync(abs).isFile()
  } catch {
    throw new PlanlintError('找不到该文件', file)
  }
  if (!isFile) throw new PlanlintError('不是文件（explain 一次说明一个文件）', file)
  const [{ readSource }, { analyseText }, { resolveConfig }, { choosePreset }] = await Promise.all([
    import('../io/index.js'),
    import('../lint/processor.js'),
    import('../config/config.js'),
    import('../lint/lint.js'),
  ])
  const config = resolveConfig(abs, { ...(opts.config === undefined ? {} : { configPath: path.resolve(io.cwd, opts.config) }), cwd: io.cwd })
  const source = await readSource(abs)
  const { tree, plan } = analyseText(source.text)
  const locate = source.format === 'docx' || source.format === 'doc' || source.format === 'pdf' ? source.locate.bind(source) : undefined
  if (opts.format === 'tree') {
    const { explainTree } = await import('../explain/explain-tree.js')
    io.stdout.write(printableLines(explainTree(tree, source.text, locate ?? source.locate.bind(source))))
    return 0
  }
  const { preset, reason } = choosePreset(plan, config, { cwd: io.cwd, ...(opts.preset === undefined ? {} : { preset: opts.preset }) })
  const text = opts.format === 'json' ? JSON.stringify(planToJSON(plan, { ...preset, reason }, locate), null, 2) + '\n' : explainText(plan, { id: preset.id, title: preset.title, reason }, locate)
  // document text (headings, units, titles) may hold escape sequences: never raw to a terminal
  io.stdout.write(opts.format === 'json' ? text : printableLines(text))
  return 0
}
