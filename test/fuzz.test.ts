/**
 * Fuzzing in `npm test` (issue 12, item 9): a fixed seed and a bounded number of runs, so
 * the suite is repeatable; `npm run fuzz` runs the same properties for long.
 */
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { checkInvariants, planText } from './fuzz/properties.js'

describe('fuzz: invariants on hostile plan-like text', () => {
  it('no exception, ranges in the text, lossless parser, idempotent fixes', () => {
    fc.assert(fc.property(planText(), (text) => checkInvariants(text)), { seed: 12, numRuns: 150 })
  }, 300_000)
})
