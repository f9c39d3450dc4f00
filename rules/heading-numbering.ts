/**
 * heading-numbering: the outline numbering of GB/T 9704-2012 §7.3.3 — `一、` › `（一）` ›
 * `1.` › `（1）`. Each level counts up without gaps or repeats, either restarting under each
 * parent or running on across the whole level (many plans number tasks 1–38 across
 * actions): the convention the document uses is detected and only breaks of it are
 * reported. A marker must fit its level (`1、 总体要求` among `二、三、四、`), one level
 * uses one form (`1.` or `1、`, not both), and no space follows a marker.
 */

import { fragmentKind } from '../src/rules-support/completeness.js'
import { defineRule, ruleDocsUrl } from '../src/rules-support/context.js'
import type { HeadingNode, MarkerStyle, PlanTree } from '../src/types.js'

const CN_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九']
const STYLE_OF_LEVEL: Record<number, MarkerStyle[]> = { 1: ['cn-dun'], 2: ['cn-paren'], 3: ['arabic-dot', 'arabic-dun'], 4: ['arabic-paren'] }
const EXAMPLE_OF_LEVEL: Record<number, string> = { 1: '一、', 2: '（一）', 3: '1.', 4: '（1）' }
const LEVEL_NAME: Record<number, string> = { 1: '一级', 2: '二级', 3: '三级', 4: '四级' }

