import { defineConfig } from 'vitest/config'

/**
 * Two projects. `unit` is `npm test`: it reads nothing outside the repository (its fixtures
 * are under test/fixtures/). `corpus` is `npm run test:corpus`: the tests that need the real
 * plans in ../shared/corpus (CI clones the repository next to shared/).
 */
export default defineConfig({
  test: {
    // Many tests run the real CLI as a child process; on a loaded machine (CI's 2 cores, or
    // several suites at once) one such test can take minutes. The limits only stop a hung
    // test; speed is measured by `npm run bench`, never by a test's time.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    globalSetup: ['test/setup/build.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts', 'rules/**/*.test.ts'], exclude: ['test/corpus/**', '**/node_modules/**'] },
      },
      {
        extends: true,
        test: { name: 'corpus', include: ['test/corpus/**/*.test.ts'], globalSetup: ['test/corpus/setup.ts', 'test/setup/build.ts'] },
      },
    ],
  },
})
