/**
 * Lints one editor document through the public library API, exactly as the CLI would lint
 * the same text at the same path: the config found upward from the document (or the
 * `configFile` setting), the preset from the setting, the config or the title, the
 * config's plugins loaded first. What is costly and does not change from one keystroke to
 * the next is kept: the resolved config per folder (until a watched config or preset file
 * changes) and the loaded presets (the preset loader's own cache, checked by mtime).
 *
 * Nothing here knows the protocol; `diagnostics.ts` turns the result into LSP shapes.
 */
import { dirname, isAbsolute, resolve } from 'node:path'
import { getRules, isIgnored, isPlanlintError, lintText, loadPlugins, resolveConfig } from '../index.js'
import type { LintMessage, LintResult, PlanlintConfig } from '../types.js'
import { withBulkSuppressions } from './bulk.js'
import { documentText, type DocumentText } from './document-text.js'
import type { ServerSettings } from './settings.js'

export interface DocumentLintInput {
  /** The editor's text (any line ends). */
  text: string
  /** Absolute path of a `file:` document; undefined for untitled and other schemes. */
  filePath?: string
  /** First workspace folder: where untitled documents look for a config, and what a
   * relative `configFile`/`preset` setting is relative to. */
  workspaceRoot?: string
  settings: ServerSettings
  /** Also compute the text with every fix applied (`output`). */
  fix?: boolean
}

export interface DocumentLint {
  /** The text as linted and the offset maps back to the editor's text. */
  text: DocumentText
  /** Findings; `range` and fix ranges are offsets in `text.linted`. */
  messages: LintMessage[]
  /** The library's result (messages as above, suppressed ones, the linted text). */
  result?: LintResult
  /** With `fix`: the whole fixed text in the editor's line ends, when something changed. */
  output?: string
  /** Preset used and why (for the status bar). */
  preset?: { id: string; reason: string }
  /** The document matches the config's `ignores`: nothing reported. */
  ignored?: boolean
  /** planlint could not run (bad config, unknown preset…): one line saying why. */
  failure?: string
  /** Rule id → its documentation page. */
  ruleUrls: Map<string, string>
  /** Config file in use, if any. */
  configFile?: string
}

/** Keeps what can be reused between runs; `forget()` when config or preset files change. */
export class DocumentLinter {
  private configs = new Map<string, PlanlintConfig>()

  /** Drops cached configs (a config or preset file changed). */
  forget(): void {
    this.configs.clear()
  }

  private cwdOf(input: DocumentLintInput): string {
    return input.workspaceRoot ?? (input.filePath ? dirname(input.filePath) : process.cwd())
  }

  /** The config for a document, as the CLI finds it (cached per folder and setting). */
  configFor(input: DocumentLintInput): PlanlintConfig {
    const cwd = this.cwdOf(input)
    const configFile = input.settings.configFile
      ? isAbsolute(input.settings.configFile)
        ? input.settings.configFile
        : resolve(cwd, input.settings.configFile)
      : undefined
    const key = configFile ? `file:${configFile}` : `dir:${input.filePath ? dirname(input.filePath) : cwd}`
    let config = this.configs.get(key)
    if (!config) {
      config = resolveConfig(input.filePath, { cwd, ...(configFile ? { configPath: configFile } : {}) })
      this.configs.set(key, config)
    }
    return config
  }

  async lint(input: DocumentLintInput): Promise<DocumentLint> {
    const text = documentText(input.text)
    const cwd = this.cwdOf(input)
    try {
      const config = this.configFor(input)
      const ruleUrls = new Map<string, string>()
      if (input.filePath && isIgnored(input.filePath, config, cwd)) return { text, messages: [], ignored: true, ruleUrls }
      await loadPlugins(config, { cwd })
      for (const [id, rule] of getRules(config, { cwd })) ruleUrls.set(id, rule.meta.docs.url)
      const raw = lintText(text.linted, {
        filePath: input.filePath ?? '<text>',
        cwd,
        config,
        ...(input.settings.preset ? { preset: input.settings.preset } : {}),
        ...(input.fix ? { fix: true } : {}),
      })
      // The CLI's bulk suppressions (planlint-suppressions.json), for the diagnostics; a fix run keeps every fix.
      const result = input.fix ? raw : withBulkSuppressions(raw, input.filePath ? cwd : undefined)
      const out: DocumentLint = { text, messages: result.messages, result, ruleUrls }
      if (result.preset) out.preset = result.preset
      if (config.filePath) out.configFile = config.filePath
      if (result.output !== undefined && result.output !== text.linted) out.output = text.restoreLineEnds(result.output)
      return out
    } catch (e) {
      const line = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.trim()
      return { text, messages: [], ruleUrls: new Map(), failure: isPlanlintError(e) ? line : `内部错误：${line}` }
    }
  }
}
