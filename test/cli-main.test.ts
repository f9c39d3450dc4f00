/** main() in process: how failures become one line on stderr and an exit code. */
import { Writable } from 'node:stream'
import { describe, expect, it, vi } from 'vitest'
import { PlanlintError } from '../src/errors.js'

// `planlint rules` is made to fail in two ways: a PlanlintError and a plain bug.
const failure = vi.hoisted(() => ({ error: undefined as unknown }))
vi.mock('../src/cli/rules.js', () => ({
  printRules: async () => {
    throw failure.error
  },
}))

const { main } = await import('../src/cli/index.js')

function sink(): Writable & { text: string } {
  const s = new Writable({
    write(chunk, _enc, done) {
      s.text += String(chunk)
      done()
    },
  }) as Writable & { text: string }
  s.text = ''
  return s
}

async function runMain(args: string[]) {
  const stdout = sink()
  const stderr = sink()
  const code = await main(['node', 'planlint', ...args], { stdout, stderr, cwd: '/work/plans', env: {} })
  return { code, stdout: stdout.text, stderr: stderr.text }
}

describe('main()', () => {
  it('prints a PlanlintError as one line, with paths under cwd made relative, and exits 2', async () => {
    failure.error = new PlanlintError('YAML 语法错误', '/work/plans/sub/planlint.config.yaml')
    const r = await runMain(['rules'])
    expect(r.code).toBe(2)
    expect(r.stderr).toBe('planlint: sub/planlint.config.yaml: YAML 语法错误\n')
  })

  it('prints an unexpected error as one line with the --debug hint, and no stack', async () => {
    failure.error = new TypeError("Cannot read properties of undefined (reading 'meta')\n    at somewhere")
    const r = await runMain(['rules'])
    expect(r.code).toBe(2)
    expect(r.stderr).toBe("planlint: 内部错误：Cannot read properties of undefined (reading 'meta')（运行 planlint --debug 查看详情）\n")
  })

  it('adds the stack with --debug', async () => {
    failure.error = new TypeError('boom')
    const r = await runMain(['--debug', 'rules'])
    expect(r.code).toBe(2)
    const lines = r.stderr.split('\n')
    expect(lines[0]).toBe('planlint: 内部错误：boom（运行 planlint --debug 查看详情）')
    expect(lines[1]).toBe('TypeError: boom')
    expect(r.stderr).toMatch(/\n\s+at /)
  })

  it('handles non-Error throws', async () => {
    failure.error = 'plain string'
    const r = await runMain(['rules'])
    expect(r).toMatchObject({ code: 2, stderr: 'planlint: 内部错误：plain string（运行 planlint --debug 查看详情）\n' })
  })

  it('exits 0 for --help and --version, 2 with a Chinese line for an unknown subcommand option', async () => {
    expect((await runMain(['--version'])).code).toBe(0)
    const help = await runMain(['explain', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('用法： planlint explain [选项] <文件>')
    const bad = await runMain(['explain'])
    expect(bad).toMatchObject({ code: 2, stderr: 'planlint: 缺少参数 文件\n' })
  })
})
