import { describe, expect, it } from 'vitest'
import { PlanlintError } from '../src/errors.js'
import { parseText } from '../src/parse/index.js'
import { validateRuleMeta } from '../src/engine/rule.js'
import { defineRule } from '../src/rules-support/context.js'
import { interpolate, mergeOptions, type RuleEntry } from '../src/engine/runner.js'
import { runPlanRules as runRules } from '../src/lint/analyse.js'
import type { HeadingNode, PlanTree, Position, Rule, RuleMeta, RuleVisitors, RuleContext, TaskNode } from '../src/types.js'
import { emptyPlan, minimalPreset as testPreset } from '../src/testing/empty-plan.js'

function pos(start: number, end: number): Position {
  return { start: { line: 1, column: start + 1, offset: start }, end: { line: 1, column: end + 1, offset: end } }
}

function mkRule(id: string, create: (ctx: RuleContext<any>) => RuleVisitors, meta: Partial<RuleMeta> = {}): Rule {
  return defineRule({
    meta: {
      id,
      type: 'problem',
      severity: 'error',
      docs: { description: { zh: '测试', en: 'test' }, url: `https://example.test/${id}` },
      schema: { type: 'object', additionalProperties: false },
      messages: { found: '发现「{{what}}」', plain: '问题' },
      ...meta,
    },
    create,
  })
}

function run(text: string, rules: Record<string, Rule | RuleEntry>, plan?: PlanTree) {
  const map = new Map<string, RuleEntry>()
  for (const [id, r] of Object.entries(rules)) map.set(id, 'meta' in r ? { rule: r, severity: 2 } : r)
  return runRules({
    text,
    nlcst: parseText(text),
    plan: plan ?? emptyPlan(text),
    preset: testPreset(),
    config: {},
    rules: map,
    filePath: 'x.txt',
  })
}

function heading(start: number, end: number, title: string): HeadingNode {
  return {
    type: 'heading',
    level: 1,
    style: 'cn-dun',
    marker: '一、',
    number: 1,
    title,
    role: 'other',
    titlePosition: pos(start, end),
    runIn: false,
    children: [],
    position: pos(start, end),
  }
}

describe('runRules: one pass', () => {
  it('visits the one tree once in document order: a paragraph, then the facts in it; plan first, plan:exit last', () => {
    const text = '一、甲\n1.任务\n二、乙\n2.任务'
    const h1 = heading(0, 3, '甲')
    const h2 = heading(9, 12, '乙')
    const t1 = { type: 'task', heading: h1, title: '任务', lead: [], partners: [], responsibilities: [], position: pos(4, 8) } as TaskNode
    const t2 = { type: 'task', heading: h2, title: '任务', lead: [], partners: [], responsibilities: [], position: pos(13, 17) } as TaskNode
    const plan = { ...emptyPlan(text), headings: [h2, h1], tasks: [t2, t1] }
    const seen: string[] = []
    let creates = 0
    const rule = mkRule('order', () => {
      creates++
      return {
        plan: () => seen.push('plan'),
        heading: (n: HeadingNode) => seen.push(`heading@${n.position.start.offset}`),
        task: (n: TaskNode) => seen.push(`task@${n.position.start.offset}`),
        ParagraphNode: () => seen.push('P'),
        'plan:exit': () => seen.push('exit'),
      }
    })
    run(text, { order: rule }, plan)
    expect(creates).toBe(1)
    expect(seen).toEqual(['plan', 'P', 'heading@0', 'task@4', 'P', 'P', 'heading@9', 'task@13', 'P', 'exit'])
  })

  it('does not walk the tree when no rule listens to a node in it', () => {
    const text = '一、甲'
    let touched = 0
    const root = parseText(text)
    const spy = new Proxy(root, {
      get(t, k, r) {
        if (k === 'children') touched++
        return Reflect.get(t, k, r)
      },
    })
    let planVisits = 0
    const rule = mkRule('plan-only', () => ({ plan: () => planVisits++ }))
    runRules({ text, nlcst: spy, plan: emptyPlan(text), preset: testPreset(), config: {}, rules: new Map([['plan-only', { rule, severity: 2 }]]), filePath: 'x' })
    expect(planVisits).toBe(1)
    expect(touched).toBe(0)
  })

  it('counts every word once', () => {
    let words = 0
    run('甲乙，丙丁。\nabc 戊', { w: mkRule('w', () => ({ WordNode: () => words++ })) })
    expect(words).toBe(4)
  })
})

