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
