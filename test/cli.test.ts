/**
 * End-to-end: the real `node bin/planlint.js` as a child process, on fixtures copied into a
 * fresh temporary directory (the repository's files are never written). dist/ is built by
 * test/setup/build.ts before the suite.
 *
 * Most tests lint with a config that enables only draft-residue, so they keep testing the
 * CLI (exit codes, output, fixing) while other rules are added.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import stringWidth from 'string-width'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectOneLineFailure as expectOneLine, runCli, type Run } from './helpers/cli.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'bin/planlint.js')
const fixtures = path.join(root, 'test/fixtures/cli')
// The project's own realistic plans (see test/fixtures/plans/README.md).
const plans = path.join(root, 'test/fixtures/plans')


function run(args: string[], opts: { cwd?: string; input?: string | Buffer } = {}): Run {
  return runCli(args, opts)
}

const expectOneLineFailure = expectOneLine

let tmp: string
let ruleIds: string[] = []

/** A fresh directory with the fixtures and a config that enables only draft-residue. */
function workdir(name: string): string {
  const dir = path.join(tmp, name)
  fs.mkdirSync(dir, { recursive: true })
  for (const f of ['clean.txt', 'residue.txt']) fs.copyFileSync(path.join(fixtures, f), path.join(dir, f))
  const rules = ruleIds.map((id) => `  ${id}: ${id === 'draft-residue' ? 'warn' : 'off'}`).join('\n')
  fs.writeFileSync(path.join(dir, 'planlint.config.yaml'), `preset: national\nrules:\n${rules}\n`)
  return dir
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-cli-'))
  const api = (await import(path.join(root, 'dist/src/index.js'))) as { getRules(): Map<string, unknown> | { meta: { id: string } }[] }
  const rules = api.getRules()
  ruleIds = rules instanceof Map ? [...rules.keys()] : rules.map((r) => r.meta.id)
})

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true })
})

