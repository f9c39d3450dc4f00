/**
 * punctuation-width: half-width `, ; : ( ) ? !` used in Chinese text, where GB/T 15834-2011
 * wants the full-width marks. A text converted from PDF can have thousands, so the rule
 * reports ONE finding per paragraph, with the count, and its fix converts all of them.
 * Numbers (`1,000`, `12:30`), URLs (`http://`), and marks between Latin letters are left alone.
 */
import { defineRule, ruleDocsUrl } from '../src/rules-support/context.js'
import type { Position } from '../src/types.js'
import { CJK_TEXT_CLASS, isChineseContext } from '../src/lexicon/index.js'

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '?': '？', '!': '！' }
/** A URL runs up to white space or Chinese text. */
const URL = new RegExp(String.raw`(?:https?|ftp):\/\/[^\s${CJK_TEXT_CLASS}]+|www\.[A-Za-z0-9.-]+[^\s${CJK_TEXT_CLASS}]*`, 'g')

const SPACE = /[ \t\u00a0]/

/** The nearest character before `i` (skipping spaces and markdown `*`), within `s`. */
function before(s: string, i: number): string | undefined {
  let k = i - 1
  while (k >= 0 && (SPACE.test(s[k]!) || s[k] === '*')) k--
  return k >= 0 ? s[k] : undefined
}
function after(s: string, i: number): string | undefined {
  let k = i + 1
  while (k < s.length && (SPACE.test(s[k]!) || s[k] === '*')) k++
  return k < s.length ? s[k] : undefined
}

/**
 * Offsets (within `s`) of the half-width marks that stand in Chinese text. A half-width
 * paren pair is converted as a pair when either of its marks is in Chinese context.
 */
export function halfWidthInChinese(s: string): number[] {
  // URLs are rare: only look for them when the paragraph could hold one
  let skip: Uint8Array | undefined
  if (s.includes('://') || s.includes('www.')) {
    skip = new Uint8Array(s.length)
    for (const m of s.matchAll(URL)) skip.fill(1, m.index, m.index + m[0].length)
  }
  const hits = new Set<number>()
  const open: number[] = []
  const pairs: [number, number][] = []
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i)
    // , ; : ( ) ? !
    if (code !== 44 && code !== 59 && code !== 58 && code !== 40 && code !== 41 && code !== 63 && code !== 33) continue
    if (skip?.[i]) continue
    const ch = s[i]!
    const b = s[i - 1]
    const a = s[i + 1]
    // numbers and times: 1,000  12:30  and the like
    if ((ch === ',' || ch === ':') && b !== undefined && a !== undefined && /[0-9]/.test(b) && /[0-9]/.test(a)) continue
    // a Latin label or scheme: `bookmark:`, `http:`, `Note:`
    if (ch === ':' && b !== undefined && /[A-Za-z]/.test(b)) continue
    if (ch === '(') open.push(i)
    else if (ch === ')' && open.length > 0) pairs.push([open.pop()!, i])
    if (isChineseContext(before(s, i)) || isChineseContext(after(s, i))) hits.add(i)
  }
  for (const [o, c] of pairs) {
    if (hits.has(o) || hits.has(c)) {
      hits.add(o)
      hits.add(c)
    }
  }
  return [...hits].sort((x, y) => x - y)
}

/** The full-width form of a half-width mark. */
export function fullWidth(ch: string): string {
  return FULL[ch] ?? ch
}

export default defineRule({
  meta: {
    id: 'punctuation-width',
    type: 'layout',
    severity: 'warn',
    docs: {
      description: {
        zh: '中文行文中的逗号、分号、冒号、括号、问号、叹号应使用全角形式（GB/T 15834-2011）',
        en: 'Half-width , ; : ( ) ? ! in Chinese text should be full-width (GB/T 15834-2011)',
      },
      url: ruleDocsUrl('punctuation-width'),
      recommended: true,
    },
    fixable: 'code',
    schema: {
      type: 'object',
      properties: { maxParagraphs: { type: 'integer', minimum: 1 } },
      additionalProperties: false,
    },
    defaultOptions: { maxParagraphs: 10 },
    messages: {
      halfWidth: '本段有 {{count}} 处半角标点（{{marks}}）用在中文里，应改为全角（{{full}}）',
      more: '此后另有 {{paragraphs}} 段共 {{count}} 处半角标点用在中文里，应改为全角（常见于从 PDF 转换的文稿）；使用 --fix 可一次全部改正',
    },
  },
  create(ctx) {
    const { text } = ctx
    const max = (ctx.options as { maxParagraphs: number }).maxParagraphs
    const found: { first: number; last: number; hits: number[]; start: number; para: string }[] = []
    /** The text from the first to the last hit of a paragraph, with every hit full-width. */
    const fixedSpan = (f: (typeof found)[number]) => {
      let out = ''
      let k = f.hits[0]!
      for (const i of f.hits) {
        out += f.para.slice(k, i) + fullWidth(f.para[i]!)
        k = i + 1
      }
      return out
    }
    return {
      ParagraphNode(node: { position: Position }) {
        const start = node.position.start.offset
        const para = text.slice(start, node.position.end.offset)
        if (!/[,;:()?!]/.test(para)) return
        const hits = halfWidthInChinese(para)
        if (hits.length === 0) return
        found.push({ first: start + hits[0]!, last: start + hits[hits.length - 1]!, hits, start, para })
      },
      'plan:exit'() {
        // one finding per paragraph, up to maxParagraphs; the rest as one finding whose fix
        // converts them all, so a converted PDF does not flood the output
        for (const f of found.slice(0, max)) {
          const marks = [...new Set(f.hits.map((i) => f.para[i]!))]
          ctx.report({
            messageId: 'halfWidth',
            data: { count: f.hits.length, marks: marks.join(' '), full: marks.map(fullWidth).join('') },
            range: [f.first, f.first + 1],
            fix: { range: [f.first, f.last + 1], text: fixedSpan(f) },
          })
        }
        const rest = found.slice(max)
        if (rest.length === 0) return
        let fixed = ''
        let k = rest[0]!.first
        for (const f of rest) {
          fixed += text.slice(k, f.first) + fixedSpan(f)
          k = f.last + 1
        }
        ctx.report({
          messageId: 'more',
          data: { paragraphs: rest.length, count: rest.reduce((n, f) => n + f.hits.length, 0) },
          range: [rest[0]!.first, rest[0]!.first + 1],
          fix: { range: [rest[0]!.first, rest[rest.length - 1]!.last + 1], text: fixed },
        })
      },
    }
  },
})
