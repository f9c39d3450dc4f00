import stringWidth from 'string-width'
import { describe, expect, it } from 'vitest'
import { isPlanlintError } from '../src/errors.js'
import { getFormatter, hasFormatter, listFormatters, registerFormatter } from '../src/reporters/index.js'
import { json, toJsonResults } from '../src/reporters/json.js'
import { padDisplay, stylish } from '../src/reporters/stylish.js'
import type { LintMessage, LintResult } from '../src/types.js'

function msg(over: Partial<LintMessage>): LintMessage {
  return {
    ruleId: 'lead-unit',
    severity: 2,
    message: '任务缺少牵头单位',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    range: [0, 1],
    ...over,
  }
}

function result(filePath: string, messages: LintMessage[], over: Partial<LintResult> = {}): LintResult {
  const errors = messages.filter((m) => m.severity === 2)
  const warnings = messages.filter((m) => m.severity === 1 && m.level !== 'info')
  return {
    filePath,
    messages,
    errorCount: errors.length,
    warningCount: warnings.length,
    infoCount: messages.filter((m) => m.level === 'info').length,
    fatalErrorCount: messages.filter((m) => m.fatal).length,
    fixableErrorCount: errors.filter((m) => m.fix).length,
    fixableWarningCount: warnings.filter((m) => m.fix).length,
    preset: { id: 'national', reason: '默认（未指定预设）' },
    ...over,
  }
}

const ctx = { cwd: '/work/plans', color: false }

/** Display column (0-based) at which `needle` starts in `line`. */
function displayColumn(line: string, needle: string): number {
  const i = line.indexOf(needle)
  expect(i, `"${needle}" in "${line}"`).toBeGreaterThanOrEqual(0)
  return stringWidth(line.slice(0, i))
}

