/**
 * Saves a screenshot of the review page (`planlint serve`) with findings, for README:
 * docs/serve-page.png by default. It uploads examples/draft.txt as a .docx (made with the
 * `docx` package), clicks a finding, and photographs the page in Debian's Chromium.
 *
 *   apt-get install -y chromium fonts-noto-cjk   # the fonts render the Chinese text
 *   npx tsx scripts/screenshot-serve.mts [out.png]
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { docxFromText, launchBrowser, startServer } from '../test/helpers/serve.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const out = path.resolve(process.argv[2] ?? path.join(root, 'docs/serve-page.png'))
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-shot-'))
const file = path.join(dir, '云溪县实施方案（征求意见稿）.docx')
fs.writeFileSync(file, await docxFromText(fs.readFileSync(path.join(root, 'examples/draft.txt'), 'utf8')))
const browser = await launchBrowser()
const server = await startServer(dir)
try {
  const page = await browser.context.newPage()
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(server.url)
  await page.setInputFiles('#file', file)
  await page.waitForFunction(() => document.querySelectorAll('#findings .finding').length > 0, undefined, { timeout: 60_000 })
  await page.locator('#findings .finding[data-rule="lead-unit"]').first().click()
  await page.locator('#findings .finding[data-rule="lead-unit"] details').first().evaluate((d) => ((d as HTMLDetailsElement).open = true))
  await page.screenshot({ path: out })
  console.log(`screenshot-serve: ${await page.locator('#findings .finding').count()} 个问题；截图已保存到 ${path.relative(root, out)}`)
} finally {
  await browser.close()
  await server.stop()
  fs.rmSync(dir, { recursive: true, force: true })
}
