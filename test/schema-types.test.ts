import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadUnitDictionary } from '../src/presets/units.js'

const root = path.resolve(import.meta.dirname, '..')

describe('types derived from the JSON Schemas', () => {
  it('src/presets/schema-types.ts and src/config/schema-types.ts are what the schemas generate', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts/schema-types.mjs'), '--check'], { cwd: root, encoding: 'utf8' })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
  }, 60_000)

  it("a rename's localWindow (in the schema, missing from the old hand-written type) reaches the rule typed", () => {
    const withWindow = loadUnitDictionary().renames.filter((r) => r.localWindow !== undefined)
    expect(withWindow.length).toBeGreaterThan(0)
    for (const r of withWindow) expect(typeof r.localWindow).toBe('string')
  })
})
