/**
 * Mutation testing (issue 13): `npm run mutation` mutates the engine kernel and the plan
 * builder and runs the in-process tests (vitest.mutation.config.ts) against each mutant.
 * Slow — not part of CI or `npm test`: about 2,000 mutants, each re-running the test files
 * that cover it (hours on two shared cores). `npm run mutation:engine` (stryker.engine.config.mjs)
 * is the quicker one: the kernel against its own tests. Narrow either with `--mutate`, e.g.
 *   npm run mutation -- --mutate 'src/plan/assign.ts'
 * Static mutants (module-level constants, which every test would have to re-run) are
 * ignored. The HTML report goes to reports/mutation/ (ignored by git).
 */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: ['src/engine/**/*.ts', 'src/plan/**/*.ts', '!src/engine/types.ts', '!src/plan/types.ts'],
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  checkers: [],
  concurrency: 2,
  timeoutMS: 20000,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  ignorePatterns: ['dist', 'coverage', 'reports', 'bench/.generated', 'scratch', '.planlintcache', 'test/corpus'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 85, low: 80, break: null },
}
