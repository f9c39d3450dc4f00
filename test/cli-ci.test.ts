/**
 * planlint in CI, end to end through `node bin/planlint.js` on copies of the project's own
 * plans (test/fixtures/plans):
 * several --format targets, exit codes, --cache, --jobs and the progress line. The example CI
 * files are run with a planlint installed from `npm pack` in test/ci-examples.test.ts.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import AjvDraft04 from 'ajv-draft-04'
import { XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectOneLineFailure as expectOneLine, runCli, type Run } from './helpers/cli.js'
import { autoJobs, AUTO_MIN_FILES, parseJobs } from '../src/cli/run-files.js'
import { createProgress, wantProgress } from '../src/cli/progress.js'
import { parseFormatSpec, planOutputs } from '../src/cli/outputs.js'
import { isPlanlintError } from '../src/errors.js'
import { getRules } from '../src/index.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'bin/planlint.js')
const fixtures = path.join(root, 'test/fixtures/ci')
/** Four of the project's plans: one warning (fuliang), one error (xinjian), none under the pinned rules (wuhou, huadu). */
const plansDir = path.join(root, 'test/fixtures/plans')
const planFiles = ['fuliang-county', 'xinjian-district', 'wuhou-district-draft', 'huadu-district'] as const


function run(args: string[], cwd: string, env: Record<string, string | undefined> = {}): Run {
  return runCli(args, { cwd, env })
}

const expectOneLineFailure = expectOneLine

let tmp: string
let n = 0

/**
 * A config that pins the rules these tests count on, so rules added later do not change
 * the numbers: outdated-unit-names (warn: fuliang-county has exactly one, 县文广新局) and
 * population-actions (error: xinjian-district lacks the 农民 action); every other rule off.
 */
function pinnedConfig(extra = ''): string {
  const pinned: Record<string, string> = { 'outdated-unit-names': 'warn', 'population-actions': 'error' }
  const lines = [...getRules().keys()].map((id) => `  ${id}: ${pinned[id] ?? 'off'}`)
  return `${extra}rules:\n${lines.join('\n')}\n`
}

/** A fresh folder with the pinned config and the fixture plans copied in (`copies` times, as name-i.txt beyond the first). */
function workdir(copies = 1, sub = ''): string {
  const dir = path.join(tmp, `w${++n}`)
  const into = path.join(dir, sub)
  fs.mkdirSync(into, { recursive: true })
  fs.writeFileSync(path.join(dir, 'planlint.config.yaml'), pinnedConfig())
  for (let i = 1; i <= copies; i++) {
    for (const f of planFiles) {
      const name = i === 1 ? `${f}.txt` : `${f}-${i}.txt`
      fs.copyFileSync(path.join(plansDir, `${f}.txt`), path.join(into, name))
      fs.chmodSync(path.join(into, name), 0o644)
    }
  }
  return dir
}

const sarifSchema = JSON.parse(fs.readFileSync(path.join(fixtures, 'sarif-2.1.0-rtm.5.json'), 'utf8'))
const validateSarif = new AjvDraft04.default({ strict: false, unicodeRegExp: false, validateFormats: false }).compile(sarifSchema)

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-ci-'))
})
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

