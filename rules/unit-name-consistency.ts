/**
 * unit-name-consistency: one unit, one name. When a plan writes the same department two ways
 * (`区新经济和科技局` / `区新经济与科技局`, `市文广新局` / `市文广新旅局`, `区教育局` /
 * `区教体局`), each occurrence of the less used form is reported with the more used one.
 *
 * Two names are taken for one unit only on evidence: the same alias group of the unit
 * dictionary (an accepted abbreviation of the other name — `区发展改革委` beside
 * `区发展改革委员会` — is not reported), 和 for 与, one character added or dropped, or a merged
 * bureau beside one of its parts (`教育局` beside `教育体育局`: where a merged bureau exists
 * the part has none of its own). Never on one character changed (区教育局 / 区体育局), never
 * for two names listed side by side, never across level prefixes (区委… / 区…).
 */
import { CompiledRenames } from '../src/dict/renames.js'
import { defineRule, ruleDocsUrl } from '../src/rules-support/context.js'
import type { Fix, PlanTree, UnitMention } from '../src/types.js'
import { maxOf } from '../src/text/arrays.js'

/** Unit-name endings, longest first, and the family each belongs to. */
const ENDINGS: [string, string][] = [
  ['委员会', 'bureau'],
  ['办公室', 'office'],
  ['分局', 'bureau'],
  ['中心', 'centre'],
  ['局', 'bureau'],
  ['委', 'bureau'],
  ['办', 'office'],
  ['部', 'dept'],
  ['会', 'assoc'],
  ['协', 'assoc'],
  ['联', 'assoc'],
  ['院', 'inst'],
  ['室', 'room'],
  ['队', 'team'],
  ['站', 'station'],
  ['所', 'station'],
  ['馆', 'hall'],
]

interface Form {
  /** Normalised full name without annotation, e.g. `区教体局`. */
  key: string
  prefix: string
  /** Name after the prefix: `教体局`. */
  rest: string
  ending: string
  family: string
  /** Rest without its ending: `教体`. */
  core: string
  mentions: UnitMention[]
  lines: Set<number>
}

type Kind = 'alias' | 'conj' | 'near' | 'merged'

export default defineRule({
  meta: {
    id: 'unit-name-consistency',
    type: 'suggestion',
    severity: 'warn',
    docs: {
      description: {
        zh: '同一单位在方案中应使用同一名称，不要一处写“区教育局”、另一处写“区教体局”',
        en: 'One unit, one name: the same department is not written two ways in one plan',
      },
      url: ruleDocsUrl('unit-name-consistency'),
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    messages: {
      inconsistent: '「{{written}}」与本方案其他{{count}}处的「{{preferred}}」应是同一单位，名称应统一',
      replace: '改为「{{replacement}}」',
    },
  },
  create(ctx) {
    return {
      plan(plan: PlanTree) {
        const forms = collectForms(plan.units)
        if (forms.length < 2) return
        const groups = aliasIndex(ctx.preset.units.aliases)
        // pairwise relation, then clusters in which every pair is related (no chains)
        const related = new Map<Form, Map<Form, Kind>>()
        for (let i = 0; i < forms.length; i++) {
          for (let j = i + 1; j < forms.length; j++) {
            const kind = sameUnit(forms[i]!, forms[j]!, groups)
            if (!kind) continue
            for (const [a, b] of [[forms[i]!, forms[j]!], [forms[j]!, forms[i]!]] as const) {
              if (!related.has(a)) related.set(a, new Map())
              related.get(a)!.set(b, kind)
            }
          }
        }
        const done = new Set<Form>()
        const renames = CompiledRenames.for(ctx.preset.units)
        for (const form of forms) {
          if (done.has(form) || !related.has(form)) continue
          const cluster = closure(form, related)
          cluster.forEach((f) => done.add(f))
          if (!cluster.every((a) => cluster.every((b) => a === b || related.get(a)?.has(b)))) continue
          const preferred = majority(cluster, groups)
          if (!preferred) continue
          // an outdated majority is outdated-unit-names' business, not a name to spread
          if (renames.find(preferred.key).length > 0) continue
          const others = cluster.filter((f) => f !== preferred)
          const count = preferred.mentions.length
          for (const f of others) {
            const kind = related.get(f)!.get(preferred)!
            const certain = others.length === 1 && (kind === 'conj' || kind === 'alias') && groups.get(preferred.rest)?.[0] === preferred.rest
            for (const m of f.mentions) {
              const at: [number, number] = [m.position.start.offset, m.position.end.offset]
              const written = ctx.text.slice(at[0], at[1])
              const elided = !written.startsWith(f.prefix)
              const replacement = elided ? preferred.rest : preferred.key
              const clean = written.replace(/[（(][^）)]*[）)]$/, '') === (elided ? f.rest : f.key)
              const fix: Fix | undefined = clean ? { range: [at[0], at[0] + (elided ? f.rest : f.key).length], text: replacement } : undefined
              ctx.report({
                messageId: 'inconsistent',
                data: { written, count, preferred: preferred.key },
                range: at,
                fix: certain ? fix : undefined,
                suggest: !certain && fix ? [{ desc: `改为「${replacement}」`, fix }] : undefined,
                expected: replacement,
                expectedFrom: 'document',
                actual: written,
                related: preferred.mentions.map((pm) => ({
                  range: [pm.position.start.offset, pm.position.end.offset] as [number, number],
                  message: `「${preferred.key}」（全文共 ${count} 处）`,
                })),
              })
            }
          }
        }
      },
    }
  },
})

