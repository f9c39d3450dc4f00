/** Running the real CLI (`node bin/planlint.js`) in tests, and the one-line failure check. */
import { spawn, spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const bin = path.join(root, 'bin/planlint.js')

export interface Run {
  status: number | null
  stdout: string
  stderr: string
}

/** Runs planlint without colour settings inherited from the terminal; `env` entries set to
 * undefined are removed. */
export function runCli(args: string[], opts: CliOptions = {}): Run {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: opts.cwd ?? root, input: opts.input ?? '', encoding: 'utf8', env: cliEnv(opts) })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

export interface CliOptions {
  cwd?: string
  input?: string | Buffer
  env?: Record<string, string | undefined>
}

function cliEnv(opts: CliOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  delete env.FORCE_COLOR
  delete env.NO_COLOR
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k]
    else env[k] = v
  }
  return env
}

/** `runCli` without blocking the test worker: for runs that may take longer than a minute
 * on a loaded machine (a worker blocked that long misses vitest's RPC deadline, and vitest
 * then fails the whole run with "Timeout calling onTaskUpdate"). */
export function runCliAsync(args: string[], opts: CliOptions = {}): Promise<Run> {
  return runAsync(process.execPath, [bin, ...args], { cwd: opts.cwd ?? root, env: cliEnv(opts), input: opts.input ?? '' })
}

/** Any command, awaited (see runCliAsync), its output collected as UTF-8. */
export function runAsync(command: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; input?: string | Buffer }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: opts.cwd, env: opts.env ?? process.env })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (b: Buffer) => out.push(b))
    child.stderr.on('data', (b: Buffer) => err.push(b))
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }))
    child.stdin.end(opts.input ?? '')
  })
}

/** A "could not run" outcome: exit 2, exactly one `planlint: …` line on stderr, no stack. */
export function expectOneLineFailure(r: Run, ...fragments: string[]): void {
  expect(r.status, r.stderr + r.stdout).toBe(2)
  const lines = r.stderr.trimEnd().split('\n')
  expect(lines, r.stderr).toHaveLength(1)
  expect(lines[0]).toMatch(/^planlint: /)
  expect(r.stderr).not.toMatch(/\n\s+at /)
  for (const f of fragments) expect(lines[0]).toContain(f)
}
