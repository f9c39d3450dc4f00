import { defineConfig } from 'vitest/config'

/**
 * The tests Stryker runs against each mutant of the plan plugin (src/plan), for
 * `npm run mutation:plan` (stryker.plan.config.mjs). Only in-process tests: each imports src/
 * through vitest's TypeScript transform, so it runs the code Stryker mutated. Tests that run the
 * built CLI (`node bin/planlint.js` → dist/) are not here — dist/ is not in Stryker's sandbox
 * and would not be the mutated code if it were — which is why the CLI halves of the tree,
 * listener-key and interop tests live in test/cli-*.test.ts. The rule tests (test/rules/) are
 * left to the full `npm run mutation`: they reach every plan mutant and would run for each one.
 */
export default defineConfig({
  test: {
    testTimeout: 120_000,
    include: [
      'test/plan-*.test.ts',
      'test/engine-walk.test.ts',
      'test/engine-runner.test.ts',
      'test/listener-keys.test.ts',
      'test/interop.test.ts',
      'test/lexicon.test.ts',
    ],
    exclude: ['**/node_modules/**'],
  },
})
