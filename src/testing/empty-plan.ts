/**
 * Small builders for tests of rules and of the engine: an empty plan tree and a preset
 * that requires nothing. Real documents should go through `buildPlan` and `loadPreset`.
 */
import type { PlanTree } from '../plan/types.js'
import { textLocator } from '../support/location.js'

/** A plan tree with nothing in it, spanning `text`. */
export function emptyPlan(text: string): PlanTree {
  const locate = textLocator(text)
  const end = locate(text.length)
  return {
    type: 'plan',
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: end.line, column: end.column, offset: text.length } },
    draft: false,
    outline: [],
    headings: [],
    sections: [],
    actions: [],
    projects: [],
    tasks: [],
    responsibilities: [],
    targets: [],
    units: [],
    citations: [],
    docNumbers: [],
    tableRows: [],
  }
}

/** A preset that requires nothing and sets no rules. */
export { minimalPreset } from '../presets/empty.js'
