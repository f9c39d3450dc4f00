// Builds the extension for packaging: the client bundled by esbuild into dist/extension.js,
// and the planlint package itself (as `npm pack` would publish it, with its production
// dependencies from the repository's lockfile) in server/, which the client starts as
// `node server/bin/planlint.js lsp --stdio`. Run from a fresh clone after the root's
// `npm ci` (which builds the root's dist/).
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as esbuild from 'esbuild'

const here = path.dirname(fileURLToPath(import.meta.url))
const ext = path.resolve(here, '..')
const repo = path.resolve(ext, '../..')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

if (!existsSync(path.join(repo, 'dist/src/cli/index.js'))) {
  console.error('planlint 尚未构建：请先在仓库根目录运行 npm ci（或 npm run build）')
  process.exit(1)
}

// 1. The client.
await esbuild.build({
  entryPoints: [path.join(ext, 'src/extension.ts')],
  bundle: true,
  outfile: path.join(ext, 'dist/extension.js'),
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  external: ['vscode'],
  logLevel: 'warning',
})

// 2. The server: the published package's files, then its production dependencies.
const server = path.join(ext, 'server')
rmSync(server, { recursive: true, force: true })
const tmp = mkdtempSync(path.join(tmpdir(), 'planlint-vsix-'))
try {
  execFileSync(npm, ['pack', '--ignore-scripts', '--pack-destination', tmp], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] })
  const tarball = readdirSync(tmp).find((f) => f.endsWith('.tgz'))
  if (!tarball) throw new Error('npm pack 没有生成 .tgz')
  execFileSync('tar', ['-xzf', path.join(tmp, tarball), '-C', tmp])
  renameSync(path.join(tmp, 'package'), server)
} finally {
  rmSync(tmp, { recursive: true, force: true })
}
copyFileSync(path.join(repo, 'package-lock.json'), path.join(server, 'package-lock.json'))
execFileSync(npm, ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: server, stdio: ['ignore', 'ignore', 'inherit'] })
rmSync(path.join(server, 'package-lock.json'))
mkdirSync(path.join(server, 'node_modules', '.cache'), { recursive: true })
console.log(`planlint 扩展已构建：dist/extension.js，server/（${readdirSync(path.join(server, 'node_modules')).length} 个依赖目录）`)
