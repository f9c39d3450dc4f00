/**
 * `planlint init [FILE]`: writes a commented planlint.config.yaml in the current directory
 * that lists every rule with its default, so a drafter can switch rules by editing one
 * word. With FILE, the preset is the one lint would choose for that file without a config
 * (the same `choosePreset`), written with the reason as a comment.
 */
import fs from 'node:fs'
import path from 'node:path'
import { PlanlintError } from '../errors.js'
import type { JurisdictionInfo } from '../plan/types.js'
import type { Rule } from '../rules-support/context.js'
import type { CliIO } from './lint.js'
import { ruleList } from './rules.js'
import { createFileExclusive } from './write.js'
import { printable } from '../text/printable.js'

export const CONFIG_FILE_NAME = 'planlint.config.yaml'
const OTHER_CONFIG_NAMES = ['planlint.config.yml', '.planlintrc.yaml', '.planlintrc.yml']

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim()

export interface InitInfo {
  title?: string
  jurisdiction?: JurisdictionInfo
  draft?: boolean
  fileName?: string
  /** The preset a lint of the file would choose without a config, and why (one zh-CN sentence). */
  preset?: { id: string; reason: string }
}

/** The text of a new config file. */
export function configTemplate(rules: Rule[], info: InitInfo = {}): string {
  const out: string[] = [
    '# planlint 配置文件（由 planlint init 生成）',
    '# 以 # 开头的行是说明，不起作用。修改后保存即可，下次运行 planlint 时生效。',
    '',
  ]
  if (info.fileName) {
    out.push(`# 根据文件生成：${oneLine(info.fileName)}`)
    out.push(`# 文件标题：${info.title ? oneLine(info.title) : '（未识别）'}`)
    if (info.jurisdiction) out.push(`# 识别到的辖区：${oneLine(info.jurisdiction.name)}`)
    out.push('')
  }
  out.push('# 预设：本方案所依据的上级规划（national 为全国纲要）。可写预设名称或 .yaml 文件路径，')
  out.push('# 如已有本地预设，把下面的名称换成它即可。')
  if (info.preset) out.push(`# ${oneLine(info.preset.reason)}（与不带配置运行 planlint 时的选择相同）`)
  else out.push('# 未指定文稿，使用全国预设；运行 planlint init 文稿.txt 可按标题选择上级预设。')
  out.push(
    `preset: ${info.preset?.id ?? 'national'}`,
    '',
    '# 规则级别：error（错误，会使检查不通过）、warn（警告）、info（提示，不算问题）、off（关闭）。',
    '# 需要选项时写成列表，例如：lead-unit: [warn, { allowVague: true }]',
    'rules:',
  )
  for (const r of rules) {
    const setting = r.meta.docs.recommended === false ? 'off' : r.meta.severity
    out.push(`  # ${oneLine(r.meta.docs.description.zh)}${r.meta.fixable ? '（可用 --fix 自动修复）' : ''}`)
    out.push(`  ${r.meta.id}: ${setting}`)
  }
  out.push(
    '',
    '# 不检查的文件（相对于本文件所在目录的通配模式）。',
    'ignores:',
    '  - "**/备份/**"',
    '  - "**/~$*"',
    '',
    '# 文稿状态：draft 为征求意见稿；final 为正式印发稿（此时残留的“征求意见稿”字样会报错）。',
    `status: ${info.draft === false ? 'final' : 'draft'}`,
    '',
  )
  return out.join('\n')
}

export async function runInit(file: string | undefined, io: CliIO): Promise<number> {
  const target = path.join(io.cwd, CONFIG_FILE_NAME)
  for (const name of [CONFIG_FILE_NAME, ...OTHER_CONFIG_NAMES]) {
    if (fs.existsSync(path.join(io.cwd, name))) {
      throw new PlanlintError('配置文件已存在，未做任何修改（如需重新生成，请先删除或改名）', name)
    }
  }
  const { getRules } = await import('../index.js')
  const info: InitInfo = {}
  if (file !== undefined) {
    const [{ readSource }, { buildPlan }, { parseText }, { choosePreset }] = await Promise.all([
      import('../io/index.js'),
      import('../plan/index.js'),
      import('../parse/index.js'),
      import('../lint/lint.js'),
    ])
    const abs = path.resolve(io.cwd, file)
    if (!fs.existsSync(abs)) throw new PlanlintError('找不到该文件', file)
    const source = await readSource(abs)
    const plan = buildPlan(source.text, parseText(source.text))
    info.fileName = file
    info.title = plan.title?.text
    info.jurisdiction = plan.jurisdiction
    info.draft = plan.draft ? true : undefined
    // The very choice lint makes for this file when no config names a preset.
    const { preset, reason } = choosePreset(plan, {}, { cwd: io.cwd })
    info.preset = { id: preset.id, reason }
  }
  const text = configTemplate(ruleList(getRules() as Iterable<Rule>), info)
  if (createFileExclusive(target, text) === 'exists') {
    throw new PlanlintError('配置文件已存在，未做任何修改（如需重新生成，请先删除或改名）', CONFIG_FILE_NAME)
  }
  io.stdout.write(printable(`已生成 ${CONFIG_FILE_NAME}${info.preset ? `（预设 ${info.preset.id}：${oneLine(info.preset.reason)}）` : ''}`) + '\n')
  return 0
}
