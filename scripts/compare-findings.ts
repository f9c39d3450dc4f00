/**
 * Behaviour check for refactors: the JSON findings (`node bin/planlint.js FILE --format json`)
 * of the corpus plans, every fixture plan under test/fixtures and some generated bench plans,
 * saved once and compared after each change.
 *
 *   npx tsx scripts/compare-findings.ts save DIR      run the CLI (needs `npm run build`) and save
 *   npx tsx scripts/compare-findings.ts compare DIR   run again and list every file whose JSON differs
 *
 * Options: `--corpus DIR` (default ../shared/corpus), `--bench N` (generated plans, default 20).
 * The JSON is normalised only by dropping the absolute file path (so two worktrees compare).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { generate } from '../bench/generate.js'

const root = resolve(import.meta.dirname, '..')
const [mode, outArg, ...rest] = process.argv.slice(2)
if ((mode !== 'save' && mode !== 'compare') || !outArg) {
  process.stderr.write('usage: compare-findings.ts save|compare DIR [--corpus DIR] [--bench N]\n')
  process.exit(2)
}
const opt = (name: string, fallback: string): string => {
  const i = rest.indexOf(name)
  return i >= 0 && rest[i + 1] ? rest[i + 1]! : fallback
}
const corpusDir = resolve(root, opt('--corpus', '../shared/corpus'))
const benchCount = Number(opt('--bench', '20'))
const out = resolve(outArg)

const PLAN = /\.(txt|md|docx|doc|pdf)$/
function walk(dir: string, found: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) walk(p, found)
    else if (PLAN.test(name) && !/README\.md$/.test(name)) found.push(p)
  }
}

const files: { key: string; path: string }[] = []
for (const name of readdirSync(corpusDir).sort()) if (name.endsWith('.txt')) files.push({ key: `corpus/${name}`, path: join(corpusDir, name) })
const fixtures: string[] = []
walk(join(root, 'test', 'fixtures'), fixtures)
for (const p of fixtures) files.push({ key: relative(root, p), path: p })
const benchDir = join(tmpdir(), `compare-findings-bench-${process.pid}`)
const generated = generate({ corpusDir, outDir: benchDir, plans: benchCount, smallDict: 50, largeDict: 60, seed: 13 })
for (const p of generated.files) files.push({ key: `bench/${relative(benchDir, p)}`, path: p })

function findings(path: string): string {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'planlint.js'), path, '--format', 'json'], { encoding: 'utf8', cwd: root, maxBuffer: 1 << 28 })
  let body = r.stdout
  try {
    const parsed = JSON.parse(r.stdout) as { filePath?: string }[]
    for (const res of parsed) if (res && typeof res === 'object') delete res.filePath
    body = JSON.stringify(parsed, null, 1)
  } catch {
    // not JSON (an error line): compare it as written
  }
  return `exit ${r.status}\n${r.stderr}\n${body}\n`
}

mkdirSync(out, { recursive: true })
let differ = 0
for (const f of files) {
  const target = join(out, f.key.replace(/[\\/]/g, '__') + '.json')
  const now = findings(f.path)
  if (mode === 'save') {
    writeFileSync(target, now)
    continue
  }
  const before = existsSync(target) ? readFileSync(target, 'utf8') : '(missing)'
  if (before !== now) {
    differ++
    writeFileSync(target + '.after', now)
    process.stdout.write(`DIFFERS ${f.key}  (diff ${target} ${target}.after)\n`)
  }
}
process.stdout.write(mode === 'save' ? `saved ${files.length} files to ${out}\n` : `${files.length} files compared, ${differ} differ\n`)
process.exitCode = differ > 0 ? 1 : 0
