/**
 * The example CI files, run as a team would run them: planlint is not on the npm registry, so
 * the examples install the tarball `npm pack` makes (kept in the team's repository as
 * tools/planlint-<version>.tgz), and pre-commit installs the hook's repository the same way
 * (npm pack, then npm install -g of the tarball). This file packs the repository once,
 * installs the tarball once with the examples' own install command (into a prefix of its
 * own, dependencies from the npm registry), and runs every example's planlint command with
 * that installed binary — never with this checkout's bin/.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import AjvDraft04 from 'ajv-draft-04'
import { XMLValidator } from 'fast-xml-parser'
import YAML from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builtinRules } from '../rules/index.js'
import { root, runAsync, type Run } from './helpers/cli.js'

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  version: string
  main: string
  types: string
  bin: Record<string, string>
  files: string[]
  scripts: Record<string, string>
  exports: Record<string, string | Record<string, string>>
}
const plansDir = path.join(root, 'test/fixtures/plans')
const formatsDir = path.join(root, 'test/fixtures/formats')
/** One warning (fuliang), one error (xinjian), none under the pinned rules (wuhou, huadu). */
const planFiles = ['fuliang-county', 'xinjian-district', 'wuhou-district-draft', 'huadu-district'] as const
const sarifSchema = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/ci/sarif-2.1.0-rtm.5.json'), 'utf8'))
const validateSarif = new AjvDraft04.default({ strict: false, unicodeRegExp: false, validateFormats: false }).compile(sarifSchema)

const readYaml = <T>(file: string): T => YAML.parse(fs.readFileSync(path.join(root, file), 'utf8')) as T

