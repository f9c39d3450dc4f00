/**
 * Where the benchmark's own scripts are, compiled (dist/bench/*.js, `npm run bench`) or as
 * TypeScript run through tsx (the smoke test): the path of a sibling script and the node
 * flags it needs.
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = fileURLToPath(import.meta.url)
const ts = here.endsWith('.ts')

export function siblingScript(name: string): { path: string; execArgv: string[] } {
  return { path: join(dirname(here), `${name}${ts ? '.ts' : '.js'}`), execArgv: ts ? ['--import', 'tsx'] : [] }
}

/** The repository root (the folder with package.json above this file). */
export function repoRoot(): string {
  let dir = dirname(here)
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir)
    if (up === dir) throw new Error('找不到 package.json')
    dir = up
  }
  return dir
}
