/**
 * Realistic whole plans for the benchmark: each corpus plan kept whole (numbering, leads,
 * goals, notice and 分工表 intact), re-labelled for another place of the same level, with a
 * few planted mistakes of the kinds real drafts carry (an old department name, a half-width
 * bracket, a hyphen in a year range, a skipped heading number, editing residue, a repeated
 * sentence, a 文号 in square brackets, a lead clause dropped, an unclosed title mark).
 * Findings per plan come out in the tens, as on real drafts.
 */
import type { Prng } from './prng.js'

/** One corpus plan and where it is: the names that are re-labelled. */
export interface Base {
  file: string
  /** Full name and short name of the plan's own jurisdiction. */
  name: string
  short: string
  /** Its city (full, short), replaced too when a target names another city. */
  city?: [string, string]
}

/** A place to re-label a plan for: same level and suffix as the base's own name. */
interface Place {
  name: string
  short: string
  city?: [string, string]
}

export const BASES: readonly Base[] = [
  { file: 'nansha', name: '南沙区', short: '南沙' },
  { file: 'leping', name: '乐平市', short: '乐平', city: ['景德镇市', '景德镇'] },
  { file: 'qingyunpu', name: '青云谱区', short: '青云谱' },
  { file: 'jinjiang-draft', name: '锦江区', short: '锦江' },
]

/** Real sibling places (same city, or a county-level city of the same province). */
const PLACES: Record<string, readonly Place[]> = {
  nansha: ['番禺区', '花都区', '增城区', '从化区', '黄埔区', '白云区', '海珠区', '天河区'].map((n) => ({ name: n, short: n.slice(0, -1) })),
  leping: [
    { name: '瑞昌市', short: '瑞昌', city: ['九江市', '九江'] },
    { name: '贵溪市', short: '贵溪', city: ['鹰潭市', '鹰潭'] },
    { name: '德兴市', short: '德兴', city: ['上饶市', '上饶'] },
    { name: '丰城市', short: '丰城', city: ['宜春市', '宜春'] },
    { name: '高安市', short: '高安', city: ['宜春市', '宜春'] },
    { name: '瑞金市', short: '瑞金', city: ['赣州市', '赣州'] },
    { name: '井冈山市', short: '井冈山', city: ['吉安市', '吉安'] },
    { name: '乐平市', short: '乐平', city: ['景德镇市', '景德镇'] },
  ],
  qingyunpu: ['东湖区', '西湖区', '青山湖区', '新建区', '红谷滩区', '青云谱区'].map((n) => ({ name: n, short: n.slice(0, -1) })),
  'jinjiang-draft': ['青羊区', '金牛区', '武侯区', '成华区', '龙泉驿区', '新都区', '温江区', '双流区', '郫都区'].map((n) => ({
    name: n,
    short: n.slice(0, -1),
  })),
}

function replaceAll(text: string, from: string, to: string): string {
  return from === to ? text : text.split(from).join(to)
}

/** The plan re-labelled for `place`: full names first, then short ones, then the city. */
export function relabel(text: string, base: Base, place: Place): string {
  if (base.name === '' || place.name === base.name) return text
  let out = replaceAll(text, base.name, place.name)
  out = replaceAll(out, base.short, place.short)
  if (base.city && place.city) {
    out = replaceAll(out, base.city[0], place.city[0])
    out = replaceAll(out, base.city[1], place.city[1])
  }
  return out
}

export function placesFor(base: Base): readonly Place[] {
  return PLACES[base.file] ?? [{ name: base.name, short: base.short }]
}

/** A mistake planted at a random eligible place; returns the text unchanged when none fits. */
type Mistake = (lines: string[], prng: Prng, names: readonly string[]) => boolean

/** Indexes of lines matching `re`. */
function linesMatching(lines: string[], re: RegExp): number[] {
  const out: number[] = []
  lines.forEach((l, i) => {
    if (re.test(l)) out.push(i)
  })
  return out
}