/** The words of a shell command line (the examples use no quotes). */
function words(command: string): string[] {
  expect(command, 'example commands must not need shell quoting').not.toMatch(/["'`$\\|;&<>]/)
  return command.trim().split(/\s+/)
}

/** A pre-commit (Python) pattern as a JS RegExp: a leading `(?i)` becomes the `i` flag. */
function pythonRegex(pattern: string): RegExp {
  return pattern.startsWith('(?i)') ? new RegExp(pattern.slice(4), 'i') : new RegExp(pattern)
}

let tmp: string
/** The team's repository: the tarball in tools/, drafts beside it. */
let team: string
/** Where the examples' `npm install --global` puts planlint (instead of the machine's global folder). */
let prefix: string
let packedFiles: string[]
let tarball: string
/** The install command of the GitHub example, as run (before the prefix we add). */
let installWords: string[]
let n = 0

/** Runs npm awaited (runAsync): a pack and an install can take over a minute on a loaded machine. */
function npm(args: string[], cwd: string): Promise<Run> {
  return runAsync('npm', args, { cwd, env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' } })
}

/** Runs `planlint` as the examples do: found on PATH, the installed one. */
function planlint(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync('planlint', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env, PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`, FORCE_COLOR: '0' },
  })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, error: r.error }
}

/**
 * A config that pins the rules these tests count on, so rules added later do not change the
 * numbers: outdated-unit-names (warn: fuliang-county has one) and population-actions (error:
 * xinjian-district lacks the 农民 action); every other rule off.
 */
function pinnedConfig(): string {
  const pinned: Record<string, string> = { 'outdated-unit-names': 'warn', 'population-actions': 'error' }
  return `rules:\n${builtinRules.map((r) => `  ${r.meta.id}: ${pinned[r.meta.id] ?? 'off'}`).join('\n')}\n`
}

/** A fresh folder in the team's repository layout: drafts/ with the fixture plans, the pinned config. */
function draftsRepo(): string {
  const dir = path.join(tmp, `repo${++n}`)
  fs.mkdirSync(path.join(dir, 'drafts'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'planlint.config.yaml'), pinnedConfig())
  for (const f of planFiles) fs.copyFileSync(path.join(plansDir, `${f}.txt`), path.join(dir, 'drafts', `${f}.txt`))
  return dir
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-ci-examples-'))
  team = path.join(tmp, 'team')
  prefix = path.join(tmp, 'prefix')
  fs.mkdirSync(path.join(team, 'tools'), { recursive: true })
  const packDir = path.join(tmp, 'pack')
  fs.mkdirSync(packDir)
  // What a team runs in a planlint checkout. dist/ is built already (test/setup/build.ts);
  // `--ignore-scripts` keeps `prepare` from rebuilding it under the other test files that run
  // the CLI at the same time. That `prepare` builds dist/ for a real `npm pack` is checked below.
  const pack = await npm(['pack', '--ignore-scripts', '--json', '--pack-destination', packDir], root)
  expect(pack.status, pack.stderr).toBe(0)
  const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[]
  packedFiles = info!.files.map((f) => f.path)
  tarball = info!.filename

  // The GitHub example's install command, run in the team's repository with the tarball where it says.
  const wf = readYaml<{ jobs: Record<string, { steps: { name?: string; run?: string }[] }> }>('examples/ci/github-actions.yml')
  const step = Object.values(wf.jobs)[0]!.steps.find((s) => /^npm install --global /.test(s.run ?? ''))
  expect(step, 'the GitHub example installs planlint with npm install --global').toBeDefined()
  installWords = words(step!.run!)
  const target = installWords[installWords.length - 1]!
  expect(path.basename(target), 'the examples name the tarball npm pack writes').toBe(tarball)
  fs.mkdirSync(path.dirname(path.join(team, target)), { recursive: true })
  fs.copyFileSync(path.join(packDir, tarball), path.join(team, target))
  const install = await npm([...installWords.slice(1), '--prefix', prefix], team)
  expect(install.status, install.stderr).toBe(0)
})
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

describe('the package npm pack makes', () => {
  it('is built by prepare and holds the command, the library, presets, schemas, rule docs and the review page', () => {
    // `npm pack` and `npm install` of a git URL run `prepare`, which builds dist/.
    expect(pkg.scripts.prepare).toBe('npm run build')
    expect(pkg.scripts.build).toBe('node scripts/build.mjs')
    const files = new Set(packedFiles)
    const exportTargets = Object.values(pkg.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e)))
    const needed = [
      'package.json',
      'README.md',
      'LICENSE',
      ...Object.values(pkg.bin),
      pkg.main,
      pkg.types,
      ...exportTargets,
      'dist/bundle/cli.js',
      'dist/bundle/lint-worker.js',
      'presets/schema.json',
      'presets/units/schema.json',
      'presets/units/renames.yaml',
      'presets/units/aliases.yaml',
      'examples/draft.txt',
      ...fs.readdirSync(path.join(root, 'presets')).filter((f) => f.endsWith('.yaml')).map((f) => `presets/${f}`),
      ...builtinRules.map((r) => `rules/${r.meta.id}.md`),
      ...fs.readdirSync(path.join(root, 'src/serve/page')).map((f) => `src/serve/page/${f}`),
    ].map((p) => p.replace(/^\.\//, ''))
    for (const f of needed) expect(files, f).toContain(f)
    for (const f of files) {
      expect(f, 'no tests, TypeScript sources or dependencies in the package').not.toMatch(/^(test|node_modules|\.ci|bench)\/|^src\/.*\.ts$|^rules\/.*\.ts$/)
    }
  })

  it('installed from the tarball, `planlint` runs from its own folder, with its presets and rules', () => {
    const installed = path.join(prefix, 'lib', 'node_modules', 'planlint')
    expect(fs.realpathSync(path.join(prefix, 'bin', 'planlint'))).toBe(path.join(installed, pkg.bin.planlint!.replace(/^\.\//, '')))
    const version = planlint(['--version'], team)
    expect(version.stdout.trim()).toBe(pkg.version)
    // README's first command, with the installed package's own example draft: findings, exit 1
    const draft = planlint([path.join(installed, 'examples/draft.txt')], team)
    expect(draft.status, draft.stderr).toBe(1)
    expect(draft.stdout).toMatch(/✖ 共 \d+ 个问题/)
    expect(draft.stderr).toBe('')
  })
})

describe('example CI files, with the installed planlint', () => {
  it('GitHub Actions: annotations on stdout, SARIF for upload-sarif with each rule’s help, exit 1 on errors', () => {
    const wf = readYaml<{ permissions: Record<string, string>; jobs: Record<string, { steps: { run?: string; uses?: string; with?: Record<string, string> }[] }> }>(
      'examples/ci/github-actions.yml',
    )
    const steps = Object.values(wf.jobs)[0]!.steps
    const runs = steps.map((s) => s.run ?? '').filter((r) => r !== '')
    expect(runs.map((r) => words(r))).toEqual([installWords, expect.arrayContaining(['planlint'])])
    const command = runs.find((r) => /^planlint\s/.test(r.trim()))!
    const [, ...args] = words(command)
    expect(args).toEqual(expect.arrayContaining(['--format', 'sarif:planlint.sarif', 'github']))
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))
    expect(upload?.with?.sarif_file).toBe('planlint.sarif')
    expect(wf.permissions['security-events']).toBe('write')

    const dir = draftsRepo()
    const r = planlint(args, dir, { CI: 'true', GITHUB_ACTIONS: 'true' })
    expect(r.status, r.stderr).toBe(1)
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'planlint.sarif'), 'utf8'))
    expect(validateSarif(sarif)).toBe(true)
    // rule help comes from the rules/<id>.md files in the package
    for (const rule of sarif.runs[0].tool.driver.rules as { id: string; help?: { markdown?: string } }[]) {
      expect(rule.help?.markdown?.length ?? 0, rule.id).toBeGreaterThan(0)
    }
    const annotations = r.stdout.trimEnd().split('\n')
    expect(annotations.length).toBe(sarif.runs[0].results.length)
    for (const a of annotations) expect(a).toMatch(/^::(error|warning) file=drafts\/[\w-]+\.txt,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[\w-]+::/)
    const uploads = steps.filter((s) => s.uses?.startsWith('actions/upload-artifact')).map((s) => s.with?.path)
    for (const p of uploads) expect(fs.existsSync(path.join(dir, p!)), p).toBe(true)
  })

  it('GitLab CI: the same install, a code-quality report and JUnit where the job publishes them', () => {
    const ci = readYaml<Record<string, { script: string[]; artifacts: { when: string; reports: { codequality: string; junit: string }; paths: string[] } }>>(
      'examples/ci/gitlab-ci.yml',
    )
    const job = ci.planlint!
    expect(job.script.map((s) => words(s))).toEqual([installWords, expect.arrayContaining(['planlint'])])
    const [, ...args] = words(job.script.find((s) => /^planlint\s/.test(s))!)
    expect(job.artifacts.when).toBe('always')
    const dir = draftsRepo()
    const r = planlint(args, dir, { CI: 'true', GITLAB_CI: 'true' })
    expect(r.status, r.stderr).toBe(1)
    expect(r.stdout).toContain('✖ 共')
    const issues = JSON.parse(fs.readFileSync(path.join(dir, job.artifacts.reports.codequality), 'utf8')) as Record<string, unknown>[]
    expect(issues.length).toBeGreaterThan(0)
    for (const i of issues) {
      expect(Object.keys(i).sort()).toEqual(['check_name', 'description', 'fingerprint', 'location', 'severity'])
      expect((i.location as { path: string }).path).toMatch(/^drafts\//)
    }
    expect(XMLValidator.validate(fs.readFileSync(path.join(dir, job.artifacts.reports.junit), 'utf8'))).toBe(true)
    for (const p of job.artifacts.paths) expect(fs.existsSync(path.join(dir, p)), p).toBe(true)
  })

  interface Hook {
    id: string
    entry: string
    language: string
    types?: string[]
    types_or?: string[]
    files: string
    exclude?: string
    args?: string[]
  }

  /** What pre-commit would pass: the staged files its `files`/`exclude` patterns select. */
  function selected(hook: Hook, names: string[]): string[] {
    const files = pythonRegex(hook.files)
    const exclude = hook.exclude ? pythonRegex(hook.exclude) : undefined
    return names.filter((f) => files.test(f) && !exclude?.test(f))
  }

  const staged = ['方案.TXT', 'notes.md', 'draft.markdown', '方案.docx', '旧稿/方案.DOC', 'scan.pdf', 'sub/~$方案.docx', 'planlint.config.yaml', 'photo.png', 'doc.txt.bak']

  it('pre-commit: the hook selects .txt, .md, .docx, .doc and .pdf drafts in any case, not Word lock files', () => {
    const hook = readYaml<Hook[]>('.pre-commit-hooks.yaml').find((h) => h.id === 'planlint')!
    expect(hook).toMatchObject({ entry: 'planlint', language: 'node' })
    // pre-commit's `types` default to files; text-only types would drop Word and PDF
    expect(hook.types_or).toBeUndefined()
    expect(hook.types ?? ['file']).toEqual(['file'])
    expect(selected(hook, staged)).toEqual(['方案.TXT', 'notes.md', 'draft.markdown', '方案.docx', '旧稿/方案.DOC', 'scan.pdf'])
    // the team's config names this hook; the local variant selects the same files
    const config = readYaml<{ repos: { repo: string; rev?: string; hooks: { id: string }[] }[] }>('examples/ci/pre-commit-config.yaml')
    expect(config.repos.flatMap((r) => r.hooks.map((h) => h.id))).toEqual(['planlint'])
    expect(config.repos[0]!.rev).toMatch(/^v\d+\.\d+\.\d+$/)
    const local = readYaml<{ repos: { repo: string; hooks: Hook[] }[] }>('examples/ci/pre-commit-local.yaml').repos[0]!
    expect(local.repo).toBe('local')
    expect(local.hooks[0]).toMatchObject({ id: 'planlint', entry: 'planlint', language: 'system', files: hook.files, exclude: hook.exclude })
    // …and tells each person to install planlint with the examples' install command
    const text = fs.readFileSync(path.join(root, 'examples/ci/pre-commit-local.yaml'), 'utf8')
    expect(words(/npm install --global \S+/.exec(text)![0])).toEqual(installWords)
  })

  it('pre-commit: the hook’s entry, on staged Word, PDF, text and Markdown drafts, checks each; a clean commit passes', () => {
    const hook = readYaml<Hook[]>('.pre-commit-hooks.yaml').find((h) => h.id === 'planlint')!
    const dir = path.join(tmp, 'pre-commit')
    fs.mkdirSync(dir)
    fs.copyFileSync(path.join(formatsDir, 'nansha.docx'), path.join(dir, '南沙区方案.docx'))
    fs.copyFileSync(path.join(formatsDir, 'nansha.doc'), path.join(dir, '南沙区方案（旧版）.DOC'))
    fs.copyFileSync(path.join(formatsDir, 'nansha.pdf'), path.join(dir, '南沙区方案.pdf'))
    fs.copyFileSync(path.join(plansDir, 'xinjian-district.txt'), path.join(dir, '新建区方案.txt'))
    fs.copyFileSync(path.join(plansDir, 'fuliang-county.txt'), path.join(dir, '浮梁县方案.md'))
    fs.copyFileSync(path.join(plansDir, 'qingxi-county.txt'), path.join(dir, '青溪县方案.txt'))
    fs.writeFileSync(path.join(dir, '~$南沙区方案.docx'), 'Word 的锁文件')
    const names = fs.readdirSync(dir).sort()
    const chosen = selected(hook, names)
    expect(chosen).not.toContain('~$南沙区方案.docx')
    const [cmd, ...entryArgs] = words(hook.entry)
    expect(cmd).toBe('planlint')
    const bad = planlint([...entryArgs, ...(hook.args ?? []), ...chosen.filter((f) => !f.startsWith('青溪'))], dir)
    expect(bad.status, bad.stderr).toBe(1)
    expect(bad.stderr).toBe('')
    // every draft was read and has findings under its own heading
    for (const f of ['南沙区方案.docx', '南沙区方案（旧版）.DOC', '南沙区方案.pdf', '新建区方案.txt', '浮梁县方案.md']) {
      expect(bad.stdout.split('\n').some((l) => l.startsWith(`${f}  `)), f).toBe(true)
    }
    expect(bad.stdout).toMatch(/第\d+段/) // Word findings point at paragraphs
    const good = planlint([...entryArgs, ...(hook.args ?? []), '青溪县方案.txt'], dir)
    expect(good.status, good.stdout + good.stderr).toBe(0)
  })
})
