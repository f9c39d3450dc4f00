/**
 * `npm run bench -- --scaling`: the hostile input shapes of issue 12 at 1×, 4× and 16×,
 * each timed through the real CLI, with the time ratio of each step. Linear work gives a
 * ratio near 4 (less while start-up dominates); quadratic work gives ~16. A step over
 * LIMIT is marked ✘ and makes the run exit 1.
 *
 * Shapes: short unpunctuated lines before the first heading (the title scan); one
 * sentence with many 全县 (jurisdiction-terms); --fix on a big file, and plain linting of
 * the same file (so the cost of --fix over a lint shows); a many-page scanned PDF (decided
 * from its first pages); a goals list of many target lines, and the same list written as
 * one sentence of many clauses (targets, quantified-targets); brackets nested deep.
 *
 * Each run is preloaded with usage-preload.cjs, so its CPU time (less sensitive to the
 * machine's load than wall time) and peak RSS are shown beside the wall time of the 16× run.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { repoRoot } from './scripts.js'

/** A step ratio above this means worse than n log n at these sizes. */
const LIMIT = 6

interface Shape {
  name: string
  base: number
  unit: string
  make: (n: number, dir: string) => { file: string; args: string[] }
}

const draft = () => fs.readFileSync(path.join(repoRoot(), 'examples/draft.txt'), 'utf8')

/** A plan whose goals section holds `body` (then one action, so the outline is whole). */
const withGoals = (body: string) =>
  `临江市云溪县全民科学素质行动规划纲要实施方案（2021—2025年）\n一、总体要求\n（一）主要目标\n${body}二、提升行动\n（一）青少年科学素质提升行动\n1.弘扬科学精神。〔牵头单位：县教育局〕\n`

/** A big file with fixable residue on every line: `n` × 300 KB. */
function bigFixable(n: number, file: string): void {
  const unit = draft().replace(/\n/g, '[bookmark: _GoBack]\n')
  fs.writeFileSync(file, unit.repeat(Math.ceil((300 * 1024 * n) / Buffer.byteLength(unit))))
}

/** A PDF of `pages` empty pages (what a scan without OCR looks like to a text reader). */
function blankPdf(pages: number): Buffer {
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>', '']
  const kids: string[] = []
  for (let i = 0; i < pages; i++) {
    const page = objects.length + 1
    kids.push(`${page} 0 R`)
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${page + 1} 0 R >>`, '<< /Length 0 >>\nstream\n\nendstream')
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages} >>`
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body))
    body += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = Buffer.byteLength(body)
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

const SHAPES: Shape[] = [
  {
    name: 'short lines before the first heading',
    base: 2500,
    unit: 'lines',
    make: (n, dir) => {
      const file = path.join(dir, `title-${n}.txt`)
      fs.writeFileSync(file, '科学素质\n'.repeat(n) + draft())
      return { file, args: [] }
    },
  },
  {
    name: 'one sentence a PDF broke over every line',
    base: 2500,
    unit: 'lines',
    make: (n, dir) => {
      const file = path.join(dir, `broken-${n}.txt`)
      fs.writeFileSync(file, draft() + '\n' + '加强组织领导，落实\n'.repeat(n) + '工作责任。\n')
      return { file, args: [] }
    },
  },
  {
    name: 'many 全县 in one sentence',
    base: 5000,
    unit: '全县',
    make: (n, dir) => {
      const file = path.join(dir, `county-${n}.txt`)
      fs.writeFileSync(file, draft() + '\n' + '全县'.repeat(n) + '。\n')
      return { file, args: [] }
    },
  },
  {
    name: '--fix on a big file',
    base: 1,
    unit: '× 300 KB',
    make: (n, dir) => {
      const file = path.join(dir, `fix-${n}.txt`)
      bigFixable(n, file)
      return { file, args: ['--fix'] }
    },
  },
  {
    name: 'the same big file, plain lint',
    base: 1,
    unit: '× 300 KB',
    make: (n, dir) => {
      const file = path.join(dir, `lint-${n}.txt`)
      bigFixable(n, file)
      return { file, args: [] }
    },
  },
  {
    name: 'goals list, one target per line',
    base: 2000,
    unit: 'lines',
    make: (n, dir) => {
      const file = path.join(dir, `goals-${n}.txt`)
      let body = ''
      for (let i = 0; i < n; i++) body += `到2025年，指标${i}的比例达到15%。\n`
      fs.writeFileSync(file, withGoals(body))
      return { file, args: [] }
    },
  },
  {
    name: 'goals list as one sentence',
    base: 2000,
    unit: 'clauses',
    make: (n, dir) => {
      const file = path.join(dir, `clauses-${n}.txt`)
      let body = '到2025年，主要指标如下：\n'
      for (let i = 0; i < n; i++) body += `——指标${i}的比例达到15%；\n`
      fs.writeFileSync(file, withGoals(body))
      return { file, args: [] }
    },
  },
  {
    name: 'brackets nested deep',
    base: 6250,
    unit: 'levels',
    make: (n, dir) => {
      const file = path.join(dir, `brackets-${n}.txt`)
      fs.writeFileSync(file, `${draft()}\n${'（《“'.repeat(n)}科学${'”》）'.repeat(n)}。\n`)
      return { file, args: [] }
    },
  },
  {
    name: 'many-page scanned PDF',
    base: 500,
    unit: 'pages',
    make: (n, dir) => {
      const file = path.join(dir, `scan-${n}.pdf`)
      fs.writeFileSync(file, blankPdf(n))
      return { file, args: [] }
    },
  },
]

