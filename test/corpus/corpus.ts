import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

/** The shared corpus sits next to the repository (CI clones main next to shared/). Only the corpus
 * suite (test/corpus/, npm run test:corpus) may read it; npm test reads nothing outside the repo. */
export const corpusDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus')
export const corpusFiles = ['qingyunpu', 'leping', 'jinjiang-draft', 'nansha'] as const
export type CorpusName = (typeof corpusFiles)[number]

export function readCorpus(name: CorpusName): string {
  return readFileSync(path.join(corpusDir, `${name}.txt`), 'utf8').replace(/\r\n/g, '\n')
}

export { onlyRule } from '../helpers/rules.js'
