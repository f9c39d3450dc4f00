/**
 * planlint's public types, gathered from the layer each belongs to (positions in
 * src/support, input in src/io, the plan tree in src/plan, presets in src/presets, config in
 * src/config, messages and the rule kernel in src/engine, planlint's rule binding in
 * src/rules-support). Modules inside src import from the layer itself; this barrel is for the
 * public API, rules and tests.
 */
export type * from './support/position.js'
export type * from './io/types.js'
export type * from './plan/types.js'
export type * from './presets/types.js'
export type * from './config/types.js'
export type {
  SeverityName,
  RuleSeverityName,
  Level,
  Severity,
  RuleSetting,
  Fix,
  FixFunction,
  RuleFixer,
  Suggestion,
  LintMessage,
  LintResult,
  RuleType,
  RuleMeta,
  ReportDescriptor,
  RelatedPlace,
  RelatedLocation,
  ExpectedSource,
  SuppressionKind,
  Suppression,
  SuppressedMessage,
} from './engine/types.js'
export type { NlcstRoot, PlanEnv, PlanNodes, RuleContext, RuleVisitors, Rule } from './rules-support/context.js'
