// Interim: replaced by the real builder (being written now). Returns an empty tree.
import type { NlcstRoot, PlanTree } from '../types.js'
export function buildPlan(text: string, _nlcst?: NlcstRoot): PlanTree {
  const end = { line: 1, column: 1, offset: text.length }
  return {
    type: 'plan', position: { start: { line: 1, column: 1, offset: 0 }, end }, draft: false,
    outline: [], headings: [], actions: [], projects: [], tasks: [], responsibilities: [],
    targets: [], units: [], citations: [], docNumbers: [], tableRows: [],
  }
}
