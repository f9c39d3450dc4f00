/**
 * planlint's rules as a unified plugin, for someone else's pipeline: its messages go on the
 * vfile (`source: 'planlint'`, `ruleId`, `place`, `url`, `actual`, `expected`, `fatal` for
 * errors), where unified's reporters (vfile-reporter, unified-engine) find them.
 *
 *   import { planlint } from 'planlint'
 *   // Markdown: remark → remark-retext (bridge) → planlint
 *   await remark().use(remarkRetext, unified().use(planlint, { preset: 'national' })).process(md)
 *   // plain text with planlint's own parser
 *   await unified().use(planlintParse).use(retextStringify).use(planlint).process(text)
 *
 * planlint checks the file's text (`file.value`), read with its own CJK parser and plan
 * plugin: the tree a Latin parser makes (remark-retext's) does not split Chinese sentences,
 * and positions are the file's either way. Options are `lintText`'s: `preset`, `rules`,
 * `config` (or `configFile`, or a planlint.config.yaml found from `file.path`), `cwd`. When
 * the config names plugins, the transformer loads them first (and is then asynchronous).
 */
import type { Root as NlcstRoot } from 'nlcst'
import type { Plugin } from 'unified'
import type { VFile } from 'vfile'
import { addMessages } from '../engine/vfile.js'
import { getLoadedPlugins, getLoadedUnifiedPlugins, loadPlugins } from '../config/plugins.js'
import { configFor, lintText, type LintOptions } from './lint.js'

export type PlanlintPluginOptions = Pick<LintOptions, 'preset' | 'rules' | 'config' | 'configFile' | 'cwd'>

const planlint: Plugin<[PlanlintPluginOptions?], NlcstRoot> = function (options = {}) {
  return (_tree, file) => {
    const filePath = file.path || '<text>'
    const config = configFor(filePath, options)
    const opts = options.cwd !== undefined ? { cwd: options.cwd } : {}
    if (!pluginsLoaded(config, opts)) return loadPlugins(config, opts).then(() => lintInto(file, filePath, { ...options, config }))
    lintInto(file, filePath, { ...options, config })
    return undefined
  }
}

function pluginsLoaded(config: NonNullable<LintOptions['config']>, opts: { cwd?: string }): boolean {
  try {
    getLoadedPlugins(config, opts)
    getLoadedUnifiedPlugins(config, opts)
    return true
  } catch {
    return false
  }
}

function lintInto(file: VFile, filePath: string, options: LintOptions): void {
  const result = lintText(String(file.value ?? ''), { ...options, filePath })
  addMessages(file, result.messages)
}

export default planlint
export { planlint }
