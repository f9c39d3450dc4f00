import { describe, expect, it } from 'vitest'
import { applyDirectives, findDirectives } from '../src/engine/directives.js'
import { applyFixes, fixLoop, MAX_FIX_PASSES } from '../src/engine/fixer.js'
import { textLocator } from '../src/support/location.js'
import { makeMessage } from '../src/engine/runner.js'
import type { LintMessage } from '../src/types.js'

/** One message of `ruleId` on each occurrence of `needle`. */
function at(text: string, needle: string, ruleId: string): LintMessage[] {
  const locate = textLocator(text)
  const out: LintMessage[] = []
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) {
    out.push(makeMessage(locate, [i, i + needle.length], { ruleId, severity: 2, message: needle }))
  }
  return out
}

const known = new Set(['rule-a', 'rule-b', 'foo/bar'])

const quiet = { unused: 0, noReason: 0 } as const

function keep(text: string, messages: LintMessage[]): string[] {
  return applyDirectives(text, messages, known, textLocator(text), quiet).messages.map((m) => `${m.ruleId}:${m.line}`)
}

describe('findDirectives', () => {
  it('reads kind, rule lists (commas, 、, spaces) and ignores a reason after --', () => {
    const text = '<!-- planlint-disable rule-a, rule-b -->\n<!--planlint-enable-->\n<!-- planlint-disable-next-line foo/bar -- 上级文件原文如此 -->\n<!-- planlint-disable-line rule-a、rule-b -->'
    expect(findDirectives(text).map((d) => [d.kind, d.rules])).toEqual([
      ['disable', ['rule-a', 'rule-b']],
      ['enable', []],
      ['disable-next-line', ['foo/bar']],
      ['disable-line', ['rule-a', 'rule-b']],
    ])
  })
  it('keeps the reason, after --, ——, 理由： or simply after the rule ids', () => {
    const text = [
      '<!-- planlint-disable-next-line outdated-unit-names -- 本县仍保留地震局 -->',
      '<!-- planlint-disable rule-a —— 上级文件原文如此 -->',
      '<!-- planlint-disable-line rule-a, rule-b 理由：城区无农业人口 -->',
      '<!-- planlint-disable-line rule-a 县里仍用此名 -->',
      '<!-- planlint-disable -->',
    ].join('\n')
    expect(findDirectives(text).map((d) => [d.rules, d.reason])).toEqual([
      [['outdated-unit-names'], '本县仍保留地震局'],
      [['rule-a'], '上级文件原文如此'],
      [['rule-a', 'rule-b'], '城区无农业人口'],
      [['rule-a'], '县里仍用此名'],
      [[], ''],
    ])
  })
  it('accepts the Chinese forms 忽略 / 忽略本行 / 忽略下一行 / 恢复, with ： or :', () => {
    const text = '<!-- planlint：忽略下一行 rule-a —— 理由一 -->\n<!-- planlint:忽略本行 rule-b、rule-a 理由二 -->\n<!--planlint：忽略-->\n<!-- planlint： 恢复 rule-a -->'
    expect(findDirectives(text).map((d) => [d.kind, d.rules, d.reason])).toEqual([
      ['disable-next-line', ['rule-a'], '理由一'],
      ['disable-line', ['rule-b', 'rule-a'], '理由二'],
      ['disable', [], ''],
      ['enable', ['rule-a'], ''],
    ])
  })
  it('an unclosed directive costs a bounded scan and finds nothing', () => {
    expect(findDirectives('<!-- planlint-disable rule-a ' + '甲'.repeat(5000))).toEqual([])
  })
  it('ignores other comments and look-alikes', () => {
    expect(findDirectives('<!-- 注释 --> <!-- planlint-disabled x --> planlint-disable')).toEqual([])
  })
})

