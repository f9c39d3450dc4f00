import rule from '../../rules/outdated-unit-names.js'
import { RuleTester } from '../../src/testing/rule-tester.js'

const tester = new RuleTester({ preset: 'national' })
const today = { asOf: '2026-11-23' }

tester.run('outdated-unit-names', rule, {
  valid: [
    // not unit names
    { code: '倡导文明、健康、绿色、环保的生活方式。', config: today },
    { code: '（牵头单位：市自然资源和规划局、市工商联、区科协）', config: today },
    { code: '开展科学素质监测评估。推进国土空间规划。', config: today },
    // 乡村振兴局 was current before the 2023–24 reform: a plan issued in 2022 is right
    '（牵头单位：市农业农村局、市乡村振兴局、市科协）\n\n乐平市人民政府办公室    2022年3月29日印发',
    // the plan's own 文号 dates it when there is no imprint (2017: before the 2018 reform)
    '某政发〔2017〕3号\n\n（责任单位：区卫计委）',
    { code: '（牵头单位：区乡村振兴局）', options: { asOf: '2022-06-01' } },
    // a PDF space inside a current name (`区住房 城乡建设局`)
    { code: '（配合单位：区住房 城乡建设局、区科协）', config: today },
    // the tail of a longer current name, with no prefix of its own
    { code: '（配合单位：市自然资源和规划局）', config: today },
    // a qualified brand that is current
    { code: '（牵头单位：县农业农村局（乡村振兴局））', config: today },
    // a published plan of 2006—2010 with no date is judged at the start of its period, not
    // by the 2018 and 2023 reforms
    'XX县全民科学素质行动计划纲要实施方案（2006—2010年）\n一、工作目标\n（责任单位：县科技局、县卫生局、县农业局、县乡村振兴局、县文化局、县环保局）',
    // 地震局: national and provincial ones exist (a 省地震局 named in a county plan is
    // provincial); counties differ, so a county's is not reported either
    { code: '成都市锦江区全民科学素质行动规划纲要实施方案（2021—2025年）\n（配合单位：省地震局、区地震局、区科协）', config: today },
    { code: '四川省全民科学素质行动规划纲要实施方案（2021—2025年）\n（配合单位：省地震局、省科协）', config: today },
  ],
  invalid: [
    {
      code: '（牵头单位：市农业农村局、市乡村振兴局、市科协）',
      config: today,
      // the replacement already stands next to it: a suggestion, no autofix
      errors: [
        {
          message: '「市乡村振兴局」是2023—2024年机构改革（2023年3月起）前的名称，现为「市农业农村局」或「市农业农村局（乡村振兴局）」或「市农业农村委员会（乡村振兴局）」',
          line: 1,
          column: 14,
          endColumn: 20,
          severity: 1,
          // the only suggestion that stands in for the autofix: tested so it cannot go missing
          suggestions: [
            { desc: '改为「市农业农村局」（同一处已列出该单位，请酌情删除重复）', output: '（牵头单位：市农业农村局、市农业农村局、市科协）' },
          ],
        },
      ],
      output: null,
    },
    {
      // "already listed" means in the same paragraph, however long it is (not within 80 characters)
      code: `（牵头单位：市乡村振兴局；责任单位：${'市科协、'.repeat(25)}市农业农村局）`,
      config: today,
      errors: [
        {
          messageId: 'outdated',
          column: 7,
          suggestions: [{ desc: '改为「市农业农村局」（同一处已列出该单位，请酌情删除重复）', output: `（牵头单位：市农业农村局；责任单位：${'市科协、'.repeat(25)}市农业农村局）` }],
        },
      ],
      output: null,
    },
    {
      // the new name in the paragraph before is another list: the old name is fixed
      code: '（牵头单位：市农业农村局）\n（牵头单位：市乡村振兴局）',
      config: today,
      errors: [{ messageId: 'outdated', line: 2, column: 7 }],
      output: '（牵头单位：市农业农村局）\n（牵头单位：市农业农村局）',
    },
    {
      code: '（牵头单位：县乡村振兴局；责任单位：县科协）',
      config: today,
      errors: [{ messageId: 'outdated', column: 7, endColumn: 13 }],
      output: '（牵头单位：县农业农村局；责任单位：县科协）',
    },
    {
      // jinjiang-draft: 区委社治委 in a draft with no date, judged as of today
      code: '〔牵头单位：区委宣传部，责任单位：区委社治委、区教育局〕',
      config: today,
      // the local prefix stays in what it is now called
      errors: [{ message: '「区委社治委」是2023—2024年机构改革（2023年3月起）前的名称，现为「区委社会工作部」或「区委社工部」', column: 18, endColumn: 23, severity: 1 }],
    },
    {
      // in running text the level prefix marks where the name starts
      code: '推动县乡村振兴局、县科技局开放科技资源。',
      config: today,
      errors: [{ messageId: 'outdated', column: 3, endColumn: 9 }],
      output: '推动县农业农村局、县科技局开放科技资源。',
    },
    {
      // 2018 reform, long settled
      code: '（责任单位：区卫计委、区安监局）',
      config: { asOf: '2022-01-01' },
      errors: [
        { message: '「区卫计委」是2018年机构改革（2018年3月起）前的名称，现为「区卫生健康委员会」或「区卫生健康委」或「区卫健委」', column: 7, endColumn: 11, severity: 1 },
        { message: '「区安监局」是2018年机构改革（2018年3月起）前的名称，现为「区应急管理局」或「区应急局」', column: 12, endColumn: 16 },
      ],
      output: '（责任单位：区卫计委、区应急管理局）',
    },
    {
      // a draft is being written now: its period does not date it
      code: '成都市锦江区全民科学素质行动规划纲要实施方案（2021—2025年）\n（征求意见稿）\n〔责任单位：区委社治委、区科协〕',
      options: {},
      errors: [{ messageId: 'outdated', line: 3 }],
    },
    {
      // a city's own 地震局 is reported (warning); the province's in the same list is not
      code: '德阳市全民科学素质行动规划纲要实施方案（2021—2025年）\n（配合单位：省地震局、市地震局、市科协）',
      config: today,
      errors: [{ message: '「市地震局」是2018年机构改革（2018年3月起）前的名称，现为「市应急管理局」', line: 2, column: 12, severity: 1 }],
      output: null,
    },
    {
      // a national name is national in any plan
      code: '成都市锦江区全民科学素质行动规划纲要实施方案（2021—2025年）\n（指导单位：国家卫计委；牵头单位：区卫健局）',
      config: today,
      errors: [{ messageId: 'outdated', line: 2, column: 7 }],
      output: '成都市锦江区全民科学素质行动规划纲要实施方案（2021—2025年）\n（指导单位：国家卫生健康委员会；牵头单位：区卫健局）',
    },
  ],
})