function collectForms(units: UnitMention[]): Form[] {
  const byKey = new Map<string, Form>()
  for (const u of units) {
    if (u.vague) continue
    const key = u.name.replace(/\s+/g, '').replace(/[（(][^）)]*[）)]$/, '')
    const prefix = u.prefix && key.startsWith(u.prefix) ? u.prefix : ''
    const rest = key.slice(prefix.length)
    const end = ENDINGS.find(([e]) => rest.endsWith(e) && rest.length > e.length)
    if (!end) continue
    let form = byKey.get(key)
    if (!form) {
      form = { key, prefix, rest, ending: end[0], family: end[1], core: rest.slice(0, -end[0].length), mentions: [], lines: new Set() }
      byKey.set(key, form)
    }
    form.mentions.push(u)
    form.lines.add(u.position.start.line)
  }
  return [...byKey.values()]
}

/** Bare name → its alias group (first = preferred). */
function aliasIndex(aliases: string[][]): Map<string, string[]> {
  const index = new Map<string, string[]>()
  for (const group of aliases) for (const name of group) if (!/XX|（畸形/.test(name) && !index.has(name)) index.set(name, group)
  return index
}

function sameUnit(a: Form, b: Form, groups: Map<string, string[]>): Kind | undefined {
  if (a.prefix !== b.prefix) return undefined
  // listed side by side, they are two units
  for (const line of a.lines) if (b.lines.has(line)) return undefined
  const ga = groups.get(a.rest)
  const gb = groups.get(b.rest)
  if (ga && ga === gb) {
    const [short, long] = a.rest.length <= b.rest.length ? [a.rest, b.rest] : [b.rest, a.rest]
    if (isSubsequence(short, long)) return undefined // an abbreviation of the full name
    return a.family === b.family ? 'alias' : undefined
  }
  if (a.rest.replace(/与/g, '和') === b.rest.replace(/与/g, '和')) return 'conj'
  if (a.ending !== b.ending) return undefined
  if (a.core.length >= 2 && b.core.length >= 2 && Math.abs(a.core.length - b.core.length) === 1 && oneInserted(a.core, b.core)) return 'near'
  const ca = ga?.[0]?.slice(0, -a.ending.length) ?? a.core
  const cb = gb?.[0]?.slice(0, -b.ending.length) ?? b.core
  if ((ga && !ga[0]!.endsWith(a.ending)) || (gb && !gb[0]!.endsWith(b.ending))) return undefined
  if (isPart(ca, cb) || isPart(cb, ca)) return 'merged'
  return undefined
}

/** `教育` is a part of `教育体育`, `科技` of `新经济和科技`: at either end, the rest a word of its own. */
function isPart(part: string, whole: string): boolean {
  if (part.length < 2 || whole.length <= part.length) return false
  const rest = whole.startsWith(part) ? whole.slice(part.length) : whole.endsWith(part) ? whole.slice(0, -part.length) : undefined
  return rest !== undefined && rest.replace(/^[和与及]|[和与及]$/g, '').length >= 2
}

/** `b` is `a` with one character added (or the other way round). */
function oneInserted(a: string, b: string): boolean {
  const [s, l] = a.length < b.length ? [a, b] : [b, a]
  let i = 0
  while (i < s.length && s[i] === l[i]) i++
  return s.slice(i) === l.slice(i + 1)
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0
  for (const c of long) if (c === short[i]) i++
  return i === short.length
}

function closure(start: Form, related: Map<Form, Map<Form, Kind>>): Form[] {
  const seen = new Set<Form>([start])
  const queue = [start]
  while (queue.length > 0) {
    for (const next of related.get(queue.pop()!)?.keys() ?? []) {
      if (!seen.has(next)) {
        seen.add(next)
        queue.push(next)
      }
    }
  }
  return [...seen]
}

/** The form used most; on a tie, the one the alias table prefers, else none. */
function majority(cluster: Form[], groups: Map<string, string[]>): Form | undefined {
  const top = maxOf(cluster.map((f) => f.mentions.length))
  const best = cluster.filter((f) => f.mentions.length === top)
  if (best.length === 1) return best[0]
  const preferred = best.filter((f) => groups.get(f.rest)?.[0] === f.rest)
  return preferred.length === 1 ? preferred[0] : undefined
}
