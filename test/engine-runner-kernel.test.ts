/**
 * The rule runner as a kernel (src/engine/runner.ts), driven directly: hand-made rules and a
 * hand-made walker over a hand-made tree — no parser, no plan, no preset. What a rule sees
 * (context fields, ancestors), what a report becomes (exact positions, fields present or
 * absent), what is refused (exact messages) and the order of everything.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { PlanlintError } from '../src/errors.js'
import { compareMessages, interpolate, makeMessage, mergeOptions, resolveRuleOptions, runRules, type RuleEntry, type Walker } from '../src/engine/runner.js'
import { resetTiming, setTiming, timingSnapshot } from '../src/engine/timing.js'
import type { LintMessage, Position, ReportDescriptor, Rule, RuleContext, RuleMeta } from '../src/engine/types.js'

interface Node {
  type: string
  position?: Position
  children?: Node[]
}

function pos(start: number, end: number): Position {
  return { start: { line: 1, column: start + 1, offset: start }, end: { line: 1, column: end + 1, offset: end } }
}

const node = (type: string, start: number, end: number, children: Node[] = []): Node => ({ type, position: pos(start, end), children })

/** Enter/exit events over a tree, as the composition root's walk emits them. */
function treeWalker(root: Node, log?: string[]): Walker {
  return (visit, wants) => {
    const go = (n: Node, ancestors: Node[]): void => {
      log?.push(`wants ${n.type}=${wants(n.type)}`)
      if (wants(n.type)) visit(n.type, n, ancestors)
      for (const c of n.children ?? []) go(c, [...ancestors, n])
      if (wants(`${n.type}:exit`)) visit(`${n.type}:exit`, n, ancestors)
    }
    go(root, [])
  }
}

function mkRule(create: (ctx: RuleContext) => Record<string, unknown> | null | undefined, meta: Partial<RuleMeta> = {}): Rule {
  return {
    meta: {
      id: 'k',
      type: 'problem',
      severity: 'error',
      docs: { description: { zh: '测试', en: 'test' }, url: 'https://example.test/k' },
      schema: { type: 'object', additionalProperties: false },
      messages: { found: '发现「{{what}}」', plain: '问题' },
      ...meta,
    },
    create: create as Rule['create'],
  }
}

const TEXT = '甲乙丙丁戊己庚辛'
const TREE = node('root', 0, 8, [node('para', 0, 4, [node('word', 0, 2), node('word', 2, 4)]), node('para', 4, 8, [node('word', 4, 8)])])

function run(rules: Record<string, Rule | RuleEntry>, opts: { text?: string; walk?: Walker; env?: object; locate?: (o: number) => { line: number; column: number; paragraph?: number; page?: number } } = {}): LintMessage[] {
  const map = new Map<string, RuleEntry>()
  for (const [id, r] of Object.entries(rules)) map.set(id, 'meta' in r ? { rule: r, severity: 2 } : r)
  return runRules({
    text: opts.text ?? TEXT,
    env: opts.env ?? {},
    walk: opts.walk ?? treeWalker(TREE),
    rules: map,
    filePath: 'dir/x.txt',
    ...(opts.locate ? { locate: opts.locate } : {}),
  })
}

/** One report at `plain` end of the walk: the message it becomes (or the fatal one). */
function reportOnce(d: ReportDescriptor, meta: Partial<RuleMeta> = {}, text = TEXT): LintMessage[] {
  return run({ k: mkRule((ctx) => ({ 'root:exit': () => ctx.report(d) }), meta) }, { text })
}

afterEach(() => {
  setTiming(false)
  resetTiming()
})

