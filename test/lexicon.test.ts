import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  CJK_TEXT_CLASS,
  DIVISION_SUFFIXES,
  HAN_CHARACTER,
  isChineseContext,
  isHan,
  isLeadLabel,
  isResponsibleLabel,
  LEAD_LABELS,
  PARTNER_LABELS,
  placeNamesOf,
  RESPONSIBILITY_LABEL,
  RESPONSIBLE_LABELS,
  selfReferenceLevel,
  SENTENCE_ENDS,
  withoutDivisionSuffix,
  yearNumber,
} from '../src/lexicon/index.js'
import { HAN, charClass, isTerminator } from '../src/lexicon/char-class.js'
import { buildPlan } from '../src/plan/index.js'

describe('CJK lexicon: characters', () => {
  it('a Han character is CJK Unified Ideographs or Extension A, the same for the regex and the code check', () => {
    for (const [ch, han] of [['一', true], ['龥', true], ['鿿', true], ['㐀', true], ['䶵', true], ['䷀', false], ['〇', false], ['，', false], ['a', false], ['ｱ', false]] as const) {
      expect(isHan(ch.charCodeAt(0)), ch).toBe(han)
      expect(HAN_CHARACTER.test(ch), ch).toBe(han)
    }
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffff }), (code) => isHan(code) === HAN_CHARACTER.test(String.fromCharCode(code))))
  })

  it("the parser's tokenizer calls every lexicon Han character HAN", () => {
    fc.assert(fc.property(fc.integer({ min: 0x3400, max: 0x9fff }), (code) => !isHan(code) || charClass(code) === HAN))
    // and the hexagram symbols between Extension A and the main block are not Han anywhere
    for (let code = 0x4dc0; code <= 0x4dff; code++) expect([isHan(code), charClass(code) === HAN]).toEqual([false, false])
  })

  it('every sentence end ends a sentence in the parser too, and nothing else in the plain text range does', () => {
    for (const ch of SENTENCE_ENDS) expect(isTerminator(ch.charCodeAt(0)), ch).toBe(true)
    for (const ch of '…｡.') expect(isTerminator(ch.charCodeAt(0)), ch).toBe(true)
    for (const ch of '，、：:,（）“”一a 1\n') expect(isTerminator(ch.charCodeAt(0)), ch).toBe(false)
  })

  it('Chinese context: Han, CJK and full-width punctuation, curly quotes; not Latin, digits or half-width marks', () => {
    for (const ch of ['中', '，', '。', '“', '”', '—', '…', '（', '豈']) expect(isChineseContext(ch), ch).toBe(true)
    for (const ch of ['a', '1', ',', '(', ' ', undefined]) expect(isChineseContext(ch), String(ch)).toBe(false)
  })

  it('the CJK text class holds Han, CJK punctuation and full-width forms', () => {
    const cjk = new RegExp(`^[${CJK_TEXT_CLASS}]+$`)
    expect(cjk.test('中文，（１）。')).toBe(true)
    expect(cjk.test('abc')).toBe(false)
  })
})

describe('CJK lexicon: places', () => {
  it('a division suffix is removed, the longest one', () => {
    expect(withoutDivisionSuffix('乐平市')).toBe('乐平')
    expect(withoutDivisionSuffix('宁夏回族自治区')).toBe('宁夏回族')
    expect(withoutDivisionSuffix('恩施土家族苗族自治州')).toBe('恩施土家族苗族')
    expect(withoutDivisionSuffix('大理地区')).toBe('大理')
    expect(withoutDivisionSuffix('香港特别行政区')).toBe('香港')
    expect(withoutDivisionSuffix('南沙')).toBe('南沙')
    // township suffixes are not division suffixes
    expect(withoutDivisionSuffix('向塘镇')).toBe('向塘镇')
  })

  it('every division suffix is removable and longer ones come before the ones they end with', () => {
    for (const s of DIVISION_SUFFIXES) expect(withoutDivisionSuffix(`某某${s}`)).toBe('某某')
    // a suffix never comes after a longer one ending with it (自治区 before 区)
    DIVISION_SUFFIXES.forEach((s, i) => {
      for (const later of DIVISION_SUFFIXES.slice(i + 1)) expect(later.endsWith(s), `${later} after ${s}`).toBe(false)
    })
  })

  it('a place calls itself by its last character', () => {
    expect(['江西省', '景德镇市', '宁夏回族自治区', '恩施土家族苗族自治州', '长阳土家族自治县'].map(selfReferenceLevel)).toEqual(['省', '市', '区', '州', '县'])
  })

  it('place names: full and short forms of two characters or more', () => {
    expect(placeNamesOf(['江西省', '乐平市'])).toEqual(['江西省', '江西', '乐平市', '乐平'])
    expect(placeNamesOf(['沙县'])).toEqual(['沙县'])
  })
})

describe('CJK lexicon: numerals', () => {
  it('years in Arabic or digit-by-digit Chinese numerals', () => {
    expect(yearNumber('2025')).toBe(2025)
    expect(yearNumber('二〇二五')).toBe(2025)
    expect(yearNumber('二○三五')).toBe(2035)
    expect(yearNumber('二零二一')).toBe(2021)
    expect(yearNumber('二十')).toBeNaN()
    expect(yearNumber('')).toBeNaN()
  })
})

describe('CJK lexicon: responsibility labels', () => {
  it('each label has one role', () => {
    const all = [...LEAD_LABELS, ...RESPONSIBLE_LABELS, ...PARTNER_LABELS]
    expect(new Set(all).size).toBe(all.length)
    for (const l of LEAD_LABELS) expect([isLeadLabel(l), isResponsibleLabel(l)]).toEqual([true, false])
    for (const l of RESPONSIBLE_LABELS) expect([isLeadLabel(l), isResponsibleLabel(l)]).toEqual([false, true])
    for (const l of PARTNER_LABELS) expect([isLeadLabel(l), isResponsibleLabel(l)]).toEqual([false, false])
    expect(new RegExp(`^(?:${RESPONSIBILITY_LABEL})$`).test('配合单位')).toBe(true)
  })

  const plan = (body: string) =>
    buildPlan(`某某市某某区全民科学素质行动规划纲要实施方案（2021—2025年）\n\n一、总体要求\n\n到2025年，全区公民具备科学素质的比例超过15%。\n\n二、提升行动\n\n${body}\n\n三、组织实施\n\n（一）加强组织领导。各单位要高度重视。\n`)

  it('the builder reads every label the lexicon knows, on a line of its own (配合单位 after 牵头单位)', () => {
    const p = plan('（一）青少年科学素质提升行动\n1.激发青少年好奇心。组织活动。\n牵头单位：区教育局\n配合单位：区科技局、团区委\n2.加强科技辅导员队伍建设。每年培训。\n牵头单位：区科协\n协同单位：区教育局')
    expect(p.tasks.map((t) => [t.lead.map((u) => u.name), t.partners.map((u) => u.name), t.leadSource])).toEqual([
      [['区教育局'], ['区科技局', '团区委'], 'own-line'],
      [['区科协'], ['区教育局'], 'own-line'],
    ])
  })

  it('a label after the end of a sentence: 落实单位 carries a task with no lead named', () => {
    const p = plan('（一）青少年科学素质提升行动\n1.激发青少年好奇心。组织活动。落实单位：区教育局、区科协。')
    expect(p.tasks[0]!.lead.map((u) => u.name)).toEqual(['区教育局', '区科协'])
    expect(p.tasks[0]!.leadFromResponsible).toBe(true)
  })
})
