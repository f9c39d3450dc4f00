/**
 * Formatter registry. Each formatter lives in its own module and is imported only when
 * asked for, so `--format json` never loads the stylish reporter. Later formats (sarif,
 * github, html, junit) add one line here.
 */
import { PlanlintError } from '../errors.js'
import type { Formatter } from './types.js'

export type { Formatter, FormatterContext } from './types.js'

type Loader = () => Promise<Formatter>

const formatters = new Map<string, Loader>([
  ['stylish', async () => (await import('./stylish.js')).stylish],
  ['json', async () => (await import('./json.js')).json],
])

/** Names of the formatters that can be passed to `--format`. */
export function listFormatters(): string[] {
  return [...formatters.keys()]
}

/** Adds a formatter under `name`; `load` is called the first time it is asked for. */
export function registerFormatter(name: string, load: Loader): void {
  formatters.set(name, load)
}

/** True when `name` names a registered formatter. */
export function hasFormatter(name: string): boolean {
  return formatters.has(name)
}

/** The formatter called `name`; a PlanlintError naming the available ones otherwise. */
export async function getFormatter(name: string): Promise<Formatter> {
  const load = formatters.get(name)
  if (!load) {
    throw new PlanlintError(`未知的输出格式“${name}”，可用的格式：${listFormatters().join('、')}`)
  }
  return load()
}