describe('exit codes', () => {
  it('0 and a one-line success on a clean file', () => {
    const dir = workdir('clean')
    const r = run(['clean.txt'], { cwd: dir })
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/^✔ 未发现问题（已检查 1 个文件/)
    expect(r.stderr).toBe('')
  })

  it('1 with findings at error level, reported in zh-CN with line:column and rule id', () => {
    const dir = workdir('errors')
    const r = run(['residue.txt', '--rule', 'draft-residue:error'], { cwd: dir })
    expect(r.status, r.stderr).toBe(1)
    expect(r.stdout).toMatch(/^residue\.txt\n/)
    expect(r.stdout).toMatch(/ {2}4:1 {2}错误 {2}.*— 3 —.* {2}draft-residue\n/)
    expect(r.stdout).toMatch(/7:1 {2}错误 .*bookmark/)
    expect(r.stdout).toContain('✖ 共 2 个问题（2 个错误，0 个警告）')
    expect(r.stdout).toContain('其中 2 个可用 --fix 自动修复')
    expect(r.stdout).toContain('使用预设 national')
  })

  it('0 with warnings only, 1 when they exceed --max-warnings', () => {
    const dir = workdir('maxwarn')
    expect(run(['residue.txt'], { cwd: dir }).status).toBe(0)
    expect(run(['residue.txt', '--max-warnings', '2'], { cwd: dir }).status).toBe(0)
    const over = run(['residue.txt', '--max-warnings', '1'], { cwd: dir })
    expect(over.status).toBe(1)
    expect(over.stdout).toContain('警告数 2 超过了 --max-warnings 允许的 1 个')
    expectOneLineFailure(run(['residue.txt', '--max-warnings', 'many'], { cwd: dir }), '--max-warnings')
  })

  it('--quiet shows errors only', () => {
    const dir = workdir('quiet')
    const r = run(['residue.txt', '--quiet'], { cwd: dir })
    expect(r.status).toBe(0)
    expect(r.stdout).not.toContain('警告')
    expect(r.stdout).toContain('✔ 未发现错误')
  })

  it('2 and one line for a missing file', () => {
    expectOneLineFailure(run(['no-such-plan.txt'], { cwd: workdir('missing') }), 'no-such-plan.txt', '找不到')
  })

  it('2 and one line for a bad config, naming the config file', () => {
    expectOneLineFailure(run(['test/fixtures/cli/bad-config/plan.txt']), 'planlint.config.yaml')
    expectOneLineFailure(run(['test/fixtures/cli/bad-schema/plan.txt']), 'planlint.config.yaml', 'draft-residue')
    expectOneLineFailure(run(['clean.txt', '--config', 'nowhere.yaml'], { cwd: workdir('noconfig') }), 'nowhere.yaml')
  })

  it('2 and one line for an unknown rule id or a malformed --rule', () => {
    const dir = workdir('rule')
    expectOneLineFailure(run(['clean.txt', '--rule', 'nope:error'], { cwd: dir }), '未知的规则“nope”')
    expectOneLineFailure(run(['clean.txt', '--rule', 'draft-residue:loud'], { cwd: dir }), 'draft-residue', 'off、info、warn 或 error')
    expectOneLineFailure(run(['clean.txt', '--rule', 'draft-residue:["warn",'], { cwd: dir }), 'JSON')
  })

  it('accepts --rule with JSON options', () => {
    const dir = workdir('rule-json')
    const r = run(['residue.txt', '--rule', 'draft-residue:["error",{}]'], { cwd: dir })
    expect(r.status, r.stderr).toBe(1)
  })

  it('2 and one line for an unknown format, listing the available ones', () => {
    expectOneLineFailure(run(['clean.txt', '--format', 'xml'], { cwd: workdir('format') }), '未知的输出格式“xml”', 'stylish', 'json')
  })

  it('2 and one line for a directory without plans and for a glob that matches nothing', () => {
    const dir = workdir('nodir')
    fs.mkdirSync(path.join(dir, 'empty'))
    fs.writeFileSync(path.join(dir, 'empty', 'notes.csv'), 'a,b\n')
    expectOneLineFailure(run(['empty'], { cwd: dir }), 'empty', '没有可检查的文件')
    expectOneLineFailure(run(['nothing-*.txt'], { cwd: dir }), 'nothing-*.txt')
  })

  it('2 and one line for binary input', () => {
    const dir = workdir('binary')
    fs.writeFileSync(path.join(dir, 'scan.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]))
    expectOneLineFailure(run(['scan.txt'], { cwd: dir }), 'scan.txt')
  })

  it('2 and one Chinese line for an unknown option or no input at all', () => {
    expectOneLineFailure(run(['--bogus']), '未知的选项 --bogus')
    expectOneLineFailure(run([]), '请指定要检查的文件')
  })
})

describe('inputs', () => {
  it('lints a directory recursively and a glob', () => {
    const dir = workdir('dirs')
    fs.mkdirSync(path.join(dir, 'sub'))
    fs.copyFileSync(path.join(fixtures, 'residue.txt'), path.join(dir, 'sub', '二稿.txt'))
    const r = run(['.', '--format', 'json'], { cwd: dir })
    const files = (JSON.parse(r.stdout) as { filePath: string }[]).map((x) => path.relative(dir, x.filePath)).sort()
    expect(files).toEqual(['clean.txt', 'residue.txt', path.join('sub', '二稿.txt')].sort())
    const g = run(['*.txt', '--format', 'json'], { cwd: dir })
    expect((JSON.parse(g.stdout) as unknown[]).length).toBe(2)
  })

  it('reads standard input with -, and --stdin-filename names it', () => {
    const dir = workdir('stdin')
    const text = fs.readFileSync(path.join(fixtures, 'residue.txt'), 'utf8')
    const r = run(['-', '--rule', 'draft-residue:error'], { cwd: dir, input: text })
    expect(r.status, r.stderr).toBe(1)
    expect(r.stdout).toMatch(/^<stdin>\n/)
    expect(r.stdout).toContain('draft-residue')
    const named = run(['-', '--stdin-filename', '送审稿.txt'], { cwd: dir, input: text })
    expect(named.status, named.stderr).toBe(0)
    expect(named.stdout).toMatch(/^送审稿\.txt\n/)
    expectOneLineFailure(run(['-', '--fix'], { cwd: dir, input: text }), '--fix-dry-run')
  })
})

describe('--output-file', () => {
  it('writes the report atomically (no temp file left) and prints nothing', () => {
    const dir = workdir('output')
    const r = run(['residue.txt', '--format', 'json', '--output-file', 'reports/result.json'], { cwd: dir })
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toBe('')
    expect(fs.readdirSync(path.join(dir, 'reports'))).toEqual(['result.json'])
    const parsed = JSON.parse(fs.readFileSync(path.join(dir, 'reports/result.json'), 'utf8')) as { warningCount: number }[]
    expect(parsed[0]!.warningCount).toBe(2)
  })

  it('replaces an existing report without leaving temp files', () => {
    const dir = workdir('output2')
    fs.writeFileSync(path.join(dir, 'out.txt'), 'old') // not a report: replacing it needs --force (issue 12 item 1)
    expect(run(['clean.txt', '-o', 'out.txt', '--force'], { cwd: dir }).status).toBe(0)
    expect(fs.readFileSync(path.join(dir, 'out.txt'), 'utf8')).toContain('未发现问题')
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })
})

describe('--fix', () => {
  it('writes fixes back, keeps CRLF line ends, and a second --fix changes nothing', () => {
    const dir = workdir('fix')
    const file = path.join(dir, 'residue.txt')
    const crlf = fs.readFileSync(file, 'utf8').replace(/\n/g, '\r\n')
    fs.writeFileSync(file, crlf)
    const first = run(['residue.txt', '--fix'], { cwd: dir })
    expect(first.status, first.stderr).toBe(0)
    expect(first.stdout).toContain('已自动修复并保存：residue.txt')
    expect(first.stdout).toContain('✔ 未发现问题')
    const fixed = fs.readFileSync(file, 'utf8')
    expect(fixed).not.toContain('[bookmark')
    expect(fixed).not.toContain('— 3 —')
    expect(fixed).toContain('1.弘扬科学精神')
    expect(fixed.split('\n').every((l, i, all) => i === all.length - 1 || l.endsWith('\r'))).toBe(true)
    const mtime = fs.statSync(file).mtimeMs
    const second = run(['residue.txt', '--fix'], { cwd: dir })
    expect(second.status).toBe(0)
    expect(second.stdout).not.toContain('已自动修复')
    expect(fs.readFileSync(file, 'utf8')).toBe(fixed)
    expect(fs.statSync(file).mtimeMs).toBe(mtime)
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('--fix-dry-run prints a unified diff and writes nothing', () => {
    const dir = workdir('dry')
    const file = path.join(dir, 'residue.txt')
    const before = fs.readFileSync(file)
    const r = run(['residue.txt', '--fix-dry-run'], { cwd: dir })
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toContain('--- a/residue.txt\n+++ b/residue.txt\n@@ ')
    expect(r.stdout).toContain('\n-— 3 —\n')
    expect(r.stdout).toContain('\n-[bookmark: _GoBack]1.弘扬科学精神')
    expect(r.stdout).toContain('\n+1.弘扬科学精神')
    expect(r.stdout).toContain('未写入任何文件')
    expect(fs.readFileSync(file).equals(before)).toBe(true)
    expect(fs.readdirSync(dir).sort()).toEqual(['clean.txt', 'planlint.config.yaml', 'residue.txt'])
  })
})

describe('rules', () => {
  it('lists every rule, draft-residue among them, aligned by display width', () => {
    const r = run(['rules'])
    expect(r.status).toBe(0)
    const lines = r.stdout.split('\n')
    expect(lines[0]).toMatch(/^规则\s+默认级别\s+可自动修复\s+说明$/)
    const row = lines.find((l) => l.startsWith('draft-residue '))
    expect(row).toBeDefined()
    expect(row).toContain('是')
    const rows = [lines[0]!, ...lines.filter((l) => ruleIds.some((id) => l.startsWith(id + ' ')))]
    expect(rows.length).toBe(ruleIds.length + 1)
    const descCol = (l: string) => stringWidth(l.slice(0, l.search(/\S+$/) === -1 ? 0 : nthColumn(l, 3)))
    expect(new Set(rows.map(descCol)).size).toBe(1)
  })
})

/** Index of the `n`th (0-based) column in a row whose columns are separated by 2+ spaces. */
function nthColumn(line: string, n: number): number {
  const re = / {2,}/g
  let m: RegExpExecArray | null
  let i = 0
  while ((m = re.exec(line))) {
    i++
    if (i === n) return m.index + m[0].length
  }
  return -1
}

describe('explain', () => {
  function planCopy(name: string): { dir: string; file: string } {
    const dir = path.join(tmp, `explain-${name}`)
    fs.mkdirSync(dir, { recursive: true })
    const file = path.join(dir, name)
    fs.copyFileSync(path.join(plans, name), file)
    return { dir, file }
  }

  it('prints what was understood of a plan, in Chinese', () => {
    const { dir } = planCopy('xinjian-district.txt')
    const r = run(['explain', 'xinjian-district.txt'], { cwd: dir })
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/^标题：南昌市新建区全民科学素质行动规划纲要/)
    expect(r.stdout).toContain('辖区：南昌市新建区')
    expect(r.stdout).toContain('期限：2021—2025年')
    expect(r.stdout).toContain('状态：未标注为征求意见稿')
    expect(r.stdout).toContain('预设：nanchang')
    expect(r.stdout).toMatch(/（一）实施青少年科学素质提升行动 +\[2级 · 提升行动 · 第13行\]/)
    expect(r.stdout).toMatch(/1\.培育青少年科学兴趣 {2}\[第14行\]\n {6}牵头：区教育体育局（来源：任务后括注）\n {6}配合：团区委、区科协\n/)
    expect(r.stdout).toMatch(/2025年 {2}公民具备科学素质的比例 {2}超过14% {2}\[已量化 · 第9行\]/)
    expect(r.stdout).toMatch(/《南昌市全民科学素质行动规划纲要实施方案（2021—2025年）》 {2}洪府发〔2021〕27号/)
    const draft = planCopy('wuhou-district-draft.txt')
    const d = run(['explain', 'wuhou-district-draft.txt'], { cwd: draft.dir })
    expect(d.stdout).toContain('状态：征求意见稿')
    expect(d.stdout).toMatch(/1\.激发青少年好奇心和想象力 {2}\[第15行\]\n {6}牵头：区教育局（来源：单独成行的牵头单位）/)
  })

  it('prints the documented JSON shape with {line, column} positions', () => {
    const { dir } = planCopy('wuhou-district-draft.txt')
    const r = run(['explain', 'wuhou-district-draft.txt', '--format', 'json'], { cwd: dir })
    expect(r.status, r.stderr).toBe(0)
    const j = JSON.parse(r.stdout) as Record<string, any>
    expect(Object.keys(j)).toEqual([
      'version', 'title', 'jurisdiction', 'period', 'draft', 'date', 'docNumber', 'preset', 'tasks',
      'outline', 'actions', 'projects', 'targets', 'citations',
    ])
    expect(j.jurisdiction.name).toBe('成都市武侯区')
    expect(j.period).toEqual({ start: 2021, end: 2025 })
    expect(j.draft).toBe(true)
    expect(j.preset.id).toBe('chengdu')
    expect(j.actions).toHaveLength(5)
    expect(j.actions[0].name).toContain('青少年')
    const task = j.actions[0].tasks[0]
    expect(Object.keys(task).sort()).toEqual(['lead', 'leadSource', 'marker', 'number', 'partners', 'position', 'title'])
    expect(task.leadSource).toBe('own-line')
    expect(task.lead[0]).toEqual({ text: '区教育局', name: expect.stringContaining('教育局'), vague: false })
    expect(task.position).toEqual({ line: 15, column: 1 })
    expect(j.tasks.total).toBe(j.tasks.withLead + j.tasks.withoutLead)
    expect(j.tasks.total).toBe(12)
    expect(j.outline[0]).toMatchObject({ level: 1, role: 'goals' })
    const headline = j.targets.find((t: any) => t.indicator === '公民具备科学素质的比例')
    expect(headline).toMatchObject({ year: 2025, value: 18, valueUnit: '%', quantified: true })
    expect(j.citations.map((c: any) => c.title)).toContain('四川省全民科学素质行动实施方案')
  })

  it('fails with one line for a missing file and an unknown format', () => {
    expectOneLineFailure(run(['explain', 'missing.txt']), 'missing.txt')
    expectOneLineFailure(run(['explain', 'examples/draft.txt', '--format', 'yaml']), 'text、json')
  })
})

describe('init', () => {
  it('writes a commented config listing every rule, notes the jurisdiction, and refuses to overwrite', () => {
    const dir = path.join(tmp, 'init')
    fs.mkdirSync(dir)
    fs.copyFileSync(path.join(plans, 'wuhou-district-draft.txt'), path.join(dir, 'draft.txt'))
    const r = run(['init', 'draft.txt'], { cwd: dir })
    expect(r.status, r.stderr).toBe(0)
    const config = fs.readFileSync(path.join(dir, 'planlint.config.yaml'), 'utf8')
    expect(config).toMatch(/^preset: chengdu$/m)
    expect(config).toContain('# 识别到的辖区：成都市武侯区')
    for (const id of ruleIds) expect(config).toMatch(new RegExp(`^  ${id}: (error|warn|info|off)$`, 'm'))
    expect(config).toMatch(/^ignores:$/m)
    expect(config).toMatch(/^status: draft$/m)
    // The written config is valid: linting with it runs (exit 0 or 1, not 2).
    const lint = run(['draft.txt'], { cwd: dir })
    expect([0, 1], lint.stderr).toContain(lint.status)
    // A second init leaves the file alone.
    const again = run(['init'], { cwd: dir })
    expectOneLineFailure(again, 'planlint.config.yaml', '已存在')
    expect(fs.readFileSync(path.join(dir, 'planlint.config.yaml'), 'utf8')).toBe(config)
    expect(fs.readdirSync(dir).sort()).toEqual(['draft.txt', 'planlint.config.yaml'])
  })
})

describe('the README example', () => {
  it('`node bin/planlint.js examples/draft.txt` lists findings and exits 1, as README.md says', () => {
    const r = run(['examples/draft.txt'])
    expect(r.status, r.stderr).toBe(1)
    expect(r.stdout).toMatch(/^examples\/draft\.txt\n/)
    expect(r.stdout).toContain('bookmark: _GoBack')
    expect(r.stdout).toContain('— 3 —')
    expect(r.stdout).toMatch(/✖ 共 \d+ 个问题/)
  })
})

describe('help and version', () => {
  it('prints the version from package.json and zh-CN help', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }
    const v = run(['--version'])
    expect(v.status).toBe(0)
    expect(v.stdout.trim()).toBe(pkg.version)
    const h = run(['--help'])
    expect(h.status).toBe(0)
    expect(h.stdout).toContain('用法： planlint')
    expect(h.stdout).toContain('退出码：0')
  })
})
