/**
 * The composition of parser, plan builder and walk that the kernel is handed: a text becomes
 * the environment planlint's rules read (`ctx.plan`, `ctx.nlcst`, `ctx.preset`, …) and the
 * order they see its nodes in.
 */
import type { PlanlintConfig } from '../config/types.js'
import type { Analysis } from '../engine/lint-core.js'
import { runRules, type RuleEntry } from '../engine/runner.js'
import type { LintMessage } from '../engine/types.js'
import type { Locate } from '../support/location.js'
import type { SourceText } from '../io/types.js'
import type { NlcstRoot } from '../parse/index.js'
import type { PlanTree } from '../plan/types.js'
import { withStructure } from '../plan/plugin.js'
import { planWalker } from '../plan/walk.js'
import type { Preset } from '../presets/types.js'
import type { PlanEnv } from '../rules-support/context.js'
import { analyseText, type TextAnalysis } from './processor.js'
import type { LoadedUnifiedPlugin } from '../config/plugins.js'

export interface AnalyseWith {
  preset: Preset
  config: PlanlintConfig
  source?: SourceText | undefined
  /** The processor's result for `text`, when the caller ran it already. */
  analysis?: TextAnalysis | undefined
  /** Third-party unified plugins to run in the pipeline (the config's `unifiedPlugins`, loaded). */
  unified?: readonly LoadedUnifiedPlugin[] | undefined
  /** Build sentences' words (default true); `false` when nothing in the run reads them (tree-depth.ts). */
  words?: boolean | undefined
  /** Or a tree and plan the caller built (the public `runRules`). */
  nlcst?: NlcstRoot | undefined
  plan?: PlanTree | undefined
}

/** Runs the processor on `text` (or takes what the caller ran or built already). */
export function analysePlan(text: string, with_: AnalyseWith): Analysis<PlanEnv> {
  if (!with_.analysis && with_.nlcst && with_.plan) {
    // a tree the caller parsed without the plan plugin is walked as a copy with the plan's
    // structure in it (made only when a listener wants the tree; the caller's tree is unchanged)
    const { nlcst, plan } = with_
    const env: PlanEnv = { preset: with_.preset, plan, nlcst, config: with_.config }
    if (with_.source) env.source = with_.source
    return { env, walk: planWalker(plan, () => withStructure(nlcst, plan, text)) }
  }
  const { tree: nlcst, plan, file } = with_.analysis ?? analyseText(text, with_.unified, { words: with_.words !== false })
  const env: PlanEnv = { preset: with_.preset, plan, nlcst, config: with_.config, file }
  if (with_.source) env.source = with_.source
  return { env, walk: planWalker(plan, nlcst) }
}

export interface RunPlanRulesInput {
  text: string
  nlcst: NlcstRoot
  plan: PlanTree
  preset: Preset
  config: PlanlintConfig
  /** Rule id (as the user writes it, `foo/bar` for plugins) → enabled rule. */
  rules: Map<string, RuleEntry>
  filePath: string
  /** Offset → where the user sees it; defaults to line/column in `text`. */
  locate?: Locate
  /** The input adapter's result for `text`, handed to rules as `ctx.source`. */
  source?: SourceText
}

/** The public `runRules`: planlint's rules over trees the caller built (no directives, no fixes). */
export function runPlanRules(input: RunPlanRulesInput): LintMessage[] {
  const { env, walk } = analysePlan(input.text, input)
  return runRules({
    text: input.text,
    env,
    walk,
    rules: input.rules,
    filePath: input.filePath,
    ...(input.locate ? { locate: input.locate } : {}),
  })
}
