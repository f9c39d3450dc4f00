/**
 * draft-residue: text left over from editing and conversion — Word bookmark markers
 * (`[bookmark: _GoBack]`), the `_GoBack` bookmark name, page-number lines (`— 5 —`) carried
 * over from a PDF or a Word footer, and `（征求意见稿）` in a document the config says is final;
 * placeholders never filled in (`XXX`, `20XX年`, `（待定）`, `【待补充】`, `此处填写`); Word
 * comments and tracked changes as converters write them (`[comment: …]`, pandoc's
 * `{.comment-start}` / `{.insertion}` spans, CriticMarkup `{++…++}`, anchors such as `[ZH1]`);
 * and in a .docx linted directly, the comments and tracked changes the input adapter found
 * in the document itself (`ctx.source.residue`).
 */
import { defineRule, ruleDocsUrl } from '../src/rules-support/context.js'
import { isSuppressionComment } from '../src/engine/suppressions.js'
import type { RuleContext } from '../src/types.js'
import { CJK_PUNCTUATION_CLASS, HAN_CLASS } from '../src/lexicon/index.js'

interface Options {
  /** Report page-number lines such as `— 5 —`. */
  pageNumbers: boolean
}

/** Bookmark markers as converters write them: `[bookmark: 名]`, pandoc's `[]{#名 .anchor}`. */
const BOOKMARK = /\[bookmark:[^\]\n]*\]|\[\]\{#[^}\n]*\}/g
const GOBACK = /_GoBack/g
const DASH = '[-—－–‒―]'
/** A line that is only a page number between dashes, markdown emphasis allowed: `— 5 **—**`
 * (`\s*(?:\*+\s*)?`, not `\s*\**\s*`, which splits a long run of white space every way). */
const PAGE_NUMBER = new RegExp(`^\\**\\s*${DASH}+\\s*(?:\\*+\\s*)?\\d{1,4}\\s*(?:\\*+\\s*)?${DASH}+\\s*\\**$`)
const DRAFT_MARK = /[（(]\s*征求意见稿\s*[）)]/g

/** A CJK neighbour (Han, CJK or full-width punctuation) or a digit: a placeholder sits in Chinese text. */
const CJK_OR_DIGIT = new RegExp(`[${CJK_PUNCTUATION_CLASS}${HAN_CLASS}\\uff01-\\uff0f\\uff1a-\\uff20“”‘’0-9]`)
/**
 * Placeholders left for text to be filled in: `XXX局`, `20XX年`, `××街道`, `ＸＸ`, `○○单位`,
 * `（待定）`, `【待补充】`, `此处填写…`, `TODO`. Runs of X must stand in Chinese text (a CJK or
 * digit neighbour, no Latin letter next to them), so `XXL` or `0xFF` are not placeholders.
 */
const PLACEHOLDERS: RegExp[] = [
  /(?<![A-Za-zＡ-Ｚａ-ｚ_@/\\.-])(?:[XＸ×]{2,}|[xｘ]{2,})(?![A-Za-zＡ-Ｚａ-ｚ_@/\\-])/g,
  /(?<![〇零一二三四五六七八九十○])[○□△]{2,}(?![〇零一二三四五六七八九十○])/g,
  /[（(【\[〔]\s*(?:待定|待补充|待补|待完善|待核实|待核定|待确认|待填写|待填|待更新|待商榷|此处[^）)】\]〕\n]{0,12})\s*[）)】\]〕]/g,
  /此处(?:填写|插入|补充|添加|修改|待定|待补|请)/g,
  /(?<![A-Za-z])(?:TODO|TBD|FIXME)(?![A-Za-z])/g,
]
/**
 * Word comments and tracked changes as converters write them into text:
 * - `[comment: …]`, the form of the converter that writes `[bookmark: …]`;
 * - pandoc `--track-changes=all`: `[批注]{.comment-start id="0" author=… date=…}`,
 *   `[]{.comment-end id="0"}`, `[文字]{.insertion …}`, `[文字]{.deletion …}`, `[]{.paragraph-insertion …}`;
 * - CriticMarkup, written by pandoc filters and diff tools: `{++插入++}`, `{--删除--}`,
 *   `{~~旧~>新~~}`, `{>>批注<<}`, `{==标记==}`;
 * - comment anchors of Word's HTML export, author initials and a number: `[ZH1]`.
 */
const COMMENT = /\[comment:[^\]\n]*\]|\[[^\]]{0,300}\]\{\.comment-(?:start|end)[^}]{0,300}\}/g
const REVISION = /\[[^\]]{0,300}\]\{\.(?:insertion|deletion|paragraph-insertion)[^}]{0,300}\}|\{\+\+[^]{0,300}?\+\+\}|\{--[^]{0,300}?--\}|\{~~[^]{0,300}?~>[^]{0,300}?~~\}/g
const CRITIC_COMMENT = /\{>>[^]{0,300}?<<\}/g
const CRITIC_HIGHLIGHT = /\{==([^]{0,300}?)==\}/g
const ANCHOR = /\[[A-Z]{1,4}[0-9]{1,3}\]/g

