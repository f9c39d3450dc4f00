/**
 * Hardening (issue 12, items 3 and 4), through the real CLI: a .docx is bounded before it
 * is parsed (uncompressed size from the zip's central directory, sizes that lie caught
 * while inflating, paragraph count), a valid zip64 file is read, and 150,000 findings go
 * through every format without a stack overflow. A scan of the source keeps spreads of
 * input-sized arrays out for good.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectOneLineFailure, root, runCli, runCliAsync } from './helpers/cli.js'

const formats = path.join(root, 'test/fixtures/formats')
let dir: string

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-hardening-limits-'))
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const cli = (args: string[]) => runCli(args, { cwd: dir })

/** residue.docx with `body` put at the start of its document body. */
async function docxWith(name: string, body: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(path.join(formats, 'residue.docx')))
  const xml = await zip.file('word/document.xml')!.async('string')
  zip.file('word/document.xml', xml.replace('<w:body>', `<w:body>${body}`))
  const file = path.join(dir, name)
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }))
  return file
}

describe('item 3: bounded decompression', () => {
  it('refuses a small .docx with more paragraphs than the limit, naming it', async () => {
    const file = await docxWith('paras.docx', '<w:p><w:r><w:t>一</w:t></w:r></w:p>'.repeat(100_001))
    expect(fs.statSync(file).size).toBeLessThan(100 * 1024)
    expectOneLineFailure(cli(['paras.docx']), 'paras.docx', '100,000 段的上限')
  })

  it('refuses a .docx whose text parts expand past the limit, before inflating them', async () => {
    // ~60 MB of XML compressed to a few hundred KB
    const file = await docxWith('big.docx', `<w:p><w:r><w:t>${'科'.repeat(20 * 1024 * 1024)}</w:t></w:r></w:p>`)
    expect(fs.statSync(file).size).toBeLessThan(1024 * 1024)
    expectOneLineFailure(cli(['big.docx']), 'big.docx', '48 MB 的上限')
  })

  it('catches a part whose declared size lies, while inflating it', async () => {
    const file = await docxWith('liar.docx', `<w:p><w:r><w:t>${'科'.repeat(2 * 1024 * 1024)}</w:t></w:r></w:p>`)
    const b = fs.readFileSync(file)
    // declare word/document.xml as 1,000 bytes in the central directory
    const name = Buffer.from('word/document.xml')
    for (let p = b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); p !== -1; p = b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 4)) {
      if (b.subarray(p + 46, p + 46 + name.length).equals(name)) b.writeUInt32LE(1000, p + 24)
    }
    fs.writeFileSync(file, b)
    expectOneLineFailure(cli(['liar.docx']), 'liar.docx', 'word/document.xml', '声明的 1000 字节')
  })

  it('reads a valid zip64 .docx with the same findings as the plain one', () => {
    fs.copyFileSync(path.join(formats, 'residue.docx'), path.join(dir, 'plain.docx'))
    fs.copyFileSync(path.join(formats, 'zip64.docx'), path.join(dir, 'zip64.docx'))
    const plain = cli(['plain.docx', '--format', 'json'])
    const z64 = cli(['zip64.docx', '--format', 'json'])
    expect(z64.status, z64.stderr).toBe(plain.status)
    const messages = (r: { stdout: string }) => (JSON.parse(r.stdout) as { messages: { ruleId: string; line: number }[] }[])[0]!.messages.map((m) => [m.ruleId, m.line])
    expect(messages(z64)).toEqual(messages(plain))
    expect(messages(z64).length).toBeGreaterThan(3)
    // the fixture really is zip64: a zip64 end-of-central-directory record
    expect(fs.readFileSync(path.join(formats, 'zip64.docx')).includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true)
  })
})

describe('item 4: no stack overflow at any size', () => {
  it('150,000 findings in one file go through every format', async () => {
    fs.copyFileSync(path.join(root, 'test/fixtures/ci/planlint-plugin-many.mjs'), path.join(dir, 'planlint-plugin-many.mjs'))
    fs.writeFileSync(path.join(dir, 'many.yaml'), "plugins: ['./planlint-plugin-many.mjs']\nrules:\n  many/each: warn\n")
    fs.writeFileSync(path.join(dir, 'many.txt'), ('科学素质提升行动'.repeat(20) + '\n').repeat(1000))
    const all = ['json', 'sarif', 'github', 'gitlab', 'junit', 'html'].flatMap((f) => ['--format', `${f}:out.${f}`])
    const r = await runCliAsync(['many.txt', '-c', 'many.yaml', '--rule', 'duplicate-text:off', '--format', 'stylish', ...all, '-o', 'out.stylish'], { cwd: dir })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    // each output is tens of MB: read and count one at a time, letting the worker answer vitest in
    // between (a worker busy for over a minute on a loaded machine fails the run: "Timeout calling onTaskUpdate")
    const count = async (f: string, re: RegExp) => {
      await new Promise((resolve) => setImmediate(resolve))
      return (fs.readFileSync(path.join(dir, `out.${f}`), 'utf8').match(re) ?? []).length
    }
    expect(await count('stylish', /many\/each/g)).toBe(150_000)
    await new Promise((resolve) => setImmediate(resolve))
    expect((JSON.parse(fs.readFileSync(path.join(dir, 'out.json'), 'utf8')) as { messages: unknown[] }[])[0]!.messages.filter((m) => (m as { ruleId: string }).ruleId === 'many/each')).toHaveLength(150_000)
    expect(await count('github', /^::warning /gm)).toBeGreaterThanOrEqual(150_000)
    expect(await count('sarif', /"ruleId": ?"many\/each"/g)).toBeGreaterThanOrEqual(150_000)
    expect(await count('gitlab', /"check_name": ?"many\/each"/g)).toBeGreaterThanOrEqual(150_000)
    expect(await count('junit', /<testcase /g)).toBeGreaterThanOrEqual(150_000) // warnings are passing testcases, not <failure>s
    expect(await count('html', /many\/each/g)).toBeGreaterThanOrEqual(150_000)
  }, 900_000)

  it('no spread, apply or Math.max(...) over arrays anywhere in the source', () => {
    // a spread as a call argument (not inside an object literal `{ ...x }`)
    const banned = [/\.(push|unshift|splice)\(([^(){}]*,)?\s*\.\.\./, /\.apply\(\s*(this|null|undefined|\w+)\s*,\s*\w/, /Math\.(max|min)\(([^(){}]*,)?\s*\.\.\./, /String\.fromCharCode\(\s*\.\.\./, /\.fromCodePoint\(\s*\.\.\./]
    const offenders: string[] = []
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name)
        if (e.isDirectory()) walk(p)
        else if (/\.(ts|mjs|js)$/.test(e.name) && !/\.test\.ts$/.test(e.name)) {
          fs.readFileSync(p, 'utf8')
            .split('\n')
            .forEach((line, i) => {
              const code = line.replace(/\/\/.*$/, '')
              if (/^\s*\*/.test(code)) return
              if (banned.some((re) => re.test(code))) offenders.push(`${path.relative(root, p)}:${i + 1}: ${line.trim()}`)
            })
        }
      }
    }
    for (const d of ['src', 'rules', 'bench', 'bin']) walk(path.join(root, d))
    expect(offenders).toEqual([])
  })
})
