import { defineConfig } from 'vitest/config'

/**
 * The tests that reach the plan plugin's walk, plugin and assignment steps, for
 * `npm run mutation:plan` (stryker.plan.config.mjs): the walk's own tests, the runner driven
 * through the plan, the plan builder's tests, the unified interop and the lexicon's plan checks.
 */
export default defineConfig({
  test: {
    testTimeout: 120_000,
    include: [
      'test/engine-walk.test.ts',
      'test/engine-runner.test.ts',
      'test/plan-*.test.ts',
      'test/listener-keys.test.ts',
      'test/interop.test.ts',
      'test/lexicon.test.ts',
    ],
    exclude: ['**/node_modules/**'],
  },
})