export default defineRule<Options>({
  meta: {
    id: 'draft-residue',
    type: 'problem',
    severity: 'warn',
    docs: {
      description: {
        zh: '文中残留的编辑痕迹：Word 书签标记、页码行、未填的占位符、Word 批注和修订标记，以及定稿中的「征求意见稿」字样',
        en: 'Leftovers from editing: Word bookmarks, page-number lines, placeholders, Word comments and tracked changes, and 征求意见稿 in a final document',
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
      placeholder: '占位符「{{text}}」尚未换成实际内容，定稿前应补齐',
      comment: '残留的 Word 批注「{{text}}」，定稿前应删除',
      revision: '残留的 Word 修订标记「{{text}}」，应在 Word 中接受或拒绝修订后再转换',
      anchor: '残留的 Word 批注锚点「{{text}}」，定稿前应删除',
      wordComment: '文档中留有批注{{author}}：「{{text}}」，定稿前应处理并删除',
      wordInsertion: '文档中有未处理的修订（插入{{author}}）：「{{text}}」，定稿前应在 Word 中接受或拒绝',
      wordDeletion: '文档中有未处理的修订（删除{{author}}）：「{{text}}」，定稿前应在 Word 中接受或拒绝',
    },
  },
  create(ctx) {
    const { text } = ctx
    const final = ctx.config.status === 'final'
    return {
      plan() {
        residueMarks(ctx)
        documentResidue(ctx)
      },
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

/** Placeholders, Word comments and tracked changes anywhere in the text (pandoc may wrap a span over lines). */
function residueMarks(ctx: RuleContext<Options>): void {
  const { text } = ctx
  const short = (t: string) => (t.length > 30 ? `${t.slice(0, 29)}…` : t)
  const taken: [number, number][] = []
  const free = (s: number, e: number) => !taken.some(([a, b]) => s < b && e > a)
  const take = (s: number, e: number) => taken.push([s, e])
  if (text.includes('{') || text.includes('[comment:')) {
    for (const m of text.matchAll(COMMENT)) {
      const range: [number, number] = [m.index, m.index + m[0].length]
      take(...range)
      ctx.report({ messageId: 'comment', data: { text: short(m[0]) }, range, fix: { range, text: '' } })
    }
    for (const m of text.matchAll(CRITIC_COMMENT)) {
      const range: [number, number] = [m.index, m.index + m[0].length]
      take(...range)
      ctx.report({ messageId: 'comment', data: { text: short(m[0]) }, range, fix: { range, text: '' } })
    }
    for (const m of text.matchAll(REVISION)) {
      if (!free(m.index, m.index + m[0].length)) continue
      take(m.index, m.index + m[0].length)
      ctx.report({ messageId: 'revision', data: { text: short(m[0]) }, range: [m.index, m.index + m[0].length] })
    }
    for (const m of text.matchAll(CRITIC_HIGHLIGHT)) {
      if (!free(m.index, m.index + m[0].length)) continue
      const range: [number, number] = [m.index, m.index + m[0].length]
      take(...range)
      ctx.report({ messageId: 'revision', data: { text: short(m[0]) }, range, fix: { range, text: m[1]! } })
    }
  }
  if (text.includes('[')) {
    for (const m of text.matchAll(ANCHOR)) {
      const s = m.index
      const e = s + m[0].length
      if (!free(s, e) || !(CJK_OR_DIGIT.test(text[s - 1] ?? '') || CJK_OR_DIGIT.test(text[e] ?? ''))) continue
      ctx.report({ messageId: 'anchor', data: { text: m[0] }, range: [s, e] })
    }
  }
  for (const re of PLACEHOLDERS) {
    for (const m of text.matchAll(re)) {
      const s = m.index
      const e = s + m[0].length
      if (!free(s, e)) continue
      if (/^[XＸ×xｘ○□△]/.test(m[0]) && !CJK_OR_DIGIT.test(text[s - 1] ?? '') && !CJK_OR_DIGIT.test(text[e] ?? '')) continue
      take(s, e)
      ctx.report({ messageId: 'placeholder', data: { text: m[0] }, range: [s, e] })
    }
  }
}

/** The whole line [start, end) sits on, with one adjoining line end. */
function wholeLine(text: string, start: number, end: number): [number, number] {
  let s = start
  while (s > 0 && text[s - 1] !== '\n') s--
  let e = end
  while (e < text.length && text[e] !== '\n') e++
  if (e < text.length) return [s, e + 1]
  return [s > 0 ? s - 1 : s, e]
}

const RESIDUE_MESSAGE = { comment: 'wordComment', insertion: 'wordInsertion', deletion: 'wordDeletion' } as const

/** Comments and tracked changes the .docx adapter read from the document (not from its text). */
function documentResidue(ctx: RuleContext<Options>): void {
  const { text } = ctx
  const final = ctx.config.status === 'final'
  for (const r of ctx.source?.residue ?? []) {
    // A comment answering a finding (`planlint-disable 规则 理由`) is the drafter's reply, not
    // residue, while the text is a draft; a final document must have none left.
    if (r.kind === 'comment' && !final && isSuppressionComment(r.text)) continue
    const at = Math.min(Math.max(r.offset, 0), text.length)
    // Inserted text is part of the linted text: mark it. A comment or a deletion is a point.
    const end = r.kind === 'insertion' && text.startsWith(r.text, at) ? at + r.text.length : at
    ctx.report({
      messageId: RESIDUE_MESSAGE[r.kind],
      data: { text: r.text.length > 30 ? r.text.slice(0, 30) + '…' : r.text, author: r.author ? `（${r.author}）` : '' },
      range: [at, end],
    })
  }
}
