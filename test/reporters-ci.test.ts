/**
 * The CI and review formatters (sarif, github, gitlab, junit, html) on real lint results of
 * the project's fixture plans, plus their escaping on hostile text, and third-party formatter loading.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import AjvDraft04 from 'ajv-draft-04'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getRules, lintFiles } from '../src/index.js'
import { isPlanlintError } from '../src/errors.js'
import { getFormatter, listFormatters, packageName } from '../src/reporters/index.js'
import { escapeData, escapeProperty, github } from '../src/reporters/github.js'
import { gitlab, toCodeQuality } from '../src/reporters/gitlab.js'
import { html, paragraphWithMark } from '../src/reporters/html.js'
import { junit } from '../src/reporters/junit.js'
import { sarif, toSarif } from '../src/reporters/sarif.js'
import { placesSuffix } from '../src/reporters/common.js'
import type { FormatterContext } from '../src/reporters/types.js'
import type { LintMessage, LintResult, RuleMeta } from '../src/types.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const fixtures = path.join(root, 'test/fixtures/ci')
/** The project's own plans: findings of both severities, fixable ones, several rules. */
const plansDir = path.join(root, 'test/fixtures/plans')
const planFiles = ['fuliang-county', 'huadu-district', 'wuhou-district-draft', 'xinjian-district'] as const

let results: LintResult[]
let ctx: FormatterContext
const rulesMeta: Record<string, RuleMeta> = {}

beforeAll(async () => {
  for (const [id, rule] of getRules()) rulesMeta[id] = rule.meta
  results = await lintFiles(
    planFiles.map((f) => path.join(plansDir, `${f}.txt`)),
    { cwd: plansDir },
  )
  ctx = { cwd: plansDir, color: false, rulesMeta, version: '0.1.0' }
})

function allMessages(): { file: string; m: LintMessage; r: LintResult }[] {
  return results.flatMap((r) => r.messages.map((m) => ({ file: path.relative(plansDir, r.filePath), m, r })))
}

function msg(over: Partial<LintMessage>): LintMessage {
  return { ruleId: 'lead-unit', severity: 2, message: '任务缺少牵头单位', line: 1, column: 1, endLine: 1, endColumn: 3, range: [0, 2], ...over }
}

function result(filePath: string, messages: LintMessage[], source?: string): LintResult {
  return {
    filePath,
    messages,
    errorCount: messages.filter((m) => m.severity === 2).length,
    warningCount: messages.filter((m) => m.severity === 1 && m.level !== 'info').length,
    infoCount: messages.filter((m) => m.level === 'info').length,
    fatalErrorCount: messages.filter((m) => m.fatal).length,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    ...(source !== undefined ? { source } : {}),
  }
}

/** Text a finding or a test could trip on: markup, quotes, escapes, separators, newlines. */
const HOSTILE = '<script>alert("x")</script> & 50% a:b,c \'q\'\r\n第二行\u0007'

it('the plans have findings of both severities to format', () => {
  const all = allMessages()
  expect(all.some(({ m }) => m.severity === 2)).toBe(true)
  expect(all.some(({ m }) => m.severity === 1)).toBe(true)
  expect(listFormatters()).toEqual(expect.arrayContaining(['stylish', 'json', 'sarif', 'github', 'gitlab', 'junit', 'html']))
})