describe('runRules: the walk', () => {
  it('does not walk at all when no rule has a listener', () => {
    let walks = 0
    const walk: Walker = () => walks++
    expect(run({ a: mkRule(() => ({})), b: mkRule(() => ({ word: 'not a function' })) }, { walk })).toEqual([])
    expect(walks).toBe(0)
  })

  it('tells the walker exactly which keys have listeners', () => {
    const log: string[] = []
    run({ a: mkRule(() => ({ word: () => {}, 'para:exit': () => {} })) }, { walk: treeWalker(TREE, log) })
    expect(log).toEqual(['wants root=false', 'wants para=false', 'wants word=true', 'wants word=true', 'wants para=false', 'wants word=true'])
  })

  it('calls the listeners of one key in rule order, enter before children, exit after', () => {
    const seen: string[] = []
    const rec = (name: string) => (n: Node) => seen.push(`${name}:${n.type}@${n.position!.start.offset}`)
    run({
      one: mkRule(() => ({ para: rec('one'), 'para:exit': rec('one-exit'), notAKey: 5 })),
      two: mkRule(() => ({ para: rec('two'), word: rec('two') })),
    })
    expect(seen).toEqual([
      'one:para@0', 'two:para@0', 'two:word@0', 'two:word@2', 'one-exit:para@0',
      'one:para@4', 'two:para@4', 'two:word@4', 'one-exit:para@4',
    ])
  })

  it('ancestors() is a copy of the nodes around the visited one, outermost first; parent() the nearest', () => {
    const seen: string[] = []
    run({
      a: mkRule((ctx) => ({
        root: () => seen.push(`root parent=${String(ctx.parent())} ancestors=${ctx.ancestors().length}`),
        word: (n: Node) => {
          const list = ctx.ancestors() as Node[]
          seen.push(`word@${n.position!.start.offset} ${list.map((x) => `${x.type}@${x.position!.start.offset}`).join('>')} parent=${(ctx.parent() as Node).type}@${(ctx.parent() as Node).position!.start.offset}`)
          list.pop()
          list.pop()
          expect(ctx.ancestors()).toHaveLength(2)
        },
      })),
    })
    expect(seen).toEqual([
      'root parent=undefined ancestors=0',
      'word@0 root@0>para@0 parent=para@0',
      'word@2 root@0>para@0 parent=para@0',
      'word@4 root@0>para@4 parent=para@4',
    ])
  })

  it('a key no rule listens to leaves the ancestors as they were', () => {
    const parents: string[] = []
    const walk: Walker = (visit) => {
      visit('word', node('word', 0, 1), [node('first', 0, 8)])
      visit('other', node('other', 1, 2), [node('second', 0, 8)])
      visit('word:exit', node('word', 0, 1), [node('first', 0, 8)])
    }
    run({ a: mkRule((ctx) => ({ 'word:exit': () => parents.push((ctx.parent() as Node).type), word: () => {} })) }, { walk })
    expect(parents).toEqual(['first'])
  })
})

describe('runRules: the context', () => {
  it('carries the env, id, merged options, severity name, text and file path', () => {
    const got: unknown[] = []
    const rule = mkRule(
      (ctx) => {
        const c = ctx as RuleContext & { plan: string }
        got.push([c.plan, c.id, c.options, c.severity, c.text, c.filePath])
        return {}
      },
      { schema: { type: 'object', properties: { n: { type: 'integer' } }, additionalProperties: false }, defaultOptions: { n: 1 } },
    )
    run({ r2: { rule, severity: 2, options: { n: 4 } }, r1: { rule, severity: 1 } }, { env: { plan: 'P' } })
    expect(got).toEqual([
      ['P', 'r2', { n: 4 }, 'error', TEXT, 'dir/x.txt'],
      ['P', 'r1', { n: 1 }, 'warn', TEXT, 'dir/x.txt'],
    ])
  })

  it('getText reads a node, a range, and gives "" for a node without offsets', () => {
    const got: string[] = []
    run({
      a: mkRule((ctx) => ({
        root: () => {
          got.push(ctx.getText(node('x', 1, 3)), ctx.getText([3, 6]), ctx.getText({}))
          // offsets missing on either end, or a point missing altogether: no text
          got.push(ctx.getText({ position: { start: { line: 1, column: 1 } } as Position }))
          got.push(ctx.getText({ position: { start: { offset: 1 }, end: {} } as Position }))
          got.push(ctx.getText({ position: { start: {}, end: { offset: 3 } } as Position }))
          got.push(ctx.getText({ position: { end: { offset: 3 } } as Position }))
          got.push(ctx.getText({ position: {} as Position }))
        },
      })),
    })
    expect(got).toEqual(['乙丙', '丁戊己', '', '', '', '', '', ''])
  })
})

