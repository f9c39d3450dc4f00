/**
 * src/engine/rule.ts beyond engine-runner.test.ts: the exact refusal for each way a rule's
 * meta can be wrong, what is accepted, the once-per-rule check, the options validator (fresh
 * and from the data cache give the same verdicts), and every zh-CN line formatAjvErrors writes.
 */
import type { ErrorObject } from 'ajv'
import { describe, expect, it } from 'vitest'
import { formatAjvErrors, getOptionsValidator, validateRuleMeta } from '../src/engine/rule.js'
import type { Rule, RuleMeta } from '../src/engine/types.js'

const META: RuleMeta = {
  id: 'good-rule',
  type: 'problem',
  severity: 'error',
  docs: { description: { zh: '测试', en: 'test' }, url: 'https://example.test/good-rule' },
  schema: { type: 'object', additionalProperties: false },
  messages: { m: '问题' },
}

const ruleWith = (patch: Record<string, unknown>, create: unknown = () => ({})): Rule => ({ meta: { ...META, ...patch }, create }) as Rule

function refusal(rule: unknown): string {
  try {
    validateRuleMeta(rule, 'src.js')
  } catch (e) {
    return (e as Error).message
  }
  return 'accepted'
}

describe('validateRuleMeta: exact refusals', () => {
  it.each([
    ['a string', 'x', 'src.js: 规则 (无 id) 无效：不是一个规则对象（应为 { meta, create }）'],
    ['meta that is a string', { meta: 'x', create: () => ({}) }, 'src.js: 规则 (无 id) 无效：缺少 meta'],
    ['a numeric id', ruleWith({ id: 7 }), 'src.js: 规则 (无 id) 无效：meta.id 必须是短横线小写形式（如 draft-residue）'],
    ['an id that is an array (its text would pass)', ruleWith({ id: ['abc'] }), 'src.js: 规则 (无 id) 无效：meta.id 必须是短横线小写形式（如 draft-residue）'],
    ['a type that is an array (its text would pass)', ruleWith({ type: ['problem'] }), 'src.js: 规则 good-rule 无效：meta.type 必须是 problem、suggestion 或 layout 之一'],
    ['an id with a trailing dash', ruleWith({ id: 'a-' }), 'src.js: 规则 a- 无效：meta.id 必须是短横线小写形式（如 draft-residue）'],
    ['an id starting with a digit', ruleWith({ id: '1a' }), 'src.js: 规则 1a 无效：meta.id 必须是短横线小写形式（如 draft-residue）'],
    ['an id with a double dash', ruleWith({ id: 'a--b' }), 'src.js: 规则 a--b 无效：meta.id 必须是短横线小写形式（如 draft-residue）'],
    ['an id with more after a line', ruleWith({ id: 'ab\nc' }), 'src.js: 规则 ab\nc 无效：meta.id 必须是短横线小写形式（如 draft-residue）'],
    ['a numeric type', ruleWith({ type: 1 }), 'src.js: 规则 good-rule 无效：meta.type 必须是 problem、suggestion 或 layout 之一'],
    ['docs that are a string', ruleWith({ docs: 'x' }), 'src.js: 规则 good-rule 无效：缺少 meta.docs'],
    ['docs without description', ruleWith({ docs: { url: 'u' } }), 'src.js: 规则 good-rule 无效：缺少 meta.docs.description.zh（中文说明）'],
    ['a numeric zh description', ruleWith({ docs: { description: { zh: 1, en: 'a' }, url: 'u' } }), 'src.js: 规则 good-rule 无效：缺少 meta.docs.description.zh（中文说明）'],
    ['an empty zh description', ruleWith({ docs: { description: { zh: '', en: 'a' }, url: 'u' } }), 'src.js: 规则 good-rule 无效：缺少 meta.docs.description.zh（中文说明）'],
    ['a numeric en description', ruleWith({ docs: { description: { zh: '甲', en: 1 }, url: 'u' } }), 'src.js: 规则 good-rule 无效：缺少 meta.docs.description.en（英文说明）'],
    ['a blank en description', ruleWith({ docs: { description: { zh: '甲', en: '  ' }, url: 'u' } }), 'src.js: 规则 good-rule 无效：缺少 meta.docs.description.en（英文说明）'],
    ['a numeric url', ruleWith({ docs: { description: { zh: '甲', en: 'a' }, url: 1 } }), 'src.js: 规则 good-rule 无效：缺少 meta.docs.url（规则文档地址）'],
    ['a blank url', ruleWith({ docs: { description: { zh: '甲', en: 'a' }, url: ' ' } }), 'src.js: 规则 good-rule 无效：缺少 meta.docs.url（规则文档地址）'],
    ['a schema that is a string', ruleWith({ schema: 'object' }), 'src.js: 规则 good-rule 无效：缺少 meta.schema（选项的 JSON Schema，没有选项时写 { type: "object", additionalProperties: false }）'],
    ['messages that are a string', ruleWith({ messages: 'x' }), 'src.js: 规则 good-rule 无效：缺少 meta.messages（messageId → 提示文字）'],
    ['no messages', ruleWith({ messages: undefined }), 'src.js: 规则 good-rule 无效：缺少 meta.messages（messageId → 提示文字）'],
    ['a numeric message', ruleWith({ messages: { a: '好', b: 2 } }), 'src.js: 规则 good-rule 无效：meta.messages.b 必须是非空字符串'],
    ['a blank message', ruleWith({ messages: { a: ' ' } }), 'src.js: 规则 good-rule 无效：meta.messages.a 必须是非空字符串'],
    ['fixable true', ruleWith({ fixable: true }), 'src.js: 规则 good-rule 无效：meta.fixable 只能是 false 或 "code"'],
    ['create that is not a function', ruleWith({}, {}), 'src.js: 规则 good-rule 无效：缺少 create(context) 函数'],
    ['defaultOptions off the schema', ruleWith({ defaultOptions: { x: 1 } }), 'src.js: 规则 good-rule 无效：meta.defaultOptions 不符合 meta.schema：（选项本身） 不认识的选项 x'],
  ])('refuses %s', (_what, rule, message) => {
    expect(refusal(rule)).toBe(message)
  })

  it('an invalid schema is named with ajv’s reason', () => {
    expect(refusal(ruleWith({ schema: { type: 'object', properties: { a: { type: 'nonsense' } } } }))).toMatch(
      /^src\.js: 规则 good-rule 无效：meta\.schema 不是有效的 JSON Schema：\S/,
    )
  })

  it('accepts each rule type, both severities, fixable false or "code", suggestions and valid defaults', () => {
    for (const patch of [
      { type: 'suggestion' },
      { type: 'layout' },
      { severity: 'warn' },
      { fixable: false },
      { fixable: 'code' },
      { hasSuggestions: true },
      { id: 'a1-b2-c' },
      { schema: { type: 'object', properties: { n: { type: 'integer' } }, additionalProperties: false }, defaultOptions: { n: 2 } },
    ]) {
      expect(refusal(ruleWith(patch)), JSON.stringify(patch)).toBe('accepted')
    }
  })

  it('checks a rule object once: a later change to its meta is not looked at again', () => {
    const rule = ruleWith({})
    validateRuleMeta(rule, 'src.js')
    ;(rule.meta as { type: string }).type = 'style'
    expect(refusal(rule)).toBe('accepted')
    // another object with the same meta is checked on its own
    expect(refusal({ meta: rule.meta, create: rule.create })).toBe('src.js: 规则 good-rule 无效：meta.type 必须是 problem、suggestion 或 layout 之一')
  })

  it('a refused rule is refused again the next time (nothing is remembered of it)', () => {
    const rule = ruleWith({ severity: 'loud' })
    expect(refusal(rule)).toMatch(/meta\.severity/)
    expect(refusal(rule)).toMatch(/meta\.severity/)
    const badDefaults = ruleWith({ defaultOptions: { x: 1 } })
    expect(refusal(badDefaults)).toMatch(/defaultOptions/)
    expect(refusal(badDefaults)).toMatch(/defaultOptions/)
  })
})

