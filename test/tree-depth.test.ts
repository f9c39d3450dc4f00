/**
 * Which runs build sentences without their words (src/lint/tree-depth.ts): only those in which
 * every rule is a built-in that listens to nothing below a sentence and no unified plugin runs.
 * A plugin rule, a unified plugin, or a rule listening to a word-level key gets the whole tree,
 * and the findings of the built-in rules are the same either way.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path, { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { Node, Parent } from 'unist'
import { defineRule, type Rule } from '../src/rules-support/context.js'
import { listensBelowSentences } from '../src/lint/listener-keys.js'
import { needsWords } from '../src/lint/tree-depth.js'
import { builtinRuleMap, knownRules } from '../src/lint/rule-registry.js'
import { BELOW_SENTENCE } from '../src/plan/walk.js'
import { parseText } from '../src/parse/index.js'
import { getLoadedUnifiedPlugins, loadPlugins } from '../src/config/plugins.js'
import { lintText } from '../src/lint/lint.js'
import type { PlanlintConfig } from '../src/config/types.js'
import { RuleTester } from '../src/testing/rule-tester-core.js'
import { minimalPreset } from '../src/testing/empty-plan.js'
import { plansDir } from './helpers/plans.js'

const pluginFixtures = fileURLToPath(new URL('./fixtures/plugins/', import.meta.url))
const unifiedFixtures = fileURLToPath(new URL('./fixtures/unified/', import.meta.url))

/** A rule listening to `keys`; `read` is what each listener does. */
function ruleOn(keys: string[], read: (node: unknown) => void = () => {}, create?: () => never): Rule {
  return defineRule({
    meta: {
      id: 'probe',
      type: 'suggestion',
      severity: 'warn',
      docs: { description: { zh: '探针', en: 'probe' }, url: 'https://example.test/probe' },
      schema: { type: 'object', additionalProperties: false },
      messages: { m: '{{n}}' },
    },
    create: create ?? (() => Object.fromEntries(keys.map((k) => [k, read])) as never),
  })
}

const countWords = (root: Node): number => {
  let n = 0
  const walk = (node: Node): void => {
    if (node.type === 'WordNode') n++
    for (const c of (node as Parent).children ?? []) walk(c)
  }
  walk(root)
  return n
}

describe('listensBelowSentences', () => {
  it.each(BELOW_SENTENCE.flatMap((k) => [k, `${k}:exit`]))('a rule listening to %s does', (key) => {
    expect(listensBelowSentences(ruleOn(['SentenceNode', key]))).toBe(true)
  })

  it.each(['plan', 'task', 'unit', 'RootNode', 'SectionNode', 'TaskNode', 'ParagraphNode', 'SentenceNode', 'SentenceNode:exit', 'plan:exit'])(
    'a rule listening only to %s does not',
    (key) => {
      expect(listensBelowSentences(ruleOn([key]))).toBe(false)
    },
  )

  it('a rule whose create fails on an empty document counts as one that does (its listeners are unknown)', () => {
    expect(listensBelowSentences(ruleOn([], undefined, () => { throw new Error('needs a document') }))).toBe(true)
  })

  it('asks create once per rule object', () => {
    let calls = 0
    const rule = ruleOn([], undefined, (() => {
      calls++
      return { SentenceNode() {} }
    }) as never)
    expect(listensBelowSentences(rule)).toBe(false)
    expect(listensBelowSentences(rule)).toBe(false)
    expect(calls).toBe(1)
  })
})

describe('needsWords', () => {
  const builtins = [...builtinRuleMap().values()]

  it('is false for the built-in rules (none listens below a sentence)', () => {
    expect(builtins.length).toBeGreaterThan(10)
    expect(needsWords(builtins)).toBe(false)
  })

  it('is true with any rule that is not built in, even one listening only to sentences (it may read their children)', () => {
    expect(needsWords([...builtins, ruleOn(['SentenceNode'])])).toBe(true)
  })

  it('is true with a unified plugin in the config', async () => {
    const config: PlanlintConfig = { filePath: join(unifiedFixtures, 'planlint.config.yaml'), unifiedPlugins: ['./word-census-plugin.js'] }
    await loadPlugins(config)
    expect(needsWords(builtins, getLoadedUnifiedPlugins(config))).toBe(true)
  })

  it('is true with a loaded rule plugin, whether its rules are on or off', async () => {
    const config: PlanlintConfig = { filePath: join(pluginFixtures, 'planlint.config.yaml'), plugins: ['./planlint-plugin-demo.js'] }
    await loadPlugins(config)
    expect(needsWords([...knownRules(config).values()].map((k) => k.rule))).toBe(true)
  })
})

describe('what the rules and plugins of a run read', () => {
  const text = readFileSync(join(plansDir, 'qingxi-county.txt'), 'utf8')

  it('a unified plugin in the config sees every word of the text', async () => {
    const config: PlanlintConfig = { filePath: join(unifiedFixtures, 'planlint.config.yaml'), unifiedPlugins: ['./word-census-plugin.js'] }
    await loadPlugins(config)
    const words = countWords(parseText(text))
    expect(words).toBeGreaterThan(100)
    const m = lintText(text, { config }).messages.filter((x) => x.ruleId === 'word-census-plugin')
    expect(m.map((x) => x.message)).toEqual([`${words} 个词`])
  })

  it('a plugin rule tested with RuleTester reads the words of a sentence it listens to', () => {
    // a rule from outside reading a sentence's children, as nlcst lets it
    const rule = defineRule({
      meta: {
        id: 'no-kepu-word',
        type: 'suggestion',
        severity: 'warn',
        docs: { description: { zh: '探针', en: 'probe' }, url: 'https://example.test/probe' },
        schema: { type: 'object', additionalProperties: false },
        messages: { m: '句中有词「科普」' },
      },
      create: (ctx) => ({
        SentenceNode(node) {
          for (const w of node.children) if (w.type === 'WordNode' && ctx.getText(w as never) === '科普') ctx.report({ node: w as never, messageId: 'm' })
        },
      }),
    })
    const tester = new RuleTester({ preset: minimalPreset() })
    expect(tester.verifyCase(rule, 'invalid', { code: '开展 科普 活动。', errors: [{ messageId: 'm', line: 1, column: 4, endColumn: 6 }] })).toEqual([])
  })
})

describe('findings of the built-in rules: the same with and without words', () => {
  // a loaded plugin (its one rule off, as plugin rules are until configured) makes the run build words
  const withWords: PlanlintConfig = { filePath: join(pluginFixtures, 'planlint.config.yaml'), plugins: ['./planlint-plugin-demo.js'] }
  const without: PlanlintConfig = { filePath: join(pluginFixtures, 'planlint.config.yaml') }

  let findings = 0
  for (const file of readdirSync(plansDir).filter((f) => f.endsWith('.txt'))) {
    it(file, async () => {
      await loadPlugins(withWords)
      expect(needsWords([...knownRules(withWords).values()].map((k) => k.rule))).toBe(true)
      expect(needsWords([...knownRules(without).values()].map((k) => k.rule))).toBe(false)
      const text = readFileSync(path.join(plansDir, file), 'utf8')
      const a = lintText(text, { config: without, filePath: file })
      const b = lintText(text, { config: withWords, filePath: file })
      expect(b).toEqual(a)
      findings += a.messages.length
    })
  }
  it('(the plans above have findings to compare)', () => {
    expect(findings).toBeGreaterThan(5)
  })
})