describe('sarif', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(fixtures, 'sarif-2.1.0-rtm.5.json'), 'utf8'))
  // The schema's `language` pattern is not valid as a Unicode regexp; formats are checked
  // below by hand (URIs), as ajv-draft-04 ships no format validators.
  const validate = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false }).compile(schema)

  it('is valid against the SARIF 2.1.0 schema', () => {
    const log = JSON.parse(sarif(results, ctx))
    const ok = validate(log)
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([])
    expect(ok).toBe(true)
  })

  it('the validator does reject a broken log (the check can fail)', () => {
    const log = JSON.parse(sarif(results, ctx))
    log.runs[0].results[0].level = 'fatal'
    delete log.runs[0].tool.driver.name
    expect(validate(log)).toBe(false)
  })

  it('describes every rule from its metadata', () => {
    const driver = toSarif(results, ctx).runs[0]!.tool.driver
    expect(driver.name).toBe('planlint')
    expect(driver.version).toBe('0.1.0')
    for (const [id, meta] of Object.entries(rulesMeta)) {
      const rule = driver.rules!.find((r) => r.id === id)
      expect(rule, id).toBeDefined()
      expect(rule!.name).toBe(id)
      expect(rule!.shortDescription!.text).toBe(meta.docs.description.zh)
      expect(rule!.fullDescription!.text).toContain(meta.docs.description.en)
      // The doc page shipped in the package (package.json has no repository field).
      expect(rule!.helpUri).toBe(pathToFileURL(path.join(root, 'rules', `${id}.md`)).href)
      expect(rule!.help!.markdown).toBe(fs.readFileSync(path.join(root, 'rules', `${id}.md`), 'utf8'))
      expect(rule!.defaultConfiguration!.level).toBe({ error: 'error', warn: 'warning', info: 'note' }[meta.severity])
    }
  })

  it('has one result per finding, with rule, level, message and region', () => {
    const run = toSarif(results, ctx).runs[0]!
    const all = allMessages()
    expect(run.results).toHaveLength(all.length)
    run.results!.forEach((res, i) => {
      const { file, m } = all[i]!
      expect(res.ruleId).toBe(m.ruleId)
      expect(run.tool.driver.rules![res.ruleIndex!]!.id).toBe(m.ruleId)
      expect(res.level).toBe(m.severity === 2 ? 'error' : m.level === 'info' ? 'note' : 'warning')
      // a grouped finding says how many places and which
      expect(res.message.text).toBe(m.message + placesSuffix(m))
      if (m.places && m.places.length > 1) expect(res.relatedLocations).toHaveLength(m.places.length - 1)
      const loc = res.locations![0]!.physicalLocation!
      expect(loc.artifactLocation!.uri!).toMatch(/^[A-Za-z0-9\-._~%!$&'()*+,;=:@/]+$/)
      expect(decodeURIComponent(loc.artifactLocation!.uri!)).toBe(file)
      expect(loc.region).toEqual({ startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn })
    })
  })

  it('uses relative URIs with forward slashes, percent-encoded', () => {
    const r = result(path.join(plansDir, 'sub dir', '实施方案.txt'), [msg({})])
    const uri = toSarif([r], ctx).runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri!
    expect(uri).toBe('sub%20dir/%E5%AE%9E%E6%96%BD%E6%96%B9%E6%A1%88.txt')
    expect(decodeURIComponent(uri)).toBe('sub dir/实施方案.txt')
  })

  it('stays valid with messages that have no rule and no position', () => {
    const r = result(path.join(plansDir, 'x.txt'), [msg({ ruleId: null, fatal: true, line: 0, column: 0, endLine: 0, endColumn: 0, message: HOSTILE })])
    const log = JSON.parse(sarif([r], ctx))
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 2))).toBe(true)
    expect(log.runs[0].results[0].message.text).toBe(HOSTILE)
  })
})

/** Parses GitHub workflow command lines back into findings (the inverse of the formatter). */
function parseGithub(text: string) {
  const unData = (s: string) => s.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%')
  const unProp = (s: string) => unData(s.replace(/%3A/g, ':').replace(/%2C/g, ','))
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((line) => {
      const m = /^::(error|warning) ([^:]*)::(.*)$/.exec(line)
      expect(m, line).not.toBeNull()
      const props: Record<string, string> = {}
      for (const kv of m![2]!.split(',')) {
        const i = kv.indexOf('=')
        props[kv.slice(0, i)] = unProp(kv.slice(i + 1))
      }
      return {
        severity: m![1] === 'error' ? 2 : 1,
        file: props.file,
        line: Number(props.line),
        column: Number(props.col),
        endLine: Number(props.endLine),
        endColumn: Number(props.endColumn),
        ruleId: props.title,
        message: unData(m![3]!),
      }
    })
}

describe('github', () => {
  it('parses back to the same findings', () => {
    const parsed = parseGithub(github(results, ctx))
    const expected = allMessages().map(({ file, m }) => ({
      severity: m.severity,
      file,
      line: m.line,
      column: m.column,
      endLine: m.endLine,
      endColumn: m.endColumn,
      ruleId: m.ruleId,
      message: m.message + placesSuffix(m),
    }))
    expect(parsed).toEqual(expected)
  })

  it('escapes data and properties as the runner expects', () => {
    expect(escapeData('50%\r\nx:y,z')).toBe('50%25%0D%0Ax:y,z')
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A')
    const r = result(path.join(plansDir, 'a,b:c.txt'), [msg({ message: HOSTILE, severity: 1 })])
    const out = github([r], ctx)
    expect(out.trimEnd().split('\n')).toHaveLength(1)
    expect(out.startsWith('::warning file=a%2Cb%3Ac.txt,line=1,col=1,endLine=1,endColumn=3,title=lead-unit::')).toBe(true)
    // The bell (a control character) is printed as \u0007 in every text format (issue 12 item 6).
    expect(parseGithub(out)[0]).toMatchObject({ file: 'a,b:c.txt', message: HOSTILE.replace('\u0007', '\\u0007'), severity: 1 })
  })

  it('prints nothing for clean results', () => {
    expect(github([result(path.join(plansDir, 'ok.txt'), [])], ctx)).toBe('')
  })
})

