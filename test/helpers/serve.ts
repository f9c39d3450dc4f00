/**
 * For the review-page tests: the real `planlint serve` in a child process, and Debian's
 * Chromium driven by playwright-core. A missing browser is installed when the tests run as
 * root (as CI does: `apt-get install -y chromium`); if it is still missing the tests FAIL —
 * they are never skipped.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'
import { fileURLToPath } from 'node:url'

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/planlint.js')

export const CHROMIUM = '/usr/bin/chromium'

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Installs Chromium from the Debian packages when it is missing and we are root. */
export function ensureChromium(): string {
  if (fs.existsSync(CHROMIUM)) return CHROMIUM
  if (process.getuid?.() === 0) {
    const run = spawnSync('sh', ['-c', 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      timeout: 20 * 60 * 1000,
    })
    if (!fs.existsSync(CHROMIUM)) throw new Error(`安装 Chromium 失败（apt-get install -y chromium）：${run.stderr.slice(-500)}`)
    return CHROMIUM
  }
  throw new Error(`找不到 ${CHROMIUM}：请先以 root 运行 apt-get install -y chromium（浏览器测试不会跳过）`)
}

export interface Browser {
  context: BrowserContext
  close(): Promise<void>
}

/** Chromium with a fresh profile in a temporary folder. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = ensureChromium()
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: FLAGS,
    acceptDownloads: true,
    viewport: { width: 1400, height: 900 },
    locale: 'zh-CN',
  })
  return {
    context,
    async close() {
      await context.close()
      fs.rmSync(profile, { recursive: true, force: true })
    },
  }
}

export interface Server {
  url: string
  process: ChildProcess
  stdout: () => string
  stderr: () => string
  stop(): Promise<number | null>
}

/** Starts `node bin/planlint.js serve --port 0 …` in `cwd` and waits for the URL it prints. */
export async function startServer(cwd: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<Server> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (out += s))
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (err += s))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`planlint serve 没有在 60 秒内启动：${out}${err}`)), 60_000)
    const check = () => {
      const m = /http:\/\/[^\s]+\//.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(m[0])
      }
    }
    child.stdout!.on('data', check)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`planlint serve 退出了（${code}）：${out}${err}`))
    })
  })
  return {
    url,
    process: child,
    stdout: () => out,
    stderr: () => err,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode)
        child.once('exit', (code) => resolve(code))
        child.kill('SIGTERM')
      }),
  }
}

/** A .docx with one Word paragraph per line of `text` (made with the `docx` package). */
export async function docxFromText(text: string): Promise<Buffer> {
  const { Document, Packer, Paragraph, TextRun } = await import('docx')
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n')
  const doc = new Document({ sections: [{ children: lines.map((line) => new Paragraph({ children: [new TextRun(line)] })) }] })
  return Packer.toBuffer(doc)
}

/** What a finding is, as the page lists it and as the CLI's JSON says it. */
export interface FindingKey {
  ruleId: string
  severity: number
  message: string
  line: number
  column: number
  endLine: number
  endColumn: number
}

export function sortFindings(list: FindingKey[]): FindingKey[] {
  const key = (f: FindingKey) => [f.line, f.column, f.endLine, f.endColumn, f.ruleId, f.message].join('\u0000')
  return [...list].sort((a, b) => (a.line - b.line || a.column - b.column || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)))
}

/** The CLI's JSON messages in the same shape. */
export function cliFindings(json: string): FindingKey[] {
  const results = JSON.parse(json) as { messages: (Omit<FindingKey, 'ruleId'> & { ruleId: string | null })[] }[]
  return sortFindings(
    results[0]!.messages.map((m) => ({
      ruleId: m.ruleId ?? 'planlint',
      severity: m.severity,
      message: m.message,
      line: m.line,
      column: m.column,
      endLine: m.endLine,
      endColumn: m.endColumn,
    })),
  )
}

/** The findings listed on the page (every card, filtered or not). */
export async function pageFindings(page: import('playwright-core').Page): Promise<FindingKey[]> {
  const list = await page.$$eval('#findings .finding', (cards) =>
    cards.map((c) => ({
      ruleId: c.getAttribute('data-rule') ?? '',
      severity: Number(c.getAttribute('data-severity')),
      message: c.querySelector('.msg')?.textContent ?? '',
      line: Number(c.getAttribute('data-line')),
      column: Number(c.getAttribute('data-column')),
      endLine: Number(c.getAttribute('data-end-line')),
      endColumn: Number(c.getAttribute('data-end-column')),
    })),
  )
  return sortFindings(list)
}
