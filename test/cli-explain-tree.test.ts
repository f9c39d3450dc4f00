/**
 * `planlint explain --format tree` through the real CLI: the one tree (test/plan-tree.test.ts
 * builds it in process) as a user sees it. Kept apart from the in-process tree tests so that
 * `npm run mutation:plan` can run those against mutated src/ without the built dist/.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { root, runCli } from './helpers/cli.js'

describe('planlint explain --format tree', () => {
  it('prints the one tree: sections, actions, tasks, paragraph kinds, sentences and the facts they hold, with places', () => {
    const r = runCli(['explain', path.join(root, 'examples/draft.txt'), '--format', 'tree'])
    expect(r.status).toBe(0)
    const lines = r.stdout.split('\n')
    expect(lines[0]).toBe('RootNode [1:1]')
    expect(lines).toContain('  SectionNode role=goals [7:1]')
    expect(lines).toContain('    ActionNode 「青少年科学素质提升行动」 [13:1]')
    expect(lines).toContain('      TaskNode 「弘扬科学精神」 [15:1]')
    expect(lines).toContain('        · heading level=1 role=actions “二、提升行动”')
    expect(lines.some((l) => /^ {12}· responsibility inline lead=县教育体育局 partners=县科协、团县委 “〔牵头单位：/.test(l))).toBe(true)
    expect(lines.some((l) => /^ {12}· unit 县科协 “县科协”$/.test(l))).toBe(true)
  })

  it('refuses an unknown format with one line naming the three', () => {
    const r = runCli(['explain', path.join(root, 'examples/draft.txt'), '--format', 'xml'])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('可用：text、json、tree')
  })
})