describe('getOptionsValidator', () => {
  it('validates options by the rule’s schema, the same whether compiled now or read from the data cache', () => {
    // a schema no other test uses, so the first rule compiles it and the second may read it back
    const schema = {
      type: 'object',
      properties: { n: { type: 'integer', minimum: 2 }, tag: { type: 'string', pattern: `^t${process.pid}-${Date.now()}$` } },
      additionalProperties: false,
    }
    const a = getOptionsValidator(ruleWith({ schema }), 'a.js')
    const b = getOptionsValidator(ruleWith({ schema }), 'b.js')
    for (const v of [a, b]) {
      expect(v({ n: 3 })).toBe(true)
      expect(v({ n: 1 })).toBe(false)
      expect(formatAjvErrors(v.errors)).toBe('/n 不应小于 2')
      expect(v({ m: 1 })).toBe(false)
      expect(formatAjvErrors(v.errors)).toBe('（选项本身） 不认识的选项 m')
      expect(v({ tag: 'x' })).toBe(false)
      expect(formatAjvErrors(v.errors)).toMatch(/^\/tag 应匹配 \^t\d+-\d+\$$/)
    }
  })

  it('refuses a rule with invalid meta, naming its source', () => {
    expect(() => getOptionsValidator(ruleWith({ id: 'X' }), 'plug.js')).toThrow(/^plug\.js: 规则 X 无效：meta\.id/)
  })
})

