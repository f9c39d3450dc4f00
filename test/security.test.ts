/**
 * What SECURITY.md promises and no other test holds (the rest is held by the
 * test/hardening-*.test.ts files and test/serve.test.ts, named there):
 * - no network during linting, for every input format and output format;
 * - no code from presets: a preset is data (YAML tags do not run, a preset cannot name plugins);
 * - plugins load only when the config names them;
 * - the language server talks over stdio only;
 * - SECURITY.md names only tests that exist.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pathToFileURL } from 'node:url'
import { expectOneLineFailure, root, runCli } from './helpers/cli.js'
import { LspClient } from './helpers/lsp-client.js'

const blocker = path.join(root, 'test/fixtures/ci/no-network.cjs')
let dir: string

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-security-'))
  fs.copyFileSync(path.join(root, 'test/fixtures/cli/residue.txt'), path.join(dir, 'p.txt'))
  for (const f of ['residue.docx', 'nansha.pdf', 'nansha.doc']) fs.copyFileSync(path.join(root, 'test/fixtures/formats', f), path.join(dir, f))
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('security promises', () => {
  it('lints every input format into every output format without touching the network', () => {
    const formats = ['json', 'sarif', 'github', 'gitlab', 'junit', 'html'].flatMap((f) => ['--format', `${f}:out.${f}`])
    const r = runCli(['p.txt', 'residue.docx', 'nansha.pdf', 'nansha.doc', '--format', 'stylish', ...formats], { cwd: dir, env: { NODE_OPTIONS: `--require ${blocker}` } })
    expect(r.stderr).not.toContain('NETWORK-ATTEMPT')
    expect(r.status).toBe(1)
    // the blocker works: a program that does reach out is caught
    const probe = path.join(dir, 'probe.mjs')
    fs.writeFileSync(probe, "import net from 'node:net'\ntry { net.connect(80, '127.0.0.1') } catch {}\n")
    const p = spawnSync(process.execPath, ['--require', blocker, probe], { encoding: 'utf8' })
    expect(p.stderr).toContain('NETWORK-ATTEMPT net.connect')
  })

  it('runs no code from a preset: YAML tags stay data and a preset cannot name plugins', () => {
    const marker = path.join(dir, 'pwned')
    fs.writeFileSync(path.join(dir, 'tag.yaml'), `id: tag\ntitle: !!js/function "function () { require('fs').writeFileSync('${marker}', 'x') }"\nextends: national\n`)
    const tagged = runCli(['p.txt', '-p', './tag.yaml'], { cwd: dir })
    // an unknown tag is read as plain text (the title is that string): linting goes on, nothing runs
    expect(tagged.status, tagged.stderr).toBe(1)
    expect(fs.existsSync(marker)).toBe(false)
    fs.writeFileSync(path.join(dir, 'plugin-preset.yaml'), "id: pp\ntitle: 带插件的预设\nextends: national\nplugins: ['./evil.mjs']\n")
    fs.writeFileSync(path.join(dir, 'evil.mjs'), `import fs from 'node:fs'\nfs.writeFileSync(${JSON.stringify(marker)}, 'x')\nexport default { rules: {} }\n`)
    expectOneLineFailure(runCli(['p.txt', '-p', './plugin-preset.yaml'], { cwd: dir }), 'plugin-preset.yaml', 'plugins')
    expect(fs.existsSync(marker)).toBe(false)
  })

  it('loads a plugin only when the config names it', () => {
    const marker = path.join(dir, 'loaded')
    const pkg = path.join(dir, 'node_modules', 'planlint-plugin-sneaky')
    fs.mkdirSync(pkg, { recursive: true })
    fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'planlint-plugin-sneaky', version: '1.0.0', type: 'module', main: 'index.js' }))
    fs.writeFileSync(path.join(pkg, 'index.js'), `import fs from 'node:fs'\nfs.writeFileSync(${JSON.stringify(marker)}, 'x')\nexport default { rules: {} }\n`)
    expect(runCli(['p.txt'], { cwd: dir }).status).toBe(1)
    expect(fs.existsSync(marker)).toBe(false)
    fs.writeFileSync(path.join(dir, 'with-plugin.yaml'), "plugins: ['planlint-plugin-sneaky']\n")
    expect(runCli(['p.txt', '-c', 'with-plugin.yaml'], { cwd: dir }).status).toBe(1)
    expect(fs.existsSync(marker)).toBe(true)
  })

  it('the language server talks over stdio only: no socket, no listening port, no name lookup', async () => {
    const c = new LspClient({ cwd: dir, env: { NODE_OPTIONS: `--require ${blocker}` } })
    try {
      await c.initialize()
      const uri = pathToFileURL(path.join(dir, 'p.txt')).href
      c.open(uri, fs.readFileSync(path.join(dir, 'p.txt'), 'utf8'))
      expect((await c.diagnosticsFor(uri)).length).toBeGreaterThan(0)
      expect(await c.shutdown()).toBe(0)
    } finally {
      c.child.kill()
    }
    expect(c.stderr).not.toContain('NETWORK-ATTEMPT')
    // the blocker catches a listening server too
    const probe = path.join(dir, 'listen.mjs')
    fs.writeFileSync(probe, "import net from 'node:net'\ntry { net.createServer().listen(0) } catch {}\n")
    expect(spawnSync(process.execPath, ['--require', blocker, probe], { encoding: 'utf8' }).stderr).toContain('NETWORK-ATTEMPT listen')
  }, 60_000)

  it('SECURITY.md names only tests that exist', () => {
    const doc = fs.readFileSync(path.join(root, 'SECURITY.md'), 'utf8')
    const rows = doc.split('\n').filter((l) => l.startsWith('| **'))
    expect(rows.length).toBeGreaterThanOrEqual(8)
    for (const row of rows) {
      const held = row.split(' | ').at(-1)!
      const files = [...held.matchAll(/`(test\/[\w./-]+\.test\.ts)`/g)].map((m) => m[1]!)
      expect(files.length, row).toBeGreaterThan(0)
      // “title” after a file names a test (or describe block) in that file
      for (const part of held.split(';')) {
        const file = /`(test\/[\w./-]+\.test\.ts)`/.exec(part)?.[1]
        if (!file) continue
        const source = fs.readFileSync(path.join(root, file), 'utf8')
        for (const [, title] of part.matchAll(/“([^”]+)”/g)) expect(source, `${file}: “${title}”`).toContain(title!)
      }
    }
  })
})
