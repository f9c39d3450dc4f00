/**
 * `npm run mutation:plan`: the whole plan plugin (src/plan/**, its types excepted) mutated and
 * tested by the in-process tests that build plans (vitest.mutation-plan.config.ts: the plan-*
 * tests, the walk and runner driven through a plan, the listener keys, the unified interop and
 * the lexicon's plan checks). Narrow it to one file with `--mutate`, e.g.
 *   npm run mutation:plan -- --mutate src/plan/assign.ts
 * and list the survivors with `node scripts/mutation-survivors.mjs reports/mutation-plan/mutation.json`.
 */
import base from './stryker.config.mjs'

export default {
  ...base,
  mutate: ['src/plan/**/*.ts', '!src/plan/types.ts'],
  vitest: { configFile: 'vitest.mutation-plan.config.ts', related: false },
  htmlReporter: { fileName: 'reports/mutation-plan/index.html' },
  jsonReporter: { fileName: 'reports/mutation-plan/mutation.json' },
}
