/**
 * planlint's library API.
 *
 *   import { lintText, lintFiles, loadPreset } from 'planlint'
 *
 * `lintText` is synchronous; if the config names plugins, `await loadPlugins(config)` first
 * (`lintFiles` does it for you). The vitest-bound RuleTester is `planlint/rule-tester`; the
 * one exported here uses the global `describe`/`it` (or `RuleTester.describe`/`.it`).
 */
export type * from './types.js'
export { PlanlintError, isPlanlintError } from './errors.js'
export { lintText, lintFiles, choosePreset, isIgnored, type LintOptions, type LintFilesOptions } from './lint/lint.js'
export { loadPlugins, type LoadedPlugin } from './config/plugins.js'
export { resolveConfig } from './config/config.js'
export { getRules } from './lint/rule-registry.js'
export { validateRuleMeta } from './engine/rule.js'
export { defineRule } from './rules-support/context.js'
export { RuleTester } from './testing/rule-tester-core.js'
export type { RuleTesterConfig, RuleTests, ValidTestCase, InvalidTestCase, ExpectedError, CaseFailure } from './testing/rule-tester-core.js'
export type { RuleEntry } from './engine/runner.js'
/** planlint's rules over trees the caller built (the kernel's own runner is generic). */
export { runPlanRules as runRules, type RunPlanRulesInput as RunRulesInput } from './lint/analyse.js'
export { toVFile, toVFileMessages } from './engine/vfile.js'
export { loadPreset } from './presets/index.js'
export { buildPlan } from './plan/index.js'
export { parseText, planlintParse } from './parse/index.js'
/** The unified pieces: planlint's processor (parser, plan plugin, retext-stringify), the plan
 * plugin alone, and planlint's rules as a plugin for another pipeline. */
export { planlintProcessor } from './lint/processor.js'
export { planlintPlan } from './plan/plugin.js'
export { planlint, type PlanlintPluginOptions } from './lint/unified-plugin.js'
export type { ActionTreeNode, ParagraphKind, PlanLeaf, SectionTreeNode, TaskTreeNode } from './plan/tree.js'
