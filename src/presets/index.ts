/**
 * Preset loader: finds a preset (bundled id, file path or `planlint-preset-*` package),
 * validates it against `presets/schema.json`, follows `extends` up to the root and merges
 * the chain into one `Preset`.
 *
 * Merge semantics (root → leaf):
 * - `id`, `title`, `filePath`: the leaf's; `jurisdiction`, `document`: the nearest preset
 *   (leaf first) that gives one;
 * - `documents`: union by id of every preset's `document` and `documents` (a child's entry
 *   replaces a parent's with the same id);
 * - `populations`, `projects`: the nearest preset that gives the list replaces the rest;
 *   each item gets `from` = the id of the document requiring it (see `namedItems`);
 * - `targets`: the leaf's first, then its parents', each with `from` = the preset id;
 * - `rules`: shallow merge, child over parent;
 * - `units`: the chain's `units` sections (leaf first) followed by the bundled dictionary.
 *
 * Loaded presets are cached per file (invalidated when any file of the chain changes) and
 * deeply frozen: share them freely, copy before changing.
 */
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { PlanlintError } from '../errors.js'
import type { RuleSetting } from '../engine/types.js'
import type { Preset, PresetDocument, PresetFile, PresetNamedItem, PresetTarget } from './types.js'
import { bundledIds, looksLikePath, isPresetPackageName, presetsDir, resolvePresetRef } from './resolve.js'
import { cached, contentKey } from '../support/cache.js'
import { trustedRun } from './trust.js'
import { deepFreeze } from '../support/freeze.js'
import {
  clearUnitDictionary,
  getUnitsSchema,
  getUnitsSchemaText,
  loadUnitDictionary,
  mergeDictionaries,
  mtimeOf,
  toDictionary,
  type RawUnits,
} from './units.js'
import { dataError, getValidator, validateOrThrow } from './validate.js'
import { parseYamlText, readTextFile, requireMapping } from './yaml.js'

export { presetsDir } from './resolve.js'
export { loadUnitDictionary } from './units.js'

/** A preset file as written (after schema validation). */
/** The YAML shape of a preset file (from its JSON Schema). */
export type RawPreset = PresetFile

let presetSchemaText: string | undefined

function getPresetSchemaText(): string {
  return (presetSchemaText ??= readFileSync(join(presetsDir(), 'schema.json'), 'utf8'))
}

/** The preset JSON Schema (`presets/schema.json`). */
export function getPresetSchema(): object {
  return JSON.parse(getPresetSchemaText()) as object
}

const rawCache = new Map<string, { mtime: number; raw: RawPreset }>()

function checkUniqueIds(file: string, list: { id: string }[] | undefined, field: string): void {
  if (!list) return
  const seen = new Map<string, number>()
  list.forEach((item, i) => {
    const first = seen.get(item.id)
    if (first !== undefined) {
      throw dataError(file, `${field}[${i}].id`, `id “${item.id}”重复（与 ${field}[${first}] 相同）`)
    }
    seen.set(item.id, i)
  })
}

/** Schema and semantic checks of one preset file's data. */
function checkPreset(data: unknown, file: string): RawPreset {
  if (data === undefined || data === null) throw dataError(file, '', '预设文件是空的，至少要写 id 和 title')
  validateOrThrow(getValidator('preset', getPresetSchema(), [getUnitsSchema()]), data, file)
  const raw = data as RawPreset
  checkUniqueIds(file, raw.populations, 'populations')
  checkUniqueIds(file, raw.projects, 'projects')
  checkUniqueIds(file, raw.documents, 'documents')
  if (raw.document && raw.documents) {
    const i = raw.documents.findIndex((d) => d.id === raw.document!.id)
    if (i >= 0) throw dataError(file, `documents[${i}].id`, `id “${raw.document.id}”与 document.id 重复`)
  }
  return raw
}

/** Reads one preset file and validates it (schema + unique ids); cached per path and mtime. */
export function readPresetFile(file: string): RawPreset {
  const mtime = mtimeOf(file)
  const hit = rawCache.get(file)
  if (hit && hit.mtime === mtime) return hit.raw
  const text = readTextFile(file, '预设文件')
  const key = contentKey('preset', getPresetSchemaText(), getUnitsSchemaText(), text)
  const raw = cached(key, () => {
    const data = parseYamlText(text, file)
    requireMapping(data, file, '预设文件')
    return checkPreset(data, file)
  })
  rawCache.set(file, { mtime, raw })
  return raw
}

