/**
 * RuleTester, ESLint style, without a test framework: `verify()` runs every case through the
 * real pipeline (parse → buildPlan → runRules → directives → fix loop) with the rule alone,
 * and returns what is wrong. `run()` turns the cases into `describe`/`it` blocks of whatever
 * framework `RuleTester.describe`/`RuleTester.it` point at (globals by default;
 * `planlint/rule-tester` binds vitest's).
 */
import { loadPreset } from '../presets/index.js'
import type { PlanlintConfig } from '../config/types.js'
import type { LintMessage, Suggestion } from '../engine/types.js'
import type { Preset } from '../presets/types.js'
import type { Rule } from '../rules-support/context.js'
import { applyFixes } from '../engine/fixer.js'
import { lintCore } from '../engine/lint-core.js'
import { analysePlan } from '../lint/analyse.js'
import { needsWords } from '../lint/tree-depth.js'
import { builtinRuleMap } from '../lint/rule-registry.js'
import { checkListenerKeys } from '../lint/listener-keys.js'
import { validateRuleMeta } from '../engine/rule.js'
import { interpolate, type RuleEntry } from '../engine/runner.js'
import { messageLevel } from '../engine/levels.js'
import { pushAll } from '../text/arrays.js'
import { deepFreeze } from '../support/freeze.js'

export interface RuleTesterConfig {
  /** Preset id, path or object; `national` by default. */
  preset?: string | Preset
  config?: PlanlintConfig
}

export interface ValidTestCase {
  code: string
  /** Options of the rule (the second item of `[severity, options]`). */
  options?: Record<string, unknown>
  preset?: string | Preset
  config?: PlanlintConfig
  /** Name of the generated test; the code by default. */
  name?: string
  filePath?: string
}

export interface ExpectedError {
  messageId?: string
  /** With `messageId`: the message must be its template filled with this data. */
  data?: Record<string, string | number>
  /** The exact message text. */
  message?: string
  line?: number
  column?: number
  endLine?: number
  endColumn?: number
  severity?: 1 | 2
  /** `info` for a note at the info level (severity 1). Whenever `severity` or `level` is given,
   * the message's level must be this one: a warning expectation fails on a note. */
  level?: 'info'
  /**
   * The suggestions the message must carry, in order, as in ESLint's RuleTester: each with
   * its `desc` and the `output` of applying it to `code` alone. Required whenever the
   * message has suggestions; `[]` asserts it has none.
   */
  suggestions?: ExpectedSuggestion[]
}

export interface ExpectedSuggestion {
  desc: string
  /** `code` with only this suggestion applied. */
  output: string
}

export interface InvalidTestCase extends ValidTestCase {
  errors: ExpectedError[]
  /** The text after fixing; `null` when no fix applies. Required when the rule fixes. */
  output?: string | null
}

export interface RuleTests {
  valid: (string | ValidTestCase)[]
  invalid: InvalidTestCase[]
}

export interface CaseFailure {
  kind: 'meta' | 'valid' | 'invalid'
  /** Index of the case in its list (-1 for meta). */
  index: number
  name: string
  problems: string[]
}

type Describe = (name: string, fn: () => void) => void
type It = (name: string, fn: () => void) => void

function title(c: ValidTestCase): string {
  if (c.name) return c.name
  const oneLine = c.code.replace(/\n/g, '⏎')
  return oneLine.length > 60 ? `${oneLine.slice(0, 59)}…` : oneLine || '（空文本）'
}

function show(m: LintMessage): string {
  return `  ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.messageId ?? m.ruleId ?? ''} ${m.message}`
}

export class RuleTester {
  /** The framework's `describe`; defaults to the global one. */
  static describe: Describe | undefined
  /** The framework's `it`; defaults to the global one. */
  static it: It | undefined

  readonly #config: RuleTesterConfig
  readonly #presets = new Map<string, Preset>()

  constructor(config: RuleTesterConfig = {}) {
    this.#config = config
  }

