import { describe, expect, it } from 'vitest'
import rule from '../../rules/duplicate-text.js'
import { lintText } from '../../src/lint/lint.js'
import { RuleTester } from '../../src/testing/rule-tester.js'

const tester = new RuleTester()
const task = (body: string) => `一、提升行动\n（一）实施青少年科学素质提升行动\n${body}\n二、保障措施`

tester.run('duplicate-text', rule, {
  valid: [
    // a short formula repeated in one paragraph is not an accident; a long clause in two paragraphs neither
    '开展科普活动，提升科学素质；开展科普活动，服务基层群众。',
    '广泛开展科普进校园活动，组织参观。\n广泛开展科普进校园活动，服务群众。',
    task('1.开展科普活动。积极开展科普活动，提升科学素质。〔牵头单位：区教育局，责任单位：区科协、团区委〕'),
    // parallel phrases that repeat a word are not repeats
    '推进应急知识进企业、进社区、进学校、进家庭。',
    // one character repeated is a word, not a clause
    '天天、年年',
    // the same unit as lead and as partner is another question
    task('1.开展活动。〔牵头单位：区教育局，责任单位：区教育局〕'),
  ],
  invalid: [
    {
      // a long clause written again further on in the same paragraph: a suggestion, no fix
      code: '广泛开展科普进校园活动，组织青少年参观科普场馆，广泛开展科普进校园活动，提升青少年科学兴趣。',
      errors: [
        {
          message: '「广泛开展科普进校园活动」在本段前文已写过一遍，应删除重复的部分',
          line: 1,
          column: 25,
          endColumn: 36,
          suggestions: [{ desc: '删除重复的这一处', output: '广泛开展科普进校园活动，组织青少年参观科普场馆，提升青少年科学兴趣。' }],
        },
      ],
      output: null,
    },
    {
      // jinjiang: the run-in title repeated as the first sentence
      code: task('26.拓展科普传播跨界融合。拓展科普传播跨界融合。鼓励科研机构开展科学传播。'),
      errors: [{ messageId: 'title', data: { text: '拓展科普传播跨界融合' }, line: 3, column: 15, endColumn: 25 }],
      output: task('26.拓展科普传播跨界融合。鼓励科研机构开展科学传播。'),
    },
    {
      code: '加强科普宣传。加强科普宣传。开展活动。',
      errors: [{ messageId: 'sentence', data: { text: '加强科普宣传。' }, column: 8, endColumn: 15 }],
      output: '加强科普宣传。开展活动。',
    },
    {
      // a sentence a conversion broke over two lines, its second half written again
      code: task('1.开展活动。扩大普惠制学前教\n\n育资源有效供给，加强幼儿科学启蒙教育。育资源有效供给，加强幼儿科学启蒙教育。'),
      errors: [{ messageId: 'sentence', data: { text: '育资源有效供给，加强幼儿科学启蒙教育。' }, line: 5, column: 20, endColumn: 39 }],
      output: task('1.开展活动。扩大普惠制学前教\n\n育资源有效供给，加强幼儿科学启蒙教育。'),
    },
    {
      code: '区委宣传部、区教育局、区教育局、区教育局、区民政局',
      errors: [{ messageId: 'clause', data: { text: '区教育局', times: ' 2 遍' }, column: 12, endColumn: 16 }],
      output: '区委宣传部、区教育局、区民政局',
    },
    {
      code: task('1.开展活动。〔牵头单位：区教育局，责任单位：区科协、区文体旅局、区科协〕'),
      errors: [{ messageId: 'unit', data: { text: '区科协' }, line: 3, column: 34, endColumn: 37 }],
      output: task('1.开展活动。〔牵头单位：区教育局，责任单位：区科协、区文体旅局〕'),
    },
    {
      code: '（二）实施农民科学素质提升行动\n（二）实施农民科学素质提升行动\n正文。',
      errors: [{ messageId: 'paragraph', line: 2, column: 1 }],
      output: '（二）实施农民科学素质提升行动\n正文。',
    },
  ],
})
describe('duplicate-text suggestion for a clause repeated in its paragraph', () => {
  it('removes the repeat with its separator', () => {
    const code = '广泛开展科普进校园活动，组织青少年参观科普场馆，广泛开展科普进校园活动，提升青少年科学兴趣。'
    const m = lintText(code, { config: { rules: {} }, preset: 'national' }).messages.find((x) => x.ruleId === 'duplicate-text')!
    expect(m.suggestions?.map((s) => s.desc)).toEqual(['删除重复的这一处'])
    const f = m.suggestions![0]!.fix
    expect(code.slice(0, f.range[0]) + f.text + code.slice(f.range[1])).toBe('广泛开展科普进校园活动，组织青少年参观科普场馆，提升青少年科学兴趣。')
  })
})
