import { defineConfig } from 'vitest/config'

/**
 * The kernel's own tests, for `npm run mutation:engine` (stryker.engine.config.mjs): fast
 * ones that import src/engine directly (lintText's end-to-end tests, which load presets and
 * every rule, are left to the full `npm run mutation`).
 */
export default defineConfig({
  test: {
    testTimeout: 120_000,
    include: ['test/engine-*.test.ts', 'test/fix-directives.test.ts', 'test/group.test.ts'],
    exclude: ['test/engine-lint.test.ts', 'test/engine-plugins.test.ts', '**/node_modules/**'],
  },
})
