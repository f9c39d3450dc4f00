/**
 * jurisdiction-terms: a plan calls its own jurisdiction by its own level word. A 市 plan that
 * says 全区 / 本区 / 我区, or a 区 plan that says 我县, has text copied from another plan.
 *
 * Precision first: only 全X / 本X / 我X where X (区 县 市 旗) is neither the plan's own level
 * word nor that of a place above it (全市 in a district plan is the city; 全区 in a plan of
 * 宁夏 is the 自治区); never inside 《…》 or quotation marks; never where the characters around
 * make another word (安全区, 资本市场, 全区域, 全县（市、区）, 开发区全区); never after the
 * sentence has named another place of that level (对口帮扶某某县，助力全县…).
 */
import { defineRule, ruleDocsUrl } from '../src/rules-support/context.js'
import type { JurisdictionInfo, Position } from '../src/types.js'
import { isHan, selfReferenceLevel } from '../src/lexicon/index.js'

interface SentenceLike {
  position?: Position
}

const TERM = /([全本我])(区|县|市|旗)/g

/** Characters that, before 全 / 本 / 我, make a word of it (安全, 资本, 自我, …). */
const WORD_BEFORE: Record<string, string> = {
  全: '安健齐完周保万成双两十',
  本: '资成基根日样版标文剧课账范原脚书读绘人民蓝底副血工老母话稿抄刻善孤治固务',
  我: '自忘唯敌本超',
}
/** Characters that, after the level word, make another word (全区域, 本市场, 全县区, 全市民…). */
const WORD_AFTER = /^[域间块段划位别场县区市旗级辖属直容民政长委（(、]/
/** WORD_AFTER looks at one character after the match. */
const WORD_AFTER_REACH = 1

export default defineRule({
  meta: {
    id: 'jurisdiction-terms',
    type: 'problem',
    severity: 'warn',
    docs: {
      description: {
        zh: '方案称呼本地要用本级的称谓：市的方案不写“全区”“我区”，区的方案不写“全县”“我县”',
        en: 'A plan names its own jurisdiction with its own level word (no 全区 in a 市 plan, no 我县 in a 区 plan)',
      },
      url: ruleDocsUrl('jurisdiction-terms'),
      recommended: true,
    },
    fixable: false,
    hasSuggestions: true,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    messages: {
      wrongLevel: '「{{written}}」与方案的行政级别不符：{{name}}应称「{{expected}}」',
    },
  },
  create(ctx) {
    const j = ctx.plan.jurisdiction
    const own = j?.suffix
    // a town whose county is not named in its title: the levels above it are unknown
    const unknownAbove = j?.level === 'town' && ancestorSuffixes(j).length === 0
    const allowed = j && own && !unknownAbove ? new Set([own, ...ancestorSuffixes(j)]) : undefined
    return {
      SentenceNode(node: SentenceLike) {
        if (!allowed || !own || !node.position) return
        const start = node.position.start.offset
        const text = ctx.text.slice(start, node.position.end.offset)
        // what lies before each match is kept up to date as the matches advance (not
        // re-read from the sentence start per match), so many 全县 in one sentence cost
        // linear time
        const before = quotedBefore(text)
        // built on the first match that needs it: most sentences have no 全县-like term at all
        let firstNamed: Map<string, number> | undefined
        for (const m of text.matchAll(TERM)) {
          const [written, head, level] = m as unknown as [string, string, string]
          if (allowed.has(level)) continue
          const i = m.index!
          const prev = text[i - 1] ?? ''
          if (prev && (WORD_BEFORE[head]!.includes(prev) || /[区县市旗（(、]/.test(prev))) continue
          if (WORD_AFTER.test(text.slice(i + written.length, i + written.length + WORD_AFTER_REACH))) continue
          if (before(i)) continue
          // the sentence has named another place of that level (对口帮扶某某县，助力全县…)
          const named = (firstNamed ??= firstNamedAt(text)).get(level)
          if (named !== undefined && named <= i - 1) continue
          const at: [number, number] = [start + i, start + i + written.length]
          const expected = head + own
          ctx.report({
            messageId: 'wrongLevel',
            data: { written, name: j!.name, expected },
            range: at,
            suggest: [{ desc: `改为「${expected}」`, fix: { range: at, text: expected } }],
            expected,
            actual: written,
          })
        }
      },
    }
  },
})

/** Where each character first follows a Han character other than 全本我各该 (a place name's level word). */
function firstNamedAt(text: string): Map<string, number> {
  const firstNamed = new Map<string, number>()
  for (let k = 1; k < text.length; k++) {
    const c = text[k]!
    if (firstNamed.has(c)) continue
    const p = text.charCodeAt(k - 1)
    if (isHan(p) && !'全本我各该'.includes(text[k - 1]!)) firstNamed.set(c, k)
  }
  return firstNamed
}

/** Level words of the places above: 江西省 → 省, 景德镇市 → 市, 宁夏回族自治区 → 区. */
function ancestorSuffixes(j: JurisdictionInfo): string[] {
  const names = [...j.parts.slice(0, -1), j.division?.province, j.division?.city].filter((n): n is string => !!n && n !== j.parts.at(-1))
  return names.map(selfReferenceLevel)
}

/**
 * For increasing offsets i: whether the text before i leaves a 《 or a quotation mark
 * open. Each call reads only the characters since the previous one.
 */
function quotedBefore(text: string): (i: number) => boolean {
  let at = 0
  let openBook = -1
  let closeBook = -1
  let openQuote = -1
  let closeQuote = -1
  let straight = 0
  return (i) => {
    for (; at < i; at++) {
      const c = text[at]
      if (c === '《') openBook = at
      else if (c === '》') closeBook = at
      else if (c === '“') openQuote = at
      else if (c === '”') closeQuote = at
      else if (c === '"') straight++
    }
    return openBook > closeBook || openQuote > closeQuote || (straight & 1) === 1
  }
}
