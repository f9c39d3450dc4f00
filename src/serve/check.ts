/**
 * What the review page asks of planlint, without HTTP: read an upload held in memory with
 * the input adapters (src/io), choose the upper plan (detected, bundled or an uploaded
 * preset YAML), lint it with the public API, and describe the result for the page — the
 * text, every finding with its offsets, the rule's explanation, what the upper plan says,
 * the fix, and the `explain` tree. The downloads (annotated .docx, fixed text, HTML and
 * JSON reports) reuse `planlint annotate` and the reporters. Nothing is written to disk.
 */
import { annotateDocxBytes } from '../cli/annotate.js'
import { planToJSON, type ExplainJSON } from '../explain/explain-json.js'
import { choosePreset, lintText, type LintOptions } from '../lint/lint.js'
import { getRules } from '../lint/rule-registry.js'
import { PlanlintError } from '../errors.js'
import { SUPPORTED_EXTENSIONS, readBytes } from '../io/index.js'
import { parseText } from '../parse/index.js'
import { buildPlan } from '../plan/index.js'
import { listPresets, presetFromYamlText } from '../presets/index.js'
import { isError, isInfo, levelOf } from '../reporters/common.js'
import { html } from '../reporters/html.js'
import { toJsonResults, type JsonMessage, type JsonSuppressedMessage } from '../reporters/json.js'
import type { LintResult, PlanlintConfig, Preset, RuleMeta, SourceText } from '../types.js'
import { ruleWhy } from './rule-docs.js'

/** A file the browser sent: its name as the user's system gave it and its bytes. */
export interface Upload {
  name: string
  bytes: Uint8Array
}

export interface CheckInput {
  document: Upload
  /** A bundled preset id; absent or '' = chosen as the CLI would (config, then detection). */
  preset?: string
  /** A preset YAML the user uploaded; beats `preset`. */
  presetUpload?: Upload
}

/** What the server was started with. */
export interface ServeSettings {
  cwd: string
  config: PlanlintConfig
  version?: string
}

/** A request the page should not have sent, or a document planlint cannot read: answered 4xx. */
export class RequestError extends Error {
  constructor(
    readonly status: 400 | 404 | 413 | 415 | 422,
    message: string,
  ) {
    super(message)
    this.name = 'RequestError'
  }
}

export interface PageMessage extends JsonMessage {
  /** Offsets of the finding in `text` (UTF-16, as JavaScript strings count). */
  range: [number, number]
  expected?: string
  actual?: string
}

export interface PageRule {
  description: string
  why: string
  fixable: boolean
  url: string
}

export interface CheckResponse {
  file: { name: string; format: SourceText['format'] }
  text: string
  messages: PageMessage[]
  counts: { errors: number; warnings: number; infos: number; fixable: number }
  preset: { id: string; title: string; chain: string[]; reason: string; uploaded: boolean }
  explain: ExplainJSON
  rules: Record<string, PageRule>
  /** Findings a directive, a Word comment or the config suppressed, with the reasons given. */
  suppressed: JsonSuppressedMessage[]
}

const DOCUMENT_EXTENSIONS = SUPPORTED_EXTENSIONS
const NAME_LIMIT = 120

/** The file's own name, no directories, no control characters, bounded. */
export function cleanName(name: string, fallback: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  // eslint-disable-next-line no-control-regex
  const clean = [...base.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '').trim()].slice(-NAME_LIMIT).join('')
  return clean === '' || clean === '.' || clean === '..' ? fallback : clean
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot).toLowerCase() : ''
}

/** Reads the uploaded document with the input adapter its extension names. */
export async function readUpload(upload: Upload): Promise<SourceText> {
  const name = cleanName(upload.name, '上传的文稿')
  if (!DOCUMENT_EXTENSIONS.includes(extensionOf(name))) {
    throw new RequestError(415, `不支持的文件类型“${name}”：请上传 .docx、.doc、.pdf、.txt 或 .md 文件，或直接粘贴文字`)
  }
  try {
    return await readBytes(upload.bytes, name)
  } catch (e) {
    throw asRequestError(e)
  }
}

/** PlanlintErrors (bad document, bad preset) become 422 with their one-line message. */
export function asRequestError(e: unknown): unknown {
  if (e instanceof RequestError) return e
  if (e instanceof PlanlintError) return new RequestError(422, e.message.split('\n')[0]!)
  return e
}

interface ChosenPreset {
  option?: string | Preset
  reason?: string
  uploaded: boolean
}

function presetOption(input: CheckInput): ChosenPreset {
  if (input.presetUpload) {
    const name = cleanName(input.presetUpload.name, '预设.yaml')
    if (!/\.ya?ml$/i.test(name)) throw new RequestError(415, `预设应为 .yaml 文件，收到的是“${name}”`)
    let text: string
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input.presetUpload.bytes)
    } catch {
      throw new RequestError(422, `预设文件“${name}”不是 UTF-8 文本`)
    }
    try {
      return { option: presetFromYamlText(text, `上传的预设 ${name}`), reason: `上传的预设 ${name}`, uploaded: true }
    } catch (e) {
      throw asRequestError(e)
    }
  }
  const id = input.preset?.trim() ?? ''
  if (id === '' || id === 'auto') return { uploaded: false }
  if (!listPresets().some((p) => p.id === id)) throw new RequestError(400, `没有名为“${id}”的内置预设`)
  return { option: id, reason: '在页面上选择', uploaded: false }
}

