/**
 * A first `npm ci` on the Node the README names is quiet: no dependency in the lockfile asks
 * for a Node our `engines` allows but theirs does not (npm's EBADENGINE warning), and every
 * dependency with an install script is reviewed in package.json's `allowScripts` (npm 11's
 * "install scripts not yet covered by allowScripts" notice).
 */
import fs from 'node:fs'
import path from 'node:path'
import semver from 'semver'
import { describe, expect, it } from 'vitest'
import { root } from './helpers/cli.js'

interface LockEntry {
  version?: string
  engines?: { node?: string } | string[]
  hasInstallScript?: boolean
  optional?: boolean
}
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string }; allowScripts?: Record<string, boolean> }
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> }
const nameOf = (key: string) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length)
const deps = Object.entries(lock.packages).filter(([key]) => key !== '')

describe('a quiet npm ci', () => {
  it('every Node our engines allow satisfies every locked dependency’s engines', () => {
    expect(semver.validRange(pkg.engines.node)).not.toBeNull()
    const narrower = deps
      // (an optional dependency whose engines do not fit is skipped by npm without a word)
      .filter(([, e]) => !e.optional && e.engines && !Array.isArray(e.engines) && e.engines.node)
      .filter(([, e]) => !semver.subset(pkg.engines.node, (e.engines as { node: string }).node))
      .map(([key, e]) => `${nameOf(key)}@${e.version} wants node ${(e.engines as { node: string }).node}`)
    expect(narrower).toEqual([])
  })

  it('the Node running the tests is one our engines allow', () => {
    expect(semver.satisfies(process.version, pkg.engines.node)).toBe(true)
  })

  it('every dependency with an install script is reviewed in allowScripts', () => {
    const allowed = pkg.allowScripts ?? {}
    const unreviewed = deps
      .filter(([, e]) => e.hasInstallScript)
      .map(([key, e]) => ({ name: nameOf(key), version: e.version }))
      .filter(({ name, version }) => !(name in allowed) && !(`${name}@${version}` in allowed))
    expect(unreviewed).toEqual([])
  })
})
