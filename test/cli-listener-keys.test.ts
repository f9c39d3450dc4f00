/**
 * A plugin that misspells a listener key, through the real CLI: exit 2 and one line naming the
 * key and the valid keys (the in-process checks are in test/listener-keys.test.ts). Kept apart
 * so that `npm run mutation:plan` runs only in-process tests against mutated src/.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { expectOneLineFailure, runCli } from './helpers/cli.js'

describe('through the CLI: a plugin that misspells a listener key', () => {
  const dir = mkdtempSync(join(tmpdir(), 'planlint-listener-keys-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const plugin = (file: string, key: string): void =>
    writeFileSync(
      join(dir, file),
      `export default { rules: { 'no-foo': {
  meta: { id: 'no-foo', type: 'problem', severity: 'warn',
    docs: { description: { zh: '不写 foo', en: 'no foo' }, url: 'https://example.test/no-foo' },
    schema: { type: 'object' }, messages: { foo: '不要写 foo' } },
  create(ctx) { return { ${JSON.stringify(key)}(node) { if (ctx.getText(node).includes('foo')) ctx.report({ node, messageId: 'foo' }) } } },
} } }\n`,
    )
  writeFileSync(join(dir, '方案.txt'), '一、总体要求\nfoo\n')

  it.each([
    ['a', 'Program', undefined],
    ['b', 'paragraph', 'ParagraphNode'],
  ])('planlint-plugin-%s with key %s: exit 2, one line naming the key and the valid keys', (ns, key, near) => {
    const file = `planlint-plugin-${ns}.mjs`
    plugin(file, key)
    writeFileSync(join(dir, 'planlint.config.yaml'), `plugins:\n  - ./${file}\nrules:\n  ${ns}/no-foo: warn\n`)
    const r = runCli(['方案.txt'], { cwd: dir })
    expectOneLineFailure(r, `监听键「${key}」`, file, 'plan、section、heading、action', 'TextNode', ':exit')
    if (near) expect(r.stderr).toContain(`是否想写「${near}」`)
    else expect(r.stderr).not.toContain('是否想写')
  })

  it('the same plugin with the right key lints', () => {
    plugin('planlint-plugin-c.mjs', 'ParagraphNode')
    writeFileSync(join(dir, 'planlint.config.yaml'), 'plugins:\n  - ./planlint-plugin-c.mjs\nrules:\n  c/no-foo: warn\n')
    const r = runCli(['方案.txt', '--format', 'json'], { cwd: dir })
    const messages = (JSON.parse(r.stdout) as { messages: { ruleId: string; line: number }[] }[])[0]!.messages
    expect(messages.filter((m) => m.ruleId === 'c/no-foo').map((m) => m.line)).toEqual([2])
  })
})
