/**
 * Hardening (issue 12, item 8), through the real CLI: every failure is one clear line
 * naming the file, with nothing raw from hostile input, nothing quoted from a file that is
 * not a preset, and one bad file never hiding the others' results.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectOneLineFailure, root, runCli } from './helpers/cli.js'

const residue = fs.readFileSync(path.join(root, 'test/fixtures/cli/residue.txt'), 'utf8')
let dir: string

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-hardening-errors-'))
  fs.writeFileSync(path.join(dir, 'p.txt'), residue)
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const cli = (args: string[]) => runCli(args, { cwd: dir })

describe('item 8: clear errors everywhere', () => {
  it('a YAML alias bomb is the one-line config error naming the file', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for (const [i, c] of ['b', 'c', 'd', 'e', 'f', 'g'].entries()) {
      const prev = String.fromCharCode(97 + i)
      levels.push(`${c}: &${c} [${Array(9).fill(`*${prev}`).join(',')}]`)
    }
    fs.writeFileSync(path.join(dir, 'bomb.yaml'), levels.join('\n') + '\n')
    const r = cli(['p.txt', '-c', 'bomb.yaml'])
    expectOneLineFailure(r, 'bomb.yaml', 'YAML', '别名展开过多')
    expect(r.stderr).not.toContain('内部错误')
  })

  it('a NUL or escape in a config value or file name is never printed raw', () => {
    fs.writeFileSync(path.join(dir, 'nul.yaml'), 'preset: "national\\0\\e[2J"\n')
    const r = cli(['p.txt', '-c', 'nul.yaml'])
    expectOneLineFailure(r, 'national\\u0000\\u001b[2J')
    expect(r.stderr).not.toMatch(/[\u0000\u001b]/)
    const missing = cli(['no\u001b[2Jsuch\nfile.txt'])
    expectOneLineFailure(missing, 'no\\u001b[2Jsuch\\u000afile.txt')
  })

  it('quotes nothing from a preset or extends file that is not a preset', () => {
    const secret = 'SECRET_TOKEN=hunter2 and more text here'
    fs.writeFileSync(path.join(dir, 'secret.env'), secret)
    fs.writeFileSync(path.join(dir, 'ext.yaml'), 'preset: ./secret.env\n')
    for (const args of [['p.txt', '-p', './secret.env'], ['p.txt', '-c', 'ext.yaml'], ['p.txt', '-p', '/proc/self/environ']]) {
      const r = cli(args)
      expectOneLineFailure(r, '不是预设文件')
      expect(r.stderr).not.toMatch(/SECRET|hunter2|PATH=|HOME=/)
    }
  })

  it('one unreadable file in a folder is reported (exit 2) while the others are still linted', () => {
    const folder = path.join(dir, 'drafts')
    fs.mkdirSync(folder)
    fs.writeFileSync(path.join(folder, 'a.txt'), residue)
    fs.writeFileSync(path.join(folder, 'b.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0, 9]))
    fs.writeFileSync(path.join(folder, 'c.txt'), residue)
    for (const jobs of ['1', '2']) {
      const r = cli(['drafts', '--format', 'json', '--jobs', jobs])
      expect(r.status).toBe(2)
      const files = (JSON.parse(r.stdout) as { filePath: string }[]).map((x) => path.basename(x.filePath))
      expect(files).toEqual(['a.txt', 'c.txt'])
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
      expect(r.stderr).toMatch(/^planlint: drafts\/b\.txt: /)
    }
  })

  it('--encoding that turns the file into mojibake is refused like a doubtful detected encoding', () => {
    const r = cli(['p.txt', '--encoding', 'utf-16le'])
    expectOneLineFailure(r, 'p.txt', '不像中文文本')
    expect(cli(['p.txt', '--encoding', 'utf-8']).status).toBe(1)
  })

  it('an unexpected error names the file it happened on — serially and from a --jobs worker — in one line', () => {
    // a plugin whose rule breaks while being loaded: not a finding, an error of the run on that file
    fs.writeFileSync(path.join(dir, 'broken-plugin.mjs'), "export default { rules: { x: { get meta() { throw new Error('插件读取失败') }, create() { return {} } } } }\n")
    fs.writeFileSync(path.join(dir, 'broken.yaml'), "plugins: ['./broken-plugin.mjs']\n")
    fs.writeFileSync(path.join(dir, 'q.txt'), residue)
    expectOneLineFailure(cli(['p.txt', '-c', 'broken.yaml']), 'p.txt: ', '插件读取失败')
    expectOneLineFailure(cli(['p.txt', 'q.txt', '-c', 'broken.yaml', '--jobs', '2']), '.txt: ', '插件读取失败')
  })

  it('a plugin rule whose visitors throw when read (getter, Proxy) crashes that rule only: one fatal finding naming it', () => {
    const meta = (id: string) =>
      `{ id: '${id}', type: 'problem', severity: 'error', docs: { description: { zh: 'x', en: 'x' }, url: 'https://example.test/x' }, schema: { type: 'object' }, messages: { m: 'x' } }`
    fs.writeFileSync(
      path.join(dir, 'sly-plugin.mjs'),
      `export default { rules: {\n  getter: { meta: ${meta('getter')}, create() { return { get plan() { throw new Error('读取监听器失败') } } } },\n  proxy: { meta: ${meta('proxy')}, create() { return new Proxy({}, { ownKeys() { throw new Error('列出监听器失败') } }) } },\n} }\n`,
    )
    fs.writeFileSync(path.join(dir, 'sly.yaml'), "plugins: ['./sly-plugin.mjs']\nrules:\n  sly-plugin/getter: error\n  sly-plugin/proxy: error\n")
    const r = cli(['p.txt', '-c', 'sly.yaml', '--format', 'json'])
    expect(r.status, r.stderr).toBe(1)
    const [result] = JSON.parse(r.stdout) as [{ messages: { ruleId: string | null; fatal?: boolean; message: string }[] }]
    const fatal = result.messages.filter((m) => m.fatal)
    expect(fatal.map((m) => m.message).join('\n')).toMatch(/sly-plugin\/getter[\s\S]*读取监听器失败|读取监听器失败[\s\S]*sly-plugin\/getter/)
    expect(fatal.map((m) => m.message).join('\n')).toContain('列出监听器失败')
    // the built-in rules still ran
    expect(result.messages.some((m) => m.ruleId === 'draft-residue')).toBe(true)
  })
})
