/**
 * A misspelt listener key is a load-time error naming the valid keys; the valid keys are the
 * walk's own list (src/plan/walk.ts), checked here against the typed listener map.
 */
import { describe, expect, it } from 'vitest'
import { builtinRules } from '../rules/index.js'
import { LISTENER_KEYS, NODE_KEYS, planWalker } from '../src/plan/walk.js'
import { checkListenerKeys, closestListenerKey, unknownListenerKeys } from '../src/lint/listener-keys.js'
import { RuleTester } from '../src/testing/rule-tester-core.js'
import { analyseText } from '../src/lint/processor.js'
import type { PlanNodes, Rule } from '../src/types.js'

/** Every key of the typed listener map, exactly (a missing or extra key is a type error). */
const TYPED_KEYS: Record<keyof PlanNodes, true> = {
  plan: true,
  section: true,
  heading: true,
  action: true,
  project: true,
  task: true,
  responsibility: true,
  unit: true,
  target: true,
  citation: true,
  docNumber: true,
  tableRow: true,
  RootNode: true,
  SectionNode: true,
  ActionNode: true,
  ProjectNode: true,
  TaskNode: true,
  ParagraphNode: true,
  SentenceNode: true,
  WordNode: true,
  PunctuationNode: true,
  SymbolNode: true,
  WhiteSpaceNode: true,
  SourceNode: true,
  TextNode: true,
}

const meta = (id: string): Rule['meta'] => ({
  id,
  type: 'problem',
  severity: 'warn',
  docs: { description: { zh: '测试', en: 'test' }, url: 'https://example.test' },
  schema: { type: 'object' },
  messages: { m: '测试' },
})

describe('the valid listener keys', () => {
  it('are the typed listener map’s keys, each also with :exit', () => {
    expect([...NODE_KEYS].sort()).toEqual(Object.keys(TYPED_KEYS).sort())
    expect(LISTENER_KEYS).toHaveLength(NODE_KEYS.length * 2)
    for (const k of NODE_KEYS) expect(LISTENER_KEYS).toEqual(expect.arrayContaining([k, `${k}:exit`]))
  })

  it('are exactly the keys the walk emits on a real plan', () => {
    const text = '云溪县全民科学素质行动实施方案（2021—2025年）\n根据《全民科学素质行动规划纲要（2021—2035年）》（国发〔2021〕9号），制定本方案。\n一、工作目标\n到2025年，公民具备科学素质的比例超过15%。\n二、提升行动\n（一）实施农民科学素质提升行动\n1.开展培训。（牵头单位：县农业农村局）\n三、重点工程\n（一）实施基层科普能力提升工程\n附件\n任务分工表\n序号\t任务\t牵头单位\n1\t开展培训\t县农业农村局\n'
    const { tree: nlcst, plan } = analyseText(text)
    const emitted = new Set<string>()
    planWalker(plan, nlcst)((key) => emitted.add(key), () => true)
    // every emitted key is valid; the keys this plan cannot have (symbols, source…) aside, all are emitted
    for (const k of emitted) expect(LISTENER_KEYS).toContain(k)
    for (const k of ['plan', 'plan:exit', 'heading', 'action', 'project', 'task:exit', 'responsibility', 'unit', 'target', 'citation', 'docNumber', 'section', 'SectionNode', 'ActionNode', 'ProjectNode:exit', 'TaskNode', 'ParagraphNode', 'SentenceNode:exit', 'WordNode']) {
      expect(emitted).toContain(k)
    }
  })
})

describe('checkListenerKeys', () => {
  it('accepts every built-in rule, and finds a bad key added to any of them (their create runs on an empty document)', () => {
    for (const rule of builtinRules) {
      expect(() => checkListenerKeys(rule, '内置规则')).not.toThrow()
      const bad: Rule = { meta: rule.meta, create: (ctx) => ({ ...rule.create(ctx), Program() {} }) as never }
      expect(() => checkListenerKeys(bad, '内置规则'), rule.meta.id).toThrow(/「Program」/)
    }
  })

  it('names the wrong key, what it may have meant, and every valid key, on one line', () => {
    const rule: Rule = { meta: meta('bad'), create: () => ({ paragraph() {}, task() {} }) as never }
    let message = ''
    try {
      checkListenerKeys(rule, '插件 x')
    } catch (e) {
      message = (e as Error).message
    }
    expect(message).toContain('规则 bad 的监听键「paragraph」不是节点类型')
    expect(message).toContain('是否想写「ParagraphNode」')
    for (const k of NODE_KEYS) expect(message).toContain(k)
    expect(message).toContain(':exit')
    expect(message).not.toContain('\n')
  })

  it('suggests the near key, keeping :exit, and nothing for a key like no node type', () => {
    expect(closestListenerKey('paragraph')).toBe('ParagraphNode')
    expect(closestListenerKey('Task')).toBe('task')
    expect(closestListenerKey('tsak:exit')).toBe('task:exit')
    expect(closestListenerKey('Sentence')).toBe('SentenceNode')
    expect(closestListenerKey('Program')).toBeUndefined()
    expect(unknownListenerKeys({ task() {}, 'task:exit'() {}, plan: undefined, Program() {} })).toEqual(['Program'])
  })

  it('leaves a rule whose create throws on an empty document to report its own error when it runs', () => {
    const rule: Rule = {
      meta: meta('needs-title'),
      create: (ctx) => {
        if (!ctx.plan.title) throw new Error('没有标题')
        return { Program() {} } as never
      },
    }
    expect(() => checkListenerKeys(rule, 'x')).not.toThrow()
  })

  it('RuleTester reports a bad key as a problem of the rule’s meta and of every case', () => {
    const rule: Rule = { meta: meta('typo'), create: () => ({ Task() {} }) as never }
    const tester = new RuleTester()
    expect(tester.verifyMeta(rule).join('')).toMatch(/监听键「Task」.*是否想写「task」/)
    expect(tester.verifyCase(rule, 'valid', '文本。').join('')).toMatch(/监听键「Task」/)
  })
})