interface ChainLink {
  file: string
  raw: RawPreset
}

function availableIds(): string {
  return bundledIds().join('、')
}

function notFound(ref: string): string {
  if (isPresetPackageName(ref)) return `找不到预设包 ${ref}（请先在项目里 npm install ${ref}）`
  if (looksLikePath(ref)) return `找不到预设文件 ${ref}`
  return `找不到预设“${ref}”（内置预设：${availableIds()}；也可以写 YAML 文件路径或 planlint-preset-* 包名）`
}

/** Loads the chain root → leaf, starting from a resolved file. */
function loadChain(file: string): ChainLink[] {
  const links: ChainLink[] = []
  const seen = new Map<string, number>()
  let current = file
  for (;;) {
    const raw = readPresetFile(current)
    seen.set(current, links.length)
    links.push({ file: current, raw })
    if (raw.extends === undefined) break
    const parent = resolvePresetRef(raw.extends, dirname(current))
    if (!parent) throw dataError(current, 'extends', notFound(raw.extends).replace('找不到预设', '找不到父预设'))
    const back = seen.get(parent.file)
    if (back !== undefined) {
      const ids = [...links.slice(back).map((l) => l.raw.id), links[back]!.raw.id]
      throw dataError(current, 'extends', `预设继承出现循环：${ids.join(' → ')}`)
    }
    current = parent.file
  }
  return links.reverse()
}

function nearest<K extends keyof RawPreset>(leafFirst: ChainLink[], key: K): RawPreset[K] | undefined {
  for (const l of leafFirst) if (l.raw[key] !== undefined) return l.raw[key]
  return undefined
}

/**
 * The nearest list of populations or projects, each with `from` = the id of the document
 * that requires it: the supplying preset's own `document` (or, lacking one, its nearest
 * ancestor's), else the supplying preset's id. Bundled presets give their document the
 * preset's id, so `from` names both.
 */
function namedItems(leafFirst: ChainLink[], key: 'populations' | 'projects'): PresetNamedItem[] {
  const i = leafFirst.findIndex((l) => l.raw[key] !== undefined)
  if (i < 0) return []
  const supplier = leafFirst[i]!.raw
  const from = leafFirst.slice(i).find((l) => l.raw.document)?.raw.document?.id ?? supplier.id
  return supplier[key]!.map((p): PresetNamedItem => ({ ...p, aliases: [p.aliases[0], ...p.aliases.slice(1)], from }))
}

/** Merges a chain (root → leaf) into one Preset. */
export function mergeChain(chain: ChainLink[]): Preset {
  const leaf = chain[chain.length - 1]!
  const leafFirst = [...chain].reverse()

  const documents = new Map<string, { doc: PresetDocument; file: string; path: string }>()
  for (const { raw, file } of chain) {
    if (raw.document) documents.set(raw.document.id, { doc: raw.document, file, path: 'document' })
    raw.documents?.forEach((d, i) => documents.set(d.id, { doc: d, file, path: `documents[${i}]` }))
  }
  for (const { doc, file, path } of documents.values()) {
    if (doc.supersededBy !== undefined && !documents.has(doc.supersededBy)) {
      const known = [...documents.keys()].join('、')
      throw dataError(file, `${path}.supersededBy`, `找不到 id 为“${doc.supersededBy}”的文件（已知：${known}）`)
    }
  }

  const targets: PresetTarget[] = []
  for (const { raw } of leafFirst) for (const t of raw.targets ?? []) targets.push({ ...t, from: raw.id })

  const rules: Record<string, RuleSetting> = {}
  for (const { raw } of chain) Object.assign(rules, raw.rules)

  const units = mergeDictionaries([
    ...leafFirst.filter((l) => l.raw.units).map((l) => toDictionary(l.raw.units!)),
    loadUnitDictionary(),
  ])

  const preset: Preset = {
    id: leaf.raw.id,
    title: leaf.raw.title,
    chain: chain.map((l) => l.raw.id),
    documents: [...documents.values()].map((d) => ({ ...d.doc })),
    populations: namedItems(leafFirst, 'populations'),
    projects: namedItems(leafFirst, 'projects'),
    targets,
    units,
    rules,
    filePath: leaf.file,
  }
  const jurisdiction = nearest(leafFirst, 'jurisdiction')
  if (jurisdiction) preset.jurisdiction = { ...jurisdiction }
  const document = nearest(leafFirst, 'document')
  if (document) preset.document = { ...document }
  const scope = nearest(leafFirst, 'scope')
  if (scope) preset.scope = { titleKeywords: [...scope.titleKeywords] }
  return preset
}

