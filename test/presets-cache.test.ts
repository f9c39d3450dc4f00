import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { clearConfigCache, loadConfig } from '../src/config/config.js'
import { resetCacheDir } from '../src/support/cache.js'
import { clearPresetCache, listPresets, loadPreset, loadUnitDictionary } from '../src/presets/index.js'

const tmp = mkdtempSync(join(tmpdir(), 'planlint-cache-'))
const saved = { dir: process.env.PLANLINT_CACHE_DIR, off: process.env.PLANLINT_NO_CACHE }

function useCache(setting: { dir?: string; off?: boolean }): void {
  if (setting.dir) process.env.PLANLINT_CACHE_DIR = setting.dir
  else delete process.env.PLANLINT_CACHE_DIR
  if (setting.off) process.env.PLANLINT_NO_CACHE = '1'
  else delete process.env.PLANLINT_NO_CACHE
  resetCacheDir()
  clearPresetCache()
  clearConfigCache()
}

afterEach(() => useCache({ dir: saved.dir, off: saved.off === '1' }))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('without the content cache', () => {
  // Fresh module instances, so that each order starts with no schema compiled.
  async function fresh(): Promise<typeof import('../src/presets/index.js')> {
    vi.resetModules()
    return import('../src/presets/index.js')
  }

  it('parses and validates every bundled file, preset schema compiled first', async () => {
    useCache({ off: true })
    const m = await fresh()
    expect(m.loadPreset('chengdu').chain).toEqual(['national', 'sichuan', 'chengdu'])
    for (const { id } of m.listPresets()) expect(m.loadPreset(id).chain).toContain('national')
    expect(m.loadUnitDictionary().renames).toHaveLength(62)
  })

  it('parses and validates every bundled file, units schema compiled first', async () => {
    useCache({ off: true })
    const m = await fresh()
    expect(m.loadUnitDictionary().renames).toHaveLength(62)
    for (const { id } of m.listPresets()) expect(m.loadPreset(id).units.renames).toHaveLength(62)
  })
})

describe('with the content cache', () => {
  it('stores checked results and gives back the same data', () => {
    const dir = join(tmp, 'a')
    useCache({ dir })
    const first = JSON.parse(JSON.stringify(loadPreset('guangzhou')))
    const files = readdirSync(dir)
    expect(files.length).toBeGreaterThanOrEqual(5) // 3 presets + 2 unit files
    expect(files.every((f) => f.endsWith('.json'))).toBe(true)
    useCache({ dir })
    expect(loadPreset('guangzhou')).toEqual(first)
    expect(readdirSync(dir)).toEqual(files)
  })

  it('falls back to parsing when a cache entry is corrupt', () => {
    const dir = join(tmp, 'b')
    useCache({ dir })
    const first = JSON.parse(JSON.stringify(loadPreset('jiangxi')))
    for (const f of readdirSync(dir)) writeFileSync(join(dir, f), '{ not json')
    useCache({ dir })
    expect(loadPreset('jiangxi')).toEqual(first)
  })

  it('misses when the file changes, and never caches an error', () => {
    const dir = join(tmp, 'c')
    const work = mkdtempSync(join(tmp, 'work-'))
    const file = join(work, 'planlint.config.yaml')
    useCache({ dir })
    writeFileSync(file, 'status: draft\n')
    expect(loadConfig(file).status).toBe('draft')
    writeFileSync(file, 'status: final\n')
    clearConfigCache()
    expect(loadConfig(file).status).toBe('final')
    const before = readdirSync(dir).length
    writeFileSync(file, 'status: finished\n')
    clearConfigCache()
    expect(() => loadConfig(file)).toThrow(/status: 应为以下之一/)
    expect(readdirSync(dir)).toHaveLength(before)
    expect(() => loadConfig(file)).toThrow(/status: 应为以下之一/)
  })

  it('runs without a cache when the directory cannot be created', () => {
    const blocker = join(tmp, 'blocker')
    writeFileSync(blocker, 'a file, not a directory')
    useCache({ dir: join(blocker, 'sub') })
    expect(loadPreset('national').id).toBe('national')
  })
})
