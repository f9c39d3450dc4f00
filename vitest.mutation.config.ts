import { defineConfig } from 'vitest/config'

/**
 * The tests Stryker runs against each mutant of src/engine and src/plan (`npm run mutation`,
 * stryker.config.mjs): the in-process tests of the engine, the plan builder and the rules.
 * Tests that run the built CLI (`node bin/planlint.js`) read dist/, which a mutant of src/
 * never reaches, so they are left out, and so is the dist build of the unit suite.
 */
export default defineConfig({
  test: {
    testTimeout: 120_000,
    include: [
      'test/engine-*.test.ts',
      'test/fix-directives.test.ts',
      'test/group.test.ts',
      'test/rule-tester.test.ts',
      'test/plan-*.test.ts',
      'test/parse.test.ts',
      'test/lexicon.test.ts',
      'test/rules/*.test.ts',
    ],
    exclude: ['test/corpus/**', '**/node_modules/**'],
  },
})