describe('runRules: reports', () => {
  it('fills placeholders, positions (code-point columns), ruleId, severity and url', () => {
    const text = '第一行\n😀甲乙丙'
    const rule = mkRule('find', (ctx) => ({
      'plan:exit': () => {
        const s = ctx.text.indexOf('乙')
        ctx.report({ messageId: 'found', data: { what: '乙' }, range: [s, s + 2] })
      },
    }))
    const [m, ...rest] = run(text, { find: { rule, severity: 1 } })
    expect(rest).toEqual([])
    expect(m).toMatchObject({
      ruleId: 'find',
      messageId: 'found',
      message: '发现「乙」',
      severity: 1,
      line: 2,
      column: 3,
      endLine: 2,
      endColumn: 5,
      url: 'https://example.test/find',
    })
    expect(m!.range).toEqual([7, 9])
  })

  it('leaves an unknown placeholder as written', () => {
    expect(interpolate('甲{{ a }}乙{{b}}', { a: 1 })).toBe('甲1乙{{b}}')
  })

  it('a per-message severity of warn lowers an error rule, never raises a warn rule', () => {
    const rule = mkRule('sev', (ctx) => ({
      plan: () => {
        ctx.report({ messageId: 'plain', range: [0, 1], severity: 'warn' })
        ctx.report({ messageId: 'plain', range: [1, 2], severity: 'error' })
      },
    }))
    expect(run('甲乙', { sev: { rule, severity: 2 } }).map((m) => m.severity)).toEqual([1, 2])
    expect(run('甲乙', { sev: { rule, severity: 1 } }).map((m) => m.severity)).toEqual([1, 1])
  })

  it('a per-message severity of info lowers an error or warn rule to a note; a rule set to info stays there', () => {
    const rule = mkRule('sev', (ctx) => ({
      plan: () => {
        ctx.report({ messageId: 'plain', range: [0, 1], severity: 'info' })
        ctx.report({ messageId: 'plain', range: [1, 2], severity: 'error' })
        ctx.report({ messageId: 'plain', range: [2, 3] })
      },
    }))
    const levels = (entry: { rule: typeof rule; severity: 1 | 2; level?: 'info' }) => run('甲乙丙', { sev: entry }).map((m) => [m.severity, m.level])
    expect(levels({ rule, severity: 2 })).toEqual([[1, 'info'], [2, undefined], [2, undefined]])
    expect(levels({ rule, severity: 1 })).toEqual([[1, 'info'], [1, undefined], [1, undefined]])
    expect(levels({ rule, severity: 1, level: 'info' })).toEqual([[1, 'info'], [1, 'info'], [1, 'info']])
  })

  it('sorts messages by line and column across rules', () => {
    const a = mkRule('a', (ctx) => ({ plan: () => ctx.report({ messageId: 'plain', range: [4, 5] }) }))
    const b = mkRule('b', (ctx) => ({ plan: () => ctx.report({ messageId: 'plain', range: [0, 1] }) }))
    expect(run('甲乙\n丙丁', { a, b }).map((m) => [m.ruleId, m.line, m.column])).toEqual([
      ['b', 1, 1],
      ['a', 2, 2],
    ])
  })
})

describe('runRules: a crashing rule', () => {
  it('becomes one fatal message naming it; the other rules still report', () => {
    let calls = 0
    const boom = mkRule('boom', () => ({
      WordNode: () => {
        calls++
        throw new Error('坏了')
      },
    }))
    const good = mkRule('good', (ctx) => ({ WordNode: (n) => ctx.report({ node: n, messageId: 'plain' }) }))
    const msgs = run('甲，乙，丙', { boom, good })
    const fatal = msgs.filter((m) => m.fatal)
    expect(fatal).toHaveLength(1)
    expect(fatal[0]).toMatchObject({ ruleId: 'boom', severity: 2, message: '规则 boom 运行出错：坏了' })
    expect(calls).toBe(1)
    expect(msgs.filter((m) => m.ruleId === 'good')).toHaveLength(3)
  })

  it('drops what a rule reported before it crashed, and handles a throw in create', () => {
    const half = mkRule('half', (ctx) => ({
      WordNode: (n) => {
        ctx.report({ node: n, messageId: 'plain' })
        if (ctx.getText(n) === '乙') throw new TypeError('x is undefined')
      },
    }))
    const early = mkRule('early', () => {
      throw new Error('create 失败')
    })
    const msgs = run('甲，乙，丙', { half, early })
    expect(msgs.map((m) => m.message).sort()).toEqual(['规则 early 运行出错：create 失败', '规则 half 运行出错：x is undefined'])
  })

  it('reporting an undefined messageId or a fix from a non-fixable rule is a crash', () => {
    const badId = mkRule('bad-id', (ctx) => ({ plan: () => ctx.report({ messageId: 'nope', range: [0, 1] }) }))
    const badFix = mkRule('bad-fix', (ctx) => ({ plan: () => ctx.report({ messageId: 'plain', range: [0, 1], fix: { range: [0, 1], text: '' } }) }))
    const msgs = run('甲乙', { 'bad-id': badId, 'bad-fix': badFix })
    expect(msgs.every((m) => m.fatal)).toBe(true)
    expect(msgs.find((m) => m.ruleId === 'bad-id')!.message).toContain('nope')
    expect(msgs.find((m) => m.ruleId === 'bad-fix')!.message).toContain('fixable')
  })
})

