/**
 * vitest globalSetup of the corpus suite (`npm run test:corpus`): its tests read the four real
 * plans in ../shared/corpus, which a user's clone does not have. Stop at once, saying so,
 * rather than failing every test one by one. (`npm test` never reads outside the repository.)
 */
import fs from 'node:fs'
import { corpusDir, corpusFiles } from './corpus.js'

export default function setup(): void {
  const missing = corpusFiles.filter((f) => !fs.existsSync(`${corpusDir}/${f}.txt`))
  if (missing.length > 0) {
    throw new Error(`语料测试需要仓库旁的 shared/corpus/（缺少 ${missing.map((f) => `${f}.txt`).join('、')}，查找位置 ${corpusDir}）；npm test 不需要它`)
  }
}