const presetCache = new Map<string, { deps: [string, number][]; preset: Preset }>()

/** Presets by reference, trusted without checking their files during a trusted run (`beginTrustedRun`, the CLI's). */
const recent = new Map<string, { run: number; preset: Preset }>()

/**
 * Loads a preset and its `extends` chain.
 * @param idOrPath a bundled id (`national`, `jiangxi`, …), a path to a YAML file (relative to
 *   `opts.cwd`), or a package name (`planlint-preset-foo`, `@scope/planlint-preset-foo`, or
 *   the short `foo`), resolved from `opts.cwd` (default: the working directory).
 * @throws PlanlintError (one line) on unknown ids, missing files or packages, YAML syntax
 *   errors, schema violations, missing parents and `extends` cycles.
 */
export function loadPreset(idOrPath: string, opts: { cwd?: string } = {}): Preset {
  const cwd = resolve(opts.cwd ?? process.cwd())
  if (typeof idOrPath !== 'string' || idOrPath.trim() === '') throw new PlanlintError('预设名不能为空')
  const run = trustedRun()
  const recentKey = `${cwd}\0${idOrPath}`
  const seen = run === undefined ? undefined : recent.get(recentKey)
  if (seen && seen.run === run) return seen.preset
  const preset = loadPresetChecked(idOrPath, cwd)
  if (run !== undefined) {
    if (recent.size > 1000) recent.clear()
    recent.set(recentKey, { run, preset })
  }
  return preset
}

function loadPresetChecked(idOrPath: string, cwd: string): Preset {
  const ref = resolvePresetRef(idOrPath.trim(), cwd)
  if (!ref) throw new PlanlintError(notFound(idOrPath.trim()))
  const hit = presetCache.get(ref.file)
  if (hit && hit.deps.every(([f, m]) => mtimeOf(f) === m)) return hit.preset
  const chain = loadChain(ref.file)
  const preset = deepFreeze(mergeChain(chain))
  const unitsDir = join(presetsDir(), 'units')
  const deps: [string, number][] = [...chain.map((l) => l.file), join(unitsDir, 'renames.yaml'), join(unitsDir, 'aliases.yaml')].map(
    (f) => [f, mtimeOf(f)],
  )
  presetCache.set(ref.file, { deps, preset })
  return preset
}

/**
 * A preset from YAML text that is not a file (an upload on the review page). `label` names
 * it in messages. Its `extends` may only name a bundled preset: text from elsewhere never
 * makes planlint read a path or load a package.
 * @throws PlanlintError (one line) on YAML errors, schema violations and unknown parents.
 */
export function presetFromYamlText(text: string, label: string): Preset {
  const raw = checkPreset(parseYamlText(text, label), label)
  let parents: ChainLink[] = []
  if (raw.extends !== undefined) {
    if (!bundledIds().includes(raw.extends)) {
      throw dataError(label, 'extends', `上传的预设只能继承内置预设（${availableIds()}），不能是“${raw.extends}”`)
    }
    parents = loadChain(resolvePresetRef(raw.extends, presetsDir())!.file)
  }
  return deepFreeze(mergeChain([...parents, { file: label, raw }]))
}

/**
 * Forgets every loaded preset and the unit dictionary, so the next load reads the files
 * again (for long-running processes such as the language server, and for tests).
 */
export function clearPresetCache(): void {
  rawCache.clear()
  recent.clear()
  presetCache.clear()
  clearUnitDictionary()
}

/** The bundled presets, sorted by id. */
export function listPresets(): { id: string; title: string; extends?: string; level?: string }[] {
  return bundledIds().map((fileId) => {
    const file = resolvePresetRef(fileId, presetsDir())!.file
    const raw = readPresetFile(file)
    const entry: { id: string; title: string; extends?: string; level?: string } = { id: raw.id, title: raw.title }
    if (raw.extends !== undefined) entry.extends = raw.extends
    if (raw.jurisdiction) entry.level = raw.jurisdiction.level
    return entry
  })
}
