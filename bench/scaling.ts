/**
 * `npm run bench -- --scaling`: the hostile input shapes of issue 12 at 1×, 4× and 16×,
 * each timed through the real CLI, with the time ratio of each step. Linear work gives a
 * ratio near 4 (less while start-up dominates); quadratic work gives ~16. A step over
 * LIMIT is marked ✘ and makes the run exit 1.
 *
 * Shapes: short unpunctuated lines before the first heading (the title scan); one
 * sentence with many 全县 (jurisdiction-terms); --fix on a big file; a many-page scanned
 * PDF (decided from its first pages).
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
      const unit = draft().replace(/\n/g, '[bookmark: _GoBack]\n')
      fs.writeFileSync(file, unit.repeat(Math.ceil((300 * 1024 * n) / Buffer.byteLength(unit))))
      return { file, args: ['--fix'] }
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

function timeCli(file: string, args: string[]): number {
  const bin = path.join(repoRoot(), 'bin/planlint.js')
  const started = process.hrtime.bigint()
  const r = spawnSync(process.execPath, [bin, file, ...args, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (r.status === null || (r.status === 2 && !/扫描图像/.test(r.stderr))) throw new Error(`${path.basename(file)}: ${r.stderr.split('\n')[0]}`)
  return ms
}

export async function runScaling(log: (line: string) => void): Promise<{ rows: string[]; ok: boolean }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-scaling-'))
  const rows = ['| shape | 1× | 4× | 16× | 4×/1× | 16×/4× |', '| --- | ---: | ---: | ---: | ---: | ---: |']
  let ok = true
  try {
    for (const shape of SHAPES) {
      const times: number[] = []
      for (const k of [1, 4, 16]) {
        const { file, args } = shape.make(shape.base * k, dir)
        times.push(timeCli(file, args))
        fs.rmSync(file, { force: true })
      }
      const [a, b, c] = times as [number, number, number]
      const r1 = b / a
      const r2 = c / b
      const mark = (r: number) => `${r.toFixed(2)}${r > LIMIT ? ' ✘' : ''}`
      if (r1 > LIMIT || r2 > LIMIT) ok = false
      const row = `| ${shape.name} (${shape.base} ${shape.unit}) | ${(a / 1000).toFixed(2)} s | ${(b / 1000).toFixed(2)} s | ${(c / 1000).toFixed(2)} s | ${mark(r1)} | ${mark(r2)} |`
      rows.push(row)
      log(row)
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
  return { rows, ok }
}