  #preset(p: string | Preset | undefined): Preset {
    const spec = p ?? this.#config.preset ?? 'national'
    if (typeof spec === 'object') return spec
    let preset = this.#presets.get(spec)
    if (!preset) {
      preset = loadPreset(spec, { cwd: process.cwd() })
      this.#presets.set(spec, preset)
    }
    return preset
  }

  /** Lints `code` with `rule` alone. */
  #lint(rule: Rule, c: ValidTestCase, fix: boolean, code = c.code) {
    const id = rule.meta.id
    const entry: RuleEntry = {
      rule,
      ...messageLevel(rule.meta.severity),
      source: 'RuleTester',
      settingSource: 'RuleTester 用例',
    }
    if (c.options !== undefined) entry.options = c.options
    const known = new Set(builtinRuleMap().keys())
    known.add(id)
    const preset = this.#preset(c.preset)
    const config = c.config ?? this.#config.config ?? {}
    // the tree as a real run with this rule builds it (a built-in rule gets words only if it listens to them)
    const words = needsWords([rule])
    return lintCore({
      text: code,
      filePath: c.filePath ?? '<test>',
      rules: new Map([[id, entry]]),
      knownRuleIds: known,
      // The trees are frozen: a rule that changes what every other rule reads fails its tests.
      analyse: (t) => {
        const analysis = analysePlan(t, { preset, config, words })
        deepFreeze(analysis.env.plan)
        deepFreeze(analysis.env.nlcst)
        return analysis
      },
      suppression: config,
      fix,
    })
  }

  /** Problems with one case; empty when it passes. */
  verifyCase(rule: Rule, kind: 'valid' | 'invalid', testCase: string | ValidTestCase | InvalidTestCase): string[] {
    const c: ValidTestCase = typeof testCase === 'string' ? { code: testCase } : testCase
    const problems: string[] = []
    try {
      validateRuleMeta(rule, 'RuleTester')
      checkListenerKeys(rule, 'RuleTester')
      const { messages } = this.#lint(rule, c, false)
      if (kind === 'valid') {
        if (messages.length > 0) problems.push(`应无报告，实际 ${messages.length} 条：\n${messages.map(show).join('\n')}`)
        return problems
      }
      const inv = c as InvalidTestCase
      if (!Array.isArray(inv.errors) || inv.errors.length === 0) {
        problems.push('invalid 用例必须写出至少一条 errors')
        return problems
      }
      for (const m of messages) if (m.fatal) problems.push(`规则出错：${m.message}`)
      if (messages.length !== inv.errors.length) {
        problems.push(
          `应报告 ${inv.errors.length} 条，实际 ${messages.length} 条：\n${messages.map(show).join('\n') || '  （无）'}`,
        )
      }
      const n = Math.min(messages.length, inv.errors.length)
      for (let i = 0; i < n; i++) pushAll(problems, this.#compare(rule, i, messages[i]!, inv.errors[i]!, c.code))
      pushAll(problems, this.#checkOutput(rule, inv))
    } catch (e) {
      problems.push(`运行出错：${(e as Error).message}`)
    }
    return problems
  }

  #compare(rule: Rule, i: number, actual: LintMessage, exp: ExpectedError, code: string): string[] {
    const out: string[] = []
    const at = `第 ${i + 1} 条`
    if (exp.messageId !== undefined) {
      if (!(exp.messageId in rule.meta.messages)) out.push(`${at}：期望的 messageId「${exp.messageId}」不在 meta.messages 中`)
      else if (actual.messageId !== exp.messageId) out.push(`${at}：messageId 应为 ${exp.messageId}，实际 ${actual.messageId}`)
      if (exp.data !== undefined) {
        const want = interpolate(rule.meta.messages[exp.messageId] ?? '', exp.data)
        if (actual.message !== want) out.push(`${at}：文字应为「${want}」，实际「${actual.message}」`)
      }
    } else if (exp.message === undefined) {
      out.push(`${at}：期望的错误须写 messageId 或 message`)
    }
    if (exp.message !== undefined && actual.message !== exp.message) {
      out.push(`${at}：文字应为「${exp.message}」，实际「${actual.message}」`)
    }
    for (const k of ['line', 'column', 'endLine', 'endColumn', 'severity'] as const) {
      if (exp[k] !== undefined && actual[k] !== exp[k]) out.push(`${at}：${k} 应为 ${exp[k]}，实际 ${actual[k]}`)
    }
    if ((exp.severity !== undefined || exp.level !== undefined) && exp.level !== actual.level) {
      out.push(`${at}：level 应为 ${exp.level ?? '（无，即错误或警告）'}，实际 ${actual.level ?? '（无，即错误或警告）'}`)
    }
    pushAll(out, this.#compareSuggestions(at, code, actual, exp))
    return out
  }

  #compareSuggestions(at: string, code: string, actual: LintMessage, exp: ExpectedError): string[] {
    const got = actual.suggestions ?? []
    if (exp.suggestions === undefined) {
      return got.length === 0 ? [] : [`${at}：该条带有 ${got.length} 条建议修改，请写出 suggestions（desc 与 output）：\n${got.map((s) => `  ${s.desc} → ${applySuggestion(code, s)}`).join('\n')}`]
    }
    const out: string[] = []
    if (got.length !== exp.suggestions.length) {
      out.push(`${at}：应有 ${exp.suggestions.length} 条建议修改，实际 ${got.length} 条${got.length ? `：${got.map((s) => s.desc).join('；')}` : ''}`)
    }
    const n = Math.min(got.length, exp.suggestions.length)
    for (let i = 0; i < n; i++) {
      const g = got[i]!
      const e = exp.suggestions[i]!
      if (g.desc !== e.desc) out.push(`${at} 第 ${i + 1} 条建议：desc 应为「${e.desc}」，实际「${g.desc}」`)
      const output = applySuggestion(code, g)
      if (output !== e.output) out.push(`${at} 第 ${i + 1} 条建议：应用后应为：\n  ${e.output}\n  实际：\n  ${output}`)
    }
    return out
  }

  #checkOutput(rule: Rule, c: InvalidTestCase): string[] {
    const out: string[] = []
    const fixed = this.#lint(rule, c, true)
    if (c.output === undefined) {
      if (fixed.fixed) out.push(`该用例产生了修复，请写出 output（修复后的文本）：\n${fixed.output}`)
      return out
    }
    if (c.output === null) {
      if (fixed.fixed) out.push(`不应有修复（output: null），实际修复为：\n${fixed.output}`)
      return out
    }
    if (c.output === c.code) out.push('output 与 code 相同；不应有修复时请写 output: null')
    if (fixed.output !== c.output) out.push(`修复结果不符：\n  应为：${c.output}\n  实际：${fixed.output}`)
    if (fixed.fixed) {
      // One more fix pass over the fixed text must change nothing.
      const again = applyFixes(fixed.output, this.#lint(rule, c, false, fixed.output).messages)
      if (again.fixed) out.push(`修复不稳定：对修复结果再修复一次仍有改动：\n${again.output}`)
    }
    return out
  }

  /** Runs every case; returns the failures (empty when all pass). */
  verify(name: string, rule: Rule, tests: RuleTests): CaseFailure[] {
    const failures: CaseFailure[] = []
    const meta = this.verifyMeta(rule)
    if (meta.length > 0) failures.push({ kind: 'meta', index: -1, name, problems: meta })
    tests.valid.forEach((c, index) => {
      const problems = this.verifyCase(rule, 'valid', c)
      if (problems.length > 0) failures.push({ kind: 'valid', index, name: title(typeof c === 'string' ? { code: c } : c), problems })
    })
    tests.invalid.forEach((c, index) => {
      const problems = this.verifyCase(rule, 'invalid', c)
      if (problems.length > 0) failures.push({ kind: 'invalid', index, name: title(c), problems })
    })
    return failures
  }

  /** Problems with the rule's meta (empty when valid). */
  verifyMeta(rule: Rule): string[] {
    try {
      validateRuleMeta(rule, 'RuleTester')
      checkListenerKeys(rule, 'RuleTester')
      return []
    } catch (e) {
      return [(e as Error).message]
    }
  }

  /** Registers the cases with the test framework: one `it` per case. */
  run(name: string, rule: Rule, tests: RuleTests): void {
    const ctor = this.constructor as typeof RuleTester
    const g = globalThis as { describe?: Describe; it?: It }
    const describe = ctor.describe ?? g.describe
    const it = ctor.it ?? g.it
    if (!describe || !it) {
      throw new Error('RuleTester.run 需要测试框架的 describe/it：请从 planlint/rule-tester 导入（绑定 vitest），或设置 RuleTester.describe 与 RuleTester.it')
    }
    const fail = (problems: string[]): void => {
      if (problems.length > 0) throw new Error(problems.join('\n'))
    }
    describe(name, () => {
      it('meta 有效', () => fail(this.verifyMeta(rule)))
      describe('valid', () => {
        for (const c of tests.valid) {
          it(title(typeof c === 'string' ? { code: c } : c), () => fail(this.verifyCase(rule, 'valid', c)))
        }
      })
      describe('invalid', () => {
        for (const c of tests.invalid) it(title(c), () => fail(this.verifyCase(rule, 'invalid', c)))
      })
    })
  }
}

/** `code` with one suggestion's fix applied. */
function applySuggestion(code: string, s: Suggestion): string {
  return code.slice(0, s.fix.range[0]) + s.fix.text + code.slice(s.fix.range[1])
}