describe('stylish', () => {
  const results = [
    result('/work/plans/锦江区实施方案.txt', [
      msg({ line: 3, column: 1, message: '残留的 Word 书签标记“[bookmark: _GoBack]”', ruleId: 'draft-residue', severity: 2, fix: { range: [0, 20], text: '' } }),
      msg({ line: 128, column: 40, message: '任务缺少牵头单位', ruleId: 'lead-unit', severity: 1 }),
      msg({ line: 12, column: 7, message: '机构名称已更改：区卫计委 → 区卫健局', ruleId: 'unit-rename', severity: 2 }),
    ]),
    result('/work/plans/clean.txt', []),
  ]
  const out = stylish(results, ctx)
  const lines = out.split('\n')

  it('groups by file, shows the path relative to cwd, and skips clean files', () => {
    expect(lines[0]).toBe('锦江区实施方案.txt')
    expect(out).not.toContain('clean.txt')
  })

  it('aligns severity, message and rule id by display width (Han = 2 columns)', () => {
    const rows = lines.slice(1, 4)
    expect(rows).toHaveLength(3)
    const sevCols = rows.map((l) => displayColumn(l, l.includes('错误') ? '错误' : '警告'))
    expect(new Set(sevCols).size).toBe(1)
    const ruleCols = rows.map((l, i) => displayColumn(l, ['draft-residue', 'lead-unit', 'unit-rename'][i]!))
    expect(new Set(ruleCols).size).toBe(1)
    // The longest message is followed by exactly two spaces before its rule id.
    const widest = Math.max(...rows.map((l) => displayColumn(l, l.includes('错误') ? '错误' : '警告')))
    expect(ruleCols[0]).toBeGreaterThan(widest)
    expect(rows[0]).toMatch(/”  draft-residue$/)
  })

  it('right-aligns line numbers and left-aligns columns around the colon', () => {
    const rows = lines.slice(1, 4)
    const colons = rows.map((l) => l.indexOf(':'))
    expect(new Set(colons).size).toBe(1)
    expect(rows[0]!.startsWith('    3:1 ')).toBe(true)
    expect(rows[1]!.startsWith('  128:40')).toBe(true)
  })

  it('says 错误 and 警告 and ends with a Chinese summary, fix hint and preset', () => {
    expect(lines[1]).toContain('错误')
    expect(lines[2]).toContain('警告')
    expect(out).toContain('✖ 共 3 个问题（2 个错误，1 个警告）')
    expect(out).toContain('其中 1 个可用 --fix 自动修复')
    expect(out).toContain('使用预设 national：默认（未指定预设）')
  })

  it('prints a one-line success for a clean run', () => {
    const clean = stylish([result('/work/plans/a.txt', []), result('/work/plans/b.txt', [])], ctx)
    expect(clean).toBe('✔ 未发现问题（已检查 2 个文件，预设：national）\n')
    expect(stylish([result('/work/plans/a.txt', [])], { ...ctx, quiet: true })).toContain('未发现错误')
  })

  it('uses colour only when asked', () => {
    expect(out).not.toContain('\u001B[')
    const coloured = stylish(results, { ...ctx, color: true })
    expect(coloured).toContain('\u001B[31m错误')
    // Colour codes do not disturb alignment.
    const rows = coloured.replace(/\u001B\[\d+m/g, '').split('\n').slice(1, 4)
    const ruleCols = rows.map((l, i) => displayColumn(l, ['draft-residue', 'lead-unit', 'unit-rename'][i]!))
    expect(new Set(ruleCols).size).toBe(1)
  })

  it('names each file’s preset when files used different presets', () => {
    const mixed = stylish(
      [
        result('/work/plans/a.txt', [msg({})], { preset: { id: 'national', reason: '默认' } }),
        result('/work/plans/b.txt', [msg({})], { preset: { id: 'jiangxi', reason: '配置' } }),
      ],
      ctx,
    )
    expect(mixed).toContain('a.txt  （预设：national）')
    expect(mixed).toContain('b.txt  （预设：jiangxi）')
    expect(mixed).not.toContain('使用预设')
  })

  it('shows Word/PDF places and fatal messages without a rule id', () => {
    const out2 = stylish(
      [result('/x/plan.docx', [msg({ location: { paragraph: 12 } }), msg({ ruleId: null, fatal: true, message: '规则 x 运行出错' })])],
      { cwd: '/elsewhere', color: false },
    )
    expect(out2.split('\n')[0]).toBe('/x/plan.docx')
    expect(out2).toContain('第12段')
    expect(out2).toMatch(/错误 {2}规则 x 运行出错\n/)
  })

  it('reports --max-warnings being exceeded', () => {
    const o = stylish([result('/work/plans/a.txt', [msg({ severity: 1 })])], { ...ctx, maxWarningsExceeded: { maxWarnings: 0, foundWarnings: 1 } })
    expect(o).toContain('警告数 1 超过了 --max-warnings 允许的 0 个')
  })

  it('padDisplay pads by display width', () => {
    expect(padDisplay('错误', 6)).toBe('错误  ')
    expect(padDisplay('ab', 4, true)).toBe('  ab')
    expect(stringWidth(padDisplay('中文abc', 10))).toBe(10)
  })
})

describe('json', () => {
  const r = result(
    '/work/plans/a.txt',
    [
      msg({ fix: { range: [3, 5], text: '卫健局' }, messageId: 'renamed', expected: '区卫健局' }),
      msg({ severity: 1, suggestions: [{ desc: '删除', fix: { range: [0, 2], text: '' } }] }),
    ],
    { source: '全文' },
  )

  it('prints an ESLint-compatible array', () => {
    const parsed = JSON.parse(json([r], ctx)) as unknown[]
    expect(parsed).toHaveLength(1)
    const [first] = parsed as Record<string, unknown>[]
    expect(Object.keys(first!).sort()).toEqual(
      ['errorCount', 'fatalErrorCount', 'filePath', 'fixableErrorCount', 'fixableWarningCount', 'infoCount', 'messages', 'source', 'suppressedMessages', 'warningCount'].sort(),
    )
    expect(first!.filePath).toBe('/work/plans/a.txt')
    expect(first!.errorCount).toBe(1)
    expect(first!.warningCount).toBe(1)
    expect(first!.fixableErrorCount).toBe(1)
    const messages = first!.messages as Record<string, unknown>[]
    expect(messages[0]).toEqual({
      ruleId: 'lead-unit',
      severity: 2,
      message: '任务缺少牵头单位',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 2,
      messageId: 'renamed',
      fix: { range: [3, 5], text: '卫健局' },
    })
    expect(messages[1]!.suggestions).toEqual([{ desc: '删除', fix: { range: [0, 2], text: '' } }])
    expect(messages[1]).not.toHaveProperty('fix')
  })

  it('includes source only when there are messages, and output instead of source after a fix', () => {
    expect(toJsonResults([result('/a.txt', [], { source: 'x' })])[0]).not.toHaveProperty('source')
    const fixed = toJsonResults([result('/a.txt', [msg({})], { source: 'y', output: 'y' })])[0]!
    expect(fixed.output).toBe('y')
    expect(fixed).not.toHaveProperty('source')
  })
})

describe('formatter registry', () => {
  it('lists stylish and json and loads them', async () => {
    expect(listFormatters()).toEqual(expect.arrayContaining(['stylish', 'json']))
    expect(await getFormatter('json')).toBe(json)
    expect(await getFormatter('stylish')).toBe(stylish)
  })

  it('rejects an unknown format with a PlanlintError naming the available ones', async () => {
    const e = await getFormatter('sarif2').catch((err: unknown) => err)
    expect(isPlanlintError(e)).toBe(true)
    expect((e as Error).message).toContain('未知的输出格式“sarif2”')
    expect((e as Error).message).toContain('stylish、json')
  })

  it('lets later formats plug in', async () => {
    const f = () => 'x'
    registerFormatter('test-only', async () => f)
    expect(hasFormatter('test-only')).toBe(true)
    expect(await getFormatter('test-only')).toBe(f)
  })
})

describe('displayWidth', async () => {
  const { displayWidth, loadFullWidth, needsFullWidth } = await import('../src/reporters/width.js')
  const stringWidth = (await import('string-width')).default
  it('says which texts need string-width: anything but plain Chinese, ASCII and CJK punctuation', () => {
    expect(needsFullWidth(['区教育局', 'abc', '缺少「农民科学素质提升行动」：《纲要（2021—2035年）》', '１２：３０', ''])).toBe(false)
    for (const s of ['👍🏽 好', 'e\u0301', '\u001b[31m红\u001b[39m', '→']) expect(needsFullWidth(['区教育局', s])).toBe(true)
  })
  it('agrees with string-width on Chinese, mixed and emoji text (once loaded)', async () => {
    await loadFullWidth()
    const fc = (await import('fast-check')).default
    for (const s of ['区教育局', 'abc', '缺少「农民科学素质提升行动」：《全民科学素质行动规划纲要（2021—2035年）》', '１２：３０', '👍🏽 好', 'e\u0301', '\u001b[31m红\u001b[39m', '']) {
      expect(displayWidth(s)).toBe(stringWidth(s))
    }
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => displayWidth(s) === stringWidth(s)), { numRuns: 1000 })
    // every single BMP character, exhaustively
    for (let c = 0x20; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue
      const ch = String.fromCharCode(c)
      if (displayWidth(ch) !== stringWidth(ch)) expect([c.toString(16), displayWidth(ch)]).toEqual([c.toString(16), stringWidth(ch)])
    }
  })
})

describe('stylish summary for Word documents', () => {
  it('points Word/PDF fixes to annotate, text fixes to --fix', () => {
    const msg = { ruleId: 'draft-residue', severity: 1 as const, message: '残留', line: 1, column: 1, endLine: 1, endColumn: 2, range: [0, 1] as [number, number], fix: { range: [0, 1] as [number, number], text: '' } }
    const result = (filePath: string): LintResult => ({ filePath, messages: [msg], errorCount: 0, warningCount: 1, infoCount: 0, fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 1 })
    const out = stylish([result('/w/a.docx'), result('/w/b.txt')], { cwd: '/w', color: false } as Parameters<typeof stylish>[1])
    expect(out).toContain('其中 1 个可用 --fix 自动修复')
    expect(out).toContain('Word/PDF 文稿中有 1 个可自动修复：用 planlint annotate 把修改写成 Word 修订')
  })
})
