/**
 * The built-in rules, one file per rule named by its id, each with `<id>.md` beside it.
 * Add a rule here and it is registered, validated and documented by `planlint rules`.
 */
import type { Rule } from '../src/types.js'
import draftResidue from './draft-residue.js'
import leadUnit from './lead-unit.js'
import outdatedUnitNames from './outdated-unit-names.js'
import populationActions from './population-actions.js'
import quantifiedTargets from './quantified-targets.js'

export const builtinRules: Rule[] = [populationActions, leadUnit, quantifiedTargets, outdatedUnitNames, draftResidue]