function atRandomLine(lines: string[], prng: Prng, re: RegExp, edit: (line: string) => string): boolean {
  const candidates = linesMatching(lines, re)
  if (candidates.length === 0) return false
  const i = prng.pick(candidates)
  const edited = edit(lines[i]!)
  if (edited === lines[i]) return false
  lines[i] = edited
  return true
}

const UNIT_IN_LIST = /([区市县])([^、：，。；\t（）〔〕]{1,12}?(?:局|委|办))、/

/** Old department names (from the rename dictionary) written into lists of units. */
export const oldUnitName: Mistake = (lines, prng, names) =>
  atRandomLine(lines, prng, UNIT_IN_LIST, (l) => l.replace(UNIT_IN_LIST, (m, prefix: string) => `${prefix}${prng.pick(names)}、${m}`))

const MISTAKES: readonly Mistake[] = [
  // A half-width bracket pair in body text.
  (lines, prng) => atRandomLine(lines, prng, /^[^#\t]{40,}（[^（）]{2,20}）/, (l) => l.replace(/（([^（）]{2,20})）/, '($1)')),
  // A hyphen instead of the dash in a year range.
  (lines, prng) => atRandomLine(lines, prng, /20\d\d—20\d\d/, (l) => l.replace(/(20\d\d)—(20\d\d)/, '$1-$2')),
  // A heading number skipped: （二） written （三）.
  (lines, prng) => atRandomLine(lines, prng, /^(#+\s*)?（二）/, (l) => l.replace('（二）', '（三）')),
  // Editing residue left in a paragraph.
  (lines, prng) =>
    atRandomLine(lines, prng, /^[^#\t]{60,}。$/, (l) => l.replace(/。$/, prng.pick(['（此处待补充）。', '（数据待核实）。', '。XX', '。[bookmark: _Toc1]']))),
  // A sentence repeated.
  (lines, prng) =>
    atRandomLine(lines, prng, /^[^#\t]{40,}。[^。]{20,}。/, (l) => {
      const first = l.slice(0, l.indexOf('。') + 1)
      return l.replace(first, first + first)
    }),
  // A 文号 with square brackets.
  (lines, prng) => atRandomLine(lines, prng, /〔20\d\d〕\d+号/, (l) => l.replace(/〔(20\d\d)〕(\d+号)/, '[$1]$2')),
  // A lead clause dropped from a task.
  (lines, prng) => atRandomLine(lines, prng, /[（〔]牵头单位：[^）〕]*[）〕]$/, (l) => l.replace(/[（〔]牵头单位：[^）〕]*[）〕]$/, '')),
  // A full-width comma written half-width between Chinese.
  (lines, prng) => atRandomLine(lines, prng, /[\u4e00-\u9fff]，[\u4e00-\u9fff]/, (l) => l.replace(/([\u4e00-\u9fff])，([\u4e00-\u9fff])/, '$1,$2')),
  // A title mark left open.
  (lines, prng) => atRandomLine(lines, prng, /《[^《》]{4,30}》[^《]/, (l) => l.replace(/《([^《》]{4,30})》/, '《$1')),
]

/**
 * Plants `count` mistakes (picked at random, each at most once) and `renames` old
 * department names; returns the new text and how many mistakes were planted.
 */
export function plantMistakes(text: string, prng: Prng, count: number, renames: number, names: readonly string[]): { text: string; planted: number } {
  const lines = text.split('\n')
  const order = [...MISTAKES.keys()]
  for (let i = order.length - 1; i > 0; i--) {
    const j = prng.int(0, i)
    ;[order[i], order[j]] = [order[j]!, order[i]!]
  }
  let planted = 0
  for (const k of order) {
    if (planted >= count) break
    if (MISTAKES[k]!(lines, prng, names)) planted++
  }
  for (let r = 0; r < renames; r++) if (oldUnitName(lines, prng, names)) planted++
  return { text: lines.join('\n'), planted }
}
