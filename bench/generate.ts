/**
 * The benchmark's inputs, generated deterministically (seeded PRNG) from the four corpus
 * plans: a corpus of realistic whole plans (bench/plans.ts: each corpus plan re-labelled for a
 * sibling place, with a few planted mistakes), a ~40 KB plan, two unit-rename
 * dictionaries (the real renames of presets/units/renames.yaml, and those plus generated
 * department names), each written both as a planlint preset extending `national` and as a
 * prh YAML for textlint-rule-prh, and a text on which both tools must find exactly the same
 * dictionary hits.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { stringify } from 'yaml'
import { loadUnitDictionary } from '../src/presets/index.js'
import type { UnitRename } from '../src/types.js'
import { BASES, placesFor, plantMistakes, relabel } from './plans.js'
import { Prng } from './prng.js'

export interface GenerateOptions {
  /** Folder holding the corpus plans (`../shared/corpus` from the repository root). */
  corpusDir: string
  /**
   * The plans to read there (file names without `.txt`); the corpus's four by default, which
   * are re-labelled for sibling places. Other plans (the smoke test uses the project's own
   * fixture plans) are kept under their own names, with the mistakes planted all the same.
   */
  names?: readonly string[]
  /** Where to write (emptied first). */
  outDir: string
  /** Number of generated plans (200 for the benchmark). */
  plans: number
  /** Entries of the small and the large dictionary (50 and 5,000). */
  smallDict: number
  largeDict: number
  seed?: number
}

export interface DictionaryFiles {
  entries: number
  /** planlint preset (extends national; `units.renames` is the dictionary). */
  preset: string
  /** prh rules file for textlint-rule-prh. */
  prh: string
  /** textlint config using that prh file. */
  textlintrc: string
}

export interface Generated {
  files: string[]
  bytes: number
  /** The single plan (the largest corpus plan re-labelled, ~38 KB). */
  plan: string
  planBytes: number
  /** Mistakes planted over the corpus (old names included). */
  planted: number
  small: DictionaryFiles
  large: DictionaryFiles
  /** A plan listing dictionary names where every name is one hit for both tools. */
  agreementText: string
  /** How many dictionary names `agreementText` holds (the hits both must find). */
  agreementNames: number
}

interface Pair {
  old: string
  new: string
  source: UnitRename
}

/** Names as the dictionary writes them, without notes in brackets or XX placeholders. */
function cleanName(name: string): string | undefined {
  const n = name.replace(/\s*[（(][^）)]*[）)]\s*$/, '').trim()
  if (n.length < 2 || /[（(）)\s/]|XX|简称/.test(n)) return undefined
  return n
}

/** old → new pairs from the bundled renames, in file order. */
export function realRenames(): Pair[] {
  const out: Pair[] = []
  const seen = new Set<string>()
  for (const r of loadUnitDictionary().renames) {
    const now = r.new.map(cleanName).find((n): n is string => n !== undefined)
    if (!now) continue
    for (const o of r.old) {
      const old = cleanName(o)
      if (!old || old !== o || seen.has(old)) continue
      seen.add(old)
      out.push({ old, new: now, source: r })
    }
  }
  return out
}

const DOMAINS = [
  '水利', '交通运输', '教育', '科学技术', '工业和信息化', '民政', '司法', '财政', '人力资源', '住房保障',
  '城市管理', '商务', '文化', '体育', '退役军人', '应急管理', '审计', '统计', '医疗保障', '林业', '草原',
  '储备', '信访', '机关事务', '供销', '气象', '邮政', '港口', '航道', '海事', '水文', '地质', '矿产', '口岸',
  '投资促进', '招商', '园区', '开发区', '湿地', '水务', '能源', '电力', '燃气', '公路', '铁路', '航空', '物流',
  '会展', '人才', '科普', '青少年', '老年', '残疾人', '妇女儿童', '红十字', '慈善', '志愿服务', '档案史志',
  '地方志', '党史研究', '政策研究', '城乡统筹', '产业发展', '数字经济', '营商环境', '公共资源', '国有资产',
]
const MIDS = [
  '发展', '管理', '服务', '监督', '保障', '促进', '建设', '执法', '保护', '开发', '协调', '综合', '事务',
  '技术', '信息', '安全', '质量', '改革', '运行', '调度', '考核', '评估', '统筹', '推广',
]
const SUFFIXES = ['局', '委员会', '办公室', '中心', '管理局', '服务中心', '事务局', '领导小组办公室', '工作站', '指挥部', '管理处', '促进会']
const NEW_SUFFIXES = ['服务中心', '事务中心', '发展中心', '管理局', '工作局']

/** Plausible department names not in the bundled dictionary, none inside another. */
function generatedRenames(count: number, prng: Prng, avoid: string[]): Pair[] {
  const names = new Set<string>()
  const source: UnitRename = {
    old: ['(generated)'],
    new: ['(generated)'],
    reform: '2018',
    since: '2018-03',
    severity: 'error',
    confidence: 'verified: planlint bench (generated name)',
    unambiguous: true,
  }
  let guard = 0
  while (names.size < count * 1.3 && guard++ < count * 50) {
    const name = prng.pick(DOMAINS) + prng.pick(MIDS) + prng.pick(SUFFIXES)
    if (name.length < 3 || avoid.some((a) => name.includes(a) || a.includes(name))) continue
    names.add(name)
  }
  // No name inside another: every occurrence is then exactly one hit for any matcher.
  const inside = (n: string): boolean => {
    for (let i = 0; i < n.length; i++) for (let j = i + 2; j <= n.length; j++) if ((i > 0 || j < n.length) && names.has(n.slice(i, j))) return true
    return false
  }
  const clean = [...names].filter((n) => !inside(n)).slice(0, count)
  if (clean.length < count) throw new Error(`只生成了 ${clean.length} 个单位名称，少于 ${count}`)
  return clean.map((old) => {
    let now = old.replace(/(局|委员会|办公室|中心|管理局|服务中心|事务局|领导小组办公室|工作站|指挥部|管理处|促进会)$/, '') + prng.pick(NEW_SUFFIXES)
    if (now === old || now.includes(old)) now = old.slice(0, 2) + '事务服务中心'
    return { old, new: now, source }
  })
}

