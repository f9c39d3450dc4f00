/**
 * citation-marks: conventions of citing a document that need no preset. A document's title
 * cited with its 文号 is written inside 《》 (`国务院关于…的通知（国发〔2021〕9号）` →
 * `《国务院关于…的通知》（国发〔2021〕9号）`); a title nested inside 《》 takes 〈〉, not <>,
 * ‹› or “” (`《关于印发<…>的通知》` → `《关于印发〈…〉的通知》`); a plan's period is part of
 * its title (`《…纲要（2021—2035年）》`, not `《…纲要》（2021—2035年）`); `以下简称《X》` names
 * the document just cited; a local plan cited in a list whose other documents carry their
 * 文号 carries its own.
 */
import type { PresetDocument } from '../src/presets/types.js'
import type { CitationNode } from '../src/plan/types.js'
import { defineRule, ruleDocsUrl, type RuleContext } from '../src/rules-support/context.js'
import { HAN_CLASS } from '../src/lexicon/index.js'

/** An issuer's 关于…的通知/意见/决定 right before a bracketed 文号, with no 《 before it. */
const UNMARKED = new RegExp(
  String.raw`(?<![《〈<“"‹])((?:国务院|中共中央|[${HAN_CLASS}]{1,16}?(?:人民政府|办公厅|办公室|委员会|领导小组|部|局|厅))(?:办公厅|办公室)?关于[^《》〈〉<>，。；;\n]{2,80}?的(?:通知|意见|决定|批复|办法))(?=[（(][^（）()\n]{0,30}?[〔[]\d{4}[〕\]]\d+号[）)])`,
  'g',
)
/** Words that introduce a citation rather than belong to the issuer's name. */
const LEAD_IN = /^(?:为(?:深入)?|(?:认真|深入|全面)?(?:贯彻落实|贯彻|落实|根据|按照|依据|遵照|参照|对照|结合))+/

