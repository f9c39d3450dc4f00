/**
 * Hardening (issue 12, items 1, 2 and 7), through the real CLI: no output lands on an
 * input or on a file of another kind, --fix edits files instead of replacing them (links,
 * mode, owner, line ends kept; read-only refused; never outside the tree), temp files never
 * stay behind, caches are validated, and only regular files are read or written.
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bin, expectOneLineFailure, root, runCli } from './helpers/cli.js'

const residue = fs.readFileSync(path.join(root, 'test/fixtures/cli/residue.txt'), 'utf8')
const docx = path.join(root, 'test/fixtures/formats/residue.docx')
let tmp: string

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-hardening-files-'))
})
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

let n = 0
/** A fresh folder holding the plan `p.txt` (with fixable residue). */
function workdir(): string {
  const dir = path.join(tmp, `w${n++}`)
  fs.mkdirSync(dir)
  fs.writeFileSync(path.join(dir, 'p.txt'), residue)
  return dir
}

const cli = (dir: string, args: string[]) => runCli(args, { cwd: dir })
const read = (file: string) => fs.readFileSync(file, 'utf8')

describe('item 1: outputs never overwrite inputs', () => {
  it.each([
    [['p.txt', '-o', 'p.txt']],
    [['p.txt', '--format', 'html:p.txt']],
    [['p.txt', '--format', 'json:./sub/../p.txt']],
    [['p.txt', '--fix', '-o', 'p.txt']],
    [['p.txt', '--fix', '-o', 'p.txt', '--force']],
  ])('planlint %j refuses and leaves the plan as it was', (args) => {
    const dir = workdir()
    fs.mkdirSync(path.join(dir, 'sub'))
    const r = cli(dir, args)
    expectOneLineFailure(r, 'p.txt', '不能写到输入文件上')
    expect(r.stdout).not.toContain('已自动修复')
    expect(read(path.join(dir, 'p.txt'))).toBe(residue)
  })

  it('a symlink or hard link to an input is that input', () => {
    const dir = workdir()
    fs.symlinkSync('p.txt', path.join(dir, 'sym.txt'))
    fs.linkSync(path.join(dir, 'p.txt'), path.join(dir, 'hard.out'))
    expectOneLineFailure(cli(dir, ['p.txt', '-o', 'sym.txt']), '不能写到输入文件上')
    expectOneLineFailure(cli(dir, ['p.txt', '-o', 'hard.out', '--force']), '不能写到输入文件上')
    expect(read(path.join(dir, 'p.txt'))).toBe(residue)
  })

  it('the config file is an input too', () => {
    const dir = workdir()
    const config = 'preset: national\n'
    fs.writeFileSync(path.join(dir, 'cfg.yaml'), config)
    expectOneLineFailure(cli(dir, ['p.txt', '-c', 'cfg.yaml', '--format', 'json:cfg.yaml']), '不能写到输入文件上')
    expect(read(path.join(dir, 'cfg.yaml'))).toBe(config)
  })

  it('an existing file that is not a report is kept unless --force; a report is rewritten', () => {
    const dir = workdir()
    fs.writeFileSync(path.join(dir, 'other.txt'), '另一份方案，不是报告。\n')
    expectOneLineFailure(cli(dir, ['p.txt', '-o', 'other.txt']), 'other.txt', '--force')
    expect(read(path.join(dir, 'other.txt'))).toBe('另一份方案，不是报告。\n')
    // planlint's own report is that kind of output: a second run rewrites it
    const formats = ['stylish', 'json', 'html', 'github', 'sarif', 'junit', 'gitlab'].flatMap((f) => ['--format', `${f}:report.${f}`])
    expect(cli(dir, ['p.txt', ...formats]).status).toBe(1)
    const again = cli(dir, ['p.txt', ...formats])
    expect(again.status, again.stderr).toBe(1)
    expect(cli(dir, ['p.txt', '-o', 'other.txt', '--force']).status).toBe(1)
    expect(read(path.join(dir, 'other.txt'))).toContain('✖ 共')
  })

  it('preset build never writes over the upper plan or a file that is not a preset', () => {
    const dir = workdir()
    const upper = fs.readFileSync(path.join(root, 'examples/draft.txt'), 'utf8')
    fs.writeFileSync(path.join(dir, 'u.txt'), upper)
    expectOneLineFailure(cli(dir, ['preset', 'build', 'u.txt', '-o', 'u.txt']), '不能写到输入文件上')
    expect(read(path.join(dir, 'u.txt'))).toBe(upper)
    expectOneLineFailure(cli(dir, ['preset', 'build', 'u.txt', '-o', 'p.txt']), '--force')
    expect(read(path.join(dir, 'p.txt'))).toBe(residue)
  })

  it('--cache-location never replaces an existing plan', () => {
    const dir = workdir()
    fs.writeFileSync(path.join(dir, 'v.txt'), residue)
    expectOneLineFailure(cli(dir, ['p.txt', '--cache', '--cache-location', 'v.txt']), 'v.txt', '--force')
    expect(read(path.join(dir, 'v.txt'))).toBe(residue)
    expectOneLineFailure(cli(dir, ['p.txt', '--cache', '--cache-location', 'p.txt', '--force']), '不能写到输入文件上')
    expect(read(path.join(dir, 'p.txt'))).toBe(residue)
  })

  it('planlint diff -o never writes over either draft, a link to one, or a file that is not a report', () => {
    const dir = workdir()
    fs.writeFileSync(path.join(dir, 'old.txt'), residue)
    fs.symlinkSync('old.txt', path.join(dir, 'old-link.txt'))
    expectOneLineFailure(cli(dir, ['diff', 'old.txt', 'p.txt', '-o', 'old-link.txt']), '不能写到输入文件上')
    fs.writeFileSync(path.join(dir, 'other.txt'), '另一份方案。\n')
    expectOneLineFailure(cli(dir, ['diff', 'old.txt', 'p.txt', '-o', 'other.txt']), 'other.txt', '--force')
    expect(read(path.join(dir, 'old.txt'))).toBe(residue)
    expect(read(path.join(dir, 'other.txt'))).toBe('另一份方案。\n')
    expect(cli(dir, ['diff', 'old.txt', 'p.txt', '-o', 'other.txt', '--force']).status).not.toBe(2)
  })

  it('--suppressions-location never writes over a plan, a link to it, or another file', () => {
    const dir = workdir()
    fs.writeFileSync(path.join(dir, 'q.txt'), residue)
    fs.linkSync(path.join(dir, 'p.txt'), path.join(dir, 'hard.json'))
    expectOneLineFailure(cli(dir, ['p.txt', '--suppress-all', '--suppressions-location', 'hard.json']), '不能写到输入文件上')
    expectOneLineFailure(cli(dir, ['p.txt', '--suppress-all', '--suppressions-location', 'q.txt']), 'q.txt', '--force')
    expect(read(path.join(dir, 'p.txt'))).toBe(residue)
    expect(read(path.join(dir, 'q.txt'))).toBe(residue)
    // its own file is rewritten
    expect(cli(dir, ['p.txt', '--suppress-all', '--suppressions-location', 's.json']).status).toBe(0)
    expect(cli(dir, ['p.txt', '--prune-suppressions', '--suppressions-location', 's.json']).status).toBe(0)
  })

  it('annotate -o refuses an existing file unless --force, and rewrites its own default copy', () => {
    const dir = workdir()
    fs.copyFileSync(docx, path.join(dir, 'd.docx'))
    fs.copyFileSync(docx, path.join(dir, 'existing.docx'))
    const before = fs.readFileSync(path.join(dir, 'existing.docx'))
    expectOneLineFailure(cli(dir, ['annotate', 'd.docx', '-o', 'existing.docx']), 'existing.docx', '--force')
    expect(fs.readFileSync(path.join(dir, 'existing.docx')).equals(before)).toBe(true)
    expect(cli(dir, ['annotate', 'd.docx', '-o', 'existing.docx', '--force']).status).not.toBe(2)
    expect(cli(dir, ['annotate', 'd.docx']).status).not.toBe(2)
    expect(cli(dir, ['annotate', 'd.docx']).status).not.toBe(2)
  })
})

