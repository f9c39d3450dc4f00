/**
 * paired-punctuation: brackets, title marks and quotation marks that do not pair
 * (GB/T 15834-2011 4.9–4.10, 4.1): an opener never closed, a closer never opened, and an
 * opener closed by the wrong mark (`〔牵头单位：…）`). Pairs are matched per paragraph; a
 * pair may span a line break where the paragraph continues (a line that ends without
 * sentence-final punctuation, as PDF conversion leaves them). `（` and `(` belong to one
 * family: a pair written `（…)` is reported here only when punctuation-width would not
 * catch the half-width mark (it is not in Chinese context).
 */
import { defineRule, ruleDocsUrl, type PlanNodes } from '../src/rules-support/context.js'
import { isChineseContext, SENTENCE_ENDS } from '../src/lexicon/index.js'
import { trimEndWith } from '../src/text/trim.js'

type Paragraph = PlanNodes['ParagraphNode']

type Family = 'paren' | 'tortoise' | 'title' | 'angle' | 'dquote' | 'squote' | 'lenticular'

const OPEN: Record<string, Family> = { '（': 'paren', '(': 'paren', '〔': 'tortoise', '《': 'title', '〈': 'angle', '“': 'dquote', '‘': 'squote', '【': 'lenticular' }
const CLOSE: Record<string, Family> = { '）': 'paren', ')': 'paren', '〕': 'tortoise', '》': 'title', '〉': 'angle', '”': 'dquote', '’': 'squote', '】': 'lenticular' }
const CLOSER_OF: Record<string, string> = { '（': '）', '(': ')', '〔': '〕', '《': '》', '〈': '〉', '“': '”', '‘': '’', '【': '】' }
const FULL_PAREN: Record<string, string> = { '(': '（', ')': '）' }
/** Code units of every opener and closer, for a cheap first test. */
const IS_MARK = new Uint8Array(65536)
for (const ch of [...Object.keys(OPEN), ...Object.keys(CLOSE)]) IS_MARK[ch.charCodeAt(0)] = 1
/** Sentence-final marks: a line ending with one does not continue on the next line. */
const FINAL = new RegExp(`[${SENTENCE_ENDS}：]$`)
/** A closer used as an enumerator, as in `1）`, `a)`, `一)` at the start of an item. */
const ENUMERATOR = /(?:^|[\s。；：，、*#-])[0-9０-９A-Za-z一二三四五六七八九十①-⑳]{1,3}$/
/** Page furniture (`— 5 —`) between two halves of a broken paragraph: the plan plugin's kind. */
const isFurniture = (p: Paragraph): boolean => p.data?.kind === 'furniture'

interface Open {
  ch: string
  family: Family
  offset: number
  line: number
}

export default defineRule({
  meta: {
    id: 'paired-punctuation',
    type: 'problem',
    severity: 'error',
    docs: {
      description: {
        zh: '括号、书名号、引号应成对使用，且前后配套（GB/T 15834-2011）',
        en: 'Brackets, title marks and quotation marks must come in matching pairs (GB/T 15834-2011)',
      },
      url: ruleDocsUrl('paired-punctuation'),
      recommended: true,
    },
    fixable: 'code',
    schema: { type: 'object', additionalProperties: false },
    messages: {
      unclosed: '「{{open}}」没有对应的「{{close}}」',
      unopened: '「{{close}}」前面没有对应的「{{open}}」',
      mismatch: '「{{open}}」应以「{{expected}}」配对，此处写成了「{{close}}」',
      more: '此后还有 {{count}} 处括号、书名号或引号不配对，请通篇检查（常见于转换出错的文稿）',
      mixedWidth: '括号全角半角不配套：「{{open}}」与「{{close}}」，中文里应都用全角「（）」',
    },
  },
  create(ctx) {
    const { text } = ctx
    const paragraphs: Paragraph[] = []
    // a broken conversion can leave hundreds of stray brackets: report the first ones and
    // count the rest in one finding, never flood the output
    const MAX = 20
    let reported = 0
    let rest = 0
    let restAt: [number, number] | undefined
    const report = (d: Parameters<typeof ctx.report>[0]) => {
      if (reported < MAX) {
        reported++
        ctx.report(d)
      } else {
        rest++
        restAt ??= d.range
      }
    }
    return {
      ParagraphNode(node) {
        paragraphs.push(node)
      },
      'plan:exit'() {
        let stack: Open[] = []
        const unclosed = (o: Open) =>
          report({ messageId: 'unclosed', data: { open: o.ch, close: CLOSER_OF[o.ch]! }, range: [o.offset, o.offset + 1] })
        /** One opener or closer at `i` of paragraph `k` (text `para`, starting at `start`). Its own
         * function: the fixes below close over `at` and `expected`, and a closure in the loop body
         * would make V8 allocate a scope for every character of the plan, not only for the marks. */
        const onMark = (para: string, i: number, start: number, k: number) => {
          const ch = para[i]!
          const at = start + i
          if (ch in OPEN) {
            stack.push({ ch, family: OPEN[ch]!, offset: at, line: k })
            return
          }
          const family = CLOSE[ch]
          if (!family) return
          const top = stack[stack.length - 1]
          if (top && top.family === family) {
            stack.pop()
            if (family === 'paren' && (top.ch === '(') !== (ch === ')')) {
              const halfAt = top.ch === '(' ? top.offset : at
              if (!isChineseContext(neighbour(text, halfAt, -1)) && !isChineseContext(neighbour(text, halfAt, 1))) {
                report({
                  messageId: 'mixedWidth',
                  data: { open: top.ch, close: ch },
                  range: [top.offset, at + 1],
                  fix: (fixer) => fixer.replaceTextRange([halfAt, halfAt + 1], FULL_PAREN[text[halfAt]!]!),
                })
              }
            }
            return
          }
          let deeper = stack.length - 1
          while (deeper >= 0 && stack[deeper]!.family !== family) deeper--
          if (deeper !== -1) {
            // the openers above the match were never closed
            for (const o of stack.slice(deeper + 1)) unclosed(o)
            stack = stack.slice(0, deeper)
            return
          }
          if (top) {
            // closed by the wrong mark; certain when the opener is on this line and nothing else is open
            const expected = top.ch === '(' ? ')' : CLOSER_OF[top.ch]!
            const local = top.line === k && stack.length === 1
            report({
              messageId: 'mismatch',
              data: { open: top.ch, expected, close: ch },
              range: [at, at + 1],
              fix: local ? (fixer) => fixer.replaceTextRange([at, at + 1], expected) : undefined,
            })
            stack.pop()
            return
          }
          if ((ch === ')' || ch === '）') && ENUMERATOR.test(para.slice(0, i))) return
          report({ messageId: 'unopened', data: { open: openerOf(ch), close: ch }, range: [at, at + 1] })
        }
        paragraphs.forEach((p, k) => {
          if (isFurniture(p)) return
          const start = p.position.start.offset
          // every character is looked at: the paragraph's text as one slice (its nodes' text joined is the same)
          const para = ctx.getText(p)
          // a quotation running over several paragraphs reopens with “ at each paragraph (GB/T 15834 4.1.3.4)
          const lead = para.trimStart()[0]
          if (stack.length > 0 && (lead === '“' || lead === '‘') && stack[stack.length - 1]!.ch === lead) stack.pop()
          for (let i = 0; i < para.length; i++) {
            // most characters are not brackets: test the code unit before making a string
            if (IS_MARK[para.charCodeAt(i)]) onMark(para, i, start, k)
          }
          // the paragraph continues on the next line when it ends mid-sentence
          let n = k + 1
          while (n < paragraphs.length && isFurniture(paragraphs[n]!)) n++
          const next = paragraphs[n]
          const nextText = next ? ctx.getText(next) : ''
          const reopens = stack.length > 0 && stack.every((o) => o.family === 'dquote' || o.family === 'squote') && nextText.trimStart()[0] === stack[stack.length - 1]!.ch
          const continues = reopens || (next !== undefined && !FINAL.test(trimEndWith(para, '*')) && !isHeadingLike(nextText))
          if (stack.length > 0 && !continues) {
            for (const o of stack) unclosed(o)
            stack = []
          }
        })
        for (const o of stack) unclosed(o)
        if (rest > 0) ctx.report({ messageId: 'more', data: { count: rest }, range: restAt! })
      },
    }
  },
})

function openerOf(close: string): string {
  for (const [o, c] of Object.entries(CLOSER_OF)) if (c === close) return o
  return ''
}

function neighbour(text: string, i: number, dir: 1 | -1): string | undefined {
  let k = i + dir
  while (k >= 0 && k < text.length && /[ \t*]/.test(text[k]!)) k += dir
  return text[k]
}

/** A line that starts a new item: an outline marker, a markdown heading or a list bullet with a marker. */
function isHeadingLike(line: string): boolean {
  return /^[\s#*>-]*(?:[一二三四五六七八九十]+[、，,]|[（(][一二三四五六七八九十0-9０-９]+[）)]|[0-9０-９]+[.．、])/.test(line)
}