describe('formatAjvErrors', () => {
  const e = (keyword: string, params: Record<string, unknown>, instancePath = '/a', message?: string): ErrorObject =>
    ({ keyword, params, instancePath, schemaPath: '#', ...(message !== undefined ? { message } : {}) }) as ErrorObject

  it('says 不符合选项格式 when ajv gives no errors', () => {
    expect(formatAjvErrors(null)).toBe('不符合选项格式')
    expect(formatAjvErrors(undefined)).toBe('不符合选项格式')
    expect(formatAjvErrors([])).toBe('不符合选项格式')
  })

  it.each([
    ['type', { type: 'string' }, '/a 应为 string 类型'],
    ['required', { missingProperty: 'b' }, '/a 缺少必填项 b'],
    ['additionalProperties', { additionalProperty: 'c' }, '/a 不认识的选项 c'],
    ['enum', { allowedValues: ['x', 1] }, '/a 应为以下之一："x"、1'],
    ['enum', {}, '/a 应为以下之一：'],
    ['minimum', { limit: 1 }, '/a 不应小于 1'],
    ['maximum', { limit: 9 }, '/a 不应大于 9'],
    ['minItems', { limit: 2 }, '/a 至少应有 2 项'],
    ['maxItems', { limit: 3 }, '/a 至多应有 3 项'],
    ['minLength', { limit: 4 }, '/a 长度不应小于 4'],
    ['pattern', { pattern: '^x$' }, '/a 应匹配 ^x$'],
    ['const', { allowedValue: '甲' }, '/a 应为 "甲"'],
    ['uniqueItems', { i: 1, j: 0 }, '/a 不应有重复项'],
  ])('%s: %s', (keyword, params, line) => {
    expect(formatAjvErrors([e(keyword, params)])).toBe(line)
  })

  it('another keyword: ajv’s own message, or the keyword itself; the options themselves when the path is empty', () => {
    expect(formatAjvErrors([e('format', {}, '', 'must match format "date"')])).toBe('（选项本身） must match format "date"')
    expect(formatAjvErrors([e('format', {}, '/d')])).toBe('/d format')
  })

  it('joins several with ；, each once, in ajv’s order', () => {
    expect(formatAjvErrors([e('minimum', { limit: 1 }), e('type', { type: 'string' }, '/b'), e('minimum', { limit: 1 }), e('minimum', { limit: 1 }, '/c')])).toBe(
      '/a 不应小于 1；/b 应为 string 类型；/c 不应小于 1',
    )
  })
})