/** 《…<…>…》 and the like: a nested title in the wrong marks. */
const NESTED = /《([^《》\n]{0,120}?)(<|‹|“|")([^<>‹›“”"《》\n]{2,120}?)(>|›|”|")([^《》\n]{0,120}?)》/g
const CLOSE_OF: Record<string, string> = { '<': '>', '‹': '›', '“': '”', '"': '"' }

/** A plan title (…纲要/规划/方案/计划) closed by 》 or 〉, then its period in brackets. */
const PERIOD_OUTSIDE =
  /(?<=(?:纲要|规划|方案|计划))([》〉])([ \t]*)([（(][ \t]*(?:19|20)\d{2}年?(?:[ \t]*[-－–‐‑−﹣~～—至][ \t]*(?:19|20)\d{2}年?){1,2}[ \t]*[）)])/g
/** `（以下简称《纲要》）`, also after the 文号 in the same or a bracket of its own. */
const ABBREVIATION =
  /》[ \t]*(?:[（(][^（）()\n]{0,30}[）)][ \t]*)?[（(](?:[^（）()\n]{0,30}?[，,；;][ \t]*)?(?:以下简称|以下称|下称)[ \t]*([《“"]?)([^《》“”"（）()\n，,。；;]{1,30})[》”"]?[ \t]*[）)]/g
/** A level word an abbreviation may add before the title's words (`《国家纲要》`, `《省方案》`). */
const LEVEL_PREFIX = /^(?:国家|全国|中央|省|市|县|区|州|本)/
/** Type words of a document, longest first. */
const TYPE_WORD = /(实施方案|实施意见|实施办法|实施细则|行动计划|规划纲要|纲要|规划|方案|计划|意见|通知|办法|决定|条例|规定|细则)$/
/** An abbreviation made of numbers (`“双减”`, `《“十四五”规划》`): not a subsequence of the title's words. */
const NUMERIC = /[〇零一二两三四五六七八九十百双0-9０-９]/
/** A local government's plan: a place name, then the plan (`江西省…实施方案（2021—2025年）`). */
const LOCAL_PLAN = new RegExp(String.raw`^[${HAN_CLASS}]{1,12}?(?:省|自治区|市|自治州|州|盟|地区|县|自治县|区|旗)[^《》]*(?:方案|规划|纲要|计划|意见|办法)(?:[（(][^（）()]*[）)])?$`)
/** Titles of documents issued with a 文号 (laws and regulations are cited without one). */
const NUMBERED_DOCUMENT = /(?:方案|规划|纲要|计划|意见|办法|通知|决定)(?:[（(][^（）()]*[）)])?$/

export default defineRule({
  meta: {
    id: 'citation-marks',
    type: 'layout',
    severity: 'warn',
    docs: {
      description: {
        zh: '引用文件的名称要加书名号《》，书名号内再引文件名用〈〉',
        en: 'A cited document title goes inside 《》; a title nested inside 《》 takes 〈〉',
      },
      url: ruleDocsUrl('citation-marks'),
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    messages: {
      unmarked: '引用的文件名称「{{title}}」应加书名号：《{{title}}》',
      nested: '书名号内再引用文件名应使用〈〉：「{{open}}{{inner}}{{close}}」应为「〈{{inner}}〉」',
      periodOutside: '规划期是文件名称的一部分，应写在书名号内：「{{written}}」应为「{{expected}}」',
      abbreviationMismatch: '「以下简称{{short}}」与刚引用的《{{title}}》对不上：简称应取自所引文件的名称，请核对是否指的是另一份文件',
      abbreviationTwice: '「以下简称{{short}}」前文已用来指《{{first}}》，不能再指《{{title}}》：同一简称只能指一份文件',
      abbreviationUpper: '「以下简称{{short}}」指的是上级的{{kind}}，而刚引用的是《{{title}}》：请核对简称',
      missingDocNumber: '同一处引用的文件大多注明了文号，《{{title}}》没有：请补上文号{{hint}}',
    },
  },
  create(ctx) {
    return {
      ParagraphNode(paragraph) {
        // an unmarked title lies within one line, so within one paragraph; the pattern is costly
        // (a lazy run of Han before each issuer word), so only a paragraph with 关于 is searched
        const said = ctx.getText(paragraph)
        if (!said.includes('关于')) return
        const at = paragraph.position.start.offset ?? 0
        for (const m of said.matchAll(UNMARKED)) {
          const lead = LEAD_IN.exec(m[1]!)?.[0] ?? ''
          const title = m[1]!.slice(lead.length)
          if (title.length < 8) continue
          const start = at + m.index + lead.length
          const end = start + title.length
          ctx.report({ messageId: 'unmarked', data: { title }, range: [start, end], fix: { range: [start, end], text: `《${title}》` }, expected: `《${title}》`, expectedFrom: 'standard', actual: title })
        }
      },
      plan() {
        const text = ctx.text
        for (const m of text.matchAll(NESTED)) {
          const open = m[2]!
          const close = m[4]!
          if (CLOSE_OF[open] !== close) continue
          const start = m.index + 1 + m[1]!.length
          const end = start + open.length + m[3]!.length + close.length
          // a quoted phrase inside a title (《关于开展“科普月”活动的通知》) is no nested title
          if ((open === '“' || open === '"') && !/(方案|规划|纲要|计划|意见|通知|办法|条例|规定|决定|法)$/.test(m[3]!)) continue
          ctx.report({
            messageId: 'nested',
            data: { open, inner: m[3]!, close },
            range: [start, end],
            fix: { range: [start, end], text: `〈${m[3]!}〉` },
            expected: `〈${m[3]!}〉`,
            expectedFrom: 'standard',
            actual: `${open}${m[3]!}${close}`,
          })
        }
        periodOutside(ctx, text)
        abbreviations(ctx, text, ctx.plan.citations)
        missingDocNumbers(ctx, text, ctx.plan.citations)
      },
    }
  },
})

type Ctx = RuleContext

/** `《…纲要》（2021—2035年）` → `《…纲要（2021—2035年）》`: a fix when the preset knows the title
 * with that period inside, a suggestion when nothing says, nothing when the preset knows the
 * title without a period (the bracket is then a gloss, not part of the title). */
function periodOutside(ctx: Ctx, text: string): void {
  for (const m of text.matchAll(PERIOD_OUTSIDE)) {
    const mark = m[1]!
    const openMark = mark === '》' ? '《' : '〈'
    // the title's opening mark within 200 characters (a bounded look back: linear in the text)
    const from = Math.max(0, m.index - 200)
    const back = text.slice(from, m.index).lastIndexOf(openMark)
    if (back === -1) continue
    const open = from + back
    const title = text.slice(open + 1, m.index)
    if (/[\n《》]/.test(title.replace(/〈[^〈〉]*〉/g, '')) || /[（(][^（）()]*[）)]$/.test(title)) continue
    // a title that names its own period (《“十四五”国家科学技术普及发展规划》, 《2021—2023年…计划》):
    // the bracket after it is a gloss
    if (/十[一二三四五六七八九]?五|(?:19|20)\d{2}/.test(title)) continue
    const period = m[3]!
    const known = knownTitle(ctx.preset.documents, title, period)
    if (known === 'without-period') continue
    const start = m.index
    const end = start + mark.length + m[2]!.length + period.length
    const replacement = `${period}${mark}`
    const fix = { range: [start, end] as [number, number], text: replacement }
    ctx.report({
      messageId: 'periodOutside',
      data: { written: `${mark}${m[2]!}${period}`, expected: replacement },
      range: [start, end],
      ...(known === 'with-period' ? { fix } : { suggest: [{ desc: `把规划期移入书名号：「${replacement}」`, fix }] }),
      expected: replacement,
      expectedFrom: known === 'with-period' ? 'upper-plan' : 'standard',
      actual: text.slice(start, end),
    })
  }
}

/** How the preset writes `title`: with `period` inside its marks, without any period, or unknown. */
function knownTitle(documents: PresetDocument[], title: string, period: string): 'with-period' | 'without-period' | undefined {
  const years = period.match(/\d{4}/g)!.join('—')
  const names = documents.flatMap((d) => [d.title, ...(d.aliases ?? [])].map((n) => n.replace(/[〈〉《》]/g, '')))
  const bare = title.replace(/[〈〉]/g, '')
  if (names.some((n) => n.includes(`${bare}（${years}年）`) || n.includes(`${bare}（${years}）`))) return 'with-period'
  if (names.some((n) => n === bare || n.endsWith(`印发${bare}的通知`))) return 'without-period'
  return undefined
}

/** `（以下简称《X》）` right after a citation: X must come from the cited title's words. */
function abbreviations(ctx: Ctx, text: string, citations: CitationNode[]): void {
  const byEnd = new Map(citations.map((c) => [c.position.end.offset, c]))
  // each abbreviation and the document it was first defined for
  const defined = new Map<string, { title: string; document: string }>()
  for (const m of text.matchAll(ABBREVIATION)) {
    const cited = byEnd.get(m.index + 1)
    if (!cited) continue
    const short = m[2]!.trim()
    const written = m[1] ? `${m[1]}${short}${m[1] === '《' ? '》' : m[1] === '“' ? '”' : '"'}` : short
    const title = cited.title
    // the notice that issues a document: the abbreviation may name the document it issues
    const issued = /关于印发(.+)的通知$/.exec(title)?.[1]
    const document = (issued ?? title).replace(/[（(][^（）()]*[）)]$/, '').replace(/[〈〉]/g, '')
    const start = m.index + m[0].indexOf(short, m[0].search(/以下简称|以下称|下称/))
    const range: [number, number] = [start, start + short.length]
    const first = defined.get(short)
    if (!first) defined.set(short, { title, document })
    else if (first.document !== document) {
      ctx.report({ messageId: 'abbreviationTwice', data: { short: written, first: first.title, title }, range })
      continue
    }
    const kind = TYPE_WORD.exec(short)?.[1]
    // `《纲要》` after `《…规划纲要实施方案》`: the 纲要 is the upper plan the cited one implements
    if (kind && !document.endsWith(kind) && new RegExp(`${kind}(?:实施)?(?:方案|意见|办法|细则|计划)$`).test(document)) {
      ctx.report({ messageId: 'abbreviationUpper', data: { short: written, kind, title }, range })
      continue
    }
    if (NUMERIC.test(short)) continue
    const words = short.replace(LEVEL_PREFIX, (p) => (isSubsequence(p, title) ? p : ''))
    if (words.length > 0 && !isSubsequence(words, title)) ctx.report({ messageId: 'abbreviationMismatch', data: { short: written, title }, range })
  }
}

function isSubsequence(short: string, title: string): boolean {
  let k = 0
  for (const ch of title) if (k < short.length && ch === short[k]) k++
  return k === short.length
}

/** In one sentence citing two or more numbered documents with their 文号, a local plan cited
 * without one. A suggestion when the preset knows its 文号; the 文号 is never guessed. */
function missingDocNumbers(ctx: Ctx, text: string, citations: CitationNode[]): void {
  let k = 0
  while (k < citations.length) {
    // citations of one sentence (no 。；! ? or line break between them)
    let j = k + 1
    while (j < citations.length && !/[。；;！？!?\n]/.test(text.slice(citations[j - 1]!.position.end.offset, citations[j]!.position.start.offset))) j++
    const group = citations.slice(k, j).filter((c) => NUMBERED_DOCUMENT.test(c.title))
    k = j
    const withNumber = group.filter((c) => c.docNumber).length
    // a 国民经济和社会发展…纲要 is adopted by the people's congress and usually cited without one
    const without = group.filter((c) => !c.docNumber && LOCAL_PLAN.test(c.title) && !c.title.includes('国民经济和社会发展'))
    if (withNumber < 2 || without.length === 0 || without.length >= withNumber) continue
    for (const c of without) {
      const end = c.position.end.offset
      // a 文号 written a little further on (`《…》（2021年印发，赣府字〔2021〕5号）`) is there
      if (/^[ \t]*[（(][^（）()\n]*〔\d{4}〕/.test(text.slice(end, end + 40))) continue
      const bare = c.title.replace(/[〈〉《》]/g, '')
      const number = ctx.preset.documents.find((d) => d.docNumber && [d.title, ...(d.aliases ?? [])].map((n) => n.replace(/[〈〉《》]/g, '')).some((n) => n === bare || n.endsWith(`印发${bare}的通知`)))?.docNumber
      ctx.report({
        messageId: 'missingDocNumber',
        data: { title: c.title, hint: number ? `（${number}）` : '' },
        node: c,
        ...(number ? { suggest: [{ desc: `补上文号「（${number}）」`, fix: { range: [end, end] as [number, number], text: `（${number}）` } }] } : {}),
      })
    }
  }
}
