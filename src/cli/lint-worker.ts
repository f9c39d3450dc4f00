/**
 * A `--jobs` worker thread: lints the files the main thread sends, one at a time, with the
 * same engine call a serial run makes, and posts each result (or the one-line error) back.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { LintFilesOptions } from '../lint/lint.js'
import type { LintResult } from '../engine/types.js'

export interface WorkerTask {
  index: number
  file: string
  warnIgnored: boolean
}

export type WorkerReply =
  | { index: number; result: LintResult | null }
  | { index: number; error: { message: string; planlint: boolean; input: boolean; stack?: string } }

const options = (workerData as { options: LintFilesOptions }).options
const engine = await import('../index.js')
const { InputError } = await import('../io/errors.js')
// The worker is part of one CLI run: configs and presets are trusted for its lifetime.
;(await import('../presets/trust.js')).beginTrustedRun()

parentPort!.on('message', async (task: WorkerTask) => {
  let reply: WorkerReply
  try {
    const [result] = await engine.lintFiles([task.file], { ...options, warnIgnored: task.warnIgnored })
    reply = { index: task.index, result: result ?? null }
  } catch (e) {
    reply = {
      index: task.index,
      error: {
        message: e instanceof Error ? e.message : String(e),
        planlint: engine.isPlanlintError(e),
        input: e instanceof InputError,
        ...(e instanceof Error && e.stack ? { stack: e.stack } : {}),
      },
    }
  }
  parentPort!.postMessage(reply)
})
