/**
 * Suppressions with a reason, through the real CLI: inline directives (English and Chinese
 * forms), Word comments on a generated .docx, config `exemptions` for any rule; suppressed
 * findings kept in JSON (`suppressedMessages`), SARIF (`suppressions`, schema-valid) and
 * HTML (folded).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import AjvDraft04 from 'ajv-draft-04'
import { CommentRangeEnd, CommentRangeStart, CommentReference, Document, Packer, Paragraph, TextRun } from 'docx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { root, runCli } from './helpers/cli.js'

const fixtures = path.join(root, 'test/fixtures/review')
const draft = fs.readFileSync(path.join(fixtures, 'draft1.txt'), 'utf8')
let dir: string

interface JsonOut {
  messages: { ruleId: string | null; messageId?: string; line: number; severity: number; message: string }[]
  suppressedMessages: { ruleId: string; line: number; suppressions: { kind: string; justification: string }[] }[]
  errorCount: number
  warningCount: number
}

function write(name: string, text: string): string {
  fs.writeFileSync(path.join(dir, name), text)
  return name
}

function lintJson(file: string, ...args: string[]): { status: number | null; result: JsonOut } {
  const r = runCli([file, '--format', 'json', ...args], { cwd: dir })
  expect(r.stderr).toBe('')
  return { status: r.status, result: (JSON.parse(r.stdout) as JsonOut[])[0]! }
}

/** The draft with `line` inserted before the first line containing `before`. */
function withLineBefore(before: string, line: string): string {
  const lines = draft.split('\n')
  const i = lines.findIndex((l) => l.includes(before))
  expect(i).toBeGreaterThan(-1)
  lines.splice(i, 0, line)
  return lines.join('\n')
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-suppress-'))
  fs.copyFileSync(path.join(fixtures, 'planlint.config.yaml'), path.join(dir, 'planlint.config.yaml'))
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('inline directives with a reason', () => {
  it('--help documents the directives, the Word comment and the config forms', () => {
    const r = runCli(['--help'])
    for (const s of ['planlint-disable-next-line 规则名 -- 理由', 'planlint：忽略下一行', 'Word 批注', 'exemptions: [{rule']) expect(r.stdout).toContain(s)
  })

  it('the draft has the findings the tests suppress', () => {
    const { result } = lintJson(write('plain.txt', draft))
    expect(result.messages.map((m) => m.ruleId)).toEqual(
      expect.arrayContaining(['lead-unit', 'outdated-unit-names', 'draft-residue', 'key-projects', 'heading-numbering']),
    )
    expect(result.suppressedMessages).toEqual([])
  })

  it('a Chinese directive suppresses the next line; JSON keeps the finding with its justification', () => {
    const text = withLineBefore('县卫计委', '<!-- planlint：忽略下一行 outdated-unit-names —— 本县卫计委尚未完成更名 -->')
    const { result } = lintJson(write('zh.txt', text))
    expect(result.messages.filter((m) => m.ruleId === 'outdated-unit-names')).toEqual([])
    expect(result.messages.filter((m) => m.ruleId === null)).toEqual([])
    expect(result.suppressedMessages.map((m) => [m.ruleId, m.line, m.suppressions])).toEqual([
      ['outdated-unit-names', 27, [{ kind: 'directive', justification: '本县卫计委尚未完成更名' }]],
    ])
    expect(result.messages.map((m) => m.ruleId)).toEqual(['lead-unit', 'draft-residue', 'key-projects', 'heading-numbering', 'draft-residue'])
  })

  it('a directive without a reason, and one that suppresses nothing, are warnings of their own', () => {
    let text = withLineBefore('县卫计委', '<!-- planlint-disable-next-line outdated-unit-names -->')
    text = text.replace('（三）加强监测评估', '<!-- planlint-disable-next-line lead-unit -- 保障措施不设牵头单位 -->\n（三）加强监测评估')
    const { result } = lintJson(write('bare.txt', text))
    expect(result.messages.filter((m) => m.ruleId === null).map((m) => [m.messageId, m.severity])).toEqual([
      ['missingReason', 1],
      ['unusedDirective', 1],
    ])
    expect(result.suppressedMessages.map((m) => [m.ruleId, m.suppressions[0]!.justification])).toEqual([['outdated-unit-names', '']])
  })

  it('linterOptions makes those reports errors (exit 1) or turns them off', () => {
    const text = withLineBefore('县卫计委', '<!-- planlint-disable-next-line outdated-unit-names -->')
    const sub = path.join(dir, 'strict')
    fs.mkdirSync(sub, { recursive: true })
    fs.writeFileSync(path.join(sub, 'planlint.config.yaml'), 'preset: national\nlinterOptions:\n  requireDisableReason: error\n  reportUnusedDisableDirectives: off\n')
    fs.writeFileSync(path.join(sub, 'd.txt'), text)
    const { result } = lintJson('strict/d.txt', '--rule', 'lead-unit:off', '--rule', 'draft-residue:off')
    expect(result.messages.filter((m) => m.ruleId === null).map((m) => [m.messageId, m.severity])).toEqual([['missingReason', 2]])
    expect(result.errorCount).toBe(1)
  })

  it('SARIF carries the suppression with its justification and still validates against 2.1.0; HTML folds it', () => {
    const text = withLineBefore('县卫计委', '<!-- planlint-disable-next-line outdated-unit-names -- 本县卫计委尚未完成更名 -->')
    const file = write('sarif.txt', text)
    const r = runCli([file, '--format', 'sarif', '--format', 'html:report.html'], { cwd: dir })
    const log = JSON.parse(r.stdout)
    const schema = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/ci/sarif-2.1.0-rtm.5.json'), 'utf8'))
    const validate = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false }).compile(schema)
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true)
    const suppressed = log.runs[0].results.filter((x: { suppressions?: unknown[] }) => x.suppressions)
    expect(suppressed.map((x: { ruleId: string; suppressions: unknown }) => [x.ruleId, x.suppressions])).toEqual([
      ['outdated-unit-names', [{ kind: 'inSource', status: 'accepted', justification: '本县卫计委尚未完成更名' }]],
    ])
    const html = fs.readFileSync(path.join(dir, 'report.html'), 'utf8')
    expect(html).toMatch(/<details class="suppressed"><summary>已忽略的问题（1 个/)
    expect(html).toContain('文中的忽略注释：本县卫计委尚未完成更名')
    expect(r.stdout).not.toContain('<details')
  })
})

