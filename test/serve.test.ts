/**
 * `planlint serve` end to end: the real CLI starts the server, Debian's Chromium (driven by
 * playwright-core) uses the page as a drafter would. The plan is the project's own fixture
 * test/fixtures/formats/nansha.docx; what the page lists is compared with the CLI's JSON for
 * the same file. The hostile-text plan is made here as a .docx with the `docx` package.
 * The same flow over the real corpus is test/corpus/serve-corpus.test.ts.
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readSource } from '../src/io/index.js'
import { expectOneLineFailure, root, runCli } from './helpers/cli.js'
import { cliFindings, docxFromText, launchBrowser, pageFindings, startServer, type Browser, type Server } from './helpers/serve.js'

const fixture = path.join(root, 'test/fixtures/formats/nansha.docx')

const HOSTILE = [
  '某某县全民科学素质行动规划纲要实施方案（2021—2025年）<script>window.__pwned=1</script>',
  '一、总体要求"><img src=x onerror="window.__pwned=2">',
  '到2025年，公民具备科学素质的比例超过15%。',
  '二、提升行动',
  '（一）青少年科学素质提升行动',
  '1.开展科技活动"><img src=x onerror="window.__pwned=3">。组织竞赛<script>window.__pwned=4</script>。',
  '[bookmark: _GoBack]<script>window.__pwned=5</script>',
  '依据《"><img src=x onerror="window.__pwned=6">》（国发[2021]9号）制定。',
].join('\n')

let dir: string
let server: Server
let browser: Browser
let page: Page

/** Runs `action` and waits until the page has finished the check it starts. */
async function afterCheck(action: () => Promise<unknown>): Promise<void> {
  const before = Number((await page.getAttribute('body', 'data-checks')) ?? '0')
  await action()
  await page.waitForFunction((n) => Number(document.body.getAttribute('data-checks') ?? '0') > n, before, { timeout: 60_000 })
}

async function upload(file: string): Promise<void> {
  await afterCheck(() => page.setInputFiles('#file', file))
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-serve-'))
  fs.copyFileSync(fixture, path.join(dir, 'nansha.docx'))
  fs.writeFileSync(path.join(dir, 'hostile.docx'), await docxFromText(HOSTILE))
  browser = await launchBrowser()
  server = await startServer(dir)
  page = await browser.context.newPage()
  await page.goto(server.url)
  await page.waitForSelector('#preset option[value="jiangxi"]', { state: 'attached' })
}, 25 * 60 * 1000) // may install Chromium first

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

