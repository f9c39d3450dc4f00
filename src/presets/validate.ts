/**
 * JSON Schema validation (ajv) for presets, unit dictionaries and config, with errors a
 * drafter can act on: one line naming the file, the path inside it (`populations[0].aliases`)
 * and what was expected, in zh-CN.
 *
 * Schemas may carry an `x-expected` annotation: the zh-CN description of what the value
 * should be. It is used for the message whenever that schema fails.
 */
import type { ErrorObject, ValidateFunction } from 'ajv'
import { PlanlintError } from '../errors.js'
import { displayPath } from './yaml.js'
import { editDistance } from '../text/edit-distance.js'
import { getAjv } from '../support/ajv.js'


const compiled = new Map<string, ValidateFunction>()

/**
 * Compiles a schema once per key. `refs` are schemas the main one `$ref`s by `$id`.
 */
export function getValidator(key: string, schema: object, refs: object[] = []): ValidateFunction {
  let v = compiled.get(key)
  if (!v) {
    const a = getAjv()
    for (const r of refs) {
      const id = (r as { $id?: string }).$id
      if (id && !a.getSchema(id)) a.addSchema(r)
    }
    const id = (schema as { $id?: string }).$id
    v = (id ? a.getSchema(id) : undefined) ?? a.compile(schema)
    compiled.set(key, v)
  }
  return v
}

/** `/populations/0/aliases` → `populations[0].aliases`. */
export function formatInstancePath(pointer: string, extra?: string): string {
  const parts = pointer === '' ? [] : pointer.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
  if (extra !== undefined) parts.push(extra)
  let out = ''
  for (const p of parts) {
    if (/^\d+$/.test(p)) out += `[${p}]`
    else if (/^[^.[\]\s"]+$/.test(p)) out += out ? `.${p}` : p
    else out += `[${JSON.stringify(p)}]`
  }
  return out
}

const TYPE_NAMES: Record<string, string> = {
  array: '数组（列表）',
  object: '对象（键: 值）',
  string: '文字（字符串）',
  number: '数字',
  integer: '整数',
  boolean: '布尔值（true 或 false）',
  null: '空值',
}

/** Describes a value for messages: `字符串 "农民"`, `数字 3`, `数组`. */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return '空值'
  if (Array.isArray(v)) return '数组'
  switch (typeof v) {
    case 'string': {
      const s = v.length > 30 ? `${v.slice(0, 30)}…` : v
      return `字符串 ${JSON.stringify(s)}`
    }
    case 'number':
      return `数字 ${v}`
    case 'boolean':
      return `布尔值 ${v}`
    case 'object':
      return '对象'
    default:
      return typeof v
  }
}

function listValues(values: unknown[]): string {
  return values.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join('、')
}


/** The closest of `candidates` to `word`, if close enough to be a likely typo. */
export function didYouMean(word: string, candidates: string[]): string | undefined {
  let best: string | undefined
  let bestD = Infinity
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase())
    if (d < bestD) {
      bestD = d
      best = c
    }
  }
  return best !== undefined && bestD <= Math.max(1, Math.floor(best.length / 2)) ? best : undefined
}

function expectedOf(schema: unknown): string | undefined {
  const x = (schema as Record<string, unknown> | undefined)?.['x-expected']
  return typeof x === 'string' ? x : undefined
}

/** Picks the error worth showing: an annotated anyOf/oneOf over its branches, else the first. */
function pickError(errors: ErrorObject[]): ErrorObject {
  const last = errors[errors.length - 1]!
  if ((last.keyword === 'anyOf' || last.keyword === 'oneOf') && expectedOf(last.parentSchema)) return last
  if (last.keyword === 'anyOf' || last.keyword === 'oneOf') {
    // The deepest branch error says the most.
    let best = errors[0]!
    for (const e of errors) if (e.instancePath.length > best.instancePath.length) best = e
    return best
  }
  return errors[0]!
}

/** Turns one ajv error into `path: 应为…` (zh-CN). */
export function formatAjvError(err: ErrorObject): { path: string; message: string } {
  const actual = `，实际为${describeValue(err.data)}`
  const expected = expectedOf(err.parentSchema)
  const params = err.params as Record<string, unknown>
  switch (err.keyword) {
    case 'required': {
      const prop = String(params.missingProperty)
      const propSchema = (err.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties?.[prop]
      const exp = expectedOf(propSchema)
      // A misspelt key shows up first as the missing one: say which key was meant.
      const known = Object.keys((err.parentSchema as { properties?: object } | undefined)?.properties ?? {})
      const data = err.data && typeof err.data === 'object' ? Object.keys(err.data) : []
      const typo = data.find((k) => !known.includes(k) && didYouMean(k, [prop]) === prop)
      if (typo !== undefined) {
        return { path: formatInstancePath(err.instancePath, typo), message: `不认识的字段，是不是“${prop}”？` }
      }
      return { path: formatInstancePath(err.instancePath, prop), message: `缺少必填字段${exp ? `，应为${exp}` : ''}` }
    }
    case 'additionalProperties': {
      const prop = String(params.additionalProperty)
      const known = Object.keys((err.parentSchema as { properties?: object } | undefined)?.properties ?? {})
      const guess = didYouMean(prop, known)
      const hint = guess ? `，是不是“${guess}”？` : known.length ? `（可用的字段：${known.join('、')}）` : ''
      return { path: formatInstancePath(err.instancePath, prop), message: `不认识的字段${hint}` }
    }
    default:
      break
  }
  const path = formatInstancePath(err.instancePath)
  if (expected) return { path, message: `应为${expected}${actual}` }
  switch (err.keyword) {
    case 'type':
      return { path, message: `应为${String(params.type).split(',').map((t) => TYPE_NAMES[t] ?? t).join('或')}${actual}` }
    case 'enum':
      return { path, message: `应为以下之一：${listValues(params.allowedValues as unknown[])}${actual}` }
    case 'const':
      return { path, message: `应为 ${listValues([params.allowedValue])}${actual}` }
    case 'minItems':
      return { path, message: `至少应有 ${String(params.limit)} 项` }
    case 'maxItems':
      return { path, message: `最多只能有 ${String(params.limit)} 项` }
    case 'minLength':
      return { path, message: Number(params.limit) <= 1 ? '不能为空' : `至少应有 ${String(params.limit)} 个字符` }
    case 'pattern':
      return { path, message: `格式不正确（应匹配 ${String(params.pattern)}）${actual}` }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { path, message: `应${String(params.comparison)} ${String(params.limit)}${actual}` }
    case 'uniqueItems':
      return { path, message: `不应有重复项（第 ${Number(params.j) + 1} 项与第 ${Number(params.i) + 1} 项相同）` }
    default:
      return { path, message: `不符合要求（${err.message ?? err.keyword}）` }
  }
}

/** One line: `file: path: message` (the path is left out for the document root). */
export function dataError(file: string, path: string, message: string): PlanlintError {
  return new PlanlintError(path ? `${path}: ${message}` : message, displayPath(file))
}

/**
 * Validates `data` and throws the most useful error as one line.
 * @throws PlanlintError `file: path: 应为…`
 */
export function validateOrThrow(validate: ValidateFunction, data: unknown, file: string): void {
  if (validate(data)) return
  const errors = validate.errors ?? []
  if (errors.length === 0) throw dataError(file, '', '内容不符合要求')
  const { path, message } = formatAjvError(pickError(errors))
  throw dataError(file, path, message)
}