describe('runRules: a report becomes a message', () => {
  it('at the node’s offsets when no range is given, at the range when both are', () => {
    expect(reportOnce({ messageId: 'plain', node: node('x', 2, 5) })[0]).toEqual({
      ruleId: 'k', messageId: 'plain', severity: 2, message: '问题', url: 'https://example.test/k',
      line: 1, column: 3, endLine: 1, endColumn: 6, range: [2, 5],
    })
    expect(reportOnce({ messageId: 'plain', node: node('x', 2, 5), range: [0, 1] })[0]!.range).toEqual([0, 1])
  })

  it('an empty range at the very end of the text is allowed', () => {
    expect(reportOnce({ messageId: 'plain', range: [8, 8] })[0]).toMatchObject({ range: [8, 8], line: 1, column: 9, endLine: 1, endColumn: 9 })
    expect(reportOnce({ messageId: 'plain', range: [0, 0] })[0]).toMatchObject({ range: [0, 0], column: 1, endColumn: 1 })
  })

  it('a range outside the text, reversed, or missing is a crash with an exact message', () => {
    const fatal = (d: ReportDescriptor): string => {
      const [m, ...rest] = reportOnce(d)
      expect(rest).toEqual([])
      expect(m).toMatchObject({ fatal: true, severity: 2, ruleId: 'k', range: [0, 0] })
      return m!.message
    }
    expect(fatal({ messageId: 'plain', range: [-1, 2] })).toBe('规则 k 运行出错：report() 的范围 [-1, 2) 超出文本')
    expect(fatal({ messageId: 'plain', range: [3, 2] })).toBe('规则 k 运行出错：report() 的范围 [3, 2) 超出文本')
    expect(fatal({ messageId: 'plain', range: [0, 9] })).toBe('规则 k 运行出错：report() 的范围 [0, 9) 超出文本')
    expect(fatal({ messageId: 'plain' })).toBe('规则 k 运行出错：report() 需要带位置的 node 或 range')
    expect(fatal({ messageId: 'plain', node: {} })).toBe('规则 k 运行出错：report() 需要带位置的 node 或 range')
    expect(fatal({ messageId: 'gone', range: [0, 1] })).toBe('规则 k 运行出错：报告了未在 meta.messages 中定义的 messageId「gone」')
  })

  it('keeps expected, expectedFrom, actual only when given', () => {
    expect(reportOnce({ messageId: 'plain', range: [0, 1], expected: '乙', expectedFrom: 'upper-plan', actual: '甲' })[0]).toMatchObject({
      expected: '乙', expectedFrom: 'upper-plan', actual: '甲',
    })
    const bare = reportOnce({ messageId: 'plain', range: [0, 1] })[0]!
    expect(Object.keys(bare).sort()).toEqual(['column', 'endColumn', 'endLine', 'line', 'message', 'messageId', 'range', 'ruleId', 'severity', 'url'])
    const empty = reportOnce({ messageId: 'plain', range: [0, 1], expected: '', actual: '' })[0]!
    expect([empty.expected, empty.actual]).toEqual(['', ''])
  })

  it('fills the template from data', () => {
    expect(reportOnce({ messageId: 'found', range: [0, 1], data: { what: '甲' } })[0]!.message).toBe('发现「甲」')
    expect(reportOnce({ messageId: 'found', range: [0, 1] })[0]!.message).toBe('发现「{{what}}」')
  })
})

