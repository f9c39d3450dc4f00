/** The kernel's result shapes: makeResult's counts (src/engine/lint-core.ts) and vfile messages (src/engine/vfile.ts). */
import { describe, expect, it } from 'vitest'
import { makeResult } from '../src/engine/lint-core.js'
import { toVFile, toVFileMessages } from '../src/engine/vfile.js'
import type { LintMessage } from '../src/types.js'

const m = (severity: 1 | 2, extra: Partial<LintMessage> = {}): LintMessage =>
  ({ ruleId: 'r', message: '问题', severity, line: 1, column: 2, endLine: 1, endColumn: 4, range: [1, 3], ...extra }) as LintMessage
const fix = { range: [1, 3] as [number, number], text: 'x' }

describe('makeResult', () => {
  it('counts errors, warnings, fatal errors and fixable ones of each severity', () => {
    const r = makeResult('a.txt', [m(2), m(2, { fix }), m(2, { fatal: true }), m(1), m(1, { fix }), m(1, { fix })])
    expect(r).toMatchObject({ filePath: 'a.txt', errorCount: 3, warningCount: 3, fatalErrorCount: 1, fixableErrorCount: 1, fixableWarningCount: 2 })
    expect(r.messages).toHaveLength(6)
  })
  it('adds output, source, preset and suppressed messages only when given', () => {
    const bare = makeResult('a.txt', [])
    expect(Object.keys(bare).sort()).toEqual(['errorCount', 'fatalErrorCount', 'filePath', 'fixableErrorCount', 'fixableWarningCount', 'infoCount', 'messages', 'warningCount'])
    const full = makeResult('a.txt', [], { output: 'o', source: 's', preset: { id: 'national', reason: '配置' }, suppressedMessages: [] })
    expect(full).toMatchObject({ output: 'o', source: 's', preset: { id: 'national', reason: '配置' }, suppressedMessages: [] })
    // empty strings are values, not absence
    expect(makeResult('a.txt', [], { output: '', source: '' })).toMatchObject({ output: '', source: '' })
  })
})

describe('toVFile', () => {
  it('one vfile message per finding: place, rule, source, error as fatal, url, actual and expected', () => {
    const result = makeResult('plan.txt', [m(2, { url: 'https://example.org/r', actual: '旧', expected: '新' }), m(1)], { source: '全文内容' })
    const file = toVFile(result)
    expect(file.path).toBe('plan.txt')
    expect(String(file.value)).toBe('全文内容')
    const [err, warn] = file.messages
    expect(err!.place).toEqual({ start: { line: 1, column: 2, offset: 1 }, end: { line: 1, column: 4, offset: 3 } })
    expect([err!.ruleId, err!.source, err!.fatal, err!.url, err!.actual, err!.expected]).toEqual(['r', 'planlint', true, 'https://example.org/r', '旧', ['新']])
    expect(err!.reason).toBe('问题')
    expect(warn!.fatal).toBe(false)
    expect([warn!.url, warn!.actual, warn!.expected]).toEqual([undefined, undefined, undefined])
    expect(toVFileMessages(result)).toHaveLength(2)
  })
  it('a result without source text gives an empty file; a message without rule has none', () => {
    const file = toVFile(makeResult('x.txt', [m(1, { ruleId: null as unknown as string })]))
    expect(String(file.value)).toBe('')
    expect(file.messages[0]!.ruleId).toBeUndefined()
  })
})
