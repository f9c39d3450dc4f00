/**
 * Whole processes, cold, as a user starts them: planlint on the corpus (serial and
 * `--jobs auto`), textlint + prh on the same files, planlint on one small plan, `node -e 0`.
 * The commands of one round run back to back and rounds repeat, so every ratio compares
 * runs made under the same machine load; medians are reported. Each process is preloaded
 * with bench/usage-preload.cjs, which records its CPU time (all threads) and peak RSS.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'

export interface ProcessRun {
  wallMs: number
  cpuMs: number
  maxRssMb: number
}

export interface ProcessStats {
  /** Medians over the rounds. */
  wallMs: number
  cpuMs: number
  maxRssMb: number
  runs: number
  walls: number[]
}

export interface Command {
  name: string
  args: string[]
  /** Exit codes that mean "ran fine" (a linter exits 1 when it finds problems). */
  ok: number[]
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

const round = (n: number, d = 1): number => Math.round(n * 10 ** d) / 10 ** d

/** Runs `commands` in `rounds` interleaved rounds (after one unmeasured warm-up round). */
export function runRounds(commands: Command[], rounds: number, cwd: string, preload: string): Record<string, ProcessStats> {
  const dir = mkdtempSync(join(os.tmpdir(), 'planlint-bench-usage-'))
  const runs: Record<string, ProcessRun[]> = Object.fromEntries(commands.map((c) => [c.name, []]))
  try {
    for (let r = -1; r < rounds; r++) {
      for (const c of commands) {
        const usage = join(dir, `${c.name}-${r}.jsonl`)
        const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', PLANLINT_BENCH_USAGE: usage }
        delete env.TIMING
        const start = performance.now()
        const p = spawnSync(process.execPath, ['--require', preload, ...c.args], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 })
        const wallMs = performance.now() - start
        if (p.status === null || !c.ok.includes(p.status)) {
          throw new Error(`${c.name} 退出码 ${p.status}：${(p.stderr || p.stdout || '').slice(0, 500)}`)
        }
        if (r < 0) continue
        const lines = existsSync(usage) ? readFileSync(usage, 'utf8').trim().split('\n') : []
        const u = lines.length ? (JSON.parse(lines.at(-1)!) as { cpuMs: number; maxRssKb: number }) : { cpuMs: NaN, maxRssKb: NaN }
        runs[c.name]!.push({ wallMs, cpuMs: u.cpuMs, maxRssMb: u.maxRssKb / 1024 })
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const out: Record<string, ProcessStats> = {}
  for (const [name, rs] of Object.entries(runs)) {
    out[name] = {
      wallMs: round(median(rs.map((x) => x.wallMs))),
      cpuMs: round(median(rs.map((x) => x.cpuMs))),
      maxRssMb: round(rs.reduce((m, x) => Math.max(m, x.maxRssMb), 0)),
      runs: rs.length,
      walls: rs.map((x) => round(x.wallMs)),
    }
  }
  return out
}

/** Median over rounds of a per-round ratio a/b (more robust to load changes than a ratio of medians). */
export function medianRatio(a: ProcessStats, b: ProcessStats): number {
  const n = Math.min(a.walls.length, b.walls.length)
  const ratios: number[] = []
  for (let i = 0; i < n; i++) ratios.push(a.walls[i]! / b.walls[i]!)
  return round(median(ratios), 2)
}
