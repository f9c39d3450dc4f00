/**
 * The built-in rules, one file per rule named by its id, each with `<id>.md` beside it.
 * Add a rule here and it is registered, validated and documented by `planlint rules`.
 */
import type { Rule } from '../src/types.js'
import draftResidue from './draft-residue.js'

export const builtinRules: Rule[] = [draftResidue]
