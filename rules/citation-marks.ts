/**
 * citation-marks: conventions of citing a document that need no preset. A document's title
 * cited with its 文号 is written inside 《》 (`国务院关于…的通知（国发〔2021〕9号）` →
 * `《国务院关于…的通知》（国发〔2021〕9号）`); a title nested inside 《》 takes 〈〉, not <>,
 * ‹› or “” (`《关于印发<…>的通知》` → `《关于印发〈…〉的通知》`).
 */
import { defineRule, ruleDocsUrl } from '../src/rules-support/context.js'
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
    schema: { type: 'object', properties: {}, additionalProperties: false },
    messages: {
      unmarked: '引用的文件名称「{{title}}」应加书名号：《{{title}}》',
      nested: '书名号内再引用文件名应使用〈〉：「{{open}}{{inner}}{{close}}」应为「〈{{inner}}〉」',
    },
  },
  create(ctx) {
    return {
      plan() {
        const text = ctx.text
        for (const m of text.matchAll(UNMARKED)) {
          const lead = LEAD_IN.exec(m[1]!)?.[0] ?? ''
          const title = m[1]!.slice(lead.length)
          if (title.length < 8) continue
          const start = m.index + lead.length
          const end = start + title.length
          ctx.report({ messageId: 'unmarked', data: { title }, range: [start, end], fix: { range: [start, end], text: `《${title}》` }, expected: `《${title}》`, expectedFrom: 'standard', actual: title })
        }
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
      },
    }
  },
})
