/**
 * declared-counts: a count the plan declares for its own sections (`实施5项提升行动`,
 * `五大工程`, `六项重点工程`, `“五大”重点人群`) equals the number of action or project
 * sections the plan tree has. Precision first: a count in a sentence that speaks of an upper
 * plan (国家, 纲要, 《…》, the province or city above) is not about this plan; counts inside an
 * action or project section are about something smaller; nothing is said when the plan tree
 * found no such sections.
 */
import { defineRule, ruleDocsUrl } from '../src/rules-support/context.js'
import { asciiDigits, chineseNumber, withoutDivisionSuffix } from '../src/lexicon/index.js'
import type { PlanTree } from '../src/types.js'
import { literalAlternation } from '../src/text/safe-pattern.js'
import { insideActionOrProject } from '../src/rules-support/tree-query.js'

/**
 * `5项提升行动`, `“五大”重点人群`, `6大重点工程`, `五大工程`, `4 项提升行动`. Each optional word
 * carries the white space after it (`(?:(重点)\s*)?`), never two `\s*` side by side: those split
 * one run of white space every possible way before failing (polynomial in a long run).
 */
const DECLARATION =
  /([0-9０-９]{1,2}|[一二三四五六七八九十两]{1,3})\s*(?:[”"’]\s*)?(项|大|类)\s*(?:[”"’]\s*)?(?:(重点)\s*)?(?:(科学素质)\s*)?(提升行动|工程|人群)/g

/** Words of a sentence that looks back on earlier work. */
const PAST = /以来|期间[^，。]*(完成|实施了|开展了)|已经|已完成|圆满完成|全面完成|曾|先后|此前|过去/
/** Words before a count that make it a part, not the plan's total. */
const PART = /每年|至少|不少于|各乡镇|各街道|各镇|各部门|各单位|其中|部分|选择|重点推进/
/** Words that put a sentence about an upper plan, not this one. */
const UPPER = /《|纲要|国家|国务院|中央|全国|上级|省委|省政府|全省|省级|省里|市委市政府|上位/

export default defineRule({
  meta: {
    id: 'declared-counts',
    type: 'problem',
    severity: 'error',
    docs: {
      description: {
        zh: '正文声明的行动、工程数量（如“实施5项提升行动”“五大工程”）要与方案实际列出的章节数一致',
        en: 'Counts the text declares (实施5项提升行动, 五大工程) equal the number of action or project sections',
      },
      url: ruleDocsUrl('declared-counts'),
      recommended: true,
    },
    fixable: false,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    messages: {
      mismatch: '「{{written}}」与方案实际列出的{{kind}}数不符：方案共有{{actual}}项（{{names}}）',
    },
  },
  create(ctx) {
    let upperNames: RegExp | undefined
    return {
      SentenceNode(node) {
        const plan = ctx.plan
        // inside an action or project section, a count is about something smaller
        if (insideActionOrProject(ctx.ancestors())) return
        const start = node.position.start.offset
        // the sentence's own text: the tree covers the text without gaps, so its source slice is
        // what nlcst-to-string would join from its words (and costs no copy)
        const text = ctx.getText(node)
        upperNames ??= ancestorsPattern(plan)
        for (const m of text.matchAll(DECLARATION)) {
          const [, num, measure, key, , noun] = m
          const kind = kindOf(measure!, key, noun!)
          if (!kind) continue
          const before = text.slice(0, m.index)
          if (UPPER.test(before) || (upperNames && upperNames.test(before))) continue
          // a look back (`“十三五”以来…四项`, `…期间实施的四项重点工程全面完成`) or a part of the
          // plan (`各乡镇每年至少实施两项`) is not the plan's own total
          if (PAST.test(text) || PART.test(before)) continue
          const declared = /\d/.test(asciiDigits(num!)) ? Number(asciiDigits(num!)) : chineseNumber(num!)
          if (declared < 2) continue
          const list = kind === 'actions' ? plan.actions : plan.projects
          if (list.length === 0 || list.length === declared) continue
          // `五大重点人群` names the upper plan's target groups: a plan may add an action for
          // another group (社区居民), so only fewer actions than groups is a finding
          if (noun === '人群' && list.length > declared) continue
          // the number as written, from the digit (or an opening quote) to the noun
          const open = m.index! > 0 && /[“"‘]/.test(text[m.index! - 1]!) ? 1 : 0
          const from = start + m.index! - open
          const to = start + m.index! + m[0].length
          ctx.report({
            messageId: 'mismatch',
            data: {
              written: text.slice(from - start, to - start),
              kind: kind === 'actions' ? '提升行动' : '重点工程',
              actual: list.length,
              names: list.map((a) => a.name).join('、'),
            },
            range: [from, to],
            expected: String(list.length),
            actual: String(declared),
          })
        }
      },
    }
  },
})

/** What a declaration counts: 提升行动 and 重点人群 are the actions, 重点工程 / N大工程 the projects. */
function kindOf(measure: string, key: string | undefined, noun: string): 'actions' | 'projects' | undefined {
  if (noun === '提升行动') return measure === '类' ? undefined : 'actions'
  if (noun === '人群') return measure === '项' ? undefined : 'actions'
  // 工程: `N项重点工程`, `N大重点工程`, `N大工程` — not `N项工程`, `N类工程`
  if (measure === '类') return undefined
  if (key || measure === '大') return 'projects'
  return undefined
}

/** The names of the places above the plan (`江西省`, `江西`, `南昌市`, `南昌`). */
function ancestorsPattern(plan: PlanTree): RegExp | undefined {
  const j = plan.jurisdiction
  if (!j) return undefined
  const names = new Set<string>()
  const add = (n: string | undefined) => {
    if (!n) return
    names.add(n)
    const short = withoutDivisionSuffix(n).replace(/(壮族|回族|维吾尔)$/, '')
    if (short.length >= 2) names.add(short)
  }
  for (const p of j.parts.slice(0, -1)) add(p)
  if (j.division) {
    if (j.division.province !== j.parts.at(-1)) add(j.division.province)
    if (j.division.city && j.division.city !== j.parts.at(-1)) add(j.division.city)
  }
  if (names.size === 0) return undefined
  // place names come from presets (user data): matched as literals, never as regex syntax
  return literalAlternation(names)
}