describe('several formats in one run', () => {
  it('writes each targeted format to its file and the rest to stdout, all from one lint', () => {
    const dir = workdir()
    const r = run(['.', '--format', 'json', '--format', 'sarif:reports/planlint.sarif', '--format', 'html:reports/报告.html', '--format', 'junit:junit.xml', '--format', 'gitlab:cq.json'], dir)
    expect(r.status, r.stderr).toBe(1)
    const json = JSON.parse(r.stdout) as { filePath: string; messages: unknown[] }[]
    expect(json).toHaveLength(4)
    const count = json.reduce((s, f) => s + f.messages.length, 0)
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'reports/planlint.sarif'), 'utf8'))
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors?.slice(0, 2))).toBe(true)
    expect(sarif.runs[0].results).toHaveLength(count)
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'cq.json'), 'utf8'))).toHaveLength(count)
    expect(XMLValidator.validate(fs.readFileSync(path.join(dir, 'junit.xml'), 'utf8'))).toBe(true)
    const page = fs.readFileSync(path.join(dir, 'reports/报告.html'), 'utf8')
    expect(page.split('<article ').length - 1).toBe(count)
    // No temporary files left next to the reports.
    expect(fs.readdirSync(path.join(dir, 'reports')).sort()).toEqual(['planlint.sarif', '报告.html'])
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('prints the stylish summary when every format goes to a file', () => {
    const dir = workdir()
    const r = run(['fuliang-county.txt', '--format', 'sarif:out.sarif'], dir)
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toContain('共 1 个问题（0 个错误，1 个警告）')
    expect(fs.existsSync(path.join(dir, 'out.sarif'))).toBe(true)
  })

  it('sends the untargeted format to --output-file', () => {
    const dir = workdir()
    const r = run(['fuliang-county.txt', '--format', 'github', '--format', 'sarif:out.sarif', '--output-file', 'ann.txt'], dir)
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toBe('')
    expect(fs.readFileSync(path.join(dir, 'ann.txt'), 'utf8')).toMatch(/^::warning file=fuliang-county\.txt,line=54,/)
  })

  it('--quiet drops warnings from every format; --max-warnings counts them all the same', () => {
    const dir = workdir()
    const q = run(['fuliang-county.txt', '--quiet', '--format', 'json', '--format', 'sarif:q.sarif', '--format', 'github:q.txt'], dir)
    expect(q.status, q.stderr).toBe(0)
    expect(JSON.parse(q.stdout)[0].messages).toEqual([])
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'q.sarif'), 'utf8')).runs[0].results).toEqual([])
    expect(fs.readFileSync(path.join(dir, 'q.txt'), 'utf8')).toBe('')
    const m = run(['fuliang-county.txt', '--max-warnings', '0', '--format', 'json', '--format', 'sarif:m.sarif'], dir)
    expect(m.status).toBe(1)
    expect(m.stderr).toBe('planlint: 警告数 1 超过了 --max-warnings 允许的 0 个\n')
    const s = run(['fuliang-county.txt', '--max-warnings', '0', '--format', 'stylish', '--format', 'sarif:m.sarif'], dir)
    expect(s.status).toBe(1)
    expect(s.stdout).toContain('超过了 --max-warnings 允许的 0 个')
    expect(s.stderr).toBe('')
  })

  it('refuses unclear output plans with one line and exit 2, writing nothing', () => {
    const dir = workdir()
    expectOneLineFailure(run(['fuliang-county.txt', '--format', 'sarif:a.out', '--format', 'json:a.out'], dir), '多个 --format 写入同一个文件 a.out')
    expectOneLineFailure(run(['fuliang-county.txt', '--format', 'json', '--format', 'github', '-o', 'x.txt'], dir), '--output-file 只能接收一种格式')
    expectOneLineFailure(run(['fuliang-county.txt', '--format', 'sarif:'], dir), '--format sarif: 后面缺少输出文件路径')
    expectOneLineFailure(run(['fuliang-county.txt', '--format', 'xml:out.xml'], dir), '未知的输出格式“xml”')
    fs.writeFileSync(path.join(dir, 'afile'), '')
    expectOneLineFailure(run(['fuliang-county.txt', '--format', 'sarif:afile/x.sarif'], dir), 'afile')
    expect(fs.readdirSync(dir).sort()).toEqual([...planFiles.map((f) => `${f}.txt`), 'afile', 'planlint.config.yaml'].sort())
  })

  it('loads a third-party formatter by path, with a target', () => {
    const dir = workdir()
    const r = run(['fuliang-county.txt', 'xinjian-district.txt', '--format', `${path.join(fixtures, 'formatter-count.mjs')}:counts.tsv`], dir)
    expect(r.status, r.stderr).toBe(1)
    expect(fs.readFileSync(path.join(dir, 'counts.tsv'), 'utf8')).toBe('fuliang-county.txt\t0\t1\nxinjian-district.txt\t1\t0\n')
  })
})

describe('exit codes', () => {
  it('0 when no errors, 1 for errors, 1 over --max-warnings, 2 when planlint cannot run', () => {
    const dir = workdir()
    expect(run(['fuliang-county.txt', '--format', 'github'], dir).status).toBe(0)
    expect(run(['fuliang-county.txt', '--max-warnings', '1'], dir).status).toBe(0)
    expect(run(['fuliang-county.txt', '--max-warnings', '0'], dir).status).toBe(1)
    expect(run(['xinjian-district.txt', '--format', 'sarif:x.sarif'], dir).status).toBe(1)
    expectOneLineFailure(run(['missing.txt', '--format', 'sarif:y.sarif'], dir), 'missing.txt')
    expect(fs.existsSync(path.join(dir, 'y.sarif'))).toBe(false)
    expectOneLineFailure(run(['fuliang-county.txt', '--jobs', 'many'], dir), '--jobs 应为正整数或 auto')
  })
})

