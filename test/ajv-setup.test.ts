import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { getAjv } from '../src/support/ajv.js'
import { validateRuleMeta } from '../src/engine/rule.js'
import { getValidator } from '../src/presets/validate.js'

const rule = (schema: object) => ({
  meta: {
    id: 'strict-schema',
    type: 'problem',
    severity: 'warn',
    docs: { description: { zh: '测试', en: 'test' }, url: 'https://example.org/strict-schema' },
    schema,
    messages: { m: '测试' },
  },
  create: () => ({}),
})

function sourcesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? sourcesUnder(p) : /\.ts$/.test(e.name) ? [p] : []
  })
}

describe('one Ajv setup', () => {
  it('rule option schemas are compiled as strictly as presets: an unknown keyword refuses the rule', () => {
    expect(() => validateRuleMeta(rule({ type: 'object', additionalProperties: false, minimumm: 1 }), 'plugin.js')).toThrow(
      /规则 strict-schema 无效：meta\.schema 不是有效的 JSON Schema：.*unknown keyword: "minimumm"/,
    )
    expect(() => getValidator('test-strict', { type: 'object', minimumm: 1 })).toThrow(/unknown keyword: "minimumm"/)
  })

  it('the x-expected annotation is known to rule schemas and data schemas alike', () => {
    expect(() => validateRuleMeta(rule({ type: 'object', properties: { n: { type: 'integer', 'x-expected': '整数' } }, additionalProperties: false }), 'plugin.js')).not.toThrow()
    expect(getValidator('test-x-expected', { type: 'integer', 'x-expected': '整数' })(3)).toBe(true)
  })

  it('one instance, created in src/support/ajv.ts only', () => {
    expect(getAjv()).toBe(getAjv())
    const root = path.resolve(import.meta.dirname, '..')
    const creators = [...sourcesUnder(path.join(root, 'src')), ...sourcesUnder(path.join(root, 'rules'))]
      .filter((f) => /new\s+\(?\s*(?:Ajv|AjvClass|require\('ajv'\))|\.Ajv\s*\(/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f))
    expect(creators).toEqual(['src/support/ajv.ts'])
  })
})
