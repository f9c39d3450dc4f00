/**
 * The layers of issue 13, enforced: the rules of .dependency-cruiser.cjs (engine is a kernel,
 * no import runs back up a layer, no module cycle) and no cycle between folders either.
 */
import { createRequire } from 'node:module'
import { cruise, type ICruiseResult } from 'dependency-cruiser'
import { beforeAll, describe, expect, it } from 'vitest'

const require = createRequire(import.meta.url)
let result: ICruiseResult

beforeAll(async () => {
  const config = require('../.dependency-cruiser.cjs') as { forbidden: never[]; options: Record<string, unknown> }
  const out = await cruise(['src', 'rules'], { ...config.options, validate: true, ruleSet: { forbidden: config.forbidden } } as never)
  result = out.output as ICruiseResult
}, 120_000)

/** The layer a module belongs to: `src/engine`, `rules`, `src/index.ts`… */
function folderOf(path: string): string {
  const parts = path.split('/')
  return parts[0] === 'src' && parts.length > 2 ? `src/${parts[1]}` : parts[0] === 'rules' ? 'rules' : path
}

describe('architecture', () => {
  it('resolves every local import (so the rules below see every edge)', () => {
    const unresolved = result.modules.flatMap((m) =>
      m.dependencies.filter((d) => d.couldNotResolve && d.module.startsWith('.')).map((d) => `${m.source} → ${d.module}`),
    )
    expect(unresolved).toEqual([])
    const runner = result.modules.find((m) => m.source === 'src/engine/runner.ts')
    expect(runner?.dependencies.map((d) => d.resolved)).toContain('src/engine/rule.ts')
  })

  it('breaks none of the layer rules', () => {
    const violations = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)
    expect(violations).toEqual([])
  })

  it('the engine imports only the engine and the base layer', () => {
    const outside = result.modules
      .filter((m) => m.source.startsWith('src/engine/'))
      .flatMap((m) => m.dependencies.filter((d) => d.resolved.startsWith('src/') || d.resolved.startsWith('rules/')))
      .map((d) => folderOf(d.resolved))
    expect([...new Set(outside)].sort()).toEqual(expect.arrayContaining(['src/engine']))
    expect(outside.filter((f) => !['src/engine', 'src/support', 'src/lexicon', 'src/errors.ts', 'src/text'].includes(f))).toEqual([])
  })

  it('has no cycle between folders', () => {
    const edges = new Map<string, Set<string>>()
    for (const m of result.modules) {
      const from = folderOf(m.source)
      for (const d of m.dependencies) {
        if (!(d.resolved.startsWith('src/') || d.resolved.startsWith('rules/'))) continue
        // The CLI launches the `lsp` and `serve` subcommands by dynamic import: that is the
        // composition of surfaces, not a dependency of the CLI on them.
        if (m.source === 'src/cli/index.ts' && d.dynamic) continue
        const to = folderOf(d.resolved)
        if (to === from) continue
        if (!edges.has(from)) edges.set(from, new Set())
        edges.get(from)!.add(to)
      }
    }
    // Tarjan would do; the graph is small, so: a folder that reaches itself is in a cycle.
    const reaches = (start: string): Set<string> => {
      const seen = new Set<string>()
      const stack = [...(edges.get(start) ?? [])]
      while (stack.length > 0) {
        const f = stack.pop()!
        if (seen.has(f)) continue
        seen.add(f)
        stack.push(...(edges.get(f) ?? []))
      }
      return seen
    }
    const cyclic = [...edges.keys()].filter((f) => reaches(f).has(f))
    expect(cyclic).toEqual([])
  })
})
