/**
 * The built-in rules, one file per rule named by its id, each with `<id>.md` beside it.
 * Add a rule here and it is registered, validated and documented by `planlint rules`.
 */
import type { Rule } from '../src/types.js'
import draftResidue from './draft-residue.js'
import duplicateText from './duplicate-text.js'
import headingNumbering from './heading-numbering.js'
import leadUnit from './lead-unit.js'
import numeralTypos from './numeral-typos.js'
import outdatedUnitNames from './outdated-unit-names.js'
import pairedPunctuation from './paired-punctuation.js'
import populationActions from './population-actions.js'
import punctuationWidth from './punctuation-width.js'
import quantifiedTargets from './quantified-targets.js'
import citedDocuments from './cited-documents.js'
import declaredCounts from './declared-counts.js'
import docNumberFormat from './doc-number-format.js'
import unitNameConsistency from './unit-name-consistency.js'
import jurisdictionTerms from './jurisdiction-terms.js'
import keyProjects from './key-projects.js'
import targetAlignment from './target-alignment.js'
import planCompleteness from './plan-completeness.js'
import citationMarks from './citation-marks.js'

export const builtinRules: Rule[] = [populationActions, leadUnit, quantifiedTargets, outdatedUnitNames, draftResidue,
  pairedPunctuation, numeralTypos, punctuationWidth, headingNumbering, duplicateText,
  unitNameConsistency, citedDocuments, docNumberFormat, declaredCounts, keyProjects, targetAlignment, jurisdictionTerms, planCompleteness, citationMarks]
