/**
 * Lints a list of files for the CLI: from the cache when `--cache` allows, on worker
 * threads when `--jobs` asks for more than one, in the calling thread otherwise. Results
 * come back in exactly the input order and are the same objects a serial run makes.
 */
import fs from 'node:fs'
import os from 'node:os'
import type { Worker } from 'node:worker_threads'
import { PlanlintError } from '../errors.js'
import { InputError } from '../io/errors.js'
import { readRegularFileSync } from '../io/read-bounded.js'
import type { LintFilesOptions } from '../lint/lint.js'
import type { LintResult } from '../types.js'
import type { LintCache } from './cache.js'
import type { WorkerReply, WorkerTask } from './lint-worker.js'

/**
 * `--jobs auto` stays serial below this many files to lint. Measured on the corpus
 * (see docs/ci.md): each worker thread costs ~150 ms to start (it loads the engine, the
 * presets and the unit dictionary) while a 30 KB plan lints in ~15–25 ms warm, so a worker
 * only pays for itself after a few dozen files; ESLint found the same (~50 files, 2 cores).
 */
export const AUTO_MIN_FILES = 40
/** `--jobs auto` gives each worker at least this many files. */
export const AUTO_FILES_PER_WORKER = 20

export interface FileTask {
  file: string
  /** Whether an ignored file yields a warning result (named explicitly) or nothing. */
  warnIgnored: boolean
}

export interface RunFilesOptions {
  lintOptions: Omit<LintFilesOptions, 'warnIgnored'>
  /** Lanes: this thread plus `jobs - 1` worker threads; 1 lints in this thread only. */
  jobs: number
  cache?: LintCache
  /** Called after each file is done (cache hit or linted). */
  onProgress?: (done: number, total: number) => void
  /**
   * Called for a file that could not be read (an InputError: unreadable, binary, too
   * large…); the other files are still linted. Without it, the first such error stops the run.
   */
  onInputError?: (file: string, error: PlanlintError) => void
}

/** Parses `--jobs`: a positive integer, or `auto`. */
export function parseJobs(raw: string | undefined): number | 'auto' {
  if (raw === undefined) return 1
  const v = raw.trim().toLowerCase()
  if (v === 'auto') return 'auto'
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new PlanlintError(`--jobs 应为正整数或 auto，收到“${raw}”`)
  return Math.min(Number(v), 64)
}

/**
 * How many lanes `--jobs auto` uses for `files` files on `cores` cores: this thread plus
 * `lanes - 1` worker threads, so every core is busy (2 cores: this thread and one worker).
 */
export function autoJobs(files: number, cores = os.availableParallelism()): number {
  if (files < AUTO_MIN_FILES) return 1
  return Math.max(1, Math.min(cores, Math.floor(files / AUTO_FILES_PER_WORKER)))
}

interface Pending {
  index: number
  task: FileTask
  key?: string
}

async function lintOne(task: FileTask, options: RunFilesOptions['lintOptions']): Promise<LintResult | undefined> {
  const { lintFiles } = await import('../index.js')
  const [result] = await lintFiles([task.file], { ...options, warnIgnored: task.warnIgnored })
  return result
}

/** The cache key of a task, or undefined when it cannot be cached (ignored, unreadable, bad config). */
async function keyOf(task: FileTask, cache: LintCache, options: RunFilesOptions['lintOptions']): Promise<string | undefined> {
  try {
    const { resolveConfig } = await import('../config/config.js')
    const { isIgnored } = await import('../index.js')
    const config = resolveConfig(task.file, {
      ...(options.configFile !== undefined ? { configPath: options.configFile } : {}),
      ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    })
    if (isIgnored(task.file, config, options.cwd)) return undefined
    const bytes = readRegularFileSync(task.file)
    return await cache.keyFor(task.file, bytes, config)
  } catch {
    // The lint itself reports the problem, in input order.
    return undefined
  }
}

/** Marks an unexpected error with the file it happened on (the CLI names it). */
function onFile(e: unknown, file: string): unknown {
  if (e instanceof Error && !(e instanceof PlanlintError) && !('planlintFile' in e)) Object.assign(e, { planlintFile: file })
  return e
}

function rethrow(error: { message: string; planlint: boolean; stack?: string }, file: string): never {
  if (error.planlint) throw new PlanlintError(error.message)
  const e = new Error(error.message)
  if (error.stack) e.stack = error.stack
  throw onFile(e, file)
}

/**
 * Lints `pending` on `jobs` lanes: `jobs - 1` worker threads plus this thread, all taking
 * the next file from one queue (on 2 cores, `--jobs 2` keeps both busy instead of leaving
 * this thread waiting). Results are delivered by index, so the order of the input is kept.
 */
