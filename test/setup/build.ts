/**
 * vitest globalSetup: the CLI tests run the real `node bin/planlint.js`, which loads the
 * compiled dist/. Build it once before the suite — skipped when dist/ is newer than every
 * source file, so running a single test file stays quick.
 *
 * tsc still emits when some file has a type error; that is reported here as a warning and
 * left to `npm run typecheck` (CI runs both), so one engineer's half-finished file does
 * not stop everyone else's tests.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

function newestMtime(dir: string): number {
  let newest = 0
  if (!fs.existsSync(dir)) return newest
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p))
    else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs)
  }
  return newest
}

export default function setup(): void {
  const entry = path.join(root, 'dist/src/cli/index.js')
  const bundle = path.join(root, 'dist/bundle/cli.js')
  const sources = Math.max(
    newestMtime(path.join(root, 'src')),
    newestMtime(path.join(root, 'rules')),
    fs.statSync(path.join(root, 'tsconfig.json')).mtimeMs,
    fs.statSync(path.join(root, 'tsconfig.build.json')).mtimeMs,
  )
  if (fs.existsSync(entry) && fs.statSync(entry).mtimeMs > sources && fs.existsSync(bundle) && fs.statSync(bundle).mtimeMs > sources) {
    const built = newestMtime(path.join(root, 'dist'))
    if (built >= sources) return
  }
  // npm run build: tsc (dist/src, dist/rules) and the CLI bundle (dist/bundle) the tests run.
  const run = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, encoding: 'utf8' })
  if (!fs.existsSync(entry) || !fs.existsSync(bundle)) {
    throw new Error(`构建 dist/ 失败（npm run build）：\n${run.stdout}${run.stderr}`)
  }
  if (run.status !== 0) {
    const lines = `${run.stdout}${run.stderr}`.trim().split('\n')
    console.warn(`[test/setup/build] tsc 报告 ${lines.length} 行类型错误，dist/ 仍已生成：\n${lines.slice(0, 10).join('\n')}`)
  }
}