describe('rule options', () => {
  const withOpts = mkRule(
    'opts',
    (ctx) => ({ plan: () => ctx.report({ messageId: 'found', data: { what: JSON.stringify(ctx.options) }, range: [0, 0] }) }),
    {
      schema: {
        type: 'object',
        properties: { max: { type: 'integer', minimum: 1 }, words: { type: 'array', items: { type: 'string' } }, deep: { type: 'object' } },
        additionalProperties: false,
      },
      defaultOptions: { max: 3, words: ['甲'], deep: { a: 1, b: 2 } },
    },
  )

  it('merges defaults with user options (objects deep, arrays replaced)', () => {
    const [m] = run('甲', { opts: { rule: withOpts, severity: 2, options: { words: ['乙'], deep: { b: 5 } } } })
    expect(JSON.parse(m!.message.slice(3, -1))).toEqual({ max: 3, words: ['乙'], deep: { a: 1, b: 5 } })
    expect(mergeOptions({ a: [1, 2] }, { a: [3] })).toEqual({ a: [3] })
  })

  it('invalid options throw a PlanlintError naming the rule and the option path', () => {
    const call = () => run('甲', { opts: { rule: withOpts, severity: 2, options: { max: 0 }, settingSource: 'planlint.config.yaml' } })
    expect(call).toThrow(PlanlintError)
    expect(call).toThrow(/planlint\.config\.yaml: 规则 opts 的选项无效：\/max 不应小于 1/)
    expect(() => run('甲', { opts: { rule: withOpts, severity: 2, options: { nope: 1 } } })).toThrow(/不认识的选项 nope/)
  })
})

describe('validateRuleMeta', () => {
  const good = mkRule('good-rule', () => ({}))
  it('accepts a complete rule', () => {
    expect(() => validateRuleMeta(good, 'test')).not.toThrow()
  })
  it('refuses what is not a rule object, a rule without meta, and one without create', () => {
    expect(() => validateRuleMeta(null, 'p.js')).toThrow(/规则 \(无 id\) 无效：不是一个规则对象/)
    expect(() => validateRuleMeta({ create: () => ({}) }, 'p.js')).toThrow(/缺少 meta$/)
    expect(() => validateRuleMeta({ meta: good.meta }, 'p.js')).toThrow(/规则 good-rule 无效：缺少 create\(context\) 函数/)
  })
  it.each([
    ['docs', { docs: undefined }, /缺少 meta\.docs/],
    ['schema', { schema: undefined }, /缺少 meta\.schema/],
    ['messages', { messages: {} }, /缺少 meta\.messages/],
    ['english description', { docs: { description: { zh: '甲', en: '' }, url: 'u' } }, /description\.en/],
    ['url', { docs: { description: { zh: '甲', en: 'a' }, url: '' } }, /docs\.url/],
    ['kebab id', { id: 'BadId' }, /meta\.id/],
    ['type', { type: 'style' }, /meta\.type/],
    ['schema that is not JSON Schema', { schema: { type: 'nonsense' } }, /不是有效的 JSON Schema/],
    ['defaultOptions off schema', { schema: { type: 'object', additionalProperties: false }, defaultOptions: { x: 1 } }, /defaultOptions/],
    ['severity', { severity: 'warning' }, /meta\.severity 必须是 error、warn 或 info/],
    ['chinese description', { docs: { description: { zh: ' ', en: 'a' }, url: 'u' } }, /description\.zh/],
    ['schema that is an array', { schema: [] }, /缺少 meta\.schema/],
    ['message text', { messages: { m: '' } }, /meta\.messages\.m 必须是非空字符串/],
    ['fixable', { fixable: 'whitespace' }, /meta\.fixable 只能是 false 或 "code"/],
  ] as const)('refuses a rule without valid %s, naming rule and source', (_n, patch, re) => {
    const rule = { meta: { ...good.meta, ...(patch as object) }, create: good.create } as Rule
    const call = () => validateRuleMeta(rule, 'plugins/x.js')
    expect(call).toThrow(PlanlintError)
    expect(call).toThrow(re)
    expect(call).toThrow(/^plugins\/x\.js: 规则 /)
  })
})
