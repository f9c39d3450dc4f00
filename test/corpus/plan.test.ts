import { describe, expect, it } from 'vitest'
import { buildPlan } from '../../src/plan/index.js'
import type { HeadingNode, PlanTree } from '../../src/types.js'
import { corpusFiles, readCorpus } from './corpus.js'

/** A readable digest of the tree: what `explain` shows, one line per fact. */
function digest(plan: PlanTree): string {
  const out: string[] = []
  out.push(`title: ${plan.title?.text}`)
  out.push(`jurisdiction: ${plan.jurisdiction?.parts.join(' › ')} (${plan.jurisdiction?.level ?? '?'})`)
  out.push(`period: ${plan.period ? `${plan.period.start}—${plan.period.end}` : '-'}; date: ${plan.date ?? '-'}; 文号: ${plan.docNumber?.text ?? '-'}; draft: ${plan.draft}`)
  const walk = (h: HeadingNode, indent: string) => {
    out.push(`${indent}${h.marker || '#'} ${h.title} [${h.role}]`)
    if (h.role !== 'task') for (const c of h.children) walk(c, indent + '  ')
  }
  for (const h of plan.outline) walk(h, '')
  for (const item of [...plan.actions, ...plan.projects]) {
    out.push(`${item.type}: ${item.name}`)
    for (const t of item.tasks) {
      out.push(`  ${t.heading.number}. ${t.title} ← ${t.lead.map((u) => u.name).join('、') || '（无）'} [${t.leadSource ?? '-'}]; 配合: ${t.partners.map((u) => u.name).join('、')}`)
    }
  }
  for (const g of plan.targets) {
    out.push(`target ${g.year}: quantified=${g.quantified} indicator=${g.indicator ?? '-'} value=${g.value ?? '-'} in=${g.sectionRole}`)
  }
  for (const c of plan.citations) out.push(`citation 《${c.title}》 ${c.docNumber?.text ?? ''}`)
  return out.join('\n')
}

describe('buildPlan on the corpus', () => {
  const plans = Object.fromEntries(corpusFiles.map((f) => [f, buildPlan(readCorpus(f))])) as Record<(typeof corpusFiles)[number], PlanTree>

  it.each(corpusFiles)('%s: the tree, as read by a reviewer', (name) => {
    expect(digest(plans[name])).toMatchSnapshot()
  })

  it('qingyunpu: 4 actions (no 农民), every task led by its action’s 牵头部门', () => {
    const p = plans.qingyunpu
    expect(p.actions.map((a) => a.name)).toEqual([
      '青少年科学素质提升行动',
      '产业工人科学素质提升行动',
      '老年人科学素质提升行动',
      '领导干部和公务员科学素质提升行动',
    ])
    expect(p.actions.some((a) => a.name.includes('农民'))).toBe(false)
    for (const a of p.actions) {
      const block = a.responsibilities.find((r) => r.lead.length > 0)
      expect(block, a.name).toBeDefined()
      for (const t of a.tasks) {
        expect(t.leadSource, t.title).toBe('block')
        expect(t.lead.map((u) => u.name)).toEqual(block!.lead.map((u) => u.name))
      }
    }
    expect(p.tasks).toHaveLength(38)
    expect(p.projects).toHaveLength(5)
  })

  it('leping: 5 actions and 5 projects numbered （六）–（十）', () => {
    const p = plans.leping
    expect(p.actions).toHaveLength(5)
    expect(p.projects).toHaveLength(5)
    expect(p.projects.map((x) => x.heading.number)).toEqual([6, 7, 8, 9, 10])
    expect(p.tasks.every((t) => t.lead.length > 0 && t.leadSource === 'block')).toBe(true)
    expect(p.actions[1]!.tasks[0]!.lead.map((u) => u.name)).toEqual(['市农业农村局', '市乡村振兴局', '市科协'])
  })

  it('jinjiang-draft: 5 actions, 城市居民 instead of 农民, a lead for every task', () => {
    const p = plans['jinjiang-draft']
    expect(p.actions).toHaveLength(5)
    expect(p.actions.map((a) => a.name)).toContain('城市居民科学素质提升行动')
    expect(p.actions.some((a) => a.name.includes('农民'))).toBe(false)
    expect(p.tasks.length).toBe(29)
    for (const t of p.tasks) {
      expect(t.lead.length, t.title).toBeGreaterThan(0)
      expect(t.leadSource).toBe('inline')
    }
    expect(p.draft).toBe(true)
    // `1、 总体要求` is a misnumbered top-level heading, not a task
    expect(p.outline[0]!.title).toBe('总体要求')
    expect(p.outline[0]!.level).toBe(1)
  })

  it('nansha: 5 actions, 6 projects, every lead from the 任务分工表 despite OCR noise', () => {
    const p = plans.nansha
    expect(p.actions).toHaveLength(5)
    expect(p.projects).toHaveLength(6)
    for (const t of p.tasks) {
      expect(t.leadSource, t.title).toBe('table')
      expect(t.lead.length, t.title).toBeGreaterThan(0)
    }
    const yinling = p.tasks.find((t) => t.title === '实施银龄科普行动')!
    expect(yinling.lead.map((u) => u.name)).toEqual(['区卫生健康局']) // `区卫生健康 局` in the table
    // OCR debris in the 配合单位 cell is not taken for units
    expect(p.units.some((u) => /局局|^区政局$/.test(u.name))).toBe(false)
  })

  it('targets: the headline percentage is read with its comparator', () => {
    const q = plans.qingyunpu.targets[0]!
    expect(q).toMatchObject({ year: 2025, value: 17, comparator: '>=', inGoals: true })
    expect(q.indicator).toBe('公民具备科学素质的比例')
    const j = plans['jinjiang-draft'].targets[0]!
    expect(j).toMatchObject({ year: 2025, value: 18, comparator: '>' })
    // nansha states its 2025 goal with no percentage
    const n = plans.nansha.targets.find((t) => t.inGoals)!
    expect(n.value).toBeUndefined()
    const vague = plans['jinjiang-draft'].targets.find((t) => t.text.includes('一批'))!
    expect(vague.quantified).toBe(false)
    expect(vague.vague).toContain('一批')
  })

  it('jurisdiction and title from the front matter', () => {
    expect(plans.qingyunpu.jurisdiction?.parts).toEqual(['南昌市', '青云谱区'])
    expect(plans.nansha.jurisdiction?.parts).toEqual(['广州市', '南沙区'])
    expect(plans['jinjiang-draft'].jurisdiction?.parts).toEqual(['成都市', '锦江区'])
    expect(plans.leping.jurisdiction?.parts).toEqual(['乐平市'])
    expect(plans.qingyunpu.docNumber?.text).toBe('青政发〔2022〕14号')
  })

  it('positions slice the text they describe', () => {
    for (const f of corpusFiles) {
      const text = readCorpus(f)
      const p = plans[f]
      for (const h of p.headings) expect(text.slice(h.markerPosition!.start.offset, h.markerPosition!.end.offset)).toBe(h.marker)
      for (const u of p.units) {
        const s = text.slice(u.position.start.offset, u.position.end.offset).replace(/\s+/g, '')
        expect(s, f).toBe(u.text.replace(/\s+/g, ''))
      }
      for (const c of p.citations) expect(text.slice(c.position.start.offset, c.position.end.offset)).toBe(`《${c.title}》`)
    }
  })
})
