/**
 * Serial throughput and memory, in a process of its own (so nothing else the benchmark
 * loads is in its heap): `node [--expose-gc] corpus-child.js LIST.json`, where LIST.json is
 * { files, cwd, passes, checkpoints }. Prints one JSON line:
 * { bytes, passesMs, memory: [{ files, rssMb, heapUsedMb }], peakRssMb }.
 *
 * Timed passes first (no forced GC); then a pass that collects garbage at each checkpoint
 * and records RSS and heap, showing whether memory grows with the number of files.
 */
import { readFileSync, statSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { lintFiles } from '../src/index.js'

interface Input {
  files: string[]
  cwd: string
  passes: number
  checkpoints: number[]
  warmup: number
}

const input = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Input
const gc = (globalThis as { gc?: () => void }).gc
const mb = (n: number): number => Math.round((n / 1048576) * 10) / 10

const bytes = input.files.reduce((s, f) => s + statSync(f).size, 0)
await lintFiles(input.files.slice(0, input.warmup), { cwd: input.cwd })

const passesMs: number[] = []
for (let p = 0; p < input.passes; p++) {
  const start = performance.now()
  for (const f of input.files) await lintFiles([f], { cwd: input.cwd })
  passesMs.push(performance.now() - start)
}

const memory: { files: number; rssMb: number; heapUsedMb: number }[] = []
const at = new Set(input.checkpoints)
let done = 0
for (const f of input.files) {
  await lintFiles([f], { cwd: input.cwd })
  done++
  if (at.has(done)) {
    gc?.()
    const m = process.memoryUsage()
    memory.push({ files: done, rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed) })
  }
}
const peakRssMb = mb(process.resourceUsage().maxRSS * 1024)
process.stdout.write(JSON.stringify({ bytes, passesMs, memory, peakRssMb, gc: gc !== undefined }) + '\n')