function writeDictionary(outDir: string, label: string, pairs: Pair[]): DictionaryFiles {
  const renames = pairs.map((p) => {
    const r = p.source
    const e: Record<string, unknown> = {
      old: [p.old],
      new: [p.new],
      reform: r.reform,
      since: r.since,
      severity: r.severity,
      confidence: r.confidence,
    }
    if (r.levels) e.levels = [...r.levels]
    if (r.unambiguous !== undefined) e.unambiguous = r.unambiguous
    if (r.guards) e.guards = [...r.guards]
    return e
  })
  const preset = join(outDir, `units-${label}.yaml`)
  writeFileSync(
    preset,
    stringify({
      id: `bench-units-${label}`,
      title: `基准测试：${pairs.length} 条单位更名`,
      extends: 'national',
      units: { renames },
    }),
  )
  const prh = join(outDir, `prh-${label}.yml`)
  writeFileSync(prh, stringify({ version: 1, rules: pairs.map((p) => ({ expected: p.new, pattern: p.old })) }))
  const textlintrc = join(outDir, `textlintrc-${label}.json`)
  writeFileSync(textlintrc, JSON.stringify({ rules: { prh: { rulePaths: [basename(prh)] } } }, null, 2))
  return { entries: pairs.length, preset, prh, textlintrc }
}

/** Writes everything under `outDir` and says where. Same options, same bytes. */
export function generate(opts: GenerateOptions): Generated {
  const prng = new Prng(opts.seed ?? 20250701)
  rmSync(opts.outDir, { recursive: true, force: true })
  mkdirSync(join(opts.outDir, 'corpus'), { recursive: true })

  const bases = opts.names ? opts.names.map((n) => BASES.find((b) => b.file === n) ?? { file: n, name: '', short: '' }) : BASES
  const texts = bases.map((b) => readFileSync(join(opts.corpusDir, `${b.file}.txt`), 'utf8').replace(/\r\n?/g, '\n'))

  const real = realRenames()
  if (real.length < Math.min(opts.smallDict, 50)) throw new Error(`renames.yaml 只有 ${real.length} 对更名`)
  const small = real.slice(0, opts.smallDict)
  const bundledOld = loadUnitDictionary().renames.flatMap((r) => r.old.map((o) => cleanName(o) ?? o))
  const keep = loadUnitDictionary().keep
  const generatedCount = Math.max(0, opts.largeDict - small.length)
  const extra = generatedRenames(generatedCount, prng, [...bundledOld, ...keep, ...real.flatMap((p) => [p.old, p.new])])
  const large = [...small, ...extra]

  // Corpus: every plan is a whole corpus plan re-labelled for a sibling place, with a few
  // planted mistakes and old department names from both dictionaries.
  const smallNames = small.map((p) => p.old)
  const extraNames = extra.slice(0, 200).map((p) => p.old)
  const files: string[] = []
  let bytes = 0
  let planted = 0
  const plan = (i: number): string => {
    const b = i % bases.length
    const base = bases[b]!
    const places = placesFor(base)
    let text = relabel(texts[b]!, base, places[Math.floor(i / bases.length) % places.length]!)
    const mistakes = plantMistakes(text, prng, prng.int(3, 7), prng.int(2, 4), smallNames)
    text = mistakes.text
    planted += mistakes.planted
    if (extraNames.length > 0) {
      const more = plantMistakes(text, prng, 0, prng.int(1, 2), extraNames)
      text = more.text
      planted += more.planted
    }
    return text
  }
  for (let i = 0; i < opts.plans; i++) {
    let text = plan(i)
    if (prng.chance(0.1)) text = text.replace(/\n/g, '\r\n')
    const file = join(opts.outDir, 'corpus', `plan-${String(i).padStart(3, '0')}.txt`)
    writeFileSync(file, text)
    files.push(file)
    bytes += Buffer.byteLength(text)
  }

  // The single plan: the first (for the corpus: nansha, ~38 KB, the largest) re-labelled, with mistakes.
  const planText = plan(0)
  const planFile = join(opts.outDir, 'plan-40k.txt')
  writeFileSync(planFile, planText)

  // Agreement: generated names (none inside another, none in the bundled dictionary) in a
  // context where planlint takes them for unit names; prh matches every occurrence.
  const agree = extra.length > 0 ? extra.slice(0, 20) : []
  const lines = ['某某县全民科学素质行动实施方案', '', '一、重点任务', '']
  agree.forEach((p, i) => lines.push(`（${i + 1}）开展第${i + 1}项科普活动。牵头单位：${p.old}。`))
  const agreementText = lines.join('\n') + '\n'

  return {
    files,
    bytes,
    plan: planFile,
    planBytes: Buffer.byteLength(planText),
    planted,
    small: writeDictionary(opts.outDir, 'small', small),
    large: writeDictionary(opts.outDir, 'large', large),
    agreementText,
    agreementNames: agree.length,
  }
}
