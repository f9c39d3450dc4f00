/**
 * A worker thread of the throughput measurement: lints the files it is given with
 * `lintFiles`, one after another, after a warm-up, and says how long that took.
 *
 * Protocol: workerData = { files, warmup, cwd }; posts { type: 'ready' } after the warm-up,
 * waits for 'go', posts { type: 'done', ms, bytes, messages }.
 */
import { statSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { parentPort, workerData } from 'node:worker_threads'
import { lintFiles } from '../src/index.js'

interface Data {
  files: string[]
  warmup: string[]
  cwd: string
}

const data = workerData as Data
const port = parentPort!

await lintFiles(data.warmup, { cwd: data.cwd })
port.postMessage({ type: 'ready' })
port.once('message', async () => {
  const start = performance.now()
  let messages = 0
  for (const f of data.files) for (const r of await lintFiles([f], { cwd: data.cwd })) messages += r.messages.length
  const ms = performance.now() - start
  const bytes = data.files.reduce((s, f) => s + statSync(f).size, 0)
  port.postMessage({ type: 'done', ms, bytes, messages })
})
