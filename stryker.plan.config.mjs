/**
 * `npm run mutation:plan`: the plan plugin's walk, plugin and assignment steps (src/plan/walk.ts,
 * plugin.ts, assign.ts) mutated and tested by the in-process tests that reach them
 * (vitest.mutation-plan.config.ts). The structure builder (structure.ts, tree.ts, lines.ts,
 * outline.ts) is left to the full `npm run mutation`.
 */
import base from './stryker.config.mjs'

export default {
  ...base,
  mutate: ['src/plan/walk.ts', 'src/plan/plugin.ts', 'src/plan/assign.ts'],
  vitest: { configFile: 'vitest.mutation-plan.config.ts', related: false },
  htmlReporter: { fileName: 'reports/mutation-plan/index.html' },
  jsonReporter: { fileName: 'reports/mutation-plan/mutation.json' },
}
