/**
 * cited-documents: a 《…》 citation of a document the preset knows must carry its right title,
 * its right period, the year inside the bracket (`（2021—2035年）`), and its own 文号. Citing
 * a superseded document as the basis of the plan is a warning. Documents the preset does not
 * know are left alone; a fact the preset holds with less than `verified` confidence gives a
 * warning at most. Matching ignores what the typography rules check (half- and full-width
 * brackets, the kind of dash, spaces).
 */
import { defineRule, ruleDocsUrl } from '../src/rules-support/context.js'
import { quoteDocument, severityFor, planDate } from '../src/rules-support/preset-facts.js'
import type { Paragraph, Sentence } from 'nlcst'
import type { CitationNode, DocNumberNode, PlanTree, PresetDocument } from '../src/types.js'
import { editDistance } from '../src/text/edit-distance.js'
import { DIVISION_SUFFIX, HAN_CLASS } from '../src/lexicon/index.js'
import { toString } from 'nlcst-to-string'
import { enclosing, nearest } from '../src/rules-support/tree-query.js'

/** A title taken apart: who issued the 通知 wrapping it, the name without period, the years. */
interface TitleParts {
  issuer?: string
  core: string
  years?: number[]
  /** `（2021—2035）年`: the year outside the bracket. */
  misplaced: boolean
}

interface Key {
  doc: PresetDocument
  parts: TitleParts
  /** The form as the preset writes it (title, shortTitle or an alias). */
  form: string
}

const BASIS = /(根据|按照|依据|贯彻|落实|遵照|参照|对照)/
/** A sentence that reviews past work under the old document. */
const LOOK_BACK = /期间|以来|圆满完成|全面完成|顺利完成|取得|成效|实施以来|过去/

