/**
 * duplicate-text: text written twice by accident — a paragraph or sentence repeated back to
 * back, a clause or list item repeated right after itself (`拓展科普，拓展科普`), a run-in
 * heading whose title is repeated as the first sentence of its body
 * (`26.拓展科普传播跨界融合。拓展科普传播跨界融合。`), and a unit named twice in one list
 * of units (`区教育局、区教育局`). The fix removes the repeat. A longer clause written again
 * further on in the same paragraph is reported too, with a suggestion rather than a fix (what
 * lies between may have been meant to go with it).
 */
import { defineRule, ruleDocsUrl, span } from '../src/rules-support/context.js'
import type { HeadingNode, Position, ResponsibilityNode, UnitMention } from '../src/types.js'
import { HAN_CHARACTER as HAN, HAN_CLASS, SENTENCE_ENDS as TERMINAL } from '../src/lexicon/index.js'
import { trimmedEnd, trimmedStart } from '../src/text/trim.js'

/** 1 for a clause separator, 2 for a sentence terminal, by code unit. */
const BREAK = new Uint8Array(65536)
for (const ch of '，,；;、\t') BREAK[ch.charCodeAt(0)] = 1
for (const ch of TERMINAL) BREAK[ch.charCodeAt(0)] = 2
/** A clause or list item made only of Han characters, digits, Latin letters, quotes and titles
 * (one test of the whole string: no one-character string per character). */
const WORDS_ONLY = new RegExp(`^[${HAN_CLASS}0-9A-Za-z“”《》]+$`)
/** The same, full-width round brackets allowed too: the test for a clause repeated right after itself. */
const WORDS_OR_BRACKETS = new RegExp(`^[${HAN_CLASS}0-9A-Za-z“”《》（）]+$`)