/** An error as a worker sends it (data), not a thrown value of this thread. */
function isWorkerError(e: unknown): e is { message: string; planlint: boolean; input: boolean; stack?: string } {
  return typeof e === 'object' && e !== null && !(e instanceof Error) && typeof (e as { message?: unknown }).message === 'string'
}

async function lintInWorkers(pending: Pending[], jobs: number, options: RunFilesOptions, finish: (p: Pending, r: LintResult | undefined) => void): Promise<void> {
  // Loaded here, not at start-up: node:worker_threads costs ms a serial run does not need.
  const { Worker } = await import('node:worker_threads')
  // A worker's error arrives as data; this thread's as the thrown value itself.
  const failures = new Map<number, { error: unknown }>()
  const byIndex = new Map(pending.map((p) => [p.index, p]))
  let next = 0
  let done = 0
  const workers: Worker[] = []
  try {
    await new Promise<void>((resolve, reject) => {
      let settled = false
      const fail = (e: Error) => {
        if (!settled) {
          settled = true
          reject(e)
        }
      }
      const complete = () => {
        if (++done === pending.length && !settled) {
          settled = true
          resolve()
        }
      }
      const feed = (w: Worker) => {
        const p = pending[next++]
        if (p) w.postMessage({ index: p.index, file: p.task.file, warnIgnored: p.task.warnIgnored } satisfies WorkerTask)
      }
      const count = Math.min(jobs - 1, pending.length - 1)
      for (let i = 0; i < count; i++) {
        const w = new Worker(new URL('./lint-worker.js', import.meta.url), { workerData: { options: options.lintOptions } })
        workers.push(w)
        w.on('message', (reply: WorkerReply) => {
          const p = byIndex.get(reply.index)!
          if ('result' in reply) finish(p, reply.result ?? undefined)
          else {
            failures.set(reply.index, reply)
            options.cache?.forget(p.task.file)
          }
          feed(w)
          complete()
        })
        w.on('error', (e) => fail(new Error(`检查线程出错：${e instanceof Error ? e.message : String(e)}`)))
        w.on('exit', (code) => {
          if (done < pending.length && code !== 0) fail(new Error(`检查线程意外退出（退出码 ${code}）`))
        })
        feed(w)
      }
      // This thread is a lane too: it lints the next file whenever it is free, and yields
      // between files so the workers' replies are handled (and they get their next file).
      void (async () => {
        while (!settled && next < pending.length) {
          const p = pending[next++]!
          try {
            finish(p, await lintOne(p.task, options.lintOptions))
          } catch (e) {
            failures.set(p.index, { error: e })
            options.cache?.forget(p.task.file)
          }
          complete()
          await new Promise((r) => setImmediate(r))
        }
      })()
    })
  } finally {
    await Promise.all(workers.map((w) => w.terminate()))
  }
  // The first failure in input order, as a serial run would have stopped at it.
  for (const p of pending) {
    const failure = failures.get(p.index)
    if (!failure) continue
    const error = failure.error
    if (isWorkerError(error)) {
      if (error.input && options.onInputError) options.onInputError(p.task.file, new PlanlintError(error.message))
      else rethrow(error, p.task.file)
    } else if (error instanceof InputError && options.onInputError) {
      options.onInputError(p.task.file, error)
    } else {
      throw onFile(error, p.task.file)
    }
  }
}

/** Lints `tasks`; entry i is task i's result, or undefined for an ignored file left out. */
export async function lintFileList(tasks: FileTask[], options: RunFilesOptions): Promise<(LintResult | undefined)[]> {
  const results: (LintResult | undefined)[] = new Array(tasks.length).fill(undefined)
  const total = tasks.length
  let done = 0
  const progress = () => options.onProgress?.(++done, total)
  const pending: Pending[] = []
  for (let index = 0; index < tasks.length; index++) {
    const task = tasks[index]!
    if (options.cache) {
      const key = await keyOf(task, options.cache, options.lintOptions)
      const hit = key === undefined ? undefined : options.cache.get(task.file, key)
      if (hit) {
        results[index] = hit
        progress()
        continue
      }
      pending.push(key === undefined ? { index, task } : { index, task, key })
    } else {
      pending.push({ index, task })
    }
  }
  const finish = (p: Pending, r: LintResult | undefined) => {
    results[p.index] = r
    if (r && p.key !== undefined) options.cache?.set(p.task.file, p.key, r)
    progress()
  }
  if (options.jobs > 1 && pending.length > 1) {
    await lintInWorkers(pending, options.jobs, options, finish)
  } else {
    for (const p of pending) {
      let r: LintResult | undefined
      try {
        r = await lintOne(p.task, options.lintOptions)
      } catch (e) {
        options.cache?.forget(p.task.file)
        if (e instanceof InputError && options.onInputError) {
          options.onInputError(p.task.file, e)
          progress()
          continue
        }
        throw onFile(e, p.task.file)
      }
      finish(p, r)
    }
  }
  return results
}