export default defineRule({
  meta: {
    id: 'cited-documents',
    type: 'problem',
    severity: 'error',
    docs: {
      description: {
        zh: '引用上级文件要写对名称、规划期和文号，年份写在括号内，不以已被取代的文件为依据',
        en: 'Cited upper documents carry their right title, period and number; no superseded document as the basis',
      },
      url: ruleDocsUrl('cited-documents'),
      recommended: true,
    },
    fixable: 'code',
    schema: { type: 'object', properties: {}, additionalProperties: false },
    messages: {
      wrongPeriod: '引用的《{{written}}》规划期有误：该文件的规划期是{{period}}年，应为{{expected}}',
      wrongTitle: '引用的文件名称有误：《{{written}}》应为{{expected}}',
      misplacedYear: '年份应写在括号内：「{{wrong}}」应为「{{right}}」',
      wrongDocNumber: '{{document}}的文号是{{expected}}，此处写作{{written}}',
      superseded: '{{document}}已被{{replacement}}取代，方案应以现行文件为依据',
    },
  },
  create(ctx) {
    let keys: Key[] | undefined
    return {
      citation(node: CitationNode) {
        keys ??= ctx.preset.documents.flatMap(keysOf)
        const cited = parseTitle(node.title)
        const start = node.position.start.offset
        if (cited.misplaced) reportMisplaced(node, start)
        const match = findDocument(cited, keys, node.docNumber, ctx.plan)
        if (!match) return
        const { doc, problem } = match
        const severity = severityFor(doc.confidence, ctx.severity)
        const expected = `《${cited.issuer ? doc.title : (doc.shortTitle ?? doc.title)}》`
        if (problem === 'period') {
          ctx.report({
            messageId: 'wrongPeriod',
            data: { written: node.title, period: (doc.period ?? '').replace(/-/g, '—'), expected },
            node,
            severity,
            expected,
            expectedFrom: 'upper-plan',
            actual: `《${node.title}》`,
          })
          return
        }
        if (problem === 'title') {
          ctx.report({ messageId: 'wrongTitle', data: { written: node.title, expected }, node, severity, expected, expectedFrom: 'upper-plan', actual: `《${node.title}》` })
          return
        }
        if (node.docNumber && doc.docNumber) checkDocNumber(node.docNumber, doc)
        if (doc.status === 'superseded' && doc.supersededBy) {
          // the sentence the citation stands in (a citation running over a sentence end: its paragraph)
          const around = ctx.ancestors()
          const sentence = nearest(around, 'SentenceNode') ?? nearest(around, 'ParagraphNode') ?? enclosing(ctx.nlcst, start, node.position.end.offset, 'ParagraphNode')
          checkSuperseded(node, doc, start, sentence)
        }
      },
    }

    function reportMisplaced(node: CitationNode, start: number) {
      const m = /[（(]\s*\d{4}\s*(?:[—–\-－~～至]+\s*\d{4}\s*)+[）)]\s*年(?!度)/.exec(node.title)
      if (!m) return
      const wrong = m[0]
      const right = wrong.replace(/\s*([）)])\s*年$/, '年$1')
      const at = start + 1 + m.index
      ctx.report({
        messageId: 'misplacedYear',
        data: { wrong, right },
        range: [at, at + wrong.length],
        fix: (fixer) => fixer.replaceTextRange([at, at + wrong.length], right),
        expected: right,
        expectedFrom: 'standard',
        actual: wrong,
      })
    }

    function checkDocNumber(dn: DocNumberNode, doc: PresetDocument) {
      const want = parseDocNumber(doc.docNumber!)
      if (!want) return
      if (want.agency === dn.agency && want.year === dn.year && want.serial === dn.serial) return
      ctx.report({
        messageId: 'wrongDocNumber',
        data: { document: quoteDocument(doc), expected: doc.docNumber!, written: dn.text },
        node: dn,
        severity: severityFor(doc.confidence, ctx.severity),
        expected: doc.docNumber!,
        expectedFrom: 'upper-plan',
        actual: dn.text,
      })
    }

    function checkSuperseded(node: CitationNode, doc: PresetDocument, start: number, sentence: Sentence | Paragraph | undefined) {
      if (!sentence?.position) return
      const successor = ctx.preset.documents.find((d) => d.id === doc.supersededBy)
      if (!successor) return
      // judged as of the plan's date: before the successor existed, the old one was right
      const date = planDate(ctx.plan)
      if (date && successor.date && date < successor.date) return
      // only as the basis of the plan (根据《…》, said in the sentence before the citation): a
      // plan may look back on what the old one achieved
      const said = toString(sentence)
      const before = said.slice(0, start - (sentence.position.start.offset ?? 0))
      if (!BASIS.test(before)) return
      // `“十三五”期间，我县按照《…》部署，圆满完成…`: a look back, not the basis
      if (LOOK_BACK.test(said)) return
      ctx.report({
        messageId: 'superseded',
        data: { document: `《${node.title}》`, replacement: quoteDocument(successor) },
        node,
        severity: 'warn',
        expected: quoteDocument(successor),
        expectedFrom: 'upper-plan',
        actual: `《${node.title}》`,
      })
    }
  },
})

/** Brackets, dashes and spaces as the typography rules would have them, 〈〉 as 《》. */
function normalize(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/[(]/g, '（')
    .replace(/[)]/g, '）')
    .replace(/[〈<]/g, '《')
    .replace(/[〉>]/g, '》')
    .replace(/(\d{4})\s*年?\s*[—–\-－~～至]+\s*(?=\d{4})/g, '$1—')
}

const PERIOD = /（?(\d{4}(?:—\d{4})+)(年?）?年?)/

export function parseTitle(title: string): TitleParts {
  let t = normalize(title)
  let issuer: string | undefined
  const wrap = /^(.+?)关于印发(.+)的通知$/.exec(t)
  if (wrap) {
    issuer = wrap[1]
    t = wrap[2]!.replace(/^《(.*)》$/, '$1')
  }
  const p = PERIOD.exec(t)
  const parts: TitleParts = { core: t, misplaced: false }
  if (issuer) parts.issuer = issuer
  if (p) {
    parts.years = p[1]!.split('—').map(Number)
    parts.misplaced = /^）年/.test(p[2]!) && t[p.index + p[0].length] !== '度'
    parts.core = (t.slice(0, p.index) + t.slice(p.index + p[0].length)).replace(/（）/g, '')
  }
  return parts
}

function keysOf(doc: PresetDocument): Key[] {
  const forms = [doc.title, doc.shortTitle, ...(doc.aliases ?? [])].filter((f): f is string => !!f)
  return forms.map((form) => ({ doc, parts: parseTitle(form), form }))
}

