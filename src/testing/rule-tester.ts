/**
 * `planlint/rule-tester`: the RuleTester bound to vitest's `describe`/`it`. Import the
 * framework-free class from `planlint` when you use another test runner.
 */
import { describe, it } from 'vitest'
import { RuleTester as CoreRuleTester } from './rule-tester-core.js'

export type {
  CaseFailure,
  ExpectedError,
  InvalidTestCase,
  RuleTesterConfig,
  RuleTests,
  ValidTestCase,
} from './rule-tester-core.js'

export class RuleTester extends CoreRuleTester {
  static override describe = describe as (name: string, fn: () => void) => void
  static override it = it as (name: string, fn: () => void) => void
}
