/**
 * planlint's unified processor: retext's plugin model with planlint's CJK parser in place of
 * retext-latin (`planlintParse`), retext-stringify as the compiler (a tree prints back to the
 * exact text), and the plan plugin as the first transformer. `analyseText` runs it on one text
 * and hands back the one tree and the plan the plugin read from it.
 *
 * The processor comes frozen in two settings of its parser: the whole tree, and sentences
 * without their words (`{ words: false }`, for runs in which nothing reads below a sentence:
 * see tree-depth.ts). Both are the same plugins; only the parser's option differs.
 */
import retextStringify from 'retext-stringify'
import { unified, type Processor } from 'unified'
import { VFile } from 'vfile'
import { timed } from '../engine/timing.js'
import planlintParse, { type NlcstRoot, type ParseOptions } from '../parse/index.js'
import { planlintPlan, planOf } from '../plan/plugin.js'
import type { PlanTree } from '../plan/types.js'
import type { LoadedUnifiedPlugin } from '../config/plugins.js'
import { runThirdParty } from './third-party.js'

type PlanProcessor = Processor<NlcstRoot, NlcstRoot, NlcstRoot, NlcstRoot, string>

let whole: PlanProcessor | undefined
let sentencesOnly: PlanProcessor | undefined

/**
 * The frozen processor: parse (CJK nlcst) → plan plugin; compiles with retext-stringify.
 * `{ words: false }`: the one whose parser leaves out what lies inside sentences.
 */
export function planlintProcessor(options: ParseOptions = {}): PlanProcessor {
  if (options.words === false) {
    sentencesOnly ??= makeProcessor({ words: false })
    return sentencesOnly
  }
  whole ??= makeProcessor({})
  return whole
}

function makeProcessor(options: ParseOptions): PlanProcessor {
  return unified().use(planlintParse, options).use(retextStringify).use(planlintPlan).freeze() as unknown as PlanProcessor
}

export interface TextAnalysis {
  /** The nlcst tree, with the plan's structure in it. */
  tree: NlcstRoot
  /** The plan plugin's indexes over the tree. */
  plan: PlanTree
  file: VFile
}

/** Runs the processor's parser and transformers on `text` (synchronously), then the
 * third-party unified plugins named in the config, if any, on the same tree (which then
 * always has its words). */
export function analyseText(text: string, unifiedPlugins: readonly LoadedUnifiedPlugin[] = [], options: ParseOptions = {}): TextAnalysis {
  const p = planlintProcessor(unifiedPlugins.length > 0 ? {} : options)
  const file = new VFile({ value: text })
  const tree = timed('parse', () => p.parse(file))
  timed('plan', () => p.runSync(tree, file))
  if (unifiedPlugins.length > 0) runThirdParty(tree, file, unifiedPlugins)
  return { tree, plan: planOf(file), file }
}
