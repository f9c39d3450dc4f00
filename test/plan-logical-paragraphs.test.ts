/**
 * Logical paragraphs (issue 13 item 1): lines a conversion broke in mid-sentence are one
 * ParagraphNode in the one tree, and the sentence broken across them is one SentenceNode;
 * everything that begins something new stays a paragraph of its own.
 */
import fc from 'fast-check'
import { toString } from 'nlcst-to-string'
import { describe, expect, it } from 'vitest'
import { analyseText } from '../src/lint/processor.js'

type N = { type: string; position?: { start: { offset?: number; line?: number }; end: { offset?: number } }; children?: N[]; data?: { kind?: string } }

function* all(n: N): Generator<N> {
  yield n
  for (const c of n.children ?? []) yield* all(c)
}
const paragraphs = (text: string): N[] => [...all(analyseText(text).tree as unknown as N)].filter((n) => n.type === 'ParagraphNode')
/** Each paragraph's text, with the line breaks inside it shown as ⏎. */
const texts = (text: string): string[] => paragraphs(text).map((p) => toString(p as never).replace(/\r?\n/g, '⏎'))

const HEAD = ['云溪县全民科学素质行动实施方案', '一、总体要求']
const plan = (...lines: string[]): string => [...HEAD, ...lines].join('\n')