/** Sets every cached message text to `text` (to see whether a run used the cache). */
function tamperCache(file: string, text: string): void {
  const data = JSON.parse(fs.readFileSync(file, 'utf8'))
  for (const e of Object.values(data.entries) as { result: { messages: { message: string }[] } }[]) {
    for (const m of e.result.messages) m.message = text
  }
  fs.writeFileSync(file, JSON.stringify(data))
}

describe('--cache', () => {
  it('gives identical results from the cache, and any input change invalidates', () => {
    const dir = workdir()
    const args = ['.', '--format', 'json', '--cache']
    const plain = run(['.', '--format', 'json'], dir)
    const first = run(args, dir)
    expect(first.stdout).toBe(plain.stdout)
    expect(first.status).toBe(plain.status)
    const cacheFile = path.join(dir, '.planlintcache')
    expect(fs.existsSync(cacheFile)).toBe(true)
    expect(run(args, dir).stdout).toBe(plain.stdout)

    // A tampered cache shows through: the second run really came from the cache ...
    tamperCache(cacheFile, '来自缓存')
    const hit = JSON.parse(run(args, dir).stdout) as { messages: { message: string }[] }[]
    expect(hit.flatMap((r) => r.messages.map((m) => m.message)).every((m) => m === '来自缓存')).toBe(true)
    // ... and each kind of change makes planlint lint again.
    const fresh = (extra: string[] = []) => JSON.parse(run([...args, ...extra], dir).stdout) as { filePath: string; messages: { message: string }[] }[]
    const notCached = (rs: ReturnType<typeof fresh>) => rs.every((r) => r.messages.every((m) => m.message !== '来自缓存'))
    expect(notCached(fresh(['--rule', 'draft-residue:off']))).toBe(true)
    expect(notCached(fresh(['--preset', 'national']))).toBe(true)
    // A changed file is linted again; the others still come from the cache.
    fresh()
    tamperCache(cacheFile, '来自缓存')
    fs.appendFileSync(path.join(dir, 'fuliang-county.txt'), '\n')
    const one = fresh()
    expect(one.filter((r) => r.messages.some((m) => m.message === '来自缓存')).map((r) => path.basename(r.filePath))).toEqual(
      ['xinjian-district.txt'],
    )
    expect(one.find((r) => r.filePath.endsWith('fuliang-county.txt'))!.messages[0]!.message).toContain('县文广新局')
    // An edited config changes the resolved config for every file.
    tamperCache(cacheFile, '来自缓存')
    fs.writeFileSync(path.join(dir, 'planlint.config.yaml'), pinnedConfig('status: draft\n'))
    expect(notCached(fresh())).toBe(true)
    // A preset file edited in place changes the preset's identity.
    fs.writeFileSync(path.join(dir, 'my.yaml'), 'id: my\ntitle: 测试预设\nextends: national\n')
    fs.writeFileSync(path.join(dir, 'planlint.config.yaml'), pinnedConfig('preset: ./my.yaml\n'))
    fresh()
    tamperCache(cacheFile, '来自缓存')
    expect(notCached(fresh())).toBe(false)
    fs.writeFileSync(path.join(dir, 'my.yaml'), 'id: my\ntitle: 改过的测试预设\nextends: national\n')
    expect(notCached(fresh())).toBe(true)
  })

  it('honours --cache-location (file or folder) and leaves cwd clean', () => {
    const dir = workdir()
    expect(run(['fuliang-county.txt', '--cache', '--cache-location', 'tmp/cache.json'], dir).status).toBe(0)
    expect(fs.existsSync(path.join(dir, 'tmp/cache.json'))).toBe(true)
    expect(run(['fuliang-county.txt', '--cache', '--cache-location', 'cachedir/'], dir).status).toBe(0)
    expect(fs.existsSync(path.join(dir, 'cachedir/.planlintcache'))).toBe(true)
    expect(fs.existsSync(path.join(dir, '.planlintcache'))).toBe(false)
  })

  it('ignores and rewrites a corrupt cache file, with one warning', () => {
    const dir = workdir()
    const cacheFile = path.join(dir, '.planlintcache')
    const plain = run(['.', '--format', 'json'], dir)
    // (format 2: a cache of a planlint without the info level, whose results lack infoCount)
    for (const junk of ['{not json', '[]', '{"format":1,"entries":{"x":null}}', '{"format":2,"entries":{}}', '\u0000\u0001']) {
      fs.writeFileSync(cacheFile, junk)
      const r = run(['.', '--format', 'json', '--cache'], dir)
      expect(r.stderr).toMatch(/^planlint: \.planlintcache: 缓存文件无效（.+），已忽略并将重建\n$/)
      expect(r.stdout).toBe(plain.stdout)
      expect(JSON.parse(fs.readFileSync(cacheFile, 'utf8')).format).toBe(3)
    }
  })

  it('never keeps results with fatal messages', () => {
    const dir = workdir()
    fs.copyFileSync(path.join(fixtures, 'planlint-plugin-boom.mjs'), path.join(dir, 'planlint-plugin-boom.mjs'))
    fs.writeFileSync(path.join(dir, 'planlint.config.yaml'), "plugins: ['./planlint-plugin-boom.mjs']\nrules:\n  boom/explode: error\n")
    const r = run(['fuliang-county.txt', '--cache', '--format', 'json'], dir)
    expect(r.status).toBe(1)
    expect(JSON.parse(r.stdout)[0].messages.some((m: { fatal?: boolean }) => m.fatal)).toBe(true)
    expect(Object.keys(JSON.parse(fs.readFileSync(path.join(dir, '.planlintcache'), 'utf8')).entries)).toEqual([])
  })

  it('is not used with --fix', () => {
    const dir = workdir()
    run(['huadu-district.txt', '--cache', '--fix-dry-run'], dir)
    expect(fs.existsSync(path.join(dir, '.planlintcache'))).toBe(false)
  })
})