describe('item 2: --fix edits the file the user has, in place of replacing it', () => {
  const fixedText = () => {
    const dir = workdir()
    expect(cli(dir, ['p.txt', '--fix']).status).not.toBe(2)
    return read(path.join(dir, 'p.txt'))
  }

  it('a symlink stays a symlink and its target is fixed', () => {
    const expected = fixedText()
    const dir = workdir()
    fs.renameSync(path.join(dir, 'p.txt'), path.join(dir, 'real.txt'))
    fs.symlinkSync('real.txt', path.join(dir, 'p.txt'))
    const r = cli(dir, ['p.txt', '--fix'])
    expect(r.stdout).toContain('已自动修复并保存')
    expect(fs.lstatSync(path.join(dir, 'p.txt')).isSymbolicLink()).toBe(true)
    expect(read(path.join(dir, 'real.txt'))).toBe(expected)
  })

  it('hard links stay linked, and the mode is kept', () => {
    const expected = fixedText()
    const dir = workdir()
    fs.chmodSync(path.join(dir, 'p.txt'), 0o640)
    fs.linkSync(path.join(dir, 'p.txt'), path.join(dir, 'other-name.txt'))
    cli(dir, ['p.txt', '--fix'])
    expect(read(path.join(dir, 'other-name.txt'))).toBe(expected)
    expect(fs.statSync(path.join(dir, 'p.txt')).ino).toBe(fs.statSync(path.join(dir, 'other-name.txt')).ino)
    expect(fs.statSync(path.join(dir, 'p.txt')).mode & 0o777).toBe(0o640)
  })

  it('a read-only file is refused, not rewritten', () => {
    const dir = workdir()
    fs.chmodSync(path.join(dir, 'p.txt'), 0o444)
    const r = cli(dir, ['p.txt', '--fix'])
    expect(r.stderr).toContain('只读')
    expect(r.stdout).not.toContain('已自动修复')
    expect(read(path.join(dir, 'p.txt'))).toBe(residue)
  })

  it("keeps the owner of someone else's file", () => {
    const dir = workdir()
    const file = path.join(dir, 'p.txt')
    const asRoot = process.getuid?.() === 0
    if (asRoot) fs.chownSync(file, 4321, 4321)
    const owner = fs.statSync(file)
    cli(dir, ['p.txt', '--fix'])
    expect(read(file)).not.toBe(residue)
    expect([fs.statSync(file).uid, fs.statSync(file).gid]).toEqual([owner.uid, owner.gid])
  })

  it('never lints or writes outside the tree through a directory symlink; a loop lints each file once', () => {
    const dir = workdir()
    const outside = path.join(dir, 'outside')
    fs.mkdirSync(outside)
    fs.writeFileSync(path.join(outside, 'o.txt'), residue)
    const tree = path.join(dir, 'tree')
    fs.mkdirSync(path.join(tree, 'sub'), { recursive: true })
    fs.writeFileSync(path.join(tree, 'a.txt'), residue)
    fs.symlinkSync('../outside', path.join(tree, 'out'))
    fs.symlinkSync('..', path.join(tree, 'sub', 'loop'))
    fs.symlinkSync('/etc', path.join(tree, 'etc'))
    const r = cli(dir, ['tree', '--fix', '--format', 'json'])
    const files = (JSON.parse(r.stdout) as { filePath: string }[]).map((x) => path.relative(dir, x.filePath))
    expect(files).toEqual(['tree/a.txt'])
    expect(read(path.join(outside, 'o.txt'))).toBe(residue)
    expect(read(path.join(tree, 'a.txt'))).not.toBe(residue)
  })

  it('keeps CR-only, CRLF and mixed line ends as they were', () => {
    const lf = fixedText()
    const lines = residue.split('\n')
    const pattern: Record<string, (i: number) => string> = {
      cr: () => '\r',
      crlf: () => '\r\n',
      mixed: (i) => ['\r\n', '\n', '\r'][i % 3]!,
    }
    for (const [name, end] of Object.entries(pattern)) {
      const dir = workdir()
      const ends = lines.slice(0, -1).map((_, i) => end(i))
      fs.writeFileSync(path.join(dir, 'p.txt'), lines.map((l, i) => l + (ends[i] ?? '')).join(''))
      cli(dir, ['p.txt', '--fix'])
      const out = read(path.join(dir, 'p.txt'))
      expect(out.replace(/\r\n?/g, '\n'), name).toBe(lf)
      // every line the fixes left untouched keeps its own line end
      const outLines = out.split(/(?<=\r\n|\r(?!\n)|\n)/)
      let j = 0
      let kept = 0
      for (const ol of outLines) {
        const body = ol.replace(/\r\n$|\r$|\n$/, '')
        const k = lines.indexOf(body, j)
        if (k === -1 || ol === body) continue
        expect(ol.slice(body.length), `${name}: line ${k + 1}`).toBe(ends[k])
        j = k + 1
        kept++
      }
      expect(kept).toBeGreaterThan(lines.length / 2)
    }
  })

  it('removes temp files a killed run left, and leaves none when stopped by a signal', async () => {
    const dir = workdir()
    const stale = path.join(dir, '.p.txt.999999.abc123.tmp')
    fs.writeFileSync(stale, 'half')
    cli(dir, ['p.txt', '--fix'])
    expect(fs.existsSync(stale)).toBe(false)
    // A big file, stopped at different moments: never a temp file, never a damaged plan.
    const big = residue.repeat(4000)
    for (const delay of [150, 300, 500, 800]) {
      fs.writeFileSync(path.join(dir, 'p.txt'), big)
      const child = spawn(process.execPath, [bin, 'p.txt', '--fix'], { cwd: dir, stdio: 'ignore' })
      await new Promise((r) => setTimeout(r, delay))
      child.kill('SIGTERM')
      await new Promise((r) => child.on('exit', r))
      expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
      const now = read(path.join(dir, 'p.txt'))
      expect(now === big || now.length < big.length).toBe(true)
    }
  })
})

