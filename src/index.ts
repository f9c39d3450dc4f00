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
export { lintText, lintFiles, choosePreset, isIgnored, type LintOptions, type LintFilesOptions } from './engine/lint.js'
export { loadPlugins, type LoadedPlugin } from './engine/plugins.js'
export { resolveConfig } from './engine/config.js'
export { getRules } from './engine/registry.js'
export { defineRule, validateRuleMeta } from './engine/rule.js'
export { RuleTester } from './engine/rule-tester-core.js'
export type { RuleTesterConfig, RuleTests, ValidTestCase, InvalidTestCase, ExpectedError, CaseFailure } from './engine/rule-tester-core.js'
export { runRules, type RuleEntry, type RunRulesInput } from './engine/runner.js'
export { toVFile, toVFileMessages } from './engine/vfile.js'
export { loadPreset } from './presets/index.js'
export { buildPlan } from './plan/index.js'
export { parseText } from './parse/index.js'
