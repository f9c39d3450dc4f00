/** The project's own realistic plans (test/fixtures/plans; see the README there). */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const plansDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/plans')

export function readPlan(name: string): string {
  return readFileSync(path.join(plansDir, `${name}.txt`), 'utf8')
}
