/** A preset that requires nothing and sets no rules: for probing a rule and for tests. */
import type { Preset } from './types.js'

export function minimalPreset(overrides: Partial<Preset> = {}): Preset {
  return {
    id: 'minimal',
    title: '空预设',
    chain: ['minimal'],
    documents: [],
    populations: [],
    projects: [],
    targets: [],
    units: { prefixes: [], renames: [], aliases: [], keep: [] },
    rules: {},
    ...overrides,
  }
}