describe('junit', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true, isArray: (name) => ['testsuite', 'testcase'].includes(name) })

  it('is valid XML with a suite per file and a case per finding; errors fail', () => {
    const xml = junit(results, ctx)
    expect(XMLValidator.validate(xml)).toBe(true)
    const doc = parser.parse(xml)
    const suites = doc.testsuites.testsuite as { name: string; tests: string; failures: string; testcase: { failure?: { message: string } }[] }[]
    expect(suites.map((s) => s.name)).toEqual(planFiles.map((f) => `${f}.txt`))
    results.forEach((r, i) => {
      const s = suites[i]!
      expect(Number(s.failures)).toBe(r.errorCount)
      expect(s.testcase.filter((c) => c.failure)).toHaveLength(r.errorCount)
      expect(s.testcase).toHaveLength(Math.max(1, r.messages.length))
    })
    const errors = results.reduce((n, r) => n + r.errorCount, 0)
    expect(Number(doc.testsuites.failures)).toBe(errors)
  })

  it('escapes markup and drops characters XML cannot hold', () => {
    const r = result(path.join(plansDir, 'a&b<c>.txt'), [msg({ message: HOSTILE })])
    const xml = junit([r], ctx)
    expect(XMLValidator.validate(xml)).toBe(true)
    const doc = parser.parse(xml)
    expect(doc.testsuites.testsuite[0].name).toBe('a&b<c>.txt')
    expect(doc.testsuites.testsuite[0].testcase[0].failure.message).toBe(HOSTILE.replace('\u0007', ''))
  })

  it('gives a clean file one passing case', () => {
    const doc = parser.parse(junit([result(path.join(plansDir, 'ok.txt'), [])], ctx))
    expect(doc.testsuites.testsuite[0].testcase).toHaveLength(1)
    expect(doc.testsuites.testsuite[0].testcase[0].failure).toBeUndefined()
  })
})

describe('gitlab', () => {
  it('has the code-quality fields for every finding', () => {
    const issues = JSON.parse(gitlab(results, ctx))
    const all = allMessages()
    expect(issues).toHaveLength(all.length)
    issues.forEach((issue: ReturnType<typeof toCodeQuality>[number], i: number) => {
      const { file, m } = all[i]!
      expect(issue.description).toBe(m.message + placesSuffix(m))
      expect(issue.check_name).toBe(m.ruleId)
      expect(issue.severity).toBe(m.severity === 2 ? 'major' : 'minor')
      expect(issue.location).toEqual({ path: file, lines: { begin: m.line } })
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{32}$/)
    })
    expect(new Set(issues.map((i: { fingerprint: string }) => i.fingerprint)).size).toBe(issues.length)
  })

  it('keeps a fingerprint when lines are added above the finding', () => {
    const source = '甲\n乙区卫计委丙\n'
    const a = result(path.join(plansDir, 'p.txt'), [msg({ line: 2, range: [3, 7] })], source)
    const b = result(path.join(plansDir, 'p.txt'), [msg({ line: 3, range: [6, 10] })], '新增\n' + source)
    expect(toCodeQuality([a], ctx)[0]!.fingerprint).toBe(toCodeQuality([b], ctx)[0]!.fingerprint)
    const c = result(path.join(plansDir, 'p.txt'), [msg({ line: 2, range: [2, 6] })], source)
    expect(toCodeQuality([c], ctx)[0]!.fingerprint).not.toBe(toCodeQuality([a], ctx)[0]!.fingerprint)
  })
})

