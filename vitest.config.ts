import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'rules/**/*.test.ts'],
    testTimeout: 30000,
    globalSetup: ['test/setup/build.ts'],
  },
})