const sameYears = (a?: number[], b?: number[]) => !!a && !!b && a.length === b.length && a.every((y, i) => y === b[i])

/** Which preset document a citation names, and what is wrong with how it names it. */
function findDocument(
  cited: TitleParts,
  keys: Key[],
  dn: DocNumberNode | undefined,
  plan: PlanTree,
): { doc: PresetDocument; problem?: 'period' | 'title' } | undefined {
  const byCore = keys.filter((k) => k.parts.core === cited.core)
  // a citation without years names the document all the same (《科学素质纲要》)
  const exact = byCore.filter((k) => !cited.years || sameYears(k.parts.years ?? periodOf(k.doc), cited.years))
  const docs = unique(exact.map((k) => k.doc))
  if (docs.length > 0) {
    const doc = pickVersion(docs, dn, plan)
    if (!doc) return undefined
    const key = exact.find((k) => k.doc === doc)!
    const issuer = key.parts.issuer ?? parseTitle(doc.title).issuer
    if (cited.issuer && issuer && cited.issuer !== issuer) return { doc, problem: 'title' }
    return { doc }
  }
  // a near miss of a name (计划 for 规划, a character dropped) with the right period; never
  // across places (九江市… is not 南昌市…)
  if (cited.years && cited.core.length >= 8) {
    const near = unique(
      keys
        .filter((k) => sameYears(k.parts.years ?? periodOf(k.doc), cited.years))
        .filter((k) => placeOf(k.parts.core) === placeOf(cited.core) && editDistance(k.parts.core, cited.core) <= 2)
        .map((k) => k.doc),
    )
    if (near.length === 1) return { doc: near[0]!, problem: 'title' }
    if (near.length > 1) return undefined
  }
  // the right name with the wrong period (or a period the document's title does not have)
  const others = unique(byCore.map((k) => k.doc))
  if (others.length !== 1) return undefined
  // another edition of a series (…实施方案（2011—2015年）) is no typo of the one the preset
  // knows when that one did not exist yet at the plan's time, or the cited period ended first
  const period = periodOf(others[0]!)
  const date = planDate(plan)
  if (period && cited.years && (cited.years.at(-1)! < period[0]! || (date && Number(date.slice(0, 4)) < period[0]!))) return undefined
  return { doc: others[0]!, problem: period ? 'period' : 'title' }
}

const LEADING_PLACE = new RegExp(`^[${HAN_CLASS}]{1,8}?(?:${DIVISION_SUFFIX})`)

/** The place a title starts with (`江西省`, `成都市`), or ''. */
function placeOf(core: string): string {
  return LEADING_PLACE.exec(core)?.[0] ?? ''
}

function periodOf(doc: PresetDocument): number[] | undefined {
  return doc.period ? normalize(doc.period).split('—').map(Number) : undefined
}

/** Of documents with the same name (a law and its revision), the one the citation means: by
 * its 文号, else the one in force at the plan's date (the current one for an undated draft). */
function pickVersion(docs: PresetDocument[], dn: DocNumberNode | undefined, plan: PlanTree): PresetDocument | undefined {
  if (docs.length === 1) return docs[0]
  if (dn) {
    const byNumber = docs.find((d) => {
      const n = d.docNumber ? parseDocNumber(d.docNumber) : undefined
      return n && n.agency === dn.agency && n.year === dn.year && n.serial === dn.serial
    })
    if (byNumber) return byNumber
  }
  const date = planDate(plan)
  if (!date) return docs.find((d) => d.status === 'current') ?? undefined
  const inForce = docs.filter((d) => d.date && d.date <= date).sort((a, b) => a.date!.localeCompare(b.date!))
  return inForce.at(-1) ?? docs.find((d) => d.status === 'current')
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)]
}

const DOC_NUMBER = new RegExp(String.raw`^([${HAN_CLASS}]+)\s*[〔\[【(（［]\s*(\d{4})\s*[〕\]】)）］]\s*第?\s*(\d+)\s*号$`)

function parseDocNumber(s: string): { agency: string; year: number; serial: number } | undefined {
  const m = DOC_NUMBER.exec(s.trim())
  return m ? { agency: m[1]!, year: Number(m[2]), serial: Number(m[3]) } : undefined
}


