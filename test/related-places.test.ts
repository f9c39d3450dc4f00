/** Grouped findings carry their other places (`related`), which the editor shows beside them. */
import { describe, expect, it } from 'vitest'
import { getRules, lintText } from '../src/index.js'

const only = (id: string) => Object.fromEntries([...getRules().keys()].map((k) => [k, k === id ? 'warn' : 'off'] as const))
const lint = (text: string, id: string) => lintText(text, { config: { rules: only(id) }, preset: 'national' }).messages

describe('related places', () => {
  it('duplicate-text points at the first copy of a repeated paragraph, sentence and unit', () => {
    const para = '加强科普基础设施建设，推动科普场馆免费开放。'
    const text = `（一）实施青少年科学素质提升行动\n${para}\n${para}\n1.开展科技活动。组织竞赛。组织竞赛。（牵头单位：县科协、县教育局、县科协）\n`
    const byId = new Map(lint(text, 'duplicate-text').map((m) => [m.messageId, m]))
    const first = text.indexOf(para)
    expect(byId.get('paragraph')!.related).toEqual([{ range: [first, first + para.length], message: '第一次出现在这里' }])
    const s = text.indexOf('组织竞赛。')
    expect(byId.get('sentence')!.related).toEqual([{ range: [s, s + '组织竞赛。'.length], message: '第一次出现在这里' }])
    const u = text.indexOf('县科协')
    expect(byId.get('unit')!.related).toEqual([{ range: [u, u + 3], message: '第一次出现在这里' }])
  })

  it('unit-name-consistency points at every place the preferred name is written', () => {
    const text = [
      '二、提升行动',
      '（一）实施青少年科学素质提升行动',
      '1.开展科技活动。（牵头单位：区教体局）',
      '2.建设科普基地。（牵头单位：区教体局）',
      '3.组织科学调查体验活动。（牵头单位：区教体局）',
      '4.加强科学教育。（牵头单位：区教育局）',
      '',
    ].join('\n')
    const [m] = lint(text, 'unit-name-consistency')
    expect(m!.actual).toBe('区教育局')
    const places = [...text.matchAll(/区教体局/g)].map((x) => [x.index!, x.index! + 4])
    expect(m!.related!.map((r) => r.range)).toEqual(places)
    expect(m!.related![0]!.message).toBe('「区教体局」（全文共 3 处）')
  })
})
