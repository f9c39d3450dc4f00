#!/usr/bin/env node
/**
 * `npm run build` (also `prepare`, so `npm ci` builds): two outputs from the same sources.
 *
 * 1. `tsc -p tsconfig.build.json` → dist/src, dist/rules: the library (`import 'planlint'`),
 *    its type declarations, and what tests import.
 * 2. esbuild → dist/bundle/: the command line (`cli.js`, what bin/planlint.js loads) and the
 *    `--jobs` worker (`lint-worker.js`), one file each. Loading ~100 small modules cost
 *    ~100 ms of a cold start (resolution, realpath, a read and a compilation per module);
 *    one file costs one of each, and V8 compiles a function only when it first runs.
 *    Modules behind dynamic imports (reporters other than the one asked for, Word/PDF
 *    adapters, subcommands) are in the file but not initialised until used.
 *
 * Data files are not bundled: presets, schemas and the data cache are found from the
 * package root at run time (src/presets/resolve.ts), JSON the code imports is inlined, and
 * packages loaded through createRequire (ajv, yaml, the division data) resolve from
 * node_modules as before. Packages that are heavy and used only for Word/PDF input or
 * for legacy encodings stay external (loaded from node_modules when needed).
 *
 *   node scripts/build.mjs            tsc + bundle
 *   node scripts/build.mjs --bundle   the bundle only (tsc already ran)
 */
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bundleOnly = process.argv.includes('--bundle')

let tscFailed = false
if (!bundleOnly) {
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  })
  tscFailed = tsc.status !== 0
}

/** Used only for Word, PDF or non-UTF-8 input (or by plugins): loaded from node_modules when needed. */
const EXTERNAL = ['unpdf', 'iconv-lite', 'jschardet', 'ajv', 'yaml']

/**
 * commander requires node:child_process at load time, only to spawn executable subcommands
 * (planlint has none); loading it costs several ms of every start. Inside commander it is
 * replaced by an object that loads the real module on first use.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer) ? { path: 'lazy-child-process', namespace: 'planlint-lazy' } : undefined,
    )
    build.onLoad({ filter: /.*/, namespace: 'planlint-lazy' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] })",
      loader: 'js',
    }))
  },
}

/**
 * Subcommands with large libraries of their own (the language server: vscode-languageserver;
 * the review page: hono) are bundles of their own, which the CLI imports only when that
 * subcommand runs: otherwise every `planlint file.txt` would read and pre-parse them. They
 * carry their own copy of the engine (PlanlintError is recognised across copies).
 */
const SEPARATE = { lsp: 'src/lsp/index.ts', serve: 'src/serve/start.ts' }
const separateBundles = {
  name: 'separate-bundles',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/(lsp\/index|serve\/start)\.js$/ }, (args) => {
      if (!/[\\/]src[\\/]cli[\\/]index\.ts$/.test(args.importer)) return undefined
      return { path: args.path.startsWith('../lsp') ? './lsp.js' : './serve.js', external: true }
    })
  },
}

const esbuild = await import('esbuild')
rmSync(join(root, 'dist', 'bundle'), { recursive: true, force: true })
const common = {
  absWorkingDir: root,
  outdir: 'dist/bundle',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  // CommonJS dependencies bundled into ES modules call require() for Node built-ins.
  banner: { js: "import { createRequire as __planlintCreateRequire } from 'node:module'; const require = __planlintCreateRequire(import.meta.url);" },
  // Comments and white space removed (less to read and pre-parse at every start); names
  // kept, so a --debug stack trace still says which function failed (and the map says where).
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
}
await Promise.all([
  esbuild.build({ ...common, entryPoints: { cli: 'src/cli/index.ts', 'lint-worker': 'src/cli/lint-worker.ts' }, plugins: [lazyChildProcess, separateBundles] }),
  esbuild.build({ ...common, entryPoints: SEPARATE, plugins: [lazyChildProcess] }),
])
process.exitCode = tscFailed ? 1 : 0
