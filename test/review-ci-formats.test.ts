/**
 * CI that tracks findings, through the real CLI: SARIF partialFingerprints stable across line
 * moves, rule help (markdown from the rule's doc page) and a helpUri that resolves,
 * relatedLocations for grouped findings, 第N段 / 第N页 in the text formats for Word files,
 * and the rdjson format for reviewdog.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import AjvDraft04 from 'ajv-draft-04'
import { Document, Packer, Paragraph, TextRun } from 'docx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repositoryUrl } from '../src/reporters/rule-help.js'
import { root, runCli } from './helpers/cli.js'

const fixtures = path.join(root, 'test/fixtures/review')
const draft = fs.readFileSync(path.join(fixtures, 'draft1.txt'), 'utf8')
const schema = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/ci/sarif-2.1.0-rtm.5.json'), 'utf8'))
const validateSarif = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false }).compile(schema)
let dir: string

interface SarifResult {
  ruleId: string
  partialFingerprints?: Record<string, string>
  locations: { physicalLocation: { region: { startLine: number } } }[]
  relatedLocations?: { id: number; message?: { text: string }; physicalLocation: { region: { startLine: number; startColumn: number } } }[]
}

function sarif(file: string, ...args: string[]): { runs: { tool: { driver: { rules: { id: string; helpUri?: string; help?: { text: string; markdown?: string } }[] } }; results: SarifResult[] }[] } {
  const r = runCli([file, '--format', 'sarif', ...args], { cwd: dir })
  expect(r.stderr).toBe('')
  const log = JSON.parse(r.stdout)
  expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true)
  return log
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-ci17-'))
  fs.copyFileSync(path.join(fixtures, 'planlint.config.yaml'), path.join(dir, 'planlint.config.yaml'))
  fs.writeFileSync(path.join(dir, 'draft.txt'), draft)
  const doc = new Document({ sections: [{ children: draft.split('\n').map((l) => new Paragraph({ children: [new TextRun(l)] })) }] })
  fs.writeFileSync(path.join(dir, 'draft.docx'), await Packer.toBuffer(doc))
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('SARIF for code scanning', () => {
  it('partialFingerprints survive a paragraph inserted above and a renumbered heading; a new finding gets a new one', () => {
    const before = sarif('draft.txt').runs[0]!.results
    expect(before.every((r) => /^[0-9a-f]{32}$/.test(r.partialFingerprints?.['planlintFinding/v1'] ?? ''))).toBe(true)
    const lines = draft.split('\n')
    lines.splice(5, 0, '为进一步提升全县公民科学素质，县科协会同有关部门起草了本实施方案。', '')
    fs.writeFileSync(path.join(dir, 'moved.txt'), lines.join('\n').replace('8.推动科技资源开放共享', '八、推动科技资源开放共享').replace('[bookmark: _GoBack]', '[bookmark: _GoBack][bookmark: x]'))
    const after = sarif('moved.txt').runs[0]!.results
    const print = (rs: SarifResult[]) => rs.map((r) => `${r.ruleId} ${r.partialFingerprints!['planlintFinding/v1']}`)
    // Same findings, other lines, same fingerprints…
    const kept = print(before).filter((p) => !p.startsWith('draft-residue'))
    expect(print(after)).toEqual(expect.arrayContaining(kept))
    expect(after.find((r) => r.ruleId === 'outdated-unit-names')!.locations[0]!.physicalLocation.region.startLine).toBe(
      before.find((r) => r.ruleId === 'outdated-unit-names')!.locations[0]!.physicalLocation.region.startLine + 2,
    )
    // …and the bookmark sentence now has a second finding, with its own fingerprint.
    const marks = after.filter((r) => r.ruleId === 'draft-residue' && r.locations[0]!.physicalLocation.region.startLine > 40)
    expect(new Set(marks.map((r) => r.partialFingerprints!['planlintFinding/v1'])).size).toBe(marks.length)
  })

  it('each rule carries help (its doc page as markdown) and a helpUri that resolves', () => {
    const rules = sarif('draft.txt').runs[0]!.tool.driver.rules
    const lead = rules.find((r) => r.id === 'lead-unit')!
    const page = fs.readFileSync(path.join(root, 'rules/lead-unit.md'), 'utf8')
    expect(lead.help!.markdown).toBe(page)
    expect(lead.help!.text).not.toMatch(/^#/m)
    // No `repository` in package.json: the page shipped in the package.
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))
    expect(pkg.repository).toBeUndefined()
    expect(pkg.files).toContain('rules/*.md')
    for (const r of rules) {
      if (r.id === 'planlint') continue
      expect(r.helpUri, r.id).toMatch(/^file:\/\//)
      expect(fs.existsSync(fileURLToPath(r.helpUri!)), r.helpUri).toBe(true)
    }
  })

  it('package.json repository in its usual forms becomes the https base of helpUri', () => {
    expect(repositoryUrl('github:gov-tools/planlint')).toBe('https://github.com/gov-tools/planlint')
    expect(repositoryUrl('gov-tools/planlint')).toBe('https://github.com/gov-tools/planlint')
    expect(repositoryUrl({ type: 'git', url: 'git+https://gitee.com/gov-tools/planlint.git' })).toBe('https://gitee.com/gov-tools/planlint')
    expect(repositoryUrl('not a url')).toBeUndefined()
    expect(repositoryUrl(undefined)).toBeUndefined()
  })

  it('a grouped finding lists its other places as relatedLocations (SARIF) and related_locations (rdjson)', () => {
    const sub = path.join(dir, 'grouped')
    fs.mkdirSync(sub, { recursive: true })
    fs.copyFileSync(path.join(fixtures, 'planlint-plugin-grouped.js'), path.join(sub, 'planlint-plugin-grouped.js'))
    fs.writeFileSync(path.join(sub, 'planlint.config.yaml'), "preset: national\nplugins: ['./planlint-plugin-grouped.js']\nrules:\n  grouped/repeated-word: warn\n")
    fs.writeFileSync(path.join(sub, 'd.txt'), draft)
    const result = sarif('grouped/d.txt').runs[0]!.results.find((r) => r.ruleId === 'grouped/repeated-word')!
    const expected: number[] = []
    for (let i = draft.indexOf('县科协'); i !== -1; i = draft.indexOf('县科协', i + 3)) expected.push(draft.slice(0, i).split('\n').length)
    expect(expected.length).toBeGreaterThan(3)
    expect(result.locations[0]!.physicalLocation.region.startLine).toBe(expected[0])
    expect(result.relatedLocations!.map((r) => r.physicalLocation.region.startLine)).toEqual(expected.slice(1))
    expect(result.relatedLocations![0]).toMatchObject({ id: 1, message: { text: '第 2 处' } })
    const rd = JSON.parse(runCli(['grouped/d.txt', '--format', 'rdjson'], { cwd: dir }).stdout)
    const g = rd.diagnostics.find((d: { code: { value: string } }) => d.code.value === 'grouped/repeated-word')
    expect(g.related_locations[0]).toMatchObject({ message: '第 2 处', location: { path: 'grouped/d.txt' } })
  })
})

describe('Word files in the text formats', () => {
  it('stylish and github say 第N段 as well as the line of the extracted text', () => {
    const line = draft.split('\n').findIndex((l) => l.includes('县卫计委')) + 1
    const stylish = runCli(['draft.docx'], { cwd: dir }).stdout
    expect(stylish).toMatch(new RegExp(`第${line}段（${line}行） 「6\\.开展智慧助老和健…」\\s+警告\\s+「县卫计委」`))
    const github = runCli(['draft.docx', '--format', 'github'], { cwd: dir }).stdout
    expect(github).toMatch(new RegExp(`::warning file=draft.docx,line=${line},[^:]*::第${line}段：「县卫计委」`))
  })

  it('gitlab and junit too; a text file gets nothing added', () => {
    const line = draft.split('\n').findIndex((l) => l.includes('县卫计委')) + 1
    const gitlab = JSON.parse(runCli(['draft.docx', '--format', 'gitlab'], { cwd: dir }).stdout)
    expect(gitlab.find((i: { check_name: string }) => i.check_name === 'outdated-unit-names')).toMatchObject({
      description: expect.stringMatching(new RegExp(`^第${line}段：「县卫计委」`)),
      location: { path: 'draft.docx', lines: { begin: line } },
    })
    const junit = runCli(['draft.docx', '--format', 'junit'], { cwd: dir }).stdout
    expect(junit).toContain(`位置：draft.docx:${line}:62（第${line}段）`)
    // A text file's lines are what the reader sees: nothing added.
    expect(runCli(['draft.txt', '--format', 'github'], { cwd: dir }).stdout).not.toMatch(/第\d+段：/)
  })
})

describe('rdjson (reviewdog)', () => {
  it('one DiagnosticResult: UTF-8 byte columns, exclusive ends, rule code with a resolving url, fixes as suggestions', () => {
    const r = runCli(['draft.txt', '--format', 'rdjson'], { cwd: dir })
    expect(r.status).toBe(1)
    const out = JSON.parse(r.stdout)
    expect(out.source).toEqual({ name: 'planlint' })
    const unit = out.diagnostics.find((d: { code: { value: string } }) => d.code.value === 'outdated-unit-names')
    const lineNo = draft.split('\n').findIndex((l) => l.includes('县卫计委'))
    const text = draft.split('\n')[lineNo]!
    const col = Buffer.byteLength(text.slice(0, text.indexOf('县卫计委'))) + 1
    expect(unit).toMatchObject({
      severity: 'WARNING',
      location: { path: 'draft.txt', range: { start: { line: lineNo + 1, column: col }, end: { line: lineNo + 1, column: col + 12 } } },
    })
    expect(fs.existsSync(fileURLToPath(unit.code.url))).toBe(true)
    const mark = out.diagnostics.find((d: { message: string }) => d.message.includes('[bookmark: _GoBack]'))
    expect(mark.severity).toBe('ERROR')
    expect(mark.suggestions).toEqual([{ range: mark.location.range, text: '' }])
  })
})
