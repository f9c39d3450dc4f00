/**
 * The unit (department) dictionary: renames after institutional reforms, alias groups and
 * names to keep, from `presets/units/*.yaml` plus any `units` section in a preset chain.
 */
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { UnitDictionary, UnitsFile } from './types.js'
import { cached, contentKey } from '../support/cache.js'
import { presetsDir } from './resolve.js'
import { getValidator, validateOrThrow } from './validate.js'
import { parseYamlText, readTextFile } from './yaml.js'
import { pushAll } from '../text/arrays.js'
import { deepFreeze } from '../support/freeze.js'

/** The YAML shape of a units file or of a preset's `units` section (from its JSON Schema). */
export type RawUnits = UnitsFile

let unitsSchemaText: string | undefined

/** Text of the units JSON Schema (`presets/units/schema.json`). */
export function getUnitsSchemaText(): string {
  return (unitsSchemaText ??= readFileSync(join(presetsDir(), 'units', 'schema.json'), 'utf8'))
}

/** The units JSON Schema (`presets/units/schema.json`). */
export function getUnitsSchema(): object {
  return JSON.parse(getUnitsSchemaText()) as object
}

/** Reads and validates one units YAML file (through the content cache). */
export function readUnitsFile(file: string): RawUnits {
  const text = readTextFile(file, '单位词典')
  return cached(contentKey('units', getUnitsSchemaText(), text), () => {
    const data = parseYamlText(text, file) ?? {}
    validateOrThrow(getValidator('units', getUnitsSchema()), data, file)
    return data as RawUnits
  })
}

/** Turns the YAML shape into the `UnitDictionary` shape (alias groups as string arrays). */
export function toDictionary(raw: RawUnits): UnitDictionary {
  return {
    prefixes: [...(raw.prefixes ?? [])],
    renames: (raw.renames ?? []).map((r) => ({ ...r })),
    aliases: (raw.aliases ?? []).map((g) => [g.canonical, ...g.variants.filter((v) => v !== g.canonical)]),
    keep: (raw.keep ?? []).flatMap((k) => k.names),
  }
}

/**
 * Concatenates dictionaries; earlier ones come first (so local knowledge placed first wins
 * for a consumer that takes the first match). Prefixes and keep names are de-duplicated.
 */
export function mergeDictionaries(dicts: UnitDictionary[]): UnitDictionary {
  const out: UnitDictionary = { prefixes: [], renames: [], aliases: [], keep: [] }
  for (const d of dicts) {
    pushAll(out.prefixes, d.prefixes)
    pushAll(out.renames, d.renames)
    pushAll(out.aliases, d.aliases)
    pushAll(out.keep, d.keep)
  }
  out.prefixes = [...new Set(out.prefixes)]
  out.keep = [...new Set(out.keep)]
  return out
}

let loaded: { key: string; dict: UnitDictionary } | undefined

function unitFiles(): string[] {
  const dir = join(presetsDir(), 'units')
  return [join(dir, 'renames.yaml'), join(dir, 'aliases.yaml')]
}

/**
 * The bundled unit dictionary (`presets/units/renames.yaml` + `aliases.yaml`), validated
 * and cached; frozen, so share it freely and copy before changing.
 */
export function loadUnitDictionary(): UnitDictionary {
  const files = unitFiles()
  const key = files.map((f) => `${f}@${mtimeOf(f)}`).join('|')
  if (loaded?.key === key) return loaded.dict
  const merged = files.map((f) => toDictionary(readUnitsFile(f)))
  const dict = deepFreeze(mergeDictionaries(merged))
  loaded = { key, dict }
  return dict
}

/** Forgets the loaded dictionary (the next call reads the files again). */
export function clearUnitDictionary(): void {
  loaded = undefined
}

/** Modification time of a file, or -1 when it cannot be read (the reader then reports why). */
export function mtimeOf(file: string): number {
  try {
    return statSync(file).mtimeMs
  } catch {
    return -1
  }
}