describe('runRules: fixes and suggestions', () => {
  const fixable = { fixable: 'code' as const, hasSuggestions: true }

  it('a fix object or a fix function becomes the message’s fix', () => {
    expect(reportOnce({ messageId: 'plain', range: [0, 1], fix: { range: [0, 1], text: '乙' } }, fixable)[0]!.fix).toEqual({ range: [0, 1], text: '乙' })
    expect(reportOnce({ messageId: 'plain', range: [0, 1], fix: (f) => f.insertTextAfterRange([0, 1], '！') }, fixable)[0]!.fix).toEqual({ range: [1, 1], text: '！' })
    expect(reportOnce({ messageId: 'plain', range: [0, 1], fix: () => null })[0]).not.toHaveProperty('fix')
    expect(reportOnce({ messageId: 'plain', range: [0, 1], fix: null })[0]).not.toHaveProperty('fix')
  })

  it('a bad fix is a crash saying what is wrong', () => {
    const message = (fix: unknown): string => reportOnce({ messageId: 'plain', range: [0, 1], fix: fix as never }, fixable)[0]!.message
    expect(message({ range: [-1, 1], text: '' })).toBe('规则 k 运行出错：修复的范围 [-1, 1) 超出文本')
    expect(message({ range: [2, 1], text: '' })).toBe('规则 k 运行出错：修复的范围 [2, 1) 超出文本')
    expect(message({ range: [0, 9], text: '' })).toBe('规则 k 运行出错：修复的范围 [0, 9) 超出文本')
    expect(message({ range: [0.5, 1], text: '' })).toBe('规则 k 运行出错：修复的范围 [0.5, 1) 超出文本')
    expect(message({ range: [0, 1.5], text: '' })).toBe('规则 k 运行出错：修复的范围 [0, 1.5) 超出文本')
    expect(message({ range: [0, 1] })).toBe('规则 k 运行出错：修复缺少 text')
    expect(reportOnce({ messageId: 'plain', range: [0, 1], fix: { range: [0, 1], text: '' } }, { hasSuggestions: true })[0]!.message).toBe(
      '规则 k 运行出错：报告了修复，但 meta.fixable 未设为 "code"',
    )
  })

  it('a fix spanning the whole text is allowed, and the fix is copied (only range and text)', () => {
    const fix = { range: [0, 8] as [number, number], text: '', extra: 1 }
    const m = reportOnce({ messageId: 'plain', range: [0, 1], fix }, fixable)[0]!
    expect(m.fix).toEqual({ range: [0, 8], text: '' })
    expect(m.fix).not.toBe(fix)
  })

  it('suggestions keep their order, drop those whose function gives nothing, and are checked', () => {
    const m = reportOnce(
      {
        messageId: 'plain',
        range: [0, 1],
        suggest: [
          { desc: '删去', fix: (f) => f.removeRange([0, 1]) },
          { desc: '无', fix: () => undefined },
          { desc: '换成乙', fix: { range: [0, 1], text: '乙' } },
        ],
      },
      { hasSuggestions: true },
    )[0]!
    expect(m.suggestions).toEqual([
      { desc: '删去', fix: { range: [0, 1], text: '' } },
      { desc: '换成乙', fix: { range: [0, 1], text: '乙' } },
    ])
    expect(m).not.toHaveProperty('fix')
    const none = reportOnce({ messageId: 'plain', range: [0, 1], suggest: [{ desc: '无', fix: () => null }] }, { hasSuggestions: true })[0]!
    expect(none).not.toHaveProperty('suggestions')
    expect(none.fatal).toBeUndefined()
    const noneGiven = reportOnce({ messageId: 'plain', range: [0, 1], suggest: [] })[0]!
    expect(noneGiven).not.toHaveProperty('suggestions')
    expect([noneGiven.message, noneGiven.fatal]).toEqual(['问题', undefined])
    expect(reportOnce({ messageId: 'plain', range: [0, 1], suggest: [{ desc: 'x', fix: { range: [0, 1], text: '' } }] })[0]!.message).toBe(
      '规则 k 运行出错：提供了建议修改，但 meta.hasSuggestions 未设为 true',
    )
    expect(reportOnce({ messageId: 'plain', range: [0, 1], suggest: [{ desc: 'x', fix: { range: [0, 99], text: '' } }] }, { hasSuggestions: true })[0]!.message).toBe(
      '规则 k 运行出错：修复的范围 [0, 99) 超出文本',
    )
  })
})