interface Run {
  ms: number
  cpuMs: number
  maxRssKb: number
}

function timeCli(file: string, args: string[], usage: string): Run {
  const bin = path.join(repoRoot(), 'bin/planlint.js')
  const preload = path.join(repoRoot(), 'bench', 'usage-preload.cjs')
  fs.rmSync(usage, { force: true })
  const started = process.hrtime.bigint()
  const r = spawnSync(process.execPath, ['--require', preload, bin, file, ...args, '--format', 'json', '-o', `${file}.json`], {
    encoding: 'utf8',
    env: { ...process.env, PLANLINT_BENCH_USAGE: usage },
  })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (r.status === null || (r.status === 2 && !/扫描图像/.test(r.stderr))) throw new Error(`${path.basename(file)}: ${r.stderr.split('\n')[0]}`)
  fs.rmSync(`${file}.json`, { force: true })
  const used = JSON.parse(fs.readFileSync(usage, 'utf8').trim().split('\n').at(-1)!) as { cpuMs: number; maxRssKb: number }
  return { ms, ...used }
}

export async function runScaling(log: (line: string) => void): Promise<{ rows: string[]; ok: boolean }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-scaling-'))
  const rows = [
    '| shape | 1× | 4× | 16× | 4×/1× | 16×/4× | CPU 4×/1× | CPU 16×/4× | 16×: CPU, peak RSS |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ]
  const usage = path.join(dir, 'usage.jsonl')
  let ok = true
  try {
    for (const shape of SHAPES) {
      const runs: Run[] = []
      for (const k of [1, 4, 16]) {
        const { file, args } = shape.make(shape.base * k, dir)
        runs.push(timeCli(file, args, usage))
        fs.rmSync(file, { force: true })
      }
      const [a, b, c] = runs as [Run, Run, Run]
      const r1 = b.ms / a.ms
      const r2 = c.ms / b.ms
      const mark = (r: number) => `${r.toFixed(2)}${r > LIMIT ? ' ✘' : ''}`
      // a step counts as super-linear when wall time AND CPU time both say so (load inflates one or the other)
      if ((r1 > LIMIT && b.cpuMs / a.cpuMs > LIMIT) || (r2 > LIMIT && c.cpuMs / b.cpuMs > LIMIT)) ok = false
      const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
      const row =
        `| ${shape.name} (${shape.base} ${shape.unit}) | ${s(a.ms)} | ${s(b.ms)} | ${s(c.ms)} | ${mark(r1)} | ${mark(r2)} | ` +
        `${mark(b.cpuMs / a.cpuMs)} | ${mark(c.cpuMs / b.cpuMs)} | ${s(c.cpuMs)}, ${Math.round(c.maxRssKb / 1024)} MB |`
      rows.push(row)
      log(row)
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
  return { rows, ok }
}