/** 1 → 一, 12 → 十二, 20 → 二十. */
export function toChinese(n: number): string {
  if (n < 10) return CN_DIGITS[n]!
  const tens = Math.floor(n / 10)
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${CN_DIGITS[n % 10]}`
}

/** The marker with its number replaced, keeping its form: `（二）` → `（三）`, `１．` → `２．`. */
function renumber(h: HeadingNode, n: number): string {
  if (h.style === 'cn-dun' || h.style === 'cn-paren') return h.marker.replace(/[一二三四五六七八九十]+/, toChinese(n))
  const fullWidth = /[０-９]/.test(h.marker)
  const digits = fullWidth ? String(n).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : String(n)
  return h.marker.replace(/[0-9０-９]+/, digits)
}

/** The form of a marker without its number and bracket width: `N.`, `N．`, `N、`, `（N）`. */
function form(h: HeadingNode): string {
  return h.marker.replace(/[一二三四五六七八九十]+|[0-9０-９]+/, 'N').replace(/\s+/g, '').replace('(', '（').replace(')', '）')
}

export default defineRule({
  meta: {
    id: 'heading-numbering',
    type: 'layout',
    severity: 'warn',
    docs: {
      description: {
        zh: '标题序号应逐级连续、不跳号不重号，层次符合“一、（一）1.（1）”，同级写法一致，序号后不空格（GB/T 9704-2012）',
        en: 'Outline numbering: no gaps or repeats, markers that fit the level (一、 › （一） › 1. › （1）), one form per level, no space after a marker',
      },
      url: ruleDocsUrl('heading-numbering'),
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: { type: 'object', additionalProperties: false },
    messages: {
      gap: '{{level}}标题序号跳号：「{{marker}}」前缺少第 {{missing}} 项（上一项是第 {{prev}} 项）',
      repeat: '{{level}}标题序号重复：「{{marker}}」与上一项序号相同',
      outOfOrder: '{{level}}标题序号倒退：「{{marker}}」排在第 {{prev}} 项之后，应为第 {{expected}} 项',
      wrongNumber: '{{level}}标题序号应为「{{expected}}」，此处写成「{{marker}}」（前后两项分别是第 {{prev}} 项和第 {{next}} 项）',
      wrongMarker: '「{{marker}}」不是{{level}}标题的序号写法，应为「{{expected}}」（GB/T 9704：一、›（一）› 1. ›（1））',
      mixedForm: '同级标题序号写法应统一：本文{{level}}标题多用「{{majority}}」，此处为「{{marker}}」',
      spaceAfter: '序号「{{marker}}」后不应有空格',
      useForm: '改为「{{replacement}}」',
    },
  },
  create(ctx) {
    const { text } = ctx
    return {
      plan(plan: PlanTree) {
        const headings = plan.headings.filter((h) => h.style !== 'markdown' && h.markerPosition)
        // 1. the marker fits the level; no space after it
        for (const h of headings) {
          const mp = h.markerPosition!
          const fits = STYLE_OF_LEVEL[h.level]?.includes(h.style) ?? true
          const badDun = h.style === 'cn-dun' && !h.marker.endsWith('、')
          if (!fits || badDun) {
            const expected = h.level === 1 ? `${toChinese(h.number)}、` : h.level === 2 ? `（${toChinese(h.number)}）` : undefined
            const replacement = expected ?? EXAMPLE_OF_LEVEL[h.level]!
            ctx.report({
              messageId: 'wrongMarker',
              data: { marker: h.marker, level: LEVEL_NAME[h.level] ?? '', expected: replacement },
              range: [mp.start.offset, mp.end.offset],
              fix: expected && h.number > 0 && h.number < 100 ? { range: [mp.start.offset, mp.end.offset], text: expected } : undefined,
              expected: replacement,
              expectedFrom: 'standard',
              actual: h.marker,
            })
          }
          const gapStart = mp.end.offset
          const gapEnd = h.titlePosition.start.offset
          const gap = text.slice(gapStart, gapEnd)
          // a space after a full-width marker (、 ） ．); after half-width `1.` or `(一)` it is Latin spacing
          if (gap.length > 0 && /^[ \t\u3000]+$/.test(gap) && /[、，）．]$/.test(h.marker)) {
            ctx.report({ messageId: 'spaceAfter', data: { marker: h.marker }, range: [gapStart, gapEnd], fix: { range: [gapStart, gapEnd], text: '' } })
          }
        }
        // 2. one form per level
        for (const level of [1, 2, 3, 4]) {
          const at = headings.filter((h) => h.level === level && (STYLE_OF_LEVEL[level]?.includes(h.style) ?? false) && !(h.style === 'cn-dun' && !h.marker.endsWith('、')))
          const counts = new Map<string, number>()
          for (const h of at) counts.set(form(h), (counts.get(form(h)) ?? 0) + 1)
          if (counts.size < 2) continue
          const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1])
          // on a tie the standard form (`N.`) wins, else the first used
          const top = ranked.filter(([, n]) => n === ranked[0]![1]).map(([f]) => f)
          const majority = top.includes('N.') ? 'N.' : top.length > 1 ? form(at[0]!) : top[0]!
          for (const h of at) {
            const f = form(h)
            if (f === majority) continue
            const mp = h.markerPosition!
            const replacement = majority.replace('N', h.level <= 2 ? toChinese(h.number) : String(h.number))
            ctx.report({
              messageId: 'mixedForm',
              data: { level: LEVEL_NAME[level]!, majority: majority.replace('N', level <= 2 ? '一' : '1'), marker: h.marker },
              range: [mp.start.offset, mp.end.offset],
              suggest: [{ desc: `改为「${replacement}」`, fix: { range: [mp.start.offset, mp.end.offset], text: replacement } }],
            })
          }
        }
        // 3. counting: restart under each parent, or run on across the level. Tasks are counted
        // apart from other lists of the same level: a plan numbering its tasks 1–38 across the
        // actions still restarts `1.` in 保障措施 or in an indicator list of the goals.
        const groups = new Map<string, HeadingNode[][]>()
        const collect = (siblings: HeadingNode[]) => {
          const byLevel = new Map<number, HeadingNode[]>()
          for (const h of siblings) {
            if (h.style === 'markdown' || h.number <= 0) continue
            const g = byLevel.get(h.level) ?? []
            g.push(h)
            byLevel.set(h.level, g)
          }
          for (const [level, g] of byLevel) {
            const key = `${level}:${g[0]!.role === 'task' ? 'task' : 'other'}`
            const list = groups.get(key) ?? []
            list.push(g)
            groups.set(key, list)
          }
          for (const h of siblings) collect(h.children)
        }
        collect(plan.outline)
        const excerpt = fragmentKind(plan, ctx.text) === 'excerpt'
        for (const [key, list] of groups) {
          const level = Number(key.split(':')[0])
          list.sort((a, b) => a[0]!.position.start.offset - b[0]!.position.start.offset)
          let restart = 0
          let runOn = 0
          for (let k = 1; k < list.length; k++) {
            const first = list[k]![0]!.number
            const prevLast = list[k - 1]![list[k - 1]!.length - 1]!.number
            if (first === 1) restart++
            else if (first === prevLast + 1) runOn++
          }
          const continuous = runOn > restart
          let carried = 0
          for (const [k, g] of list.entries()) {
            // an excerpt may start at any number (（三）老年人…): its first list is not a gap
            const start = k === 0 && excerpt && plan.outline.includes(g[0]!) ? g[0]!.number : 1
            checkGroup(g, continuous ? Math.max(carried + 1, start) : start, level)
            carried = g[g.length - 1]!.number
          }
        }

        function checkGroup(g: HeadingNode[], firstExpected: number, level: number) {
          let prev = firstExpected - 1
          g.forEach((h, i) => {
            const expected = prev + 1
            const n = h.number
            if (n !== expected) {
              const next = g[i + 1]
              const mp = h.markerPosition!
              const data = { level: LEVEL_NAME[level] ?? '', marker: h.marker, prev, expected, missing: expected === n - 1 ? String(expected) : `${expected}—${n - 1}` }
              if (next && next.number === expected + 1 && i > 0) {
                const fixed = renumber(h, expected)
                ctx.report({ messageId: 'wrongNumber', data: { ...data, expected: fixed, next: next.number }, range: [mp.start.offset, mp.end.offset], fix: { range: [mp.start.offset, mp.end.offset], text: fixed } })
                prev = expected
                return
              }
              if (n === prev) ctx.report({ messageId: 'repeat', data, range: [mp.start.offset, mp.end.offset] })
              else if (n > expected) ctx.report({ messageId: 'gap', data, range: [mp.start.offset, mp.end.offset] })
              else ctx.report({ messageId: 'outOfOrder', data, range: [mp.start.offset, mp.end.offset] })
            }
            prev = n
          })
        }
      },
    }
  },
})

