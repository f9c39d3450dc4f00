/**
 * draft-residue: text left over from editing and conversion — Word bookmark markers
 * (`[bookmark: _GoBack]`), the `_GoBack` bookmark name, page-number lines (`— 5 —`) carried
 * over from a PDF or a Word footer, and `（征求意见稿）` in a document the config says is final.
 */
import { defineRule, ruleDocsUrl } from '../src/engine/rule.js'

interface Options {
  /** Report page-number lines such as `— 5 —`. */
  pageNumbers: boolean
}

/** Bookmark markers as converters write them: `[bookmark: 名]`, pandoc's `[]{#名 .anchor}`. */
const BOOKMARK = /\[bookmark:[^\]\n]*\]|\[\]\{#[^}\n]*\}/g
const GOBACK = /_GoBack/g
const DASH = '[-—－–‒―]'
/** A line that is only a page number between dashes, markdown emphasis allowed: `— 5 **—**`. */
const PAGE_NUMBER = new RegExp(`^\\**\\s*${DASH}+\\s*\\**\\s*\\d{1,4}\\s*\\**\\s*${DASH}+\\s*\\**$`)
const DRAFT_MARK = /[（(]\s*征求意见稿\s*[）)]/g

export default defineRule<Options>({
  meta: {
    id: 'draft-residue',
    type: 'problem',
    severity: 'warn',
    docs: {
      description: {
        zh: '文中残留的 Word 书签标记、页码行，以及定稿中的「征求意见稿」字样',
        en: 'Leftovers from editing: Word bookmark markers, page-number lines, and 征求意见稿 in a final document',
      },
      url: ruleDocsUrl('draft-residue'),
      recommended: true,
    },
    fixable: 'code',
    schema: {
      type: 'object',
      properties: { pageNumbers: { type: 'boolean' } },
      additionalProperties: false,
    },
    defaultOptions: { pageNumbers: true },
    messages: {
      bookmark: '残留的 Word 书签标记「{{marker}}」，定稿前应删除',
      goBack: '残留的 Word 书签名「_GoBack」，定稿前应删除',
      pageNumber: '残留的页码行「{{line}}」（来自 PDF 或 Word 页脚），应删除',
      draftMark: '配置中文稿状态为定稿（status: final），但仍标有「{{mark}}」',
    },
  },
  create(ctx) {
    const { text } = ctx
    const final = ctx.config.status === 'final'
    return {
      ParagraphNode(node: { position: { start: { offset: number }; end: { offset: number } } }) {
        const start = node.position.start.offset
        const end = node.position.end.offset
        const para = text.slice(start, end)

        if (ctx.options.pageNumbers && PAGE_NUMBER.test(para.trim())) {
          ctx.report({
            messageId: 'pageNumber',
            data: { line: para.trim() },
            range: [start + (para.length - para.trimStart().length), end - (para.length - para.trimEnd().length)],
            fix: { range: wholeLine(text, start, end), text: '' },
          })
          return
        }

        const taken: [number, number][] = []
        if (para.includes('[')) {
          for (const m of para.matchAll(BOOKMARK)) {
            const s = start + m.index
            const range: [number, number] = [s, s + m[0].length]
            taken.push(range)
            ctx.report({ messageId: 'bookmark', data: { marker: m[0] }, range, fix: { range, text: '' } })
          }
        }
        if (para.includes('_GoBack')) {
          for (const m of para.matchAll(GOBACK)) {
            const s = start + m.index
            if (taken.some(([a, b]) => s >= a && s < b)) continue
            const range: [number, number] = [s, s + m[0].length]
            ctx.report({ messageId: 'goBack', range, fix: { range, text: '' } })
          }
        }
        if (final && para.includes('征求意见稿')) {
          for (const m of para.matchAll(DRAFT_MARK)) {
            const s = start + m.index
            ctx.report({ messageId: 'draftMark', data: { mark: m[0] }, range: [s, s + m[0].length] })
          }
        }
      },
    }
  },
})

/** The whole line [start, end) sits on, with one adjoining line end. */
function wholeLine(text: string, start: number, end: number): [number, number] {
  let s = start
  while (s > 0 && text[s - 1] !== '\n') s--
  let e = end
  while (e < text.length && text[e] !== '\n') e++
  if (e < text.length) return [s, e + 1]
  return [s > 0 ? s - 1 : s, e]
}