describe('applyDirectives', () => {
  it('disable … enable for named rules', () => {
    const text = '甲\n<!-- planlint-disable rule-a -->\n甲\n<!-- planlint-enable rule-a -->\n甲'
    expect(keep(text, [...at(text, '甲', 'rule-a'), ...at(text, '甲', 'rule-b')])).toEqual([
      'rule-a:1',
      'rule-a:5',
      'rule-b:1',
      'rule-b:3',
      'rule-b:5',
    ])
  })

  it('disable all; enabling one keeps the others off; enable all clears', () => {
    const text = '<!-- planlint-disable -->\n甲\n<!-- planlint-enable rule-b -->\n甲\n<!-- planlint-enable -->\n甲'
    expect(keep(text, [...at(text, '甲', 'rule-a'), ...at(text, '甲', 'rule-b')])).toEqual(['rule-a:6', 'rule-b:4', 'rule-b:6'])
  })

  it('a second disable-all turns off again a rule enabled after the first', () => {
    const text = '<!-- planlint-disable -->\n<!-- planlint-enable rule-b -->\n甲\n<!-- planlint-disable -->\n甲'
    expect(keep(text, [...at(text, '甲', 'rule-a'), ...at(text, '甲', 'rule-b')])).toEqual(['rule-b:3'])
  })

  it('disable one rule, then disable all, then enable all: both back on', () => {
    const text = '<!-- planlint-disable rule-a -->\n甲\n<!-- planlint-disable -->\n甲\n<!-- planlint-enable -->\n甲'
    expect(keep(text, [...at(text, '甲', 'rule-a'), ...at(text, '甲', 'rule-b')])).toEqual(['rule-a:6', 'rule-b:2', 'rule-b:6'])
  })

  it('disable-next-line and disable-line touch only their line', () => {
    const text = '<!-- planlint-disable-next-line rule-a -->\n甲\n甲 <!-- planlint-disable-line -->\n甲'
    expect(keep(text, [...at(text, '甲', 'rule-a'), ...at(text, '甲', 'rule-b')])).toEqual(['rule-a:4', 'rule-b:2', 'rule-b:4'])
  })

  it('drops findings inside the directive comment itself', () => {
    // rule-a finds the text `rule-b` twice: inside the comment (dropped) and on line 2.
    const text = '<!-- planlint-disable-line rule-b -->\n甲 rule-b'
    expect(at(text, 'rule-b', 'rule-a')).toHaveLength(2)
    expect(keep(text, at(text, 'rule-b', 'rule-a'))).toEqual(['rule-a:2'])
  })

  it('warns about unknown rule ids and never hides fatal messages', () => {
    const text = '<!-- planlint-disable rule-z -->\n甲'
    const fatal = { ...at(text, '甲', 'rule-a')[0]!, fatal: true }
    const out = applyDirectives(text, [fatal, ...at(text, '甲', 'rule-b')], known, textLocator(text), quiet).messages
    expect(out.map((m) => [m.ruleId, m.severity, m.line])).toEqual([
      [null, 1, 1],
      ['rule-a', 2, 2],
      ['rule-b', 2, 2],
    ])
    expect(out[0]!.message).toBe('planlint-disable 注释中的规则「rule-z」不存在')
  })

  it('returns what it disabled as suppressed messages with the reason as justification', () => {
    const text = '<!-- planlint：忽略下一行 rule-a —— 本县仍保留地震局 -->\n甲\n甲'
    const out = applyDirectives(text, at(text, '甲', 'rule-a'), known, textLocator(text))
    expect(out.messages.map((m) => `${m.ruleId}:${m.line}`)).toEqual(['rule-a:3'])
    expect(out.suppressed.map((m) => [m.ruleId, m.line, m.suppressions])).toEqual([
      ['rule-a', 2, [{ kind: 'directive', justification: '本县仍保留地震局' }]],
    ])
  })

  it('reports a directive without a reason and a disable that suppressed nothing (per rule), at the configured severity', () => {
    const text = '<!-- planlint-disable-next-line rule-a, rule-b -->\n甲\n<!-- planlint-disable rule-b -- 理由 -->\n乙\n<!-- planlint-enable rule-b -->'
    const out = applyDirectives(text, at(text, '甲', 'rule-a'), known, textLocator(text))
    expect(out.messages.map((m) => [m.ruleId, m.messageId, m.severity, m.line, m.message])).toEqual([
      [null, 'missingReason', 1, 1, 'planlint-disable-next-line 注释没有写理由：请在规则后加“-- 理由”，让审核人知道为什么忽略'],
      [null, 'unusedDirective', 1, 1, 'planlint-disable-next-line 注释没有起作用：此处没有规则「rule-b」的问题，可删除'],
      [null, 'unusedDirective', 1, 3, 'planlint-disable 注释没有起作用：此处没有规则「rule-b」的问题，可删除'],
    ])
    const strict = applyDirectives(text, at(text, '甲', 'rule-a'), known, textLocator(text), { unused: 2, noReason: 0 })
    expect(strict.messages.map((m) => [m.messageId, m.severity])).toEqual([
      ['unusedDirective', 2],
      ['unusedDirective', 2],
    ])
    // A disable-all directive is used by any finding; an enable directive is never "unused".
    const all = '<!-- planlint-disable -- 附件照录原文 -->\n甲\n<!-- planlint-enable -->'
    expect(applyDirectives(all, at(all, '甲', 'rule-b'), known, textLocator(all)).messages).toEqual([])
  })
})

