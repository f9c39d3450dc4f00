/** README.md stays true: its rule table matches the rules, its preset table the presets. */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ruleList, rulesMarkdown } from '../src/cli/rules.js'
import { getRules } from '../src/index.js'
import { listPresets } from '../src/presets/index.js'
import type { Rule } from '../src/types.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8')

describe('README.md', () => {
  it('has the rule table `planlint rules --format markdown` prints', () => {
    const m = /<!-- rules:start -->\n([\s\S]*?)<!-- rules:end -->/.exec(readme)
    expect(m, 'README.md must keep the <!-- rules:start --> … <!-- rules:end --> markers').not.toBeNull()
    expect(m![1], 'README rule table is out of date: paste the output of `node bin/planlint.js rules --format markdown`').toBe(
      rulesMarkdown(ruleList(getRules() as Iterable<Rule>)),
    )
  })

  it('lists every bundled preset with what it extends', () => {
    for (const p of listPresets()) {
      const row = readme.split('\n').find((l) => l.startsWith(`| \`${p.id}\` |`))
      expect(row, `README preset table lacks ${p.id}`).toBeDefined()
      expect(row).toContain(p.extends ? `\`${p.extends}\`` : '—')
    }
  })

  it('gives exactly the two set-up commands, each in its own code block', () => {
    const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((b) => b[1]!.trim())
    expect(blocks).toContain('npm ci && node bin/planlint.js examples/draft.txt')
    expect(blocks).toContain('npm ci && npm test')
  })
})
