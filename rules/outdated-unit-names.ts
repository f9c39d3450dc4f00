/**
 * outdated-unit-names: a unit named as it was before an institutional reform that took
 * effect before the plan's date. Error when the rename is certain, warning when it varied
 * locally or is known only from memory; autofix only where the dictionary marks the rename
 * unambiguous. One pass over the text for the whole dictionary.
 */
import { CompiledRenames, cleanNewName } from '../src/dict/renames.js'
import { defineRule, ruleDocsUrl } from '../src/rules-support/context.js'
import { planDate, severityFor } from '../src/rules-support/preset-facts.js'
import type { PlanTree, RuleFixer } from '../src/types.js'
import { placeNamesOf, withoutDivisionSuffix } from '../src/lexicon/index.js'
import { toString } from 'nlcst-to-string'
import { enclosing } from '../src/rules-support/tree-query.js'

interface Options {
  /** Judge the plan as of this date (ISO); overrides the plan's own date. */
  asOf?: string
}

export default defineRule<Options>({
  meta: {
    id: 'outdated-unit-names',
    type: 'problem',
    severity: 'error',
    docs: {
      description: {
        zh: '机构改革后已更名或撤并的部门，不应再以旧名称出现',
        en: 'Departments named as they were before an institutional reform that precedes the plan',
      },
      url: ruleDocsUrl('outdated-unit-names'),
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: {
      type: 'object',
      properties: { asOf: { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' } },
      additionalProperties: false,
    },
    messages: {
      outdated: '「{{written}}」是{{reform}}机构改革（{{since}}起）前的名称，现为「{{current}}」',
      replace: '改为「{{replacement}}」',
    },
  },
  create(ctx) {
    return {
      plan(plan: PlanTree) {
        const asOf = ctx.options.asOf ?? ctx.config.asOf ?? planDate(plan) ?? new Date().toISOString().slice(0, 10)
        const level = plan.jurisdiction?.level
        const places = placeNamesOf(plan.jurisdiction?.parts ?? [])
        // the whole dictionary in one pass over the text (Aho–Corasick): a unit name may lie
        // anywhere, and one pass is what keeps 5,000 entries as fast as 50
        for (const hit of CompiledRenames.for(ctx.preset.units).find(ctx.text, places)) {
          const r = hit.rename
          if (r.since > asOf) continue
          // inside the window in which local governments carried the reform out: not certain
          const settled = settledBy(r)
          if (settled && asOf < settled) continue
          // the level of the unit named, not of the plan: 省地震局 in a county plan is a
          // provincial unit; a national name (卫生部) is national in any plan
          const unitLevel = levelOfUnit(hit.prefix, r.levels, level, plan.jurisdiction?.parts ?? [])
          if (unitLevel && r.levels && r.levels.length > 0 && !r.levels.some((l) => l === unitLevel)) continue
          // the local prefix stays: 区委社治委 → 区委社会工作部, not 社会工作部
          const prefix = hit.prefix || ownPrefix(hit.old, r.old, ctx.preset.units.prefixes)
          const current = r.new.map((n) => localName(prefix, cleanNewName(n))).filter((n, i, a) => n && a.indexOf(n) === i)
          const replacement = current[0]!
          const data = { written: hit.written, reform: reformName(r.reform), since: sinceText(r.since), current: current.slice(0, 3).join('」或「') }
          // the new name already listed in the same paragraph (`县文广新局、县文化广电旅游局`): a
          // fix would name the unit twice, so only a suggestion
          const paragraph = enclosing(ctx.nlcst, hit.start, hit.end, 'ParagraphNode')
          const duplicate = paragraph !== undefined && toString(paragraph).includes(replacement)
          const rename = (fixer: RuleFixer) => fixer.replaceTextRange([hit.start, hit.end], replacement)
          const fix = r.unambiguous && !duplicate ? rename : undefined
          ctx.report({
            messageId: 'outdated',
            data,
            range: [hit.start, hit.end],
            severity: severityFor(r.confidence, r.severity === 'error' ? ctx.severity : 'warn'),
            fix,
            suggest: r.unambiguous && duplicate ? [{ desc: `改为「${replacement}」（同一处已列出该单位，请酌情删除重复）`, fix: rename }] : undefined,
            expected: replacement,
            expectedFrom: 'standard',
            actual: hit.written,
          })
        }
      },
    }
  },
})


/** The prefix an old name carries itself (`区委社治委`, listed beside `社治委`): `区委`. */
function ownPrefix(old: string, olds: string[], prefixes: string[]): string {
  const p = [...prefixes].sort((a, b) => b.length - a.length).find((x) => old.startsWith(x) && olds.includes(old.slice(x.length)))
  return p ?? ''
}

/** A new name under the local prefix: 区委 + 党委社会工作部 → 区委社会工作部; 区 + 农业农村局 →
 * 区农业农村局; a name that already carries the prefix stays as it is. */
function localName(prefix: string, name: string): string {
  if (!prefix) return name
  if (name.startsWith(prefix)) return name
  if (name.startsWith('党委')) return (prefix.endsWith('委') ? prefix : `${prefix}委`) + name.slice(2)
  return prefix + name
}

type Level = NonNullable<NonNullable<PlanTree['jurisdiction']>['level']>

/**
 * The level of the unit a hit names: a national-only rename names a national body wherever it
 * is written; a level prefix says it (省/自治区 → province, 县/区/旗 → county, 市/州/盟 → city, or
 * the plan's own level in a county-level city's plan); a place name of the plan's jurisdiction
 * says which part; a bare name is the plan's own unit.
 */
function levelOfUnit(prefix: string, levels: string[] | undefined, planLevel: Level | undefined, parts: string[]): string | undefined {
  if (levels && levels.length === 1 && levels[0] === 'national') return 'national'
  const p = prefix.replace(/^(.*?)(委)?$/, '$1')
  if (!p) return planLevel
  if (/^(省|自治区)$/.test(p)) return 'province'
  if (/^(县|区|旗|自治县)$/.test(p)) return 'county'
  if (/^(市|州|盟)$/.test(p)) return planLevel === 'county' || planLevel === 'town' ? (parts.at(-1)?.endsWith(p) ? 'county' : 'city') : 'city'
  // a place name: the part it names
  const i = parts.findIndex((x) => x === p || withoutDivisionSuffix(x) === p)
  if (i === -1 || i === parts.length - 1) return planLevel
  const part = parts[i]!
  if (/(省|自治区)$/.test(part)) return 'province'
  if (/(市|州|盟|地区)$/.test(part)) return 'city'
  return planLevel
}

function reformName(reform: string): string {
  const r = reform.replace(/\s+/g, '')
  if (/^\d{4}$/.test(r)) return `${r}年`
  if (/^\d{4}-\d{2}$/.test(r)) return `${r.replace(/-(\d{2})$/, '—20$1')}年`
  return r
}

/** `2023-03` → `2023年3月`. */
function sinceText(since: string): string {
  const m = /^(\d{4})(?:-(\d{1,2}))?/.exec(since)
  if (!m) return since
  return m[2] ? `${m[1]}年${Number(m[2])}月` : `${m[1]}年`
}

/** The latest date named in a rename's local window (`2018-10..2019-03` → `2019-03`). */
function settledBy(r: { localWindow?: string }): string | undefined {
  const dates = (r.localWindow ?? '').match(/\d{4}(?:-\d{2})?/g)
  return dates?.sort().at(-1)
}
