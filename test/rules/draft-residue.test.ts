import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import rule from '../../rules/draft-residue.js'
import { lintText } from '../../src/lint/lint.js'
import { RuleTester } from '../../src/testing/rule-tester.js'

const tester = new RuleTester()

tester.run('draft-residue', rule, {
  valid: [
    '一、总体要求\n积极宣传全民科学素质行动。',
    // Dashes that are not page furniture.
    '- ——突出科学精神引领。\n— 2025年目标 —\n——5个重点工程',
    // 征求意见稿 is fine while the document is a draft, or when status is not set.
    '关于印发实施方案的通知\n（征求意见稿）',
    { code: '（征求意见稿）', config: { status: 'draft' } },
    // Page numbers can be switched off.
    { code: '正文\n— 5 —\n正文', options: { pageNumbers: false } },
    // A bracket that is not a bookmark.
    '[注：见附件]正文',
    // X in English words, codes and sizes, × between numbers, 〇 in numerals, 此处 in prose, [1] citations.
    'XXL号、0xFF、Max Planck、DOXX、3×4米、二〇〇五年、此处所称科普基地、见文献[1]',
    '（待遇保障）、（暂定名）',
  ],
  invalid: [
    {
      code: '[bookmark: _GoBack]积极宣传全民科学素质行动。',
      errors: [
        {
          messageId: 'bookmark',
          data: { marker: '[bookmark: _GoBack]' },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 20,
        },
      ],
      output: '积极宣传全民科学素质行动。',
    },
    {
      code: '（二）实施城市居民科学素质提升行动\n[bookmark: （二）实施农民科学素质提升行动。]6.开展科普宣传教育。',
      errors: [{ messageId: 'bookmark', line: 2, column: 1, endColumn: 29 }],
      output: '（二）实施城市居民科学素质提升行动\n6.开展科普宣传教育。',
    },
    {
      code: '正文[]{#_GoBack .anchor}继续',
      errors: [{ message: '残留的 Word 书签标记「[]{#_GoBack .anchor}」，定稿前应删除', column: 3 }],
      output: '正文继续',
    },
    {
      code: '推进_GoBack工作',
      errors: [{ messageId: 'goBack', column: 3, endColumn: 10 }],
      output: '推进工作',
    },
    {
      code: '培育理\n\n— 5 **—**\n\n项提升行动。',
      errors: [{ messageId: 'pageNumber', data: { line: '— 5 **—**' }, line: 3, column: 1, endColumn: 10 }],
      output: '培育理\n\n\n项提升行动。',
    },
    {
      // emphasis and white space on both sides of the number
      code: '甲\n**—　** 12 **　—**\n乙',
      errors: [{ messageId: 'pageNumber', data: { line: '**—　** 12 **　—**' }, line: 2, column: 1 }],
      output: '甲\n乙',
    },
    {
      code: '甲\n  - 12 -  \n乙\n— 7 —',
      errors: [
        { messageId: 'pageNumber', line: 2, column: 3, endColumn: 9 },
        { messageId: 'pageNumber', line: 4 },
      ],
      output: '甲\n乙',
    },
    {
      code: '锦江区全民科学素质行动实施方案\n（征求意见稿）',
      config: { status: 'final' },
      errors: [{ messageId: 'draftMark', data: { mark: '（征求意见稿）' }, line: 2, column: 1, endColumn: 8 }],
      output: null,
    },
    {
      code: '20XX年XX月，XXX局牵头，××街道、ＸＸ社区配合',
      errors: [
        { messageId: 'placeholder', data: { text: 'XX' }, column: 3, endColumn: 5 },
        { messageId: 'placeholder', data: { text: 'XX' }, column: 6 },
        { messageId: 'placeholder', data: { text: 'XXX' }, column: 10 },
        { messageId: 'placeholder', data: { text: '××' }, column: 17 },
        { messageId: 'placeholder', data: { text: 'ＸＸ' }, column: 22 },
      ],
      output: null,
    },
    {
      code: '建成科普基地（待定）个，【待补充】，此处填写指标，○○单位负责。TODO',
      errors: [
        { messageId: 'placeholder', data: { text: '（待定）' }, column: 7, endColumn: 11 },
        { messageId: 'placeholder', data: { text: '【待补充】' }, column: 13 },
        { messageId: 'placeholder', data: { text: '此处填写' }, column: 19 },
        { messageId: 'placeholder', data: { text: '○○' }, column: 26 },
        { messageId: 'placeholder', data: { text: 'TODO' }, column: 33 },
      ],
      output: null,
    },
    {
      code: '开展活动[comment: 请核实数字]不少于50场。',
      errors: [{ messageId: 'comment', data: { text: '[comment: 请核实数字]' }, column: 5, endColumn: 21 }],
      output: '开展活动不少于50场。',
    },
    {
      // pandoc --track-changes=all, with an attribute list wrapped over two lines
      code: '开展[请核实]{.comment-start id="0" author="张三"\ndate="2022-05-01T10:00:00Z"}活动[]{.comment-end id="0"}，[新增]{.insertion author="张三"}内容[旧]{.deletion author="张三"}。',
      errors: [
        { messageId: 'comment', line: 1, column: 3, endLine: 2 },
        { messageId: 'comment', line: 2, column: 31 },
        { messageId: 'revision', line: 2, column: 55 },
        { messageId: 'revision', line: 2, column: 85 },
      ],
      output: '开展活动，[新增]{.insertion author="张三"}内容[旧]{.deletion author="张三"}。',
    },
    {
      // CriticMarkup from pandoc filters and diff tools
      code: '科普{++基地++}建设{--场馆--}，{~~三~>五~~}个{>>核实<<}，{==重点==}推进',
      errors: [
        { messageId: 'revision', data: { text: '{++基地++}' }, column: 3 },
        { messageId: 'revision', column: 13 },
        { messageId: 'revision', column: 22 },
        { messageId: 'comment', data: { text: '{>>核实<<}' }, column: 33 },
        { messageId: 'revision', data: { text: '{==重点==}' }, column: 42 },
      ],
      output: '科普{++基地++}建设{--场馆--}，{~~三~>五~~}个，重点推进',
    },
    {
      // comment anchors of Word's HTML export
      code: '到2025年[ZH1]，比例达到15%[A2]。',
      errors: [
        { messageId: 'anchor', data: { text: '[ZH1]' }, column: 7, endColumn: 12 },
        { messageId: 'anchor', data: { text: '[A2]' }, column: 20 },
      ],
      output: null,
    },
  ],
})