describe('--jobs', () => {
  it('gives results in input order, identical to a serial run (plans ×3)', () => {
    const dir = workdir(3)
    const serial = run(['.', '--format', 'json'], dir)
    expect(JSON.parse(serial.stdout)).toHaveLength(12)
    for (const jobs of ['2', '3', 'auto']) {
      const r = run(['.', '--format', 'json', '--jobs', jobs], dir)
      expect(r.status, r.stderr).toBe(serial.status)
      expect(r.stdout, `--jobs ${jobs}`).toBe(serial.stdout)
    }
    // Named files keep the order given, not the sorted order.
    const order = ['xinjian-district.txt', 'fuliang-county-2.txt', 'wuhou-district-draft.txt', 'huadu-district-3.txt']
    const named = JSON.parse(run([...order, '--format', 'json', '--jobs', '2'], dir).stdout) as { filePath: string }[]
    expect(named.map((r) => path.basename(r.filePath))).toEqual(order)
  })

  it('with --cache, mixes cache hits and worker results in order', () => {
    const dir = workdir(2)
    const serial = run(['.', '--format', 'json'], dir)
    run(['fuliang-county.txt', 'huadu-district-2.txt', '--cache'], dir)
    const r = run(['.', '--format', 'json', '--jobs', '2', '--cache'], dir)
    expect(r.stdout).toBe(serial.stdout)
  })

  it('stops with the same one-line error as a serial run', () => {
    const dir = workdir(2)
    fs.writeFileSync(path.join(dir, 'b-empty.txt'), Buffer.from([0xff, 0xfe, 0x00, 0xd8]))
    const serial = run(['.'], dir)
    const parallel = run(['.', '--jobs', '2'], dir)
    expect(serial.status).toBe(2)
    expect(parallel.status).toBe(2)
    expect(parallel.stderr).toBe(serial.stderr)
  })

  it('auto stays serial below the threshold and never uses more lanes (this thread + workers) than cores', () => {
    expect(parseJobs(undefined)).toBe(1)
    expect(parseJobs('auto')).toBe('auto')
    expect(parseJobs('3')).toBe(3)
    expect(() => parseJobs('0')).toThrow(/--jobs/)
    expect(autoJobs(AUTO_MIN_FILES - 1, 16)).toBe(1)
    expect(autoJobs(1000, 2)).toBe(2)
    expect(autoJobs(1000, 8)).toBe(8)
    expect(autoJobs(1000, 1)).toBe(1)
    expect(autoJobs(AUTO_MIN_FILES, 8)).toBeGreaterThanOrEqual(2)
  })
})

describe('progress line', () => {
  it('only for a terminal, outside CI, with more than a handful of files', () => {
    const tty = { isTTY: true, write: () => true }
    expect(wantProgress(tty, {}, 10)).toBe(true)
    expect(wantProgress(tty, { CI: 'true' }, 10)).toBe(false)
    expect(wantProgress(tty, { CI: 'false' }, 10)).toBe(true)
    expect(wantProgress(tty, {}, 2)).toBe(false)
    expect(wantProgress({ write: () => true }, {}, 10)).toBe(false)
    let out = ''
    const p = createProgress({ isTTY: true, write: (s: string) => (out += s) })
    p.update(3, 3)
    p.end()
    expect(out).toBe('\r\u001B[K已检查 3/3 个文件\r\u001B[K')
  })

  it('never shows in piped output', () => {
    const dir = workdir(2)
    const r = run(['.', '--format', 'json'], dir, { CI: undefined })
    expect(r.stderr).toBe('')
  })
})

