/**
 * `planlint preset build UPPER_PLAN [--extends ID] [--id ID] [-o FILE]`: reads a
 * higher-level plan (any supported input) and writes a preset a lower level can lint
 * against. The result is validated by loading it (schema and `extends` chain) before it is
 * written, so a preset planlint cannot read never reaches the disk.
 */
import fs from 'node:fs'
import path from 'node:path'
import { PlanlintError } from '../errors.js'
import type { CliIO } from './lint.js'
import { assertSafeOutput } from './output-guard.js'
import { writeFileAtomic } from './write.js'
import { printable } from '../text/printable.js'

export interface PresetBuildOptions {
  extends?: string
  id?: string
  output?: string
  force?: boolean
}

export async function runPresetBuild(file: string, opts: PresetBuildOptions, io: CliIO): Promise<number> {
  const [{ readSource }, { buildPlan }, { detectPreset }, { loadPreset, clearPresetCache }, { buildPresetFromPlan }, YAML] = await Promise.all([
    import('../io/index.js'),
    import('../plan/index.js'),
    import('../presets/detect.js'),
    import('../presets/index.js'),
    import('../presets/build.js'),
    import('yaml'),
  ])
  const abs = path.resolve(io.cwd, file)
  const inputs = [abs, ...(opts.extends !== undefined && /[\\/.]/.test(opts.extends) ? [path.resolve(io.cwd, opts.extends)] : [])]
  if (opts.output) assertSafeOutput(opts.output, 'preset', { inputs, cwd: io.cwd, ...(opts.force ? { force: true } : {}) })
  const source = await readSource(abs)
  const plan = buildPlan(source.text)
  if (plan.actions.length === 0 && plan.projects.length === 0 && plan.targets.length === 0) {
    throw new PlanlintError('没有从中读出提升行动、重点工程或目标，不像是一份上级实施方案，未生成预设', file)
  }
  if (opts.id !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(opts.id)) {
    throw new PlanlintError(`预设 id“${opts.id}”无效：只能由字母、数字、点、下划线或连字符组成`)
  }
  const parentRef = opts.extends ?? detectPreset(plan).id
  const outDir = opts.output ? path.dirname(path.resolve(io.cwd, opts.output)) : io.cwd
  const parent = loadPreset(parentRef, { cwd: outDir })
  const raw = buildPresetFromPlan(plan, { extends: parentRef, parent, source: path.basename(file), ...(opts.id ? { id: opts.id } : {}) })
  const header = [
    `# 由 planlint preset build 从 ${path.basename(file)} 生成。请核对后再使用：`,
    '# 提升行动、重点工程和目标均按原文读出；别名（aliases）是标题中的关键词，可以增删。',
  ].join('\n')
  const yamlText = `${header}\n${YAML.stringify(raw, { lineWidth: 0 })}`

  // validate by loading it from where it will live (relative `extends` resolve from there)
  const probe = path.join(outDir, `.planlint-preset-${process.pid}-${Date.now()}.yaml`)
  try {
    fs.writeFileSync(probe, yamlText, { flag: 'wx' }) // a new file only: never through a planted link
    clearPresetCache()
    loadPreset(probe, { cwd: outDir })
  } catch (e) {
    throw e instanceof PlanlintError ? new PlanlintError(`生成的预设未通过校验（${e.message}）`, file) : e
  } finally {
    fs.rmSync(probe, { force: true })
  }
  if (opts.output) {
    writeFileAtomic(path.resolve(io.cwd, opts.output), yamlText)
    const counts = `${raw.populations?.length ?? 0} 项提升行动、${raw.projects?.length ?? 0} 项重点工程、${raw.targets?.length ?? 0} 个目标`
    io.stderr.write(printable(`已生成预设 ${raw.id}（继承 ${parentRef}）：${counts} → ${opts.output}`) + '\n')
  } else {
    io.stdout.write(yamlText)
  }
  return 0
}
