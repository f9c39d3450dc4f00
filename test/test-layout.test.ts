/**
 * The test layout every engineer follows: `npm test` (vitest project `unit`) reads nothing
 * outside the repository; tests that need the real corpus live in test/corpus/ and run by
 * `npm run test:corpus` (project `corpus`). This guards the rule statically; the proof is a
 * fresh clone with nothing beside it passing `npm ci && npm test`.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { root } from './helpers/cli.js'

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? filesUnder(p) : /\.(ts|mjs|js)$/.test(e.name) ? [p] : []
  })
}

describe('test layout', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }

  it('npm test runs the unit project, npm run test:corpus the corpus project', () => {
    expect(pkg.scripts.test).toBe('vitest run --project unit')
    expect(pkg.scripts['test:corpus']).toBe('vitest run --project corpus')
    const ci = fs.readFileSync(path.join(root, '.ci/run'), 'utf8')
    expect(ci.indexOf('\nnpm test')).toBeGreaterThan(0)
    expect(ci.indexOf('\nnpm run test:corpus')).toBeGreaterThan(ci.indexOf('\nnpm test'))
  })

  it('no test outside test/corpus/ reads the shared corpus or its helper', () => {
    const offenders = [...filesUnder(path.join(root, 'test')), ...filesUnder(path.join(root, 'rules'))]
      .filter((f) => !f.startsWith(path.join(root, 'test/corpus') + path.sep))
      .filter((f) => f !== path.join(root, 'test/test-layout.test.ts'))
      .filter((f) => /shared\/corpus|\/work\/shared|corpus\/corpus\.js|helpers\/corpus/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f))
    expect(offenders).toEqual([])
  })
})
