/**
 * The plan builder reads its lines from the parser's tree (linesOf): every physical line of
 * the text, blank and white-space-only ones too, with the offsets and kinds the text split at
 * `\n` gives.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseText } from '../src/parse/index.js'
import { classifyLine, linesOf, type Line } from '../src/plan/lines.js'
import { buildPlan } from '../src/plan/index.js'

/** The oracle: the text split at `\n`, a `\r` before it dropped, each line classified. */
function split(text: string): Line[] {
  let start = 0
  return text.split('\n').map((raw, index) => {
    const s = start
    start += raw.length + 1
    const r = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    return classifyLine(r, s, s + r.length, index)
  })
}

describe('linesOf', () => {
  it('gives every line of the text with its offsets and kind, blank lines and a last empty line too', () => {
    const text = '云溪县实施方案\r\n\r\n  \n一、总体要求\n— 5 —\n序号\t任务\t牵头单位\n\n正文。\n'
    const lines = linesOf(parseText(text), text)
    expect(lines.map((l) => [l.start, l.end, l.kind])).toEqual([
      [0, 7, 'text'],
      [9, 9, 'blank'],
      [11, 13, 'blank'],
      [14, 20, 'text'],
      [21, 26, 'furniture'],
      [27, 37, 'table'],
      [38, 38, 'blank'],
      [39, 42, 'text'],
      [43, 43, 'blank'],
    ])
    expect(lines).toEqual(split(text))
  })

  it('is the text split at line ends for any text (property)', () => {
    const piece = fc.constantFrom('一、总体要求', '正文。', '  ', '\t', '\r', '\n', '\r\n', '— 3 —', '序号\t任务\t牵头单位', '**', '# 标题', '\u3000', 'a', '。')
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 40 }), (parts) => {
        const text = parts.join('')
        expect(linesOf(parseText(text), text)).toEqual(split(text))
      }),
      { numRuns: 500 },
    )
  })

  it('buildPlan reads the same plan from the parser tree it is given or from the text alone', () => {
    const text = '云溪县全民科学素质行动实施方案\n一、提升行动\n（一）青少年科学素质提升行动\n1.弘扬科学精神。正文。（牵头单位：县科协）\n'
    const tree = parseText(text)
    expect(buildPlan(text, tree).tasks.map((t) => [t.title, t.lead.map((u) => u.name)])).toEqual([['弘扬科学精神', ['县科协']]])
    expect(buildPlan(text, tree)).toEqual(buildPlan(text))
  })
})

/** Each heading's title and each statement as the text at its position (what a finding points at). */
function spans(text: string): string[] {
  const plan = buildPlan(text)
  const at = (p: { start: { offset?: number }; end: { offset?: number } }): string => text.slice(p.start.offset, p.end.offset)
  return [
    ...(plan.title ? [`title「${at(plan.title.position)}」`] : []),
    ...plan.headings.map((h) => `heading「${at(h.titlePosition)}」`),
    ...plan.responsibilities.map((r) => `statement「${at(r.position)}」`),
  ]
}

describe('lines of converted documents', () => {
  it('a line’s content ends before trailing spaces, tabs, ideographic spaces, a stray CR and markdown bold marks', () => {
    // `2.建设科普基地` ends in CR CR LF: a CRLF file written once more in text mode
    const text = ['# 云溪县全民科学素质行动实施方案  ', '一、提升行动\t', '（一）青少年科学素质提升行动\u3000', '1.开展科技活动** ', '组织竞赛。', '**牵头单位：县科协**  \t', '2.建设科普基地\r\r', '建设。', '牵头单位：县教育局 \u3000', '3.开展竞赛。'].join('\n')
    expect(spans(text)).toEqual([
      'title「云溪县全民科学素质行动实施方案」',
      'heading「提升行动」',
      'heading「青少年科学素质提升行动」',
      'heading「开展科技活动」',
      'heading「建设科普基地」',
      'heading「开展竞赛」',
      'statement「牵头单位：县科协」',
      'statement「牵头单位：县教育局」',
    ])
  })

  it('a single trailing * is text (a note mark), only a pair of them is bold', () => {
    const text = ['一、提升行动', '（一）青少年科学素质提升行动', '1.建设科技馆*', '建设场馆。', '2.建设科普基地**', '建设基地。'].join('\n')
    expect(spans(text).filter((s) => s.startsWith('heading'))).toEqual(['heading「提升行动」', 'heading「青少年科学素质提升行动」', 'heading「建设科技馆*」', 'heading「建设科普基地」'])
  })

  it('a line with one tab is text; tabs make a table row only from three cells on', () => {
    const text = ['一、提升行动', '（一）青少年科学素质提升行动', '1.\t开展科技活动。', '2.建设科普基地。', '附件', '序号\t工作任务\t牵头单位', '1\t开展科技活动\t县科协'].join('\n')
    const plan = buildPlan(text)
    expect(plan.tasks.map((t) => t.title)).toEqual(['开展科技活动', '建设科普基地'])
    expect(plan.tableRows.map((r) => r.cells)).toEqual([['1', '开展科技活动', '县科协']])
  })

  it('a line of tabs or of markdown marks alone is blank: a title or a heading broken across it is read whole', () => {
    for (const gap of ['\t\t', '\t\t\t', '**', '- ', '  **  ']) {
      const text = ['云溪县全民科学素质行动实施方案', gap, '（2021—2025年）', '一、提升行动', '（一）青少年科学素质提升行动', '1.开展青少年科技', gap, '活动', '2.建设科普基地。'].join('\n')
      const plan = buildPlan(text)
      expect(plan.title?.text, JSON.stringify(gap)).toBe('云溪县全民科学素质行动实施方案（2021—2025年）')
      expect(plan.period, JSON.stringify(gap)).toEqual({ start: 2021, end: 2025 })
      expect(plan.tasks.map((t) => t.title), JSON.stringify(gap)).toEqual(['开展青少年科技活动', '建设科普基地'])
    }
  })

  it('a markdown heading line never continues the plain title line above it, however it is indented', () => {
    for (const heading of ['# 云溪县全民科学素质行动实施方案', '## 云溪县全民科学素质行动实施方案', '  ### 云溪县全民科学素质行动实施方案']) {
      const text = ['云溪县科学技术协会', heading, '一、总体要求', '加强组织领导。'].join('\n')
      expect(buildPlan(text).title?.text, heading).toBe('云溪县全民科学素质行动实施方案')
    }
  })
})
