/**
 * Hardening (issue 12, item 10): patterns from users. Config `ignores` globs that could
 * make the matcher backtrack exponentially are refused in one line; names and aliases from
 * presets are matched as literals, so regex syntax in them is inert.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { literalAlternation, unsafeGlobReason } from '../src/text/safe-pattern.js'
import { expectOneLineFailure, root, runCli } from './helpers/cli.js'

const residue = fs.readFileSync(path.join(root, 'test/fixtures/cli/residue.txt'), 'utf8')
let dir: string

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-hardening-patterns-'))
  fs.mkdirSync(path.join(dir, 'drafts'))
  fs.writeFileSync(path.join(dir, 'drafts', 'p.txt'), residue)
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

// Known evil shapes: nested quantifiers via extglobs, stacked globstars, star runs, length.
const evil = ['+(a|aa)+(a|aa)+(a|aa)+b', '*(*(a))b', '@(a|a)*(a|a)!(b)', '**/**/**/**/**/**/**/x', 'a***b', 'x'.repeat(300)]

describe('item 10: user-supplied patterns', () => {
  it.each(evil)('config ignores %j is refused in one line naming it', (glob) => {
    fs.writeFileSync(path.join(dir, 'evil.yaml'), `ignores:\n  - ${JSON.stringify(glob)}\n`)
    const r = runCli(['drafts', '-c', 'evil.yaml'], { cwd: dir })
    expectOneLineFailure(r, 'evil.yaml', 'ignores[0]', '被拒绝')
  })

  it('ordinary globs are kept and work', () => {
    for (const glob of ['**/*.txt', 'drafts/{a,b}/*.md', '旧稿/**', '*.bak.txt']) expect(unsafeGlobReason(glob), glob).toBeUndefined()
    fs.writeFileSync(path.join(dir, 'ok.yaml'), 'ignores:\n  - "drafts/**"\n')
    const r = runCli(['drafts', '-c', 'ok.yaml'], { cwd: dir })
    expectOneLineFailure(r, '被配置中的 ignores 排除了')
  })

  it('preset names and aliases with regex syntax are matched literally, without backtracking', () => {
    const re = literalAlternation(['(a+)+$', '.*', '县[科技]局'])!
    expect(re.test('a'.repeat(50_000) + '!')).toBe(false)
    expect(re.test('找到 .* 了')).toBe(true)
    expect(re.test('县科局')).toBe(false)
    expect(re.test('县[科技]局')).toBe(true)
    fs.writeFileSync(
      path.join(dir, 'evil-preset.yaml'),
      [
        'id: evil',
        'title: 带正则字符的预设',
        'extends: national',
        'jurisdiction:',
        '  name: "(a+)+$县"',
        '  level: county',
        '  parent: "(.*)*市"',
        '',
      ].join('\n'),
    )
    fs.writeFileSync(path.join(dir, 'drafts', 'a.txt'), residue + '全县' + 'a'.repeat(30_000) + '!\n')
    const r = runCli(['drafts/a.txt', '-p', './evil-preset.yaml', '--format', 'json'], { cwd: dir })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(1)
  })
})
