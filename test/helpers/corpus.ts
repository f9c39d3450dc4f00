import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

/** The shared corpus sits next to the repository (CI clones main next to shared/). */
export const corpusDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus')
export const corpusFiles = ['qingyunpu', 'leping', 'jinjiang-draft', 'nansha'] as const
export type CorpusName = (typeof corpusFiles)[number]

export function readCorpus(name: CorpusName): string {
  return readFileSync(path.join(corpusDir, `${name}.txt`), 'utf8').replace(/\r\n/g, '\n')
}

/** Rule settings that turn every built-in rule off except `id` (at `severity`). */
export async function onlyRule(id: string, severity: 'warn' | 'error' = 'warn'): Promise<Record<string, 'off' | 'warn' | 'error'>> {
  const { getRules } = await import('../../src/index.js')
  return Object.fromEntries([...getRules().keys()].map((k) => [k, k === id ? severity : 'off']))
}
