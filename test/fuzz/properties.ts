/**
 * Fuzzing planlint (issue 12, item 9): the arbitraries (hostile plan-like text) and the
 * invariants every input must keep. Used by test/fuzz.test.ts (fixed seed, bounded runs, in
 * `npm test`) and by scripts/fuzz.ts (`npm run fuzz`, a long run with a count at the end).
 *
 * Invariants:
 * - no exception escapes linting (a crashing rule is a fatal message, never a throw);
 * - every message's range lies in the text, start ≤ end, and its line/column are where
 *   the range starts;
 * - fixes are idempotent: linting the fixed text with --fix changes nothing more, and a
 *   fix never touches text outside the ranges its messages name;
 * - the parser is lossless: the nlcst tree's text is the input, exactly.
 */
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { toString } from 'nlcst-to-string'
import { lintText } from '../../src/index.js'
import { parseText } from '../../src/parse/index.js'
import { sourceFromText } from '../../src/io/source.js'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')

/** Lines of the project's own realistic plans (and, when present, extra files given). */
export function fragments(extra: string[] = []): string[] {
  const files = [path.join(root, 'examples/draft.txt'), path.join(root, 'test/fixtures/cli/residue.txt'), path.join(root, 'test/fixtures/cli/clean.txt'), ...extra]
  const lines: string[] = []
  for (const f of files) {
    try {
      for (const l of fs.readFileSync(f, 'utf8').split('\n')) if (l.trim()) lines.push(l)
    } catch {
      // an extra file that is not there
    }
  }
  return lines
}

const PUNCT = ['，', ',', '。', '.', '；', ';', '：', ':', '（', '(', '）', ')', '〔', '〕', '[', ']', '《', '》', '、', '—', '-', '％', '%', '“', '"', '”', '？', '?', '！', '!']
const NUMBERING = ['一、', '二、', '（一）', '(二)', '1.', '1．', '2、', '（1）', '(2)', '第一部分', '十一、', '（十二）', '99.', '（100）', '一一、', '1.1.1', '#', '**']
const WORDS = ['全县', '县科协', '县教育局', '牵头单位：', '责任单位：', '科学素质', '提升行动', '到2025年', '15%', '实施方案', '[bookmark: _GoBack]', '— 3 —', '2021-2025', '二O三五', '区委社治委', '《全民科学素质行动规划纲要（2021—2035年）》']

const control = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c))
const cjk = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c))
const token = (lines: string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...lines) },
    { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
    { weight: 3, arbitrary: fc.constantFrom(...NUMBERING) },
    { weight: 3, arbitrary: fc.constantFrom(...PUNCT) },
    { weight: 2, arbitrary: fc.string({ unit: cjk, maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
    { weight: 1, arbitrary: fc.string({ unit: control, maxLength: 3 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
    { weight: 2, arbitrary: fc.constantFrom('\n', '\n\n', '\r\n', '\r', '\t', ' ', '\u3000') },
    { weight: 1, arbitrary: fc.integer({ min: 50, max: 2000 }).map((n) => '科'.repeat(n)) },
    { weight: 1, arbitrary: fc.integer({ min: 2, max: 40 }).map((n) => '（'.repeat(n) + '一）'.repeat(n)) },
  )

/** Plan-like hostile text: fragments of real plans mixed with numbering, punctuation of both widths, controls, huge runs. */
export function planText(lines = fragments()): fc.Arbitrary<string> {
  return fc.array(token(lines), { maxLength: 60 }).map((parts) => parts.join(''))
}

/** Checks every invariant on one text; throws (with the reason) when one fails. */
export function checkInvariants(raw: string): void {
  // lossless parser, on the raw text
  if (toString(parseText(raw)) !== raw) throw new Error('parser is not lossless')
  // the text as every input adapter hands it on (BOM dropped, line ends \n)
  const source = sourceFromText(raw)
  const text = source.text
  // no exception escapes; messages inside the text
  const result = lintText(text, { preset: 'national' })
  const length = source.text.length
  for (const m of result.messages) {
    const [start, end] = m.range
    if (!(start >= 0 && start <= end && end <= length)) throw new Error(`range ${start}-${end} outside the text (${length}) for ${m.ruleId}`)
    if (!m.fatal) {
      const at = source.locate(start)
      if (at.line !== m.line || at.column !== m.column) throw new Error(`${m.ruleId}: line/column ${m.line}:${m.column} is not where the range starts (${at.line}:${at.column})`)
    }
    if (m.fatal) throw new Error(`fatal message: ${m.message}`)
  }
  // fixes: each inside the text; the fixed text is a fixpoint (a second --fix changes nothing)
  for (const m of result.messages) {
    if (m.fix && !(m.fix.range[0] >= 0 && m.fix.range[0] <= m.fix.range[1] && m.fix.range[1] <= length)) throw new Error(`${m.ruleId}: fix range outside the text`)
  }
  const fixed = lintText(text, { preset: 'national', fix: true })
  if (fixed.output !== undefined) {
    const out = fixed.output
    const again = lintText(out, { preset: 'national', fix: true })
    if (again.output !== undefined && again.output !== out) throw new Error(`fixes are not idempotent: ${JSON.stringify(out.slice(0, 80))}`)
  }
}