describe('html', () => {
  it('is one self-contained page: no scripts, no external assets', () => {
    const page = html(results, ctx)
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(page).toContain('<html lang="zh-CN">')
    expect(page).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i)
    expect(page).not.toMatch(/\ssrc=/i)
    // The only links are in-page anchors and rule documentation.
    for (const [, href] of page.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^#file-\d+$|^https:\/\/github\.com\/planlint\//)
  })

  it('summarises per file and per rule', () => {
    const page = html(results, ctx)
    expect(page).toContain('按文件汇总')
    expect(page).toContain('按规则汇总')
    for (const f of planFiles) expect(page).toContain(`>${f}.txt</a>`)
    const rules = new Set(allMessages().map(({ m }) => m.ruleId!))
    for (const id of rules) expect(page).toContain(rulesMeta[id]!.docs.description.zh.replace(/&/g, '&amp;'))
    const errors = results.reduce((n, r) => n + r.errorCount, 0)
    const warnings = results.reduce((n, r) => n + r.warningCount, 0)
    expect(page).toContain(`<b>${errors}</b>个错误`)
    expect(page).toContain(`<b>${warnings}</b>个警告`)
  })

  it('shows each finding with its paragraph and the offending words highlighted', () => {
    const page = html(results, ctx)
    const articles = page.split('<article ').slice(1)
    const all = allMessages()
    expect(articles).toHaveLength(all.length)
    articles.forEach((a, i) => {
      const { m, r } = all[i]!
      expect(a).toContain(m.severity === 2 ? '>错误<' : m.level === 'info' ? '>提示<' : '>警告<')
      expect(a.startsWith(`class="finding ${m.severity === 2 ? 'error' : m.level === 'info' ? 'info' : 'warning'}"`)).toBe(true)
      const span = r.source!.slice(m.range[0], m.range[1])
      const escaped = span.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
      if (span.trim()) expect(a).toContain(`<mark>${escaped}</mark>`)
      expect(a).toContain(`第 ${m.line} 行第 ${m.column} 列`)
    })
  })

  it('escapes all text', () => {
    const source = `前文${HOSTILE}后文`
    const r = result('/tmp/<b>x.txt', [msg({ message: HOSTILE, range: [2, 2 + HOSTILE.length], expected: '<i>', actual: '"a"' })], source)
    const page = html([r], { ...ctx, cwd: '/elsewhere' })
    expect(page).not.toContain('<script>alert')
    expect(page).not.toContain('<b>x')
    expect(page).not.toContain('<i>')
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    expect(page).toContain('/tmp/&lt;b&gt;x.txt')
  })

  it('cuts long paragraphs around the finding and marks empty spans', () => {
    const long = '甲'.repeat(500) + '错字' + '乙'.repeat(500)
    const marked = paragraphWithMark(long, [500, 502])
    expect(marked).toContain('<mark>错字</mark>')
    expect(marked.startsWith('…')).toBe(true)
    expect(marked.endsWith('…')).toBe(true)
    expect([...marked].length).toBeLessThan(400)
    expect(paragraphWithMark('第一段\n第二段\n', [4, 4])).toBe('<mark class="gap" title="问题所在位置">▲</mark>第二段')
    expect(paragraphWithMark('第一段\n第二段', [4, 7])).toBe('<mark>第二段</mark>')
    expect(paragraphWithMark(undefined, [0, 1])).toBe('')
    expect(paragraphWithMark('短', [5, 9])).toBe('')
  })
})

describe('third-party formatters', () => {
  let tmp: string
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-fmt-'))
    const pkg = path.join(tmp, 'node_modules', 'planlint-formatter-count')
    fs.mkdirSync(pkg, { recursive: true })
    fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'planlint-formatter-count', version: '1.0.0', main: 'index.js' }))
    fs.copyFileSync(path.join(fixtures, 'formatter-count.mjs'), path.join(pkg, 'index.mjs'))
    fs.writeFileSync(path.join(pkg, 'index.js'), 'module.exports = (results) => results.map((r) => r.messages.length).join(",") + "\\n"\n')
    fs.writeFileSync(path.join(tmp, 'not-a-formatter.mjs'), 'export const x = 1\n')
    fs.writeFileSync(path.join(tmp, 'throws.mjs'), 'export default () => { throw new Error("boom") }\n')
  })
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

  it('loads a module by path', async () => {
    const f = await getFormatter(path.join(fixtures, 'formatter-count.mjs'))
    expect(f(results, ctx)).toBe(results.map((r) => `${path.basename(r.filePath)}\t${r.errorCount}\t${r.warningCount}`).join('\n') + '\n')
    const rel = await getFormatter('./test/fixtures/ci/formatter-count.mjs', { cwd: root })
    expect(rel(results, ctx)).toBe(f(results, ctx))
  })

  it('loads planlint-formatter-<name> from the working directory', async () => {
    const f = await getFormatter('count', { cwd: tmp })
    expect(f(results, ctx)).toBe(results.map((r) => r.messages.length).join(',') + '\n')
    expect(packageName('count')).toBe('planlint-formatter-count')
    expect(packageName('@acme/x')).toBe('@acme/planlint-formatter-x')
    expect(packageName('@acme')).toBe('@acme/planlint-formatter')
  })

  it('says in one line what is wrong with a name or a module', async () => {
    const fail = async (name: string, ...fragments: string[]) => {
      const e = await getFormatter(name, { cwd: tmp }).then(
        () => undefined,
        (err: unknown) => err,
      )
      expect(isPlanlintError(e), String(e)).toBe(true)
      const message = (e as Error).message
      expect(message.split('\n')).toHaveLength(1)
      for (const f of fragments) expect(message).toContain(f)
    }
    await fail('nope', '未知的输出格式“nope”', 'stylish', 'sarif', 'planlint-formatter-nope')
    await fail('./missing.mjs', '找不到输出格式模块')
    await fail('./not-a-formatter.mjs', '没有导出格式化函数')
    const thrower = await getFormatter('./throws.mjs', { cwd: tmp })
    expect(() => thrower(results, ctx)).toThrow(/输出格式“.\/throws.mjs”出错：boom/)
  })
})