describe('planlint serve: the review page in Chromium', { timeout: 180_000 }, () => {
  it('prints a 127.0.0.1 URL and serves every asset itself', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    const requests: string[] = []
    page.on('request', (r) => requests.push(r.url()))
    await page.reload()
    await page.waitForSelector('#preset option[value="jiangxi"]', { state: 'attached' })
    expect(requests.length).toBeGreaterThan(0)
    for (const r of requests) expect(r.startsWith(server.url), r).toBe(true)
    expect(await page.title()).toContain('实施方案审查')
  })

  it('lists exactly the findings the CLI reports for the same .docx, with jurisdiction, upper plan and outline', async () => {
    await upload(path.join(dir, 'nansha.docx'))
    expect(await page.isVisible('#error')).toBe(false)
    const cli = runCli(['nansha.docx', '--format', 'json'], { cwd: dir })
    expect(cli.status, cli.stderr).toBe(1)
    const expected = cliFindings(cli.stdout)
    expect(expected.length).toBeGreaterThan(10)
    expect(await pageFindings(page)).toEqual(expected)

    expect(await page.textContent('#jurisdiction')).toContain('广州市南沙区')
    expect(await page.getAttribute('#preset-used', 'data-id')).toBe('guangzhou')
    // Highlights in the document, one or more per finding with a range.
    expect(await page.locator('#doc mark').count()).toBeGreaterThanOrEqual(expected.length - 5)
    // A fixable finding shows its fix; a finding with an upper-plan wording shows it; rules explain themselves.
    const docNumber = page.locator('#findings .finding[data-rule="doc-number-format"]').first()
    expect(await docNumber.locator('.fix').textContent()).toContain('〔2022〕')
    expect(await docNumber.locator('.upper').textContent()).toContain('穗南府〔2022〕7号')
    expect(await docNumber.locator('details summary').textContent()).toContain('文号')

    // The outline is the explain tree: as many tasks as `planlint explain` finds, each with its lead and source.
    const explain = JSON.parse(runCli(['explain', 'nansha.docx', '--format', 'json'], { cwd: dir }).stdout) as {
      actions: { tasks: unknown[] }[]
      projects: { tasks: unknown[] }[]
    }
    const tasks = [...explain.actions, ...explain.projects].reduce((n, a) => n + a.tasks.length, 0)
    expect(tasks).toBeGreaterThan(20)
    expect(await page.locator('#outline .task').count()).toBe(tasks)
    expect(await page.locator('#outline .task .lead').first().textContent()).toMatch(/^牵头：.+（来自任务分工表）$/)
  })

  it('scrolls a clicked finding’s highlight into view', async () => {
    const cards = page.locator('#findings .finding')
    // The finding furthest down the document: its highlight starts out of view.
    const lines = await cards.evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('data-line'))))
    const far = lines.indexOf(Math.max(...lines))
    await page.evaluate(() => document.querySelector('.pane.doc')!.scrollTo(0, 0))
    const id = await cards.nth(far).getAttribute('data-f')
    const mark = page.locator(`#doc mark[data-f~="${id}"]`).first()
    const outOfView = await mark.evaluate((m) => {
      const pane = document.querySelector('.pane.doc')!.getBoundingClientRect()
      return m.getBoundingClientRect().top > pane.bottom
    })
    expect(outOfView).toBe(true)
    await cards.nth(far).click()
    await expect.poll(() => mark.evaluate((m) => m.classList.contains('current'))).toBe(true)
    const inView = await mark.evaluate((m) => {
      const r = m.getBoundingClientRect()
      const pane = document.querySelector('.pane.doc')!.getBoundingClientRect()
      return r.top >= pane.top && r.bottom <= pane.bottom && r.top >= 0 && r.bottom <= window.innerHeight
    })
    expect(inView).toBe(true)
  })

  it('filters the list by severity and rule', async () => {
    const all = await page.locator('#findings .finding').count()
    await page.uncheck('#f-warning')
    const errors = await page.locator('#findings .finding:not([hidden])').count()
    expect(errors).toBe(await page.locator('#findings .finding[data-severity="2"]').count())
    expect(errors).toBeLessThan(all)
    await page.check('#f-warning')
    await page.selectOption('#f-rule', 'numeral-typos')
    const shown = await page.locator('#findings .finding:not([hidden])').evaluateAll((cs) => cs.map((c) => c.getAttribute('data-rule')))
    expect(shown.length).toBeGreaterThan(0)
    expect(new Set(shown)).toEqual(new Set(['numeral-typos']))
    await page.selectOption('#f-rule', '')
    expect(await page.locator('#findings .finding:not([hidden])').count()).toBe(all)
  })

  it('changing the upper plan changes the findings, as the CLI does with --preset', async () => {
    const before = await pageFindings(page)
    await afterCheck(() => page.selectOption('#preset', 'jiangxi'))
    expect(await page.getAttribute('#preset-used', 'data-id')).toBe('jiangxi')
    const after = await pageFindings(page)
    expect(after).not.toEqual(before)
    expect(after).toEqual(cliFindings(runCli(['nansha.docx', '--format', 'json', '--preset', 'jiangxi'], { cwd: dir }).stdout))
    expect(after.some((f) => f.ruleId === 'key-projects')).toBe(true)

    // An uploaded preset YAML (extending a bundled one) is used, then dropped again.
    await afterCheck(() => page.setInputFiles('#preset-file', path.join(root, 'test/fixtures/presets/local-county.yaml')))
    expect(await page.getAttribute('#preset-used', 'data-id')).toBe('qingyunpu-local')
    await afterCheck(() => page.click('#preset-file-clear'))
    expect(await page.getAttribute('#preset-used', 'data-id')).toBe('jiangxi')
    await afterCheck(() => page.selectOption('#preset', ''))
    expect(await page.getAttribute('#preset-used', 'data-id')).toBe('guangzhou')
  })

  it('downloads the annotated .docx, which the project’s reader opens, and the other files', async () => {
    const save = async (button: string, name: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)])
      const file = path.join(dir, name)
      await download.saveAs(file)
      return { file, suggested: download.suggestedFilename() }
    }
    const annotated = await save('#dl-annotated', 'from-page.docx')
    expect(annotated.suggested).toBe('nansha.planlint.docx')
    const cli = runCli(['annotate', 'nansha.docx', '-o', 'from-cli.docx'], { cwd: dir })
    expect(cli.status, cli.stderr).toBe(1)
    const fromPage = await readSource(annotated.file)
    const fromCli = await readSource(path.join(dir, 'from-cli.docx'))
    expect(fromPage.format).toBe('docx')
    expect(fromPage.text).toBe(fromCli.text)
    const comments = (s: typeof fromPage) => (s.residue ?? []).filter((r) => r.kind === 'comment' && r.author === 'planlint').length
    expect(comments(fromPage)).toBeGreaterThan(10)
    expect(comments(fromPage)).toBe(comments(fromCli))

    const json = await save('[data-download="json"]', 'report.json')
    const expected = cliFindings(runCli(['nansha.docx', '--format', 'json'], { cwd: dir }).stdout)
    expect(cliFindings(fs.readFileSync(json.file, 'utf8'))).toEqual(expected)

    const report = await save('[data-download="html"]', 'report.html')
    const html = fs.readFileSync(report.file, 'utf8')
    expect(html).toContain('实施方案审查报告')
    expect(html.match(/<article class="finding/g)).toHaveLength(expected.length)

    const fixed = await save('[data-download="fixed"]', 'fixed.txt')
    const text = fs.readFileSync(fixed.file, 'utf8')
    expect(text).toContain('穗南府〔2022〕7号')
    expect(text).not.toContain('穗南府[2022]7号')
  })

  it('shows hostile document text as text: <script> and "><img onerror> run nothing', async () => {
    const dialogs: string[] = []
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    await upload(path.join(dir, 'hostile.docx'))
    expect(await page.isVisible('#error')).toBe(false)
    expect(await page.locator('#findings .finding').count()).toBeGreaterThan(3)
    const doc = (await page.textContent('#doc')) ?? ''
    expect(doc).toContain('<script>window.__pwned=1</script>')
    expect(doc).toContain('"><img src=x onerror="window.__pwned=3">')
    expect(await page.textContent('#findings')).toContain('"><img src=x oner')
    expect(await page.textContent('#outline')).toContain('一、总体要求"><img src=x onerror="window.__pwned=2">')
    expect(await page.textContent('#outline')).not.toContain('null')
    expect(await page.locator('#doc img, #findings img, #outline img, #summary img').count()).toBe(0)
    expect(await page.locator('script').count()).toBe(1)
    // Pasted text goes the same way.
    await page.click('#paste-box summary')
    await page.fill('#paste', HOSTILE)
    await afterCheck(() => page.click('#paste-check'))
    expect(await page.textContent('#doc')).toContain('<script>window.__pwned=5</script>')
    // A suppressed finding is listed apart, with its reason — escaped too.
    await page.fill('#paste', HOSTILE.replace('[bookmark:', '<!-- planlint-disable-next-line draft-residue -- 照录"><img src=x onerror="window.__pwned=7"> -->\n[bookmark:'))
    await afterCheck(() => page.click('#paste-check'))
    expect(await page.locator('#findings .finding[data-rule="draft-residue"]').count()).toBe(0)
    expect(await page.textContent('#findings .suppressed')).toContain('照录"><img src=x onerror="window.__pwned=7">')
    expect(await page.locator('img').count()).toBe(0)
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    expect(dialogs).toEqual([])
  })

  it('prints the document and the findings without the controls', async () => {
    await upload(path.join(dir, 'nansha.docx'))
    await page.emulateMedia({ media: 'print' })
    try {
      expect(await page.isVisible('#doc')).toBe(true)
      expect(await page.isVisible('#findings .finding >> nth=0')).toBe(true)
      for (const hidden of ['#input', '.filters', '.downloads', '.pane.outline']) expect(await page.isVisible(hidden), hidden).toBe(false)
    } finally {
      await page.emulateMedia({ media: 'screen' })
    }
  })

  it('says clearly what is wrong with a non-document, and goes on working', async () => {
    fs.writeFileSync(path.join(dir, 'program.exe'), Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]))
    await upload(path.join(dir, 'program.exe'))
    expect(await page.textContent('#error')).toContain('不支持的文件类型')
    fs.writeFileSync(path.join(dir, 'fake.docx'), 'not a zip at all')
    await upload(path.join(dir, 'fake.docx'))
    expect(await page.textContent('#error')).toMatch(/fake\.docx: .*Word/)
    await upload(path.join(dir, 'nansha.docx'))
    expect(await page.isVisible('#error')).toBe(false)
  })

  it('shows a note at the info level as 提示, counted apart, with its own filter', async () => {
    fs.copyFileSync(path.join(root, 'test/fixtures/elsewhere/08-fragment-notice-only.txt'), path.join(dir, 'notice.txt'))
    await upload(path.join(dir, 'notice.txt'))
    expect(await page.locator('#findings .group[data-severity="info"] h3 .badge').textContent()).toBe('提示')
    expect(await page.locator('#findings .finding.info').count()).toBe(1)
    expect(await page.textContent('#summary')).toContain('1 条提示')
    expect(await page.locator('#doc mark.info').count()).toBeGreaterThan(0)
    await page.uncheck('#f-info')
    expect(await page.locator('#findings .finding:not([hidden])').count()).toBe(0)
    await page.check('#f-info')
    expect(await page.locator('#findings .finding:not([hidden])').count()).toBe(1)
    await upload(path.join(dir, 'nansha.docx'))
  })
})