describe('item 7: caches and special files', () => {
  it('a cache of valid JSON with the wrong shape is discarded with one warning and rebuilt', () => {
    const dir = workdir()
    const cache = path.join(dir, '.planlintcache')
    for (const bad of ['{"format":1,"entries":{"x":{"key":"k","result":{"messages":5}}}}', '[1,2]', '{"format":1,"entries":{"a":null}}', 'not json']) {
      fs.writeFileSync(cache, bad)
      const r = cli(dir, ['p.txt', '--cache'])
      expect(r.status, r.stderr).toBe(1)
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
      expect(r.stderr).toContain('缓存文件无效')
      expect(r.stderr).not.toContain('内部错误')
      const again = cli(dir, ['p.txt', '--cache'])
      expect(again.status).toBe(1)
      expect(again.stderr).toBe('')
    }
  })

  it('refuses special files as cache or config, at once', () => {
    const dir = workdir()
    spawnSync('mkfifo', [path.join(dir, 'fifo')])
    expectOneLineFailure(cli(dir, ['p.txt', '--cache', '--cache-location', '/dev/full']), '不是普通文件')
    expectOneLineFailure(cli(dir, ['p.txt', '-c', '/dev/zero']), '不是普通文件')
    expectOneLineFailure(cli(dir, ['p.txt', '-c', 'fifo']), '不是普通文件')
    expectOneLineFailure(cli(dir, ['fifo']), '不是普通文件')
    expectOneLineFailure(cli(dir, ['p.txt', '-o', '/dev/full']), '不是普通文件')
    expectOneLineFailure(cli(dir, ['p.txt', '--suppressions-location', '/dev/zero']), '不是普通文件')
    expectOneLineFailure(cli(dir, ['p.txt', '--suppressions-location', 'fifo']), '不是普通文件')
    // (no timing assertion: a hang fails by the test's timeout)
  })
})
