/**
 * A third-party unified plugin named in config, through the real CLI (issue 13 item 4; the
 * in-process interop tests are in test/interop.test.ts). Kept apart so that
 * `npm run mutation:plan` runs only in-process tests against mutated src/.
 */
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runCli } from './helpers/cli.js'

const fixtures = fileURLToPath(new URL('./fixtures/unified/', import.meta.url))

describe('a third-party unified plugin in planlint’s pipeline, through the CLI', () => {
  it('through the CLI: the config found next to the plan names it; json and a missing plugin', () => {
    const r = runCli(['plan.txt', '--format', 'json'], { cwd: fixtures })
    const messages = (JSON.parse(r.stdout) as { messages: { ruleId: string; line: number; column: number }[] }[])[0]!.messages
    expect(messages.filter((m) => m.ruleId === 'retext-repeated-words').map((m) => [m.line, m.column])).toEqual([[5, 10]])
    const missing = runCli(['plan.txt', '--config', 'missing.config.yaml'], { cwd: fixtures })
    expect(missing.status).toBe(2)
    expect(missing.stderr).toMatch(/找不到 unified 插件「retext-not-installed-anywhere」/)
    expect(missing.stderr.trim().split('\n')).toHaveLength(1)
  })
})