describe('planlint serve: limits and malformed requests', { timeout: 180_000 }, () => {
  it('refuses an upload over the limit with a clear message, and keeps serving', async () => {
    const small = await startServer(dir, ['--max-upload', '1'])
    try {
      const p = await browser.context.newPage()
      await p.goto(small.url)
      fs.writeFileSync(path.join(dir, 'big.txt'), '某'.repeat(800_000))
      const before = Number((await p.getAttribute('body', 'data-checks')) ?? '0')
      await p.setInputFiles('#file', path.join(dir, 'big.txt'))
      await p.waitForFunction((n) => Number(document.body.getAttribute('data-checks') ?? '0') > n, before)
      expect(await p.textContent('#error')).toContain('上传的内容超过 1 MB 的上限')
      await p.setInputFiles('#file', path.join(dir, 'nansha.docx'))
      await p.waitForFunction(() => document.querySelectorAll('#findings .finding').length > 0)
      await p.close()
      const res = await fetch(`${small.url}api/check`, { method: 'POST', body: form('big.txt', fs.readFileSync(path.join(dir, 'big.txt'))) })
      expect(res.status).toBe(413)
      expect(((await res.json()) as { error: string }).error).toContain('1 MB')
    } finally {
      expect(await small.stop()).toBe(0)
    }
  })

  /** GET with a Host header of our choosing (fetch does not let one set Host). */
  function statusWithHost(url: string, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = http.get(url, { headers: { host } }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on('error', reject)
    })
  }

  function form(name: string, bytes: Buffer | string, extra: Record<string, string> = {}): FormData {
    const fd = new FormData()
    fd.append('document', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), name)
    for (const [k, v] of Object.entries(extra)) fd.append(k, v)
    return fd
  }

  it('answers malformed requests 4xx in Chinese and keeps running', async () => {
    const api = `${server.url}api`
    const expectError = async (res: Response, status: number, text: string) => {
      expect(res.status).toBe(status)
      const body = (await res.json()) as { error: string }
      expect(body.error).toContain(text)
    }
    await expectError(await fetch(`${api}/check`, { method: 'POST', body: '{"document": 1}', headers: { 'content-type': 'application/json' } }), 400, 'multipart/form-data')
    await expectError(
      await fetch(`${api}/check`, { method: 'POST', body: '--x\r\nContent-Disposition: form-data; name="document"; filename="a.txt"\r\n\r\nabc', headers: { 'content-type': 'multipart/form-data; boundary=zzz' } }),
      400,
      '请求',
    )
    await expectError(await fetch(`${api}/check`, { method: 'POST', body: new FormData() }), 400, '没有文稿')
    await expectError(await fetch(`${api}/check`, { method: 'POST', body: form('a.exe', 'MZ') }), 415, '不支持的文件类型')
    await expectError(await fetch(`${api}/check`, { method: 'POST', body: form('a.docx', 'PK\x03\x04broken') }), 422, 'a.docx')
    await expectError(await fetch(`${api}/check`, { method: 'POST', body: form('a.txt', '') }), 422, '文件为空')
    await expectError(await fetch(`${api}/check`, { method: 'POST', body: form('a.txt', '\u0000\u0001\u0002binary\u0000') }), 422, 'a.txt')
    await expectError(await fetch(`${api}/check`, { method: 'POST', body: form('a.txt', '一、总体要求', { preset: '../../etc/passwd' }) }), 400, '内置预设')
    const badPreset = form('a.txt', '一、总体要求')
    badPreset.append('presetFile', new Blob(['id: [unclosed']), 'p.yaml')
    await expectError(await fetch(`${api}/check`, { method: 'POST', body: badPreset }), 422, 'YAML')
    const escaping = form('a.txt', '一、总体要求')
    escaping.append('presetFile', new Blob(['id: x\ntitle: x\nextends: /etc/passwd\n']), 'p.yaml')
    await expectError(await fetch(`${api}/check`, { method: 'POST', body: escaping }), 422, '只能继承内置预设')
    await expectError(await fetch(`${api}/export/annotated`, { method: 'POST', body: form('a.txt', '一、总体要求') }), 422, '.docx')
    await expectError(await fetch(`${api}/export/secrets`, { method: 'POST', body: form('a.txt', '一、总体要求') }), 404, 'secrets')
    await expectError(await fetch(`${api}/nothing`), 404, '没有这个接口')
    expect((await fetch(`${server.url}assets/..%2f..%2fpackage.json`)).status).toBe(404)
    // A page elsewhere reaching the server through a name it controls (DNS rebinding) is refused.
    expect(await statusWithHost(server.url, 'attacker.example')).toBe(403)
    expect(await statusWithHost(server.url, 'localhost')).toBe(200)
    // Still running and answering.
    expect((await fetch(server.url)).status).toBe(200)
    const ok = await fetch(`${api}/check`, { method: 'POST', body: form('a.txt', '一、总体要求\n到2025年，公民具备科学素质的比例超过15%。') })
    expect(ok.status).toBe(200)
    expect(ok.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(server.process.exitCode).toBeNull()
  })

  it('reads .doc, .pdf and GB18030 .txt uploads as the CLI reads those files', async () => {
    const names = ['nansha.doc', 'nansha.pdf', 'nansha.gb18030.txt']
    const answers = []
    for (const name of names) {
      const file = path.join(root, 'test/fixtures/formats', name)
      const res = await fetch(`${server.url}api/check`, { method: 'POST', body: form(name, fs.readFileSync(file)) })
      expect(res.status, name).toBe(200)
      answers.push({ name, file, body: (await res.json()) as { file: { format: string }; messages: { ruleId: string | null; severity: number; message: string; line: number; column: number; endLine: number; endColumn: number }[] } })
    }
    for (const { name, file, body } of answers) {
      const cli = runCli([file, '--format', 'json'], { cwd: dir })
      expect(cli.status, cli.stderr).toBe(1)
      expect(cliFindings(JSON.stringify([body])), name).toEqual(cliFindings(cli.stdout))
      expect(body.file.format).toBe(name.endsWith('.txt') ? 'txt' : name.slice(-3))
    }
  })

  it('warns when bound to another address, opens the browser with --open, refuses a bad port', async () => {
    const opened = path.join(dir, 'opened.txt')
    const fakeBrowser = path.join(dir, 'fake-browser.sh')
    fs.writeFileSync(fakeBrowser, `#!/bin/sh\necho "$1" > '${opened}'\n`, { mode: 0o755 })
    const other = await startServer(dir, ['--host', '127.0.0.2', '--open'], { BROWSER: fakeBrowser })
    try {
      expect(other.url).toMatch(/^http:\/\/127\.0\.0\.2:\d+\/$/)
      await expect.poll(() => other.stderr()).toContain('警告')
      await expect.poll(() => (fs.existsSync(opened) ? fs.readFileSync(opened, 'utf8').trim() : '')).toBe(other.url)
    } finally {
      await other.stop()
    }
    expectOneLineFailure(runCli(['serve', '--port', 'abc']), '端口')
    expectOneLineFailure(runCli(['serve', '--max-upload', '-3']), '上传上限')
  })
})