describe('runRules: related places', () => {
  it('are kept (message as text) up to 20, and checked like a range', () => {
    const related = Array.from({ length: 25 }, (_, i) => ({ range: [i % 8, (i % 8) + 1] as [number, number], message: i as unknown as string }))
    const m = reportOnce({ messageId: 'plain', range: [0, 1], related })[0]!
    expect(m.related).toHaveLength(20)
    expect(m.related![0]).toEqual({ range: [0, 1], message: '0' })
    expect(m.related![19]).toEqual({ range: [3, 4], message: '19' })
    expect(reportOnce({ messageId: 'plain', range: [0, 1], related: [] })[0]).not.toHaveProperty('related')
    expect(reportOnce({ messageId: 'plain', range: [0, 1], related: [{ range: [8, 8], message: 'end' }] })[0]!.related).toEqual([{ range: [8, 8], message: 'end' }])
    const bad = (range: [number, number]): string => reportOnce({ messageId: 'plain', range: [0, 1], related: [{ range, message: 'x' }] })[0]!.message
    expect(bad([-1, 1])).toBe('规则 k 运行出错：report() 的 related 范围 [-1, 1) 超出文本')
    expect(bad([2, 1])).toBe('规则 k 运行出错：report() 的 related 范围 [2, 1) 超出文本')
    expect(bad([0, 9])).toBe('规则 k 运行出错：report() 的 related 范围 [0, 9) 超出文本')
    expect(bad([0.5, 1])).toBe('规则 k 运行出错：report() 的 related 范围 [0.5, 1) 超出文本')
    expect(bad([0, 1.5])).toBe('规则 k 运行出错：report() 的 related 范围 [0, 1.5) 超出文本')
  })

  it('a related place that only reaches beyond the first 20 is not checked', () => {
    const related = Array.from({ length: 21 }, (_, i) => ({ range: (i === 20 ? [0, 99] : [0, 1]) as [number, number], message: 'x' }))
    expect(reportOnce({ messageId: 'plain', range: [0, 1], related })[0]!.related).toHaveLength(20)
  })
})

describe('runRules: a crashing rule', () => {
  it('in a listener: one fatal message at the node’s start, first line of the reason, later calls skipped', () => {
    let calls = 0
    const msgs = run({
      boom: mkRule((ctx) => ({
        word: (n: Node) => {
          calls++
          ctx.report({ messageId: 'plain', node: n })
          if (n.position!.start.offset === 2) throw new Error('坏了\n第二行')
        },
      })),
    })
    expect(calls).toBe(2)
    expect(msgs).toEqual([
      { ruleId: 'boom', severity: 2, fatal: true, message: '规则 boom 运行出错：坏了', line: 1, column: 3, endLine: 1, endColumn: 3, range: [2, 2] },
    ])
  })

  it('a thrown non-Error is named as text; a node without a position puts the crash at 0', () => {
    const walk: Walker = (visit) => visit('word', { type: 'word' }, [])
    const msgs = run({ s: mkRule(() => ({ word: () => { throw '字符串' } })) }, { walk })
    expect(msgs).toEqual([{ ruleId: 's', severity: 2, fatal: true, message: '规则 s 运行出错：字符串', line: 1, column: 1, endLine: 1, endColumn: 1, range: [0, 0] }])
  })

  it('in create, or when reading its visitors: a fatal message at 0; other rules go on', () => {
    const visitors = Object.defineProperty({}, 'word', { enumerable: true, get: () => { throw new Error('读取出错') } })
    let words = 0
    const msgs = run({
      create: mkRule(() => { throw new Error('create 失败') }),
      getter: mkRule(() => visitors),
      fine: mkRule(() => ({ word: () => words++ })),
      nothing: mkRule(() => null),
      undef: mkRule(() => undefined),
    })
    expect(words).toBe(3)
    expect(msgs.map((m) => [m.ruleId, m.message, m.range])).toEqual([
      ['create', '规则 create 运行出错：create 失败', [0, 0]],
      ['getter', '规则 getter 运行出错：读取出错', [0, 0]],
    ])
  })

  it('a crashed rule’s other listeners are not called; its report function reports nothing', () => {
    const seen: string[] = []
    let saved: RuleContext['report'] | undefined
    const msgs = run({
      a: mkRule((ctx) => {
        saved = ctx.report
        return { para: () => { seen.push('para'); throw new Error('x') }, word: () => seen.push('word') }
      }),
      b: mkRule(() => ({ 'root:exit': () => saved!({ messageId: 'gone', range: [0, 1] }) })),
    })
    expect(seen).toEqual(['para'])
    // b's call of a's report neither reports nor throws (a report with an unknown messageId would)
    expect(msgs.map((m) => [m.ruleId, m.message])).toEqual([['a', '规则 a 运行出错：x']])
  })

  it('create sees no ancestors yet; visitors given as a function object are not listeners', () => {
    const seen: unknown[] = []
    let called = 0
    const msgs = run({
      a: mkRule((ctx) => {
        seen.push(ctx.ancestors(), ctx.parent())
        return Object.assign(() => {}, { root: () => called++ }) as unknown as Record<string, unknown>
      }),
    })
    expect(seen).toEqual([[], undefined])
    expect(called).toBe(0)
    expect(msgs).toEqual([])
  })
})