describe('logical paragraphs', () => {
  it('joins a body line that stops in mid-sentence with the line that goes on, across blank lines', () => {
    const text = plan('科学素质是国民素质的重要组成部分，是社会文明进步的基础。公民具备科学素质，对于增强国家自主创新能力和文化软', '', '实力具有十分重要的意义。', '加强组织领导。')
    expect(texts(text).slice(2)).toEqual(['科学素质是国民素质的重要组成部分，是社会文明进步的基础。公民具备科学素质，对于增强国家自主创新能力和文化软⏎⏎实力具有十分重要的意义。', '加强组织领导。'])
    const joined = paragraphs(text)[2]!
    const sentences = joined.children!.filter((c) => c.type === 'SentenceNode').map((s) => toString(s as never))
    // the sentence broken across the lines is one sentence, the line break inside it
    expect(sentences).toEqual(['科学素质是国民素质的重要组成部分，是社会文明进步的基础。', '公民具备科学素质，对于增强国家自主创新能力和文化软\n\n实力具有十分重要的意义。'])
    expect(joined.position!.start.line).toBe(3)
    expect(joined.position!.end.offset).toBe(text.indexOf('意义。') + 3)
  })

  it('joins a chain of broken lines (a PDF that broke every line) into one paragraph', () => {
    const text = plan('到2025年，全县公民具备科学素质的比例超过15%，科普基础设', '施更加完善，科普人才队伍不断壮大，', '科学素质建设的组织、制度、投入保障更加有力。')
    expect(texts(text).slice(2)).toEqual(['到2025年，全县公民具备科学素质的比例超过15%，科普基础设⏎施更加完善，科普人才队伍不断壮大，⏎科学素质建设的组织、制度、投入保障更加有力。'])
  })

  it('joins the text after a run-in task heading with its continuation, never a heading itself', () => {
    const text = [
      '云溪县全民科学素质行动实施方案',
      '一、提升行动',
      '（一）青少年科学素质提升行动',
      '1.弘扬科学精神。将科学精神融入课堂教学和课外实践，每年开展科学家精神进',
      '校园活动。',
      '2.开展青少年科技活动。',
      '深化馆校合作，',
    ].join('\n')
    const ps = paragraphs(text)
    expect(ps.map((p) => p.data?.kind)).toEqual(['body', 'heading', 'heading', 'heading', 'heading', 'body'])
    expect(toString(ps[3] as never)).toBe('1.弘扬科学精神。将科学精神融入课堂教学和课外实践，每年开展科学家精神进\n校园活动。')
    // 2. is a heading with nothing run in: its next line is a paragraph of its own
    expect(toString(ps[5] as never)).toBe('深化馆校合作，')
  })

  it('keeps apart what begins something new or ends a paragraph', () => {
    const cases: [string, string][] = [
      ['加强组织领导，', '1.建立工作机制。'], // an outline marker
      ['加强组织领导，', '（二）保障措施'], // a heading
      ['坚持协同推进，发挥政府作用', '——深化供给侧结构性改革。'], // a dash item
      ['坚持协同推进，发挥政府作用', '- 扩大开放合作。'], // a bullet
      ['加强组织领导，落实工作责任。', '强化经费保障。'], // the first line ends its sentence
      ['加强组织领导；', '强化经费保障。'],
      ['主要任务如下：', '强化经费保障。'],
      ['加强组织领导，落实工作责任（县科协）', '强化经费保障。'], // ends with a closing bracket
      ['科学素质建设工作领导小组', '负责统筹协调。'], // no punctuation: a title or subheading, not prose
      ['加强组织领导，', '附件：任务分工表'],
      ['加强组织领导，', '注：排在第一位的为牵头单位。'],
      ['加强组织领导，', '2025年前完成。'], // starts with a digit, not a Han character
    ]
    for (const [a, b] of cases) expect(texts(plan(a, b)).slice(2), `${a} / ${b}`).toEqual([a, b].map((l) => l))
  })

  it('does not join across a page number, more than two blank lines, or a table row', () => {
    expect(texts(plan('加强组织领导，落实', '— 5 —', '工作责任。')).slice(2)).toEqual(['加强组织领导，落实', '— 5 —', '工作责任。'])
    expect(texts(plan('加强组织领导，落实', '', '', '', '工作责任。')).slice(2)).toEqual(['加强组织领导，落实', '工作责任。'])
    expect(texts(plan('加强组织领导，落实', '', '', '工作责任。')).slice(2)).toEqual(['加强组织领导，落实⏎⏎⏎工作责任。'])
    expect(texts(plan('加强组织领导，落实', '序号\t任务\t牵头单位')).slice(2)).toEqual(['加强组织领导，落实', '序号\t任务\t牵头单位'])
  })

  it('leaves the title and the issuing notice before the first heading as they are', () => {
    const text = ['云溪县人民政府文件', '云政发〔2022〕3号', '云溪县人民政府关于印发云溪县全民科学素质行动实施方案的通知，', '现将方案印发给你们', '一、总体要求', '加强组织领导。'].join('\n')
    expect(texts(text).slice(0, 4)).toEqual(['云溪县人民政府文件', '云政发〔2022〕3号', '云溪县人民政府关于印发云溪县全民科学素质行动实施方案的通知，', '现将方案印发给你们'])
  })

  it('leaves the annex as it is: its lines are table cells and list entries', () => {
    const text = plan('加强组织领导。', '附件', '云溪县全民科学素质行动任务分工表', '组织开展科普活动，落实', '工作责任。')
    expect(texts(text).slice(-2)).toEqual(['组织开展科普活动，落实', '工作责任。'])
    // the same two lines before the annex are one paragraph
    expect(texts(plan('组织开展科普活动，落实', '工作责任。')).slice(-1)).toEqual(['组织开展科普活动，落实⏎工作责任。'])
  })

  it('the sentence broken over two lines is one sentence, also when it is each line’s only one', () => {
    const text = plan('加强组织领导，落实', '工作责任。')
    const [joined] = paragraphs(text).slice(2)
    expect(joined!.children!.filter((c) => c.type === 'SentenceNode').map((s) => toString(s as never))).toEqual(['加强组织领导，落实\n工作责任。'])
  })

  it('joins across two blank lines with CRLF line ends as with LF (line breaks are counted, not characters)', () => {
    const lines = ['加强组织领导，落实', '', '', '工作责任。']
    expect(texts(plan(...lines)).slice(2)).toEqual(['加强组织领导，落实⏎⏎⏎工作责任。'])
    expect(texts(plan(...lines).replace(/\n/g, '\r\n')).slice(2)).toEqual(['加强组织领导，落实⏎⏎⏎工作责任。'])
    expect(texts(plan('加强组织领导，落实', '  ', '工作责任。')).slice(2)).toEqual(['加强组织领导，落实⏎  ⏎工作责任。'])
  })

  it('joins a bold paragraph whose every line a converter wrapped in its own ** marks', () => {
    const text = plan('**科学素质是国民素质的重要组成部分，对于增强国家自主创新能力和文化软**', '**实力具有十分重要的意义。**', '加强组织领导。')
    expect(texts(text).slice(2)).toEqual(['**科学素质是国民素质的重要组成部分，对于增强国家自主创新能力和文化软**⏎**实力具有十分重要的意义。**', '加强组织领导。'])
  })

  it('joins the run-in text of the plan’s first heading, and broken lines inside a project (重点工程)', () => {
    const text = [
      '云溪县全民科学素质行动实施方案',
      '一、指导思想。以习近平新时代中国特色社会主义思想为指导，深入贯彻',
      '党的二十大精神。',
      '二、重点工程',
      '（一）科普基础设施工程',
      '建设科普场馆，完善基层科普',
      '设施。',
    ].join('\n')
    expect(texts(text)).toEqual([
      '云溪县全民科学素质行动实施方案',
      '一、指导思想。以习近平新时代中国特色社会主义思想为指导，深入贯彻⏎党的二十大精神。',
      '二、重点工程',
      '（一）科普基础设施工程',
      '建设科普场馆，完善基层科普⏎设施。',
    ])
    const containers = [...all(analyseText(text).tree as unknown as N)].map((n) => n.type)
    expect(containers).toContain('ProjectNode')
  })

  it('keeps the tree lossless with the joined paragraphs: positions tile the text (property)', () => {
    const line = fc.constantFrom('加强组织领导，落实', '工作责任。', '', '1.建立机制。', '主要任务，', '——坚持协同推进，', '实力具有十分重要的意义', '（二）保障措施')
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        const text = plan(...lines).replace(/\n/g, eol)
        const tree = analyseText(text).tree as unknown as N
        expect(toString(tree as never)).toBe(text)
        for (const p of paragraphs(text)) {
          let at = p.position!.start.offset!
          for (const c of p.children ?? []) {
            expect(c.position!.start.offset).toBe(at)
            at = c.position!.end.offset!
          }
          expect(at).toBe(p.position!.end.offset)
        }
      }),
      { numRuns: 200 },
    )
  })
})