function fixMsg(range: [number, number], text: string): LintMessage {
  return { ruleId: 'r', severity: 2, message: 'm', line: 1, column: 1, endLine: 1, endColumn: 1, range, fix: { range, text } }
}

describe('applyFixes (ESLint algorithm)', () => {
  it('applies sorted fixes and skips overlapping and adjacent ones', () => {
    const text = '0123456789'
    const r = applyFixes(text, [fixMsg([5, 7], 'B'), fixMsg([0, 2], 'A'), fixMsg([1, 3], 'X'), fixMsg([7, 8], 'C')])
    expect(r.output).toBe('A234B789')
    expect(r.fixed).toBe(true)
    expect(r.messages.map((m) => m.fix!.text).sort()).toEqual(['C', 'X'])
  })
  it('inserts at one point once and keeps messages without fixes', () => {
    const plain: LintMessage = { ...fixMsg([0, 0], ''), fix: undefined }
    delete plain.fix
    const r = applyFixes('ab', [fixMsg([1, 1], 'x'), fixMsg([1, 1], 'y'), plain])
    expect(r.output).toBe('axb')
    expect(r.messages).toHaveLength(2)
  })
})

describe('fixLoop', () => {
  it('re-lints until nothing is left to fix and reports the messages of the last pass', () => {
    // Each pass fixes one `aa` → `a`: three fixing passes, then a fourth that finds nothing.
    const lint = (t: string): LintMessage[] => {
      const i = t.indexOf('aa')
      return i === -1 ? [] : [fixMsg([i, i + 2], 'a')]
    }
    const r = fixLoop('aaaa', lint)
    expect(r.output).toBe('a')
    expect(r.fixed).toBe(true)
    expect(r.messages).toEqual([])
    expect(r.passes).toBe(4)
    // Stable: a second run changes nothing.
    expect(fixLoop(r.output, lint)).toMatchObject({ output: 'a', fixed: false, passes: 1 })
  })

  it('stops after 10 passes and reports what the last text still has', () => {
    let lints = 0
    const lint = (t: string): LintMessage[] => {
      lints++
      return [fixMsg([t.length, t.length], 'x')]
    }
    const r = fixLoop('', lint)
    expect(r.passes).toBe(MAX_FIX_PASSES)
    expect(r.output).toBe('x'.repeat(10))
    expect(r.messages).toHaveLength(1)
    expect(lints).toBe(11)
  })
})