describe('format specs', () => {
  it('splits name:target, keeps Windows drive letters and known names whole', () => {
    expect(parseFormatSpec('sarif:out/a.sarif')).toEqual({ name: 'sarif', target: 'out/a.sarif' })
    expect(parseFormatSpec('github')).toEqual({ name: 'github' })
    expect(parseFormatSpec('C:\\fmt\\x.js:out.txt')).toEqual({ name: 'C:\\fmt\\x.js', target: 'out.txt' })
    expect(parseFormatSpec('a:b', (n) => n === 'a:b')).toEqual({ name: 'a:b' })
    expect(() => parseFormatSpec(' ')).toThrow(/不能为空/)
    const planned = planOutputs(['sarif:a.sarif'], { cwd: '/w', known: () => false })
    expect(planned.map((p) => [p.spec.name, p.file])).toEqual([
      ['stylish', undefined],
      ['sarif', '/w/a.sarif'],
    ])
    const e = (() => {
      try {
        planOutputs(['json:x', 'sarif:./x'], { cwd: '/w', known: () => false })
      } catch (err) {
        return err
      }
    })()
    expect(isPlanlintError(e)).toBe(true)
  })
})

describe('documentation', () => {
  it('README has the "Use in CI" section with the exit codes, and docs/ci.md states the --jobs auto threshold in force', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8')
    const section = readme.split('## 在 CI 中使用 · Use in CI')[1]?.split('\n## ')[0]
    expect(section, 'README lacks the "Use in CI" section').toBeDefined()
    for (const f of ['sarif', 'github', 'gitlab', 'junit', 'html', '--cache', '--jobs', '**0**', '**1**', '**2**', '--max-warnings']) expect(section).toContain(f)
    const ci = fs.readFileSync(path.join(root, 'docs/ci.md'), 'utf8')
    expect(ci).toContain(`少于 **${AUTO_MIN_FILES}** 个文件时串行`)
    expect(section).toContain(`少于 ${AUTO_MIN_FILES} 个文件`)
  })
})

describe('cache in process', () => {
  it('a hit returns a LintResult identical to a fresh lint (all fields, source and preset included)', async () => {
    const { LintCache } = await import('../src/cli/cache.js')
    const { lintFileList } = await import('../src/cli/run-files.js')
    const dir = workdir()
    const tasks = planFiles.map((f) => ({ file: path.join(dir, `${f}.txt`), warnIgnored: true }))
    const lintOptions = { cwd: dir, fix: false }
    const plain = await lintFileList(tasks, { lintOptions, jobs: 1 })
    const settings = { cwd: dir, version: '0.1.0' }
    const cacheFile = path.join(dir, '.planlintcache')
    const cold = new LintCache(cacheFile, settings)
    expect(await lintFileList(tasks, { lintOptions, jobs: 1, cache: cold })).toStrictEqual(plain)
    cold.save()
    const warm = new LintCache(cacheFile, settings)
    // Every file is in the cache under the key this run computes (so the run below is all hits).
    const { resolveConfig } = await import('../src/config/config.js')
    for (const t of tasks) {
      const key = await warm.keyFor(t.file, fs.readFileSync(t.file), resolveConfig(t.file, { cwd: dir }))
      expect(warm.get(t.file, key), t.file).toStrictEqual(plain[tasks.indexOf(t)])
    }
    let linted = 0
    const hits = await lintFileList(tasks, { lintOptions, jobs: 1, cache: warm, onProgress: () => linted++ })
    expect(hits).toStrictEqual(plain)
    expect(linted).toBe(tasks.length)
    // Another planlint version is another key.
    const config = { filePath: path.join(dir, 'planlint.config.yaml') }
    const bytes = fs.readFileSync(tasks[0]!.file)
    const other = new LintCache(cacheFile, { ...settings, version: '0.2.0' })
    expect(await other.keyFor(tasks[0]!.file, bytes, config)).not.toBe(await warm.keyFor(tasks[0]!.file, bytes, config))
    expect(await warm.keyFor(tasks[0]!.file, bytes, config)).toBe(await new LintCache(cacheFile, settings).keyFor(tasks[0]!.file, bytes, config))
  })
})
