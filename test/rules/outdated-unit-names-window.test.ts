/**
 * outdated-unit-names and a rename's `localWindow`: between the national start of a reform
 * (`since`) and the end of the window in which local governments carried it out, an old name
 * is not certain to be wrong, so it is not reported; after the window it is. (Removing the
 * guard once survived the whole suite.)
 */
import rule from '../../rules/outdated-unit-names.js'
import { RuleTester } from '../../src/testing/rule-tester.js'

const tester = new RuleTester({ preset: 'national' })
// 国土资源局 → 自然资源局: since 2018-03, localWindow 2018-10..2019-03 (presets/units/renames.yaml)
const code = '（牵头单位：县国土资源局；责任单位：县科协）'

tester.run('outdated-unit-names', rule, {
  valid: [
    // inside the local window: the county may not have renamed it yet
    { code, config: { asOf: '2018-12-01' } },
    { code, config: { asOf: '2019-02-28' } },
    // before the reform
    { code, config: { asOf: '2018-01-15' } },
  ],
  invalid: [
    {
      // the window has closed
      code,
      config: { asOf: '2019-04-01' },
      errors: [{ messageId: 'outdated', column: 7, endColumn: 13 }],
      output: null,
    },
  ],
})
