/**
 * The review page over the real corpus (`npm run test:corpus`): each of the four plans in
 * ../shared/corpus is made into a .docx (one Word paragraph per line, with the `docx`
 * package), uploaded in Chromium, and what the page lists must equal the CLI's JSON for the
 * same .docx; a clicked finding's highlight comes into view; the annotated .docx downloaded
 * from the page opens with the project's reader and carries as many planlint comments as
 * `planlint annotate` writes. test/serve.test.ts is the same flow on the project's fixtures.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readSource } from '../../src/io/index.js'
import { runCli } from '../helpers/cli.js'
import { cliFindings, docxFromText, launchBrowser, pageFindings, startServer, type Browser, type Server } from '../helpers/serve.js'
import { corpusFiles, readCorpus } from './corpus.js'

const plans = [...corpusFiles]

let dir: string
let server: Server
let browser: Browser
let page: Page

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-serve-corpus-'))
  for (const name of plans) {
    fs.writeFileSync(path.join(dir, `${name}.docx`), await docxFromText(readCorpus(name)))
  }
  browser = await launchBrowser()
  server = await startServer(dir)
  page = await browser.context.newPage()
  await page.goto(server.url)
}, 25 * 60 * 1000) // may install Chromium first

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

describe('planlint serve on the corpus plans as .docx', () => {
  it.each(plans)('%s: the page lists the CLI’s findings, scrolls to them, and its annotated .docx opens', async (name) => {
    const before = Number((await page.getAttribute('body', 'data-checks')) ?? '0')
    await page.setInputFiles('#file', path.join(dir, `${name}.docx`))
    await page.waitForFunction((n) => Number(document.body.getAttribute('data-checks') ?? '0') > n, before, { timeout: 120_000 })
    expect(await page.isVisible('#error')).toBe(false)

    const cli = runCli([`${name}.docx`, '--format', 'json'], { cwd: dir })
    expect(cli.status, cli.stderr).not.toBe(2)
    const expected = cliFindings(cli.stdout)
    expect(expected.length).toBeGreaterThan(0)
    expect(await pageFindings(page)).toEqual(expected)

    // The finding furthest down the document among those highlighted in it.
    const far = await page.$$eval('#findings .finding', (cards) => {
      const marked = cards.filter((c) => document.querySelector(`#doc mark[data-f~="${c.getAttribute('data-f')}"]`))
      marked.sort((a, b) => Number(b.getAttribute('data-line')) - Number(a.getAttribute('data-line')))
      return marked[0]?.getAttribute('data-f') ?? null
    })
    expect(far).not.toBeNull()
    await page.evaluate(() => document.querySelector('.pane.doc')!.scrollTo(0, 0))
    await page.click(`#findings .finding[data-f="${far}"]`)
    const inView = await page.locator(`#doc mark[data-f~="${far}"]`).first().evaluate((m) => {
      const r = m.getBoundingClientRect()
      const pane = document.querySelector('.pane.doc')!.getBoundingClientRect()
      return m.classList.contains('current') && r.top >= pane.top && r.bottom <= pane.bottom
    })
    expect(inView).toBe(true)

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#dl-annotated')])
    const fromPage = path.join(dir, `${name}.page.docx`)
    await download.saveAs(fromPage)
    const annotate = runCli(['annotate', `${name}.docx`, '-o', `${name}.cli.docx`], { cwd: dir })
    expect(annotate.status, annotate.stderr).not.toBe(2)
    const a = await readSource(fromPage)
    const b = await readSource(path.join(dir, `${name}.cli.docx`))
    expect(a.text).toBe(b.text)
    const comments = (s: typeof a) => (s.residue ?? []).filter((r) => r.kind === 'comment' && r.author === 'planlint').length
    expect(comments(a)).toBeGreaterThan(0)
    expect(comments(a)).toBe(comments(b))
  })
})
