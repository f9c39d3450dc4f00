/**
 * Whether to colour output: off with `--no-color`, with `NO_COLOR` set (https://no-color.org),
 * when the stream is not a terminal, and when `TERM=dumb`; `FORCE_COLOR` (non-zero) forces it on.
 */
export function useColor(stream: { isTTY?: boolean }, flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flag === false) return false
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true
  if (env.TERM === 'dumb') return false
  return stream.isTTY === true
}