describe('runRules: options', () => {
  const schema = {
    type: 'object',
    properties: { max: { type: 'integer', minimum: 1 }, deep: { type: 'object' } },
    additionalProperties: false,
  }

  it('are all checked before any rule is created', () => {
    let created = 0
    const ok = mkRule(() => { created++; return {} })
    const strict = mkRule(() => ({}), { schema })
    expect(() => run({ ok, strict: { rule: strict, severity: 2, options: { max: 0 } } })).toThrow(PlanlintError)
    expect(created).toBe(0)
  })

  it('name the rule and where it was set; a rule without defaults gets {}', () => {
    const strict = mkRule(() => ({}), { schema })
    expect(() => resolveRuleOptions('x/y', { rule: strict, severity: 2, options: { max: 'a' }, settingSource: 'cfg.yaml' })).toThrow(
      'cfg.yaml: 规则 x/y 的选项无效：/max 应为 integer 类型',
    )
    expect(() => resolveRuleOptions('x/y', { rule: strict, severity: 2, options: 3 })).toThrow(/^规则 x\/y 的选项无效：（选项本身） 应为 object 类型$/)
    expect(resolveRuleOptions('x/y', { rule: strict, severity: 2 })).toEqual({})
    expect(resolveRuleOptions('x/y', { rule: strict, severity: 2, options: null })).toEqual({})
  })

  it('are frozen and checked once per rule and options object; the caller’s config is never frozen', () => {
    const withDefaults = mkRule(() => ({}), { schema, defaultOptions: { deep: { a: 1 } } })
    const none = resolveRuleOptions('x/y', { rule: withDefaults, severity: 2 })
    expect(none).toEqual({ deep: { a: 1 } })
    expect(Object.isFrozen(none) && Object.isFrozen(none.deep)).toBe(true)
    expect(resolveRuleOptions('x/y', { rule: withDefaults, severity: 1 })).toBe(none)
    const user = { max: 3, deep: { list: [1, 2] } }
    const set = resolveRuleOptions('x/y', { rule: withDefaults, severity: 2, options: user })
    expect(set).toEqual({ max: 3, deep: { a: 1, list: [1, 2] } })
    expect(Object.isFrozen((set.deep as { list: number[] }).list)).toBe(true)
    expect(resolveRuleOptions('x/y', { rule: withDefaults, severity: 2, options: user })).toBe(set)
    // another options object with the same content is another entry; the user's objects stay open
    const again = resolveRuleOptions('x/y', { rule: withDefaults, severity: 2, options: { max: 3, deep: { list: [1, 2] } } })
    expect(again).not.toBe(set)
    expect(again).toEqual(set)
    expect(Object.isFrozen(user) || Object.isFrozen(user.deep) || Object.isFrozen(user.deep.list)).toBe(false)
    // an invalid object is refused every time, not remembered as valid
    const bad = { max: 0 }
    expect(() => resolveRuleOptions('x/y', { rule: withDefaults, severity: 2, options: bad })).toThrow(PlanlintError)
    expect(() => resolveRuleOptions('x/y', { rule: withDefaults, severity: 2, options: bad })).toThrow(PlanlintError)
    // options no copy can hold (a function, allowed by a loose schema) are handed over as before
    const loose = mkRule(() => ({}), { schema: { type: 'object' } })
    const fn = () => 1
    const withFn = resolveRuleOptions('x/z', { rule: loose, severity: 2, options: { fn } })
    expect(withFn.fn).toBe(fn)
    expect(Object.isFrozen(withFn)).toBe(false)
  })

  it('a rule that changes its options crashes on that, and the next file gets them unchanged', () => {
    let seen: unknown
    const mutating = mkRule((ctx) => {
      seen = (ctx.options as { n?: number }).n
      ;(ctx.options as { n?: number }).n = 9
      return {}
    }, { schema: { type: 'object', properties: { n: { type: 'integer' } } }, defaultOptions: { n: 1 } })
    const first = run({ mutating })
    expect(first.map((m) => m.message)).toEqual([expect.stringMatching(/^规则 mutating 运行出错：Cannot assign to read only property 'n'/)])
    run({ mutating })
    expect(seen).toBe(1)
  })

  it('a rule whose meta is invalid names its source, 内置规则 when none is given', () => {
    const broken = { meta: { id: 'bad' }, create: () => ({}) } as unknown as Rule
    expect(() => resolveRuleOptions('bad', { rule: broken, severity: 2 })).toThrow(/^内置规则: 规则 bad 无效：/)
    expect(() => resolveRuleOptions('bad', { rule: broken, severity: 2, source: 'p.js' })).toThrow(/^p\.js: 规则 bad 无效：/)
  })

  it('mergeOptions: defaults are copied, never shared or changed', () => {
    const defaults = { deep: { a: 1, list: [1] }, n: 1 }
    const merged = mergeOptions(defaults, undefined) as typeof defaults
    expect(merged).toEqual(defaults)
    expect(merged).not.toBe(defaults)
    expect(merged.deep).not.toBe(defaults.deep)
    const over = mergeOptions(defaults, { deep: { b: 2 } }) as { deep: Record<string, unknown> }
    expect(over).toEqual({ deep: { a: 1, list: [1], b: 2 }, n: 1 })
    over.deep.a = 9
    ;(over.deep.list as number[]).push(2)
    expect(defaults).toEqual({ deep: { a: 1, list: [1] }, n: 1 })
    expect(mergeOptions({ a: { b: 1 } }, { a: 'x' })).toEqual({ a: 'x' })
    expect(mergeOptions({ a: 'x' }, { a: { b: 1 } })).toEqual({ a: { b: 1 } })
    expect(mergeOptions([1], { a: 1 })).toEqual({ a: 1 })
    expect(mergeOptions({ a: 1 }, [2])).toEqual([2])
    expect(mergeOptions({ a: 1 }, null)).toBeNull()
  })
})

