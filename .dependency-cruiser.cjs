/**
 * The layers of planlint (issue 13), checked by `npm run deps` and test/architecture.test.ts.
 * Lower layers never import higher ones; the engine is a kernel that knows no rule, parser,
 * plan, preset or config: the composition root (src/lint, src/index.ts, the CLI) hands them in.
 *
 *   base      src/support, src/lexicon, src/text, src/errors.ts
 *   engine    src/engine                         (base)
 *   parse     src/parse                          (base)
 *   plan      src/plan                           (base, parse)
 *   io        src/io                             (base)
 *   presets   src/presets                        (base, engine types, parse, plan)
 *   dict      src/dict                           (base, presets)
 *   config    src/config                         (base, engine, presets)
 *   rules-support, rules/                        (all of the above)
 *   lint      src/lint  (composition root)       (all of the above)
 *   surfaces  src/cli, src/reporters, src/testing, src/index.ts, …
 */
const ABOVE_BASE = '^src/(engine|parse|plan|io|presets|dict|config|rules-support|lint|cli|reporters|testing|serve|lsp)/|^rules/|^src/(index|types)\\.ts$'
const SURFACES = 'src/(lint|cli|reporters|testing|serve|lsp)/|^src/(index|types)\\.ts$'

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'No module cycles.', from: {}, to: { circular: true } },
    {
      name: 'base-is-base',
      severity: 'error',
      comment: 'support, lexicon and text are used by every layer and use none.',
      from: { path: '^src/(support|lexicon|text)/|^src/errors\\.ts$' },
      to: { path: ABOVE_BASE },
    },
    {
      name: 'engine-is-a-kernel',
      severity: 'error',
      comment: 'The engine knows no rule, parser, plan, preset, config or input adapter.',
      from: { path: '^src/engine/' },
      to: { path: '^src/(parse|plan|io|presets|dict|config|rules-support)/|^rules/|' + SURFACES },
    },
    {
      name: 'parse-is-low',
      severity: 'error',
      from: { path: '^src/parse/' },
      to: { path: '^src/(engine|plan|io|presets|dict|config|rules-support)/|^rules/|' + SURFACES },
    },
    {
      name: 'plan-reads-the-parse-only',
      severity: 'error',
      from: { path: '^src/plan/' },
      to: { path: '^src/(engine|io|presets|dict|config|rules-support)/|^rules/|' + SURFACES },
    },
    {
      name: 'io-stands-alone',
      severity: 'error',
      from: { path: '^src/io/' },
      to: { path: '^src/(engine|parse|plan|presets|dict|config|rules-support)/|^rules/|' + SURFACES },
    },
    {
      name: 'presets-below-config-and-rules',
      severity: 'error',
      from: { path: '^src/presets/' },
      // io/read-bounded is the bounded file reader every layer that reads files uses
      to: { path: '^src/(io/(?!read-bounded)|dict|config|rules-support)|^rules/|' + SURFACES },
    },
    {
      name: 'dict-below-rules',
      severity: 'error',
      from: { path: '^src/dict/' },
      to: { path: '^src/(engine|io|config|rules-support)/|^rules/|' + SURFACES },
    },
    {
      name: 'config-below-rules',
      severity: 'error',
      from: { path: '^src/config/' },
      to: { path: '^src/(rules-support)/|^rules/|' + SURFACES },
    },
    {
      name: 'rules-below-the-composition-root',
      severity: 'error',
      comment: 'Rules read nodes and presets; they are handed to the engine, never the other way.',
      from: { path: '^src/rules-support/|^rules/' },
      to: { path: SURFACES.replace('|^src/(index|types)\\.ts$', '|^src/index\\.ts$') },
    },
    {
      name: 'composition-root-below-surfaces',
      severity: 'error',
      from: { path: '^src/lint/' },
      to: { path: '^src/(cli|reporters|testing|serve|lsp)/|^src/index\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
}
