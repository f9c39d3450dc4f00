/**
 * A one-line progress counter on stderr (`已检查 12/80 个文件`), rewritten in place. Shown
 * only to a person: stderr is a terminal, not in CI (`CI` set), and more than a handful of
 * files — never in CI logs or when piped.
 */
export const PROGRESS_MIN_FILES = 6

export interface ProgressStream {
  write(s: string): unknown
  isTTY?: boolean
}

/** True when the environment says we run under CI. */
export function inCI(env: NodeJS.ProcessEnv): boolean {
  const v = env.CI
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false'
}

export function wantProgress(stream: ProgressStream, env: NodeJS.ProcessEnv, files: number): boolean {
  return stream.isTTY === true && !inCI(env) && files >= PROGRESS_MIN_FILES
}

export interface Progress {
  update(done: number, total: number): void
  /** Erases the line. */
  end(): void
}

export function createProgress(stream: ProgressStream): Progress {
  let shown = false
  let last = 0
  return {
    update(done, total) {
      const now = Date.now()
      if (done < total && now - last < 50) return
      last = now
      stream.write(`\r\u001B[K已检查 ${done}/${total} 个文件`)
      shown = true
    },
    end() {
      if (shown) stream.write('\r\u001B[K')
      shown = false
    },
  }
}