export default defineRule({
  meta: {
    id: 'duplicate-text',
    type: 'problem',
    severity: 'warn',
    docs: {
      description: {
        zh: '重复的文字：前后相同的段落、句子、分句，标题在正文开头又写一遍，同一单位在一个名单里列了两次',
        en: 'Text written twice: repeated paragraphs, sentences, clauses, a run-in title repeated in its body, a unit listed twice',
      },
      url: ruleDocsUrl('duplicate-text'),
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: { type: 'object', additionalProperties: false },
    messages: {
      paragraph: '这一段与上一段完全相同：「{{text}}」，应删除重复的一段',
      sentence: '句子「{{text}}」紧接着重复了一遍，应删除重复的一句',
      clause: '「{{text}}」紧接着又重复了{{times}}，应删除重复的部分',
      title: '标题「{{text}}」在正文开头又写了一遍，应删除正文开头重复的标题',
      unit: '「{{text}}」在同一名单中已列出，应删除重复的单位',
      clauseInParagraph: '「{{text}}」在本段前文已写过一遍，应删除重复的部分',
    },
  },
  create(ctx) {
    const { text } = ctx
    const reported = new Set<number>()
    const report = (
      messageId: string,
      shown: string,
      range: [number, number],
      fix: [number, number],
      extra: Record<string, string> = {},
      first?: [number, number],
    ) => {
      if (reported.has(range[0])) return
      reported.add(range[0])
      ctx.report({
        messageId,
        data: { text: shown.length > 40 ? `${shown.slice(0, 39)}…` : shown, ...extra },
        range,
        fix: { range: fix, text: '' },
        ...(first ? { related: [{ range: first, message: '第一次出现在这里' }] } : {}),
      })
    }
    let prevPara: { text: string; start: number; end: number } | undefined
    return {
      heading(h: HeadingNode) {
        if (!h.runIn) return
        const titleStart = h.titlePosition.start.offset
        const titleEnd = h.titlePosition.end.offset
        const title = text.slice(titleStart, titleEnd)
        if (title.length < 4 || !HAN.test(title)) return
        let p = titleEnd
        if (text.startsWith('**', p)) p += 2
        if (TERMINAL.includes(text[p] ?? '')) p++
        if (text.startsWith('**', p)) p += 2
        while (text[p] === ' ' || text[p] === '\u3000') p++
        if (!text.startsWith(title, p)) return
        let end = p + title.length
        if (TERMINAL.includes(text[end] ?? '')) end++
        else if (!/[，,]/.test(text[end] ?? '')) return
        report('title', title, [p, p + title.length], [p, end], {}, [titleStart, titleEnd])
      },
      ParagraphNode(node) {
        const start = node.position.start.offset
        const end = node.position.end.offset
        const para = text.slice(start, end)
        const trimmed = para.trim()
        if (prevPara && trimmed === prevPara.text && trimmed.length >= 4 && HAN.test(trimmed)) {
          // remove the line end before the repeat and the repeat itself
          report('paragraph', trimmed, [start, end], [prevPara.end, end], {}, [prevPara.start, prevPara.end])
        }
        if (trimmed !== '' && !/^[\s*\-—–]+$/.test(trimmed)) prevPara = { text: trimmed, start, end }
        const sentences = node.children.filter((c) => c.type === 'SentenceNode').map(span)
        /** Sentences reported as repeats: their clauses are not reported again. */
        const repeats: [number, number][] = []
        // each sentence's text is made once (it is `tb` here, then `ta` for the next one)
        let ta = ''
        for (let i = 0; i < sentences.length; i++) {
          const b = sentences[i]!
          const tb = text.slice(b[0], b[1]).trim()
          if (i > 0) {
            const a = sentences[i - 1]!
            // a sentence a conversion broke over two lines is one sentence of the logical paragraph:
            // the repeat may be of the part after the line break (`…学前教⏎育资源有效供给…。育资源有效供给…。`)
            const repeated = ta === tb || (ta.includes('\n') && ta.slice(ta.lastIndexOf('\n') + 1).trim() === tb)
            if (repeated && tb.length >= 4 && HAN.test(tb)) {
              report('sentence', tb, [b[0], b[1]], [a[1], b[1]], {}, [a[0], a[1]])
              repeats.push(b)
            }
          }
          ta = tb
        }
        for (const s of sentences) clauses(s[0], s[1])
        repeatedInParagraph(start, end, repeats)
      },
      responsibility(r: ResponsibilityNode) {
        for (const list of [r.lead, r.partners]) units(list)
      },
    }

    /** Repeated adjacent clauses or list items inside one sentence; a run of repeats is one finding.
     * One pass: the current run of equal clauses is kept in a few numbers, not in an array of
     * clause objects (this runs on every sentence of the plan). */
    function clauses(start: number, end: number) {
      const s = text.slice(start, end)
      let segStart = 0
      // the run: its text, where its first and second clauses are, where its last one ends, its length
      let runText = ''
      let firstFrom = 0
      let firstTo = 0
      let secondFrom = 0
      let secondTo = 0
      let lastTo = 0
      let count = 0
      const closeRun = () => {
        if (count > 1 && runText.length >= 2 && HAN.test(runText) && WORDS_OR_BRACKETS.test(runText)) {
          report(
            'clause',
            runText,
            [start + secondFrom, start + secondTo],
            [start + firstTo, start + lastTo],
            { times: count - 1 === 1 ? '一遍' : ` ${count - 1} 遍` },
            [start + firstFrom, start + firstTo],
          )
        }
        count = 0
      }
      for (let i = 0; i <= s.length; i++) {
        // a table of code units: no one-character string per Han character
        const kind = i === s.length ? 2 : BREAK[s.charCodeAt(i)]!
        if (kind === 0) continue
        // the clause without surrounding white space (an all-white one is empty, never reported)
        const from = trimmedStart(s, segStart, i)
        const to = trimmedEnd(s, from, i)
        const seg = s.slice(from, to)
        segStart = i + 1
        if (count > 0 && seg === runText) {
          if (count === 1) {
            secondFrom = from
            secondTo = to
          }
          lastTo = to
          count++
        } else {
          closeRun()
          runText = seg
          firstFrom = from
          firstTo = to
          lastTo = to
          count = 1
        }
        // a sentence-final mark ends the run
        if (kind === 2) closeRun()
      }
    }

    /** A clause of 8 or more characters written again later in the same paragraph (not right
     * after itself: that is `clause`). */
    function repeatedInParagraph(start: number, end: number, repeats: readonly [number, number][]) {
      const seen = new Map<string, number>()
      let r = 0 // repeats are in order, as the clauses are: one pointer keeps this linear
      let segStart = start
      let prevText = ''
      for (let i = start; i <= end; i++) {
        const kind = i === end ? 2 : BREAK[text.charCodeAt(i)]!
        if (kind === 0) continue
        const from = trimmedStart(text, segStart, i)
        const to = trimmedEnd(text, from, i)
        const sep = i
        segStart = i + 1
        if (to - from < 8) {
          // too short to report: no string made (and a longer clause after it is not adjacent to a repeat)
          prevText = ''
          continue
        }
        const seg = text.slice(from, to)
        const adjacent = seg === prevText
        prevText = seg
        if (!WORDS_ONLY.test(seg)) continue
        if (!seen.has(seg)) {
          seen.set(seg, from)
          continue
        }
        while (r < repeats.length && repeats[r]![1] <= from) r++
        if (adjacent || reported.has(from) || (r < repeats.length && from >= repeats[r]![0])) continue
        reported.add(from)
        // the suggestion removes the repeat with the separator after it (or before it, at the end)
        const after = sep < end && BREAK[text.charCodeAt(sep)] === 1
        const cut: [number, number] = after ? [from, sep + 1] : [Math.max(start, from - 1), from + seg.length]
        ctx.report({
          messageId: 'clauseInParagraph',
          data: { text: seg.length > 40 ? `${seg.slice(0, 39)}…` : seg },
          range: [from, from + seg.length],
          suggest: [{ desc: '删除重复的这一处', fix: { range: cut, text: '' } }],
        })
      }
    }

    /** A unit named twice in one list: the second mention is reported. */
    function units(list: UnitMention[]) {
      const seen = new Map<string, UnitMention>()
      for (const [k, u] of list.entries()) {
        // a repeat right after itself is a repeated list item, reported once with its run
        if (u.vague || (k > 0 && list[k - 1]!.name === u.name && /^[、，,\s]*$/.test(text.slice(list[k - 1]!.position.end.offset, u.position.start.offset)))) {
          if (!seen.has(u.name)) seen.set(u.name, u)
          continue
        }
        const firstMention = seen.get(u.name)
        if (!firstMention) {
          seen.set(u.name, u)
          continue
        }
        const s = u.position.start.offset
        const e = u.position.end.offset
        // remove the separator before the repeat with it
        let from = s
        while (from > 0 && /[、，,\s]/.test(text[from - 1]!) && s - from < 3) from--
        report('unit', u.text, [s, e], [from, e], {}, [firstMention.position.start.offset, firstMention.position.end.offset])
      }
    }
  },
})