function lintOptionsFor(source: SourceText, settings: ServeSettings, chosen: ChosenPreset): LintOptions {
  return {
    filePath: source.filePath,
    cwd: settings.cwd,
    config: settings.config,
    source,
    ...(chosen.option === undefined ? {} : { preset: chosen.option }),
  }
}

function rulesMeta(settings: ServeSettings): Record<string, RuleMeta> {
  const meta: Record<string, RuleMeta> = {}
  for (const [id, rule] of getRules(settings.config, { cwd: settings.cwd })) meta[id] = rule.meta
  return meta
}

function lint(source: SourceText, settings: ServeSettings, chosen: ChosenPreset, fix = false): LintResult {
  try {
    return lintText(source.text, { ...lintOptionsFor(source, settings, chosen), fix })
  } catch (e) {
    throw asRequestError(e)
  }
}

/** Lints an upload and describes the result for the page. */
export async function checkUpload(input: CheckInput, settings: ServeSettings): Promise<CheckResponse> {
  const chosen = presetOption(input)
  const source = await readUpload(input.document)
  const result = lint(source, settings, chosen)
  const plan = buildPlan(source.text, parseText(source.text))
  let preset: Preset
  try {
    preset = choosePreset(plan, settings.config, { cwd: settings.cwd, ...(chosen.option === undefined ? {} : { preset: chosen.option }) }).preset
  } catch (e) {
    throw asRequestError(e)
  }
  const json = toJsonResults([result])[0]!
  const messages: PageMessage[] = result.messages.map((m, i) => {
    const out: PageMessage = { ...json.messages[i]!, range: [...m.range] }
    if (m.expected !== undefined) out.expected = m.expected
    if (m.actual !== undefined) out.actual = m.actual
    return out
  })
  const meta = rulesMeta(settings)
  const rules: Record<string, PageRule> = {}
  for (const m of result.messages) {
    const id = m.ruleId
    if (!id || rules[id] || !meta[id]) continue
    rules[id] = { description: meta[id].docs.description.zh, why: ruleWhy(id), fixable: meta[id].fixable === 'code', url: meta[id].docs.url }
  }
  return {
    file: { name: source.filePath, format: source.format },
    text: source.text,
    messages,
    counts: {
      errors: result.messages.filter(isError).length,
      warnings: result.messages.filter((m) => levelOf(m) === 'warn').length,
      infos: result.messages.filter(isInfo).length,
      fixable: result.messages.filter((m) => m.fix).length,
    },
    preset: {
      id: preset.id,
      title: preset.title,
      chain: [...preset.chain],
      reason: chosen.reason ?? result.preset?.reason ?? '',
      uploaded: chosen.uploaded,
    },
    explain: planToJSON(plan, preset),
    rules,
    suppressed: json.suppressedMessages,
  }
}

export type ExportKind = 'annotated' | 'fixed' | 'html' | 'json'
export const EXPORT_KINDS: readonly ExportKind[] = ['annotated', 'fixed', 'html', 'json']

export interface ExportFile {
  name: string
  type: string
  body: Uint8Array | string
}

function stem(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(0, dot) : name
}

/** One of the page's downloads, made from the same upload. */
export async function exportUpload(kind: ExportKind, input: CheckInput, settings: ServeSettings): Promise<ExportFile> {
  const chosen = presetOption(input)
  const source = await readUpload(input.document)
  const name = stem(source.filePath)
  switch (kind) {
    case 'annotated': {
      if (source.format !== 'docx') {
        throw new RequestError(422, '只有上传 .docx 文件时才能下载带批注的 Word 文稿；.doc 请先在 Word 中另存为 .docx')
      }
      let data: Buffer
      try {
        data = (await annotateDocxBytes(input.document.bytes, source.filePath, lintOptionsFor(source, settings, chosen))).data
      } catch (e) {
        throw asRequestError(e)
      }
      return { name: `${name}.planlint.docx`, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', body: data }
    }
    case 'fixed': {
      const result = lint(source, settings, chosen, true)
      const ext = source.format === 'md' ? 'md' : 'txt'
      return { name: `${name}.修改后.${ext}`, type: 'text/plain; charset=utf-8', body: result.output ?? source.text }
    }
    case 'html': {
      const result = lint(source, settings, chosen)
      const page = html([result], { cwd: settings.cwd, color: false, rulesMeta: rulesMeta(settings), ...(settings.version ? { version: settings.version } : {}) })
      return { name: `${name}.审查报告.html`, type: 'text/html; charset=utf-8', body: page }
    }
    case 'json': {
      const result = lint(source, settings, chosen)
      return { name: `${name}.planlint.json`, type: 'application/json; charset=utf-8', body: JSON.stringify(toJsonResults([result])) + '\n' }
    }
  }
}
