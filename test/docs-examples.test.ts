/**
 * The extension docs cannot rot: the example plugin (docs/plugins.md), its rule and the
 * rule's test (docs/rules.md), and the worked county preset (docs/presets.md) are taken from
 * the docs word for word and run — the rule's test with vitest as its author would, the plugin
 * and the preset through the real CLI. docs/rules.md's table of listener keys is the walk's.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { NODE_KEYS } from '../src/plan/walk.js'
import { root, runAsync, runCli } from './helpers/cli.js'

const doc = (name: string): string => readFileSync(join(root, 'docs', name), 'utf8')

/** `<!-- file: PATH -->` followed by a fenced block: PATH → the block's text. */
function filesOf(markdown: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const m of markdown.matchAll(/<!-- file: (\S+) -->\n```[a-z]*\n([\s\S]*?)\n```/g)) out.set(m[1]!, `${m[2]!}\n`)
  return out
}

/** Lines inside the marked listener-key table: the keys of its first column, in order. */
function listenerTable(markdown: string): string[] {
  const table = /<!-- listener-keys:start -->([\s\S]*?)<!-- listener-keys:end -->/.exec(markdown)?.[1] ?? ''
  return [...table.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!)
}

const squeeze = (s: string): string => s.replace(/[ \t]+/g, ' ').trim()

describe('docs/rules.md', () => {
  it('lists exactly the listener keys the walk emits, in its order', () => {
    expect(listenerTable(doc('rules.md'))).toEqual([...NODE_KEYS])
  })

  it('links to its sibling docs, and README links all three', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8')
    for (const name of ['rules.md', 'presets.md', 'plugins.md']) expect(readme).toContain(`](docs/${name})`)
    expect(doc('rules.md')).toContain('](plugins.md)')
    expect(doc('plugins.md')).toContain('](rules.md)')
  })
})

describe('the example plugin of docs/rules.md and docs/plugins.md', () => {
  const dir = mkdtempSync(join(tmpdir(), 'planlint-docs-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const files = new Map([...filesOf(doc('rules.md')), ...filesOf(doc('plugins.md'))])
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  // As in a team's repository after `npm install -D planlint ./planlint-plugin-example`.
  mkdirSync(join(dir, 'node_modules'))
  symlinkSync(root, join(dir, 'node_modules', 'planlint'), 'dir')
  symlinkSync(join(dir, 'planlint-plugin-example'), join(dir, 'node_modules', 'planlint-plugin-example'), 'dir')

  it('has the plugin’s package.json, index, rule, rule test and config', () => {
    expect([...files.keys()].sort()).toEqual([
      'planlint-plugin-example/index.js',
      'planlint-plugin-example/package.json',
      'planlint-plugin-example/rules/vague-deadline.js',
      'planlint-plugin-example/rules/vague-deadline.test.js',
      'planlint.config.yaml',
    ])
  })

  it('the rule’s test from the doc passes under vitest, every case of it', async () => {
    const report = join(dir, 'vitest-report.json')
    // Awaited, not spawnSync: a worker blocked for a minute under load fails the whole run
    // (vitest's "Timeout calling onTaskUpdate").
    const r = await runAsync(
      process.execPath,
      [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--root', dir, '--reporter', 'json', '--outputFile', report, 'planlint-plugin-example/rules/vague-deadline.test.js'],
      { cwd: dir, env: { ...process.env, CI: '1' } },
    )
    expect(r.status, r.stdout + r.stderr).toBe(0)
    const json = JSON.parse(readFileSync(report, 'utf8')) as {
      numPassedTests: number
      numFailedTests: number
      testResults: { assertionResults: { fullName: string; status: string }[] }[]
    }
    const tests = json.testResults.flatMap((t) => t.assertionResults)
    // meta + 2 valid + 2 invalid, all run and passed
    expect(tests.map((t) => t.status)).toEqual(['passed', 'passed', 'passed', 'passed', 'passed'])
    expect(tests.map((t) => t.fullName)).toContain('vague-deadline meta 有效')
    expect(json.numFailedTests).toBe(0)
  })

  it('the config from the doc loads the plugin by name and its rule reports, with the suggestion', () => {
    writeFileSync(
      join(dir, '方案.txt'),
      '云溪县全民科学素质行动实施方案（2021—2025年）\n二、提升行动\n（一）实施农民科学素质提升行动\n1.建设乡村科普站。尽快在每个乡镇建成科普站。（牵头单位：县科协）\n',
    )
    const r = runCli(['方案.txt', '--format', 'json'], { cwd: dir })
    expect(r.stderr).toBe('')
    const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string; line: number; column: number; severity: number; message: string; suggestions?: { desc: string }[] }[] }[]
    const mine = result!.messages.filter((m) => m.ruleId === 'example/vague-deadline')
    expect(mine).toEqual([
      expect.objectContaining({
        line: 4,
        column: 11,
        severity: 1,
        message: '「农民科学素质提升行动」中的任务写了「尽快」，没有写明完成时限',
        suggestions: [expect.objectContaining({ desc: '改为“2025年底前”' })],
      }),
    ])
  })
})

describe('the worked county preset of docs/presets.md', () => {
  const dir = mkdtempSync(join(tmpdir(), 'planlint-docs-preset-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const presetsDoc = doc('presets.md')
  const files = filesOf(presetsDoc)
  writeFileSync(join(dir, '临江市.yaml'), files.get('临江市.yaml') ?? '')
  copyFileSync(join(root, 'examples/draft.txt'), join(dir, '云溪县方案.txt'))

  it('lints examples/draft.txt as the doc says: the one finding more than national, the preset named in the summary', () => {
    const quoted = /结果多了一条[^\n]*\n\n```text\n([^\n]+)\n```/.exec(presetsDoc)?.[1]
    expect(quoted).toBeDefined()
    const withCity = runCli(['--preset', './临江市.yaml', '云溪县方案.txt'], { cwd: dir })
    expect(withCity.status, withCity.stderr).toBe(1)
    const lines = withCity.stdout.split('\n').map(squeeze)
    expect(lines).toContain(squeeze(quoted!))
    expect(withCity.stdout).toContain('使用预设 linjiang：命令行或调用参数 preset 指定')
    const national = runCli(['--preset', 'national', '云溪县方案.txt'], { cwd: dir })
    const count = (out: string) => out.split('\n').filter((l) => /^\s+\d+:\d+\s/.test(l)).length
    expect(count(withCity.stdout)).toBe(count(national.stdout) + 1)
    expect(national.stdout).not.toContain('target-alignment')
  })

  it('--print-config shows the chain national → jiangxi → linjiang', () => {
    const r = runCli(['--preset', './临江市.yaml', '--print-config', '云溪县方案.txt'], { cwd: dir })
    expect(r.status, r.stderr).toBe(0)
    expect((JSON.parse(r.stdout) as { preset: { chain: string[] } }).preset.chain).toEqual(['national', 'jiangxi', 'linjiang'])
  })
})
