import rule from '../../rules/lead-unit.js'
import { RuleTester } from '../../src/testing/rule-tester.js'

const tester = new RuleTester({ preset: 'national' })
const wrap = (body: string) => `一、总体要求\n正文。\n二、提升行动\n${body}\n三、组织实施\n（一）加强组织领导。各单位要履职尽责。（各成员单位按职责分工负责）`

tester.run('lead-unit', rule, {
  valid: [
    // jinjiang: 〔牵头单位：…，责任单位：…〕 after each task
    wrap('（一）实施青少年科学素质提升行动\n1.培养青少年科学精神。开展活动。〔牵头单位：区教育局，责任单位：区科协〕'),
    // qingyunpu: （牵头部门：…） once per action, trailing 按职责分工负责 per task
    wrap('（一）老年人科学素质提升行动。正文。\n（牵头部门：区卫生健康委、区科协）\n1. 开展智慧助老活动。正文。（区民政局按职责分工负责）\n2. 实施银龄科普行动。正文。'),
    // leping: one （牵头单位：…。责任单位：…） at the end of the block
    wrap('（一）实施农民科学素质提升行动。\n1．树立相信科学的观念。正文。\n2．实施高素质农民培育计划。正文。\n（牵头单位：市农业农村局、市科协。责任单位：市委宣传部）'),
    // own line, prefix elided
    wrap('（一）青少年科学素质提升行动\n1.提升科学教育水平。正文。\n牵头单位：市教育局、科学技术局、科协'),
    // nansha: an appended 任务分工表
    '一、提升行动\n(一)实施青少年科学素质提升行动\n1.将弘扬科学精神贯穿于育人全链条。正文。\n二、组织实施\n(一)加强组织领导\n某区实施方案任务分工表\n项目\t要点\t牵头单位\t配合单位\n\t1.将弘扬科学精神贯穿于 育人全链条。\t区教育局\t区科协',
    // sections outside actions and projects are not tasks
    '一、总体要求\n（一）指导思想\n1.坚持党的领导。正文。',
  ],
  invalid: [
    {
      code: wrap('（一）青少年科学素质提升行动\n1.开展科技活动。组织竞赛。〔牵头单位：区教育局〕\n2.建设科普基地。建成3个。'),
      errors: [{ messageId: 'noLead', data: { title: '建设科普基地' }, line: 6, column: 1, endLine: 6, endColumn: 9, severity: 2 }],
    },
    {
      // a bracketed sentence is not a unit list
      code: wrap('（一）青少年科学素质提升行动\n1.开展科技活动（含线上线下活动）。'),
      errors: [{ message: '任务「开展科技活动（含线上线下活动）」没有牵头单位：应在任务后或所属行动下注明（牵头单位：……）', line: 5, column: 1, endColumn: 18 }],
    },
    {
      // a lead that names no one
      code: wrap('（一）青少年科学素质提升行动\n1.开展科技活动。组织竞赛。（牵头单位：各成员单位）'),
      errors: [{ messageId: 'vagueLead', data: { title: '开展科技活动', units: '各成员单位' }, line: 5, column: 21, endColumn: 26, severity: 1 }],
    },
    {
      code: wrap('（一）青少年科学素质提升行动\n1.开展科技活动。组织竞赛。（有关部门、各街道按职责分工负责）'),
      errors: [{ messageId: 'vagueLead', data: { title: '开展科技活动', units: '有关部门、各街道' }, line: 5, column: 16 }],
    },
    {
      // with acceptResponsibleUnits: false, 按职责分工负责 is not a lead
      code: wrap('（一）青少年科学素质提升行动\n1.开展科技活动。组织竞赛。（区教育局、区科协按职责分工负责）'),
      options: { acceptResponsibleUnits: false },
      errors: [{ messageId: 'noLead', line: 5 }],
    },
    {
      // no task anywhere names a lead: one finding for the plan, at the actions heading
      code: wrap('（一）青少年科学素质提升行动\n1.开展科技活动。组织竞赛。\n2.建设科普基地。建成3个。\n3.培养科技教师。正文。'),
      errors: [{ message: '方案中的 3 项任务都没有写明牵头单位：应在每项任务后、每项行动下或附件任务分工表中注明（牵头单位：……）', line: 3, column: 1, endColumn: 7 }],
    },
    {
      // projects are checked too
      code: '一、重点工程\n（一）科普基础设施工程\n1.建设科技馆。正文。',
      errors: [{ messageId: 'noLead', data: { title: '建设科技馆' }, line: 3, column: 1, endColumn: 8 }],
    },
  ],
})
