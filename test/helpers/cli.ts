/** Running the real CLI (`node bin/planlint.js`) in tests, and the one-line failure check. */
import { spawnSync } from 'node:child_process'
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
export function runCli(args: string[], opts: { cwd?: string; input?: string | Buffer; env?: Record<string, string | undefined> } = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env }
  delete env.FORCE_COLOR
  delete env.NO_COLOR
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k]
    else env[k] = v
  }
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: opts.cwd ?? root, input: opts.input ?? '', encoding: 'utf8', env })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
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
