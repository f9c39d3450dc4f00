/**
 * numeral-typos: look-alike characters inside Chinese numerals (`二O三五` written with a
 * Latin O, Cyrillic О, digit 0 or the circle ○ instead of 〇), year ranges joined with a
 * hyphen or tilde where 公文 uses the 一字线 (`2021-2025年` → `2021—2025年`, GB/T 15834-2011
 * 4.13.3.2), and full-width digits mixed with half-width ones in one plan (the minority is
 * reported).
 */
import { defineRule, ruleDocsUrl } from '../src/rules-support/context.js'
import type { Position } from '../src/types.js'

/** A run of Chinese digits, possibly with look-alikes of 〇 among them. */
const CN_RUN = /[〇零一二三四五六七八九OoО0○]{3,}/g
const REAL = /[〇零一二三四五六七八九]/g
const LOOKALIKE = /[OoО0○]/g
const ALNUM = /[A-Za-z0-9０-９Ａ-Ｚａ-ｚ]/
/**
 * `2021-2025`, `2006-2010-2020`: two or three years joined by a hyphen, dash-like or tilde
 * character (or already by —: a chain is reported when any of its joins is not —).
 */
const YEAR_RANGE =
  /(?<![0-9０-９A-Za-z\-－./—])((?:19|20)[0-9]{2})([ \t]*[-－–‐‑−﹣~～—][ \t]*)((?:19|20)[0-9]{2})(?:([ \t]*[-－–‐‑−﹣~～—][ \t]*)((?:19|20)[0-9]{2}))?(?![0-9０-９\-－./:—])/g
/**
 * A date whose year kept only its last two digits: `一二年一月十二日` (2012). 公文 write the
 * year in full (GB/T 9704-2012 7.3.5.3: 年份应标全称). `十二年` (twelve years) is no year.
 */
const SHORT_YEAR_DATE = /(?<![〇零一二三四五六七八九十百千○OoО0０-９0-9])([〇零一二三四五六七八九○]{2})年(?=[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)/g
/** What stands before the number of a standard: `GB/T `, `DB36/T `, `JGJ `, `ISO `. */
const STANDARD_BEFORE = /(?:GB|DB\d{0,2}|[A-Z]{2,4})(?:\/[TZ])?\s*$/
const FW_DIGITS = /[０-９]+/g
const HW_DIGITS = /[0-9]+/g

interface Options {
  /** Check that one plan uses one width of digits. */
  digitWidth: boolean
}

export default defineRule<Options>({
  meta: {
    id: 'numeral-typos',
    type: 'problem',
    severity: 'error',
    docs: {
      description: {
        zh: '数字书写错误：汉字数字中混入字母 O 或 0（应为〇），年份起止用了连字符或浪纹线（应为一字线“—”），全角与半角数字混用',
        en: 'Numeral typos: O or 0 inside Chinese numerals (〇), hyphenated year ranges (—), full- and half-width digits mixed',
      },
      url: ruleDocsUrl('numeral-typos'),
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: { type: 'object', properties: { digitWidth: { type: 'boolean' } }, additionalProperties: false },
    defaultOptions: { digitWidth: true },
    messages: {
      zeroLookalike: '汉字数字「{{written}}」中的「{{char}}」不是汉字“〇”，应写作「{{expected}}」',
      yearRange: '年份起止「{{written}}」应使用一字线“—”，写作「{{expected}}」',
      shortYear: '日期中的年份「{{written}}」只写了后两位，年份应写全称，如「{{expected}}」',
      mixedDigits: '本文数字多用{{majority}}，此处的{{minority}}数字「{{written}}」应统一为{{majority}}',
    },
  },
  create(ctx) {
    const { text } = ctx
    return {
      ParagraphNode(node: { position: Position }) {
        const start = node.position.start.offset
        const para = text.slice(start, node.position.end.offset)
        for (const m of para.matchAll(CN_RUN)) {
          const run = m[0]
          const real = run.match(REAL)?.length ?? 0
          const bad = run.match(LOOKALIKE)?.length ?? 0
          if (bad === 0 || real < 2) continue
          const prev = para[m.index - 1]
          const next = para[m.index + run.length]
          if ((prev && ALNUM.test(prev)) || (next && ALNUM.test(next))) continue
          // a year (二O三五) or a number of years (二O二一年)
          if (run.length !== 4 && next !== '年') continue
          const expected = run.replace(LOOKALIKE, '〇')
          const firstBad = run.search(LOOKALIKE)
          const s = start + m.index
          ctx.report({
            messageId: 'zeroLookalike',
            data: { written: run, char: run[firstBad]!, expected },
            range: [s, s + run.length],
            fix: { range: [s, s + run.length], text: expected },
            expected,
            actual: run,
          })
        }
        for (const m of para.matchAll(YEAR_RANGE)) {
          const years = [m[1], m[3], m[5]].filter((y): y is string => y !== undefined).map(Number)
          if (years.some((y, k) => k > 0 && (y <= years[k - 1]! || y - years[k - 1]! > 100))) continue
          const joins = [m[2]!, m[4]].filter((j): j is string => j !== undefined)
          if (joins.every((j) => j === '—')) continue
          // a standard's number and year (`DB36/T 1999-2021`, `GB/T 9704-2012`): not a range
          if (STANDARD_BEFORE.test(para.slice(Math.max(0, m.index - 16), m.index))) continue
          const s = start + m.index
          const expected = years.join('—')
          // a two-year range: only the join changes; a chain: everything between the first and last year
          const from = s + m[1]!.length
          const to = s + m[0].length - String(years.at(-1)).length
          ctx.report({
            messageId: 'yearRange',
            data: { written: m[0], expected },
            range: [s, s + m[0].length],
            fix: { range: [from, to], text: joins.length === 1 ? '—' : `—${m[3]!}—` },
            expected,
            actual: m[0],
          })
        }
        for (const m of para.matchAll(SHORT_YEAR_DATE)) {
          const digits = [...m[1]!].map((c) => '〇一二三四五六七八九'.indexOf(c === '零' || c === '○' ? '〇' : c))
          const two = digits[0]! * 10 + digits[1]!
          // the century is a guess (up to 50 read as 20xx), hence a suggestion, not a fix
          const century = two <= 50 ? '二〇' : '一九'
          const expected = `${century}${m[1]!}年`
          const s = start + m.index
          const written = m[0]
          ctx.report({
            messageId: 'shortYear',
            data: { written, expected },
            range: [s, s + written.length],
            suggest: [{ desc: `改为「${expected}」`, fix: { range: [s, s + 2], text: `${century}${m[1]!}` } }],
            expected,
            actual: written,
          })
        }
      },
      'plan:exit'() {
        if (!ctx.options.digitWidth) return
        const full = [...text.matchAll(FW_DIGITS)]
        if (full.length === 0) return
        const half = [...text.matchAll(HW_DIGITS)]
        if (half.length === 0) return
        const fullMinority = full.length <= half.length
        const minority = fullMinority ? full : half
        for (const m of minority) {
          const s = m.index
          const written = m[0]
          const fixText = fullMinority ? written.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)) : undefined
          ctx.report({
            messageId: 'mixedDigits',
            data: {
              majority: fullMinority ? '半角数字' : '全角数字',
              minority: fullMinority ? '全角' : '半角',
              written,
            },
            range: [s, s + written.length],
            fix: fixText ? { range: [s, s + written.length], text: fixText } : undefined,
          })
        }
      },
    }
  },
})
