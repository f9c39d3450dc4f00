/**
 * Rules are data plus a function. `defineRule` gives a rule its type; `validateRuleMeta`
 * refuses a rule whose meta a user could not rely on (no docs, no schema, no messages).
 * Built-in rules and plugin rules go through the same check.
 */
import { createRequire } from 'node:module'
import type { ErrorObject, ValidateFunction } from 'ajv'
import { PlanlintError } from '../errors.js'
import { cached, contentKey } from '../support/cache.js'
import { AJV_SETUP, ajvVersion, getAjv, standaloneCode } from '../support/ajv.js'
import type { Rule, RuleMeta } from './types.js'


const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/
const TYPES = new Set(['problem', 'suggestion', 'layout'])

const require = createRequire(import.meta.url)

/**
 * The options validator of a schema. Compiling with ajv cost ~10 ms per rule on a cold
 * start (most of a one-file CLI run), so the compiled validator is kept as ajv standalone
 * code in the data cache (keyed by the schema and the ajv version): a later process
 * evaluates that code and never loads ajv. Same generated code, same verdicts and errors.
 */
function compileOptionsSchema(schema: object): ValidateFunction {
  // no version: the key still changes with the schema
  const key = contentKey('rule-options-validator', ajvVersion(), AJV_SETUP, JSON.stringify(schema))
  let direct: ValidateFunction | undefined
  const code = cached<string | null>(key, () => {
    direct = getAjv().compile(schema)
    return standaloneCode(direct) // null: a schema standalone code cannot express, compiled each time
  })
  if (direct) return direct
  if (code === null) return getAjv().compile(schema)
  const module: { exports: { default?: ValidateFunction } & ValidateFunction } = { exports: {} as never }
  new Function('module', 'exports', 'require', code)(module, module.exports, require)
  return module.exports.default ?? module.exports
}

const validators = new WeakMap<Rule, ValidateFunction>()
const validated = new WeakSet<Rule>()

/**
 * Checks a rule's meta. `source` says where the rule came from (`内置规则`, a plugin path)
 * so the error names it. The check runs once per rule object.
 */
export function validateRuleMeta(rule: unknown, source: string): asserts rule is Rule {
  // WeakSet#has is false for anything that is not an object: no type test needed first
  if (validated.has(rule as Rule)) return
  const r = rule as Partial<Rule> | null
  const meta = (r && typeof r === 'object' ? r.meta : undefined) as Partial<RuleMeta> | undefined
  const name = meta && typeof meta.id === 'string' ? meta.id : '(无 id)'
  const fail: (what: string) => never = (what) => {
    throw new PlanlintError(`规则 ${name} 无效：${what}`, source)
  }
  if (!r || typeof r !== 'object') fail('不是一个规则对象（应为 { meta, create }）')
  if (!meta || typeof meta !== 'object') fail('缺少 meta')
  const m = meta as Partial<RuleMeta>
  if (typeof m.id !== 'string' || !KEBAB.test(m.id)) fail('meta.id 必须是短横线小写形式（如 draft-residue）')
  if (!TYPES.has(m.type as string)) fail('meta.type 必须是 problem、suggestion 或 layout 之一')
  if (m.severity !== 'error' && m.severity !== 'warn' && m.severity !== 'info') fail('meta.severity 必须是 error、warn 或 info')
  const docs = m.docs
  if (!docs || typeof docs !== 'object') fail('缺少 meta.docs')
  const d = docs as RuleMeta['docs']
  if (!d.description || typeof d.description.zh !== 'string' || !d.description.zh.trim()) {
    fail('缺少 meta.docs.description.zh（中文说明）')
  }
  if (typeof d.description.en !== 'string' || !d.description.en.trim()) fail('缺少 meta.docs.description.en（英文说明）')
  if (typeof d.url !== 'string' || !d.url.trim()) fail('缺少 meta.docs.url（规则文档地址）')
  if (!m.schema || typeof m.schema !== 'object' || Array.isArray(m.schema)) {
    fail('缺少 meta.schema（选项的 JSON Schema，没有选项时写 { type: "object", additionalProperties: false }）')
  }
  if (!m.messages || typeof m.messages !== 'object' || Object.keys(m.messages).length === 0) {
    fail('缺少 meta.messages（messageId → 提示文字）')
  }
  for (const [key, value] of Object.entries(m.messages as Record<string, unknown>)) {
    if (typeof value !== 'string' || !value.trim()) fail(`meta.messages.${key} 必须是非空字符串`)
  }
  if (m.fixable !== undefined && m.fixable !== false && m.fixable !== 'code') fail('meta.fixable 只能是 false 或 "code"')
  if (typeof r.create !== 'function') fail('缺少 create(context) 函数')
  let validate: ValidateFunction
  try {
    validate = compileOptionsSchema(m.schema as object)
  } catch (e) {
    return fail(`meta.schema 不是有效的 JSON Schema：${(e as Error).message}`)
  }
  if (m.defaultOptions !== undefined) {
    if (!validate(m.defaultOptions)) {
      fail(`meta.defaultOptions 不符合 meta.schema：${formatAjvErrors(validate.errors)}`)
    }
  }
  validators.set(r as Rule, validate)
  validated.add(r as Rule)
}

/** The compiled options validator of a rule (the meta is validated first if needed). */
export function getOptionsValidator(rule: Rule, source: string): ValidateFunction {
  validateRuleMeta(rule, source)
  return validators.get(rule)!
}

const KEYWORD_ZH: Record<string, (e: ErrorObject) => string> = {
  type: (e) => `应为 ${String((e.params as { type: string }).type)} 类型`,
  required: (e) => `缺少必填项 ${String((e.params as { missingProperty: string }).missingProperty)}`,
  additionalProperties: (e) =>
    `不认识的选项 ${String((e.params as { additionalProperty: string }).additionalProperty)}`,
  enum: (e) => `应为以下之一：${((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join('、')}`,
  minimum: (e) => `不应小于 ${String((e.params as { limit: number }).limit)}`,
  maximum: (e) => `不应大于 ${String((e.params as { limit: number }).limit)}`,
  minItems: (e) => `至少应有 ${String((e.params as { limit: number }).limit)} 项`,
  maxItems: (e) => `至多应有 ${String((e.params as { limit: number }).limit)} 项`,
  minLength: (e) => `长度不应小于 ${String((e.params as { limit: number }).limit)}`,
  pattern: (e) => `应匹配 ${String((e.params as { pattern: string }).pattern)}`,
  const: (e) => `应为 ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`,
  uniqueItems: () => '不应有重复项',
}

/** Ajv errors as one zh-CN line: `/path 应为 … 类型；/other …`. */
export function formatAjvErrors(errors: ErrorObject[] | null | undefined): string {
  if (!errors || errors.length === 0) return '不符合选项格式'
  const seen = new Set<string>()
  const parts: string[] = []
  for (const e of errors) {
    const path = e.instancePath || '（选项本身）'
    const text = `${path} ${KEYWORD_ZH[e.keyword]?.(e) ?? e.message ?? e.keyword}`
    if (!seen.has(text)) {
      seen.add(text)
      parts.push(text)
    }
  }
  return parts.join('；')
}
