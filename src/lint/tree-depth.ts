/**
 * How deep the parser builds a run's tree. No built-in rule reads below a sentence, yet words,
 * punctuation and white space inside sentences are most of the tree's nodes; a run builds them
 * only when something may read them:
 *
 * - a built-in rule that listens to a node inside a sentence (`WordNode`, `PunctuationNode`,
 *   `SymbolNode`, `WhiteSpaceNode`, `SourceNode`, `TextNode`, or their `:exit`): its listener
 *   keys are read once per rule object (`listensBelowSentences`);
 * - any rule of a plugin: its code is not ours to read, and a plugin rule may well look at a
 *   sentence's `children` or walk `ctx.nlcst` without listening to words;
 * - any third-party unified plugin of the config (it gets the tree itself).
 *
 * The answer covers every rule the run knows, enabled or not: which rules run depends on the
 * preset, and the preset is chosen from the parsed plan. Callers that hand the tree out
 * (`planlint explain`, `parseText`, `planlintProcessor()`) build the whole tree.
 */
import type { LoadedUnifiedPlugin } from '../config/plugins.js'
import type { Rule } from '../rules-support/context.js'
import { listensBelowSentences } from './listener-keys.js'
import { builtinRuleMap } from './rule-registry.js'

let builtinSet: ReadonlySet<Rule> | undefined

/** Whether a run with these rules and unified plugins needs each sentence's words. */
export function needsWords(rules: Iterable<Rule>, unifiedPlugins: readonly LoadedUnifiedPlugin[] = []): boolean {
  if (unifiedPlugins.length > 0) return true
  builtinSet ??= new Set(builtinRuleMap().values())
  for (const rule of rules) {
    if (!builtinSet.has(rule) || listensBelowSentences(rule)) return true
  }
  return false
}