describe('config exemptions for any rule', () => {
  it('{rule, text, reason} and {rule, sentence, reason} suppress exactly the matching findings', () => {
    const sub = path.join(dir, 'exempt')
    fs.mkdirSync(sub, { recursive: true })
    fs.writeFileSync(
      path.join(sub, 'planlint.config.yaml'),
      [
        'preset: national',
        'exemptions:',
        '  - rule: outdated-unit-names',
        '    text: 县卫计委',
        '    reason: 本县卫计委尚未完成更名',
        '  - rule: lead-unit',
        '    sentence: 提升乡村科普服务',
        '    reason: 该任务由各乡镇自行组织',
        '  - population: farmers',
        '    reason: 旧写法仍然有效',
        '',
      ].join('\n'),
    )
    fs.writeFileSync(path.join(sub, 'd.txt'), draft)
    const { result } = lintJson('exempt/d.txt')
    expect(result.messages.map((m) => m.ruleId)).not.toContain('outdated-unit-names')
    expect(result.messages.map((m) => m.ruleId)).not.toContain('lead-unit')
    expect(result.suppressedMessages.map((m) => [m.ruleId, m.suppressions])).toEqual([
      ['lead-unit', [{ kind: 'config', justification: '该任务由各乡镇自行组织' }]],
      ['outdated-unit-names', [{ kind: 'config', justification: '本县卫计委尚未完成更名' }]],
    ])
  })

  it('an exemption naming an unknown rule stops the run with one line', () => {
    const sub = path.join(dir, 'exempt-bad')
    fs.mkdirSync(sub, { recursive: true })
    fs.writeFileSync(path.join(sub, 'planlint.config.yaml'), 'exemptions:\n  - rule: lead-units\n    reason: 试用\n')
    fs.writeFileSync(path.join(sub, 'd.txt'), draft)
    const r = runCli(['exempt-bad/d.txt'], { cwd: dir })
    expect(r.status).toBe(2)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toContain('exemptions[0].rule: 未知规则「lead-units」')
  })
})

describe('Word comments answer findings', () => {
  /** A .docx of the draft where `comments` are attached to the first occurrence of their anchor text. */
  async function docxWithComments(comments: { anchor: string; text: string }[]): Promise<Buffer> {
    const paragraphs = draft.split('\n').map((line) => {
      const c = comments.findIndex((x) => line.includes(x.anchor))
      if (c === -1) return new Paragraph({ children: [new TextRun(line)] })
      const at = line.indexOf(comments[c]!.anchor)
      return new Paragraph({
        children: [
          new TextRun(line.slice(0, at)),
          new CommentRangeStart(c),
          new TextRun(comments[c]!.anchor),
          new CommentRangeEnd(c),
          new TextRun({ children: [new CommentReference(c)] }),
          new TextRun(line.slice(at + comments[c]!.anchor.length)),
        ],
      })
    })
    const doc = new Document({
      comments: {
        children: comments.map((c, id) => ({ id, author: '起草人', date: new Date('2026-11-01'), children: [new Paragraph({ children: [new TextRun(c.text)] })] })),
      },
      sections: [{ children: paragraphs }],
    })
    return Packer.toBuffer(doc)
  }

  it('planlint-disable <rule> and planlint：忽略 <规则> suppress that rule on the commented span, with the reason', async () => {
    fs.writeFileSync(
      path.join(dir, 'answered.docx'),
      await docxWithComments([
        { anchor: '县卫计委', text: 'planlint-disable outdated-unit-names 本县卫计委尚未完成更名' },
        { anchor: '4.提升乡村科普服务', text: 'planlint：忽略 lead-unit 理由：由各乡镇自行组织' },
        { anchor: '县科技局', text: 'planlint-disable outdated-unit-names 这里没有问题' },
        { anchor: '县教育体育局', text: '请核实牵头单位' },
      ]),
    )
    const { result } = lintJson('answered.docx')
    expect(result.suppressedMessages.map((m) => [m.ruleId, m.suppressions])).toEqual([
      ['lead-unit', [{ kind: 'wordComment', justification: '由各乡镇自行组织' }]],
      ['outdated-unit-names', [{ kind: 'wordComment', justification: '本县卫计委尚未完成更名' }]],
    ])
    const rest = result.messages.map((m) => [m.ruleId, m.messageId])
    expect(rest).not.toContainEqual(['lead-unit', expect.anything()])
    expect(rest).not.toContainEqual(['outdated-unit-names', expect.anything()])
    // The comment that answers nothing is reported; the ordinary comment stays draft residue;
    // the answering comments are not residue.
    expect(result.messages.filter((m) => m.ruleId === null).map((m) => [m.messageId, m.message])).toEqual([
      ['unusedDirective', '批注“planlint-disable outdated-unit-names 这里没…”没有起作用：所批注的文字没有规则「outdated-unit-names」的问题'],
    ])
    expect(result.messages.filter((m) => m.messageId === 'wordComment').map((m) => m.message)).toEqual([
      expect.stringContaining('请核实牵头单位'),
    ])
  })
})