describe('interpolate', () => {
  it('fills names with spaces inside the braces, numbers as text, and only own keys', () => {
    expect(interpolate('{{a}}-{{ b }}-{{  c  }}', { a: 1, b: '乙', c: 0 })).toBe('1-乙-0')
    expect(interpolate('{{toString}}{{constructor}}', { a: 1 })).toBe('{{toString}}{{constructor}}')
    expect(interpolate('{{a}}', undefined)).toBe('{{a}}')
    expect(interpolate('{{}}{{a{b}}', { a: 1 })).toBe('{{}}{{a{b}}')
    expect(interpolate('{{a}}{{a}}', { a: '甲' })).toBe('甲甲')
  })
})

describe('makeMessage and compareMessages', () => {
  it('adds the paragraph or page the locator knows, and only those', () => {
    const para = makeMessage(() => ({ line: 3, column: 2, paragraph: 7 }), [1, 2], { ruleId: 'r', severity: 1, message: 'm' })
    // strict: no `page: undefined` / `paragraph: undefined` key beside the one the locator gave
    expect(para).toStrictEqual({ ruleId: 'r', severity: 1, message: 'm', line: 3, column: 2, endLine: 3, endColumn: 2, range: [1, 2], location: { paragraph: 7 } })
    const page = makeMessage(() => ({ line: 1, column: 1, page: 2 }), [0, 0], { ruleId: 'r', severity: 1, message: 'm' })
    expect(page.location).toStrictEqual({ page: 2 })
    const both = makeMessage(() => ({ line: 1, column: 1, paragraph: 0, page: 0 }), [0, 0], { ruleId: 'r', severity: 1, message: 'm' })
    expect(both.location).toEqual({ paragraph: 0, page: 0 })
    expect(makeMessage(() => ({ line: 1, column: 1 }), [0, 0], { ruleId: 'r', severity: 1, message: 'm' })).not.toHaveProperty('location')
  })

  it('takes the end from the end offset, through the given locator', () => {
    const m = makeMessage((o) => ({ line: o + 10, column: o + 1 }), [2, 5], { ruleId: 'r', severity: 1, message: 'm' })
    expect([m.line, m.column, m.endLine, m.endColumn]).toEqual([12, 3, 15, 6])
    const msgs = run({ a: mkRule((ctx) => ({ root: () => ctx.report({ messageId: 'plain', range: [1, 3] }) })) }, { locate: (o) => ({ line: 1, column: 100 + o, paragraph: 5 }) })
    expect(msgs[0]).toMatchObject({ column: 101, endColumn: 103, location: { paragraph: 5 } })
  })

  it('orders by line, column, start, end', () => {
    const m = (line: number, column: number, s: number, e: number) => ({ line, column, range: [s, e] }) as LintMessage
    const list = [m(2, 1, 9, 9), m(1, 5, 4, 4), m(1, 2, 1, 3), m(1, 2, 1, 2), m(1, 2, 0, 5)]
    expect([...list].sort(compareMessages)).toEqual([m(1, 2, 0, 5), m(1, 2, 1, 2), m(1, 2, 1, 3), m(1, 5, 4, 4), m(2, 1, 9, 9)])
    expect(compareMessages(m(1, 1, 0, 0), m(1, 1, 0, 0))).toBe(0)
  })

  it('runRules returns every rule’s messages in that order', () => {
    const at = (r: [number, number]) => mkRule((ctx) => ({ root: () => ctx.report({ messageId: 'plain', range: r }) }))
    const msgs = run({ a: at([5, 6]), b: at([1, 4]), c: at([1, 2]), d: at([0, 8]) }, { text: '甲乙\n丙丁戊己庚辛' })
    expect(msgs.map((x) => x.ruleId)).toEqual(['d', 'c', 'b', 'a'])
  })
})

describe('runRules: timing', () => {
  it('adds each rule’s create and listener time when TIMING is on, nothing when off', () => {
    run({ a: mkRule(() => ({ word: () => {} })) })
    expect(timingSnapshot().rules).toEqual({})
    setTiming(true)
    const clock = () => Number(process.hrtime.bigint()) / 1e6
    const before = clock()
    run({ a: mkRule(() => ({ word: () => {} })), b: mkRule(() => { throw new Error('x') }) })
    const elapsed = clock() - before
    const { rules } = timingSnapshot()
    expect(Object.keys(rules).sort()).toEqual(['a', 'b'])
    // what is added is a duration within the run (not a clock reading)
    for (const ms of Object.values(rules)) expect(ms >= 0 && ms <= elapsed).toBe(true)
  })
})
