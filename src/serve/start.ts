/**
 * `planlint serve [--port N] [--open] [--host H]`: starts the review page on this machine
 * (127.0.0.1 unless --host names another interface, which prints a warning), prints its
 * address, optionally opens it in the browser, and runs until Ctrl+C.
 */
import { spawn } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { PlanlintError } from '../errors.js'
import type { CliIO } from '../cli/lint.js'
import { DEFAULT_MAX_UPLOAD_BYTES } from './app.js'

export interface ServeOptions {
  port?: string
  host?: string
  open?: boolean
  maxUpload?: string
  config?: string
}

export const DEFAULT_PORT = 3939
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1'])

function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new PlanlintError(`端口“${value}”无效，应为 0–65535 的整数（0 表示任选一个空闲端口）`)
  return Number(value)
}

function parseMegabytes(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_UPLOAD_BYTES
  const n = Number(value)
  if (!/^\d+(\.\d+)?$/.test(value) || !(n > 0) || n > 1024) throw new PlanlintError(`上传上限“${value}”无效，应为 0 到 1024 之间的兆字节数，如 20`)
  return Math.round(n * 1024 * 1024)
}

/** The command that opens a URL in the user's browser: $BROWSER, else the system's opener. */
function opener(url: string, env: NodeJS.ProcessEnv): [string, string[]] {
  if (env.BROWSER) return [env.BROWSER, [url]]
  if (process.platform === 'darwin') return ['open', [url]]
  if (process.platform === 'win32') return ['cmd', ['/c', 'start', '""', url]]
  return ['xdg-open', [url]]
}

function openBrowser(url: string, io: CliIO): void {
  const [cmd, args] = opener(url, io.env)
  const fail = () => io.stderr.write(`planlint: 无法自动打开浏览器，请手动打开 ${url}\n`)
  try {
    const child = spawn(cmd, args, { detached: true, stdio: 'ignore' })
    child.on('error', fail)
    child.unref()
  } catch {
    fail()
  }
}

/** Runs the server until SIGINT/SIGTERM; resolves to the exit code. */
export async function runServe(opts: ServeOptions, io: CliIO): Promise<number> {
  const port = parsePort(opts.port)
  const maxUploadBytes = parseMegabytes(opts.maxUpload)
  const host = opts.host ?? '127.0.0.1'
  if (host.trim() === '') throw new PlanlintError('--host 不能为空')
  const [{ serve }, { createApp }, { resolveConfig }, { loadPlugins }] = await Promise.all([
    import('@hono/node-server'),
    import('./app.js'),
    import('../config/config.js'),
    import('../config/plugins.js'),
  ])
  const config = resolveConfig(undefined, { cwd: io.cwd, ...(opts.config === undefined ? {} : { configPath: path.resolve(io.cwd, opts.config) }) })
  await loadPlugins(config, { cwd: io.cwd })
  const anyHost = !LOOPBACK.has(host)
  const app = createApp({ cwd: io.cwd, config, maxUploadBytes, anyHost })

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port, hostname: host }, () => resolve(s))
    s.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') reject(new PlanlintError(`端口 ${port} 已被占用；请用 --port 换一个端口（如 --port 0 任选空闲端口）`))
      else if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND') reject(new PlanlintError(`无法在地址 ${host} 上启动：本机没有这个地址`))
      else if (e.code === 'EACCES') reject(new PlanlintError(`没有权限使用端口 ${port}；请换一个大于 1024 的端口`))
      else reject(new PlanlintError(`无法启动服务：${e.message}`))
    })
  })
  // An idle keep-alive connection closed by the server while the browser reuses it loses
  // that request (EPIPE); keep idle connections longer than a drafter's pause between uploads.
  if ('keepAliveTimeout' in server) {
    server.keepAliveTimeout = 65_000
    server.headersTimeout = 66_000
  }
  const address = server.address() as AddressInfo
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  const url = `http://${shownHost}:${address.port}/`
  if (anyHost) {
    io.stderr.write(`planlint: 警告：服务绑定在 ${host} 上，同一网络中的其他人也能打开这个页面并上传文稿；只在可信的网络中这样做\n`)
  }
  io.stdout.write(`planlint 审查页面已启动：${url}\n在浏览器中打开上面的地址，拖入或选择文稿即可检查；文稿只在本机内存中处理，不会上传到别处。按 Ctrl+C 停止。\n`)
  if (opts.open) openBrowser(url, io)
  // Warm up while the drafter picks a file: the Word reader, the rules and the national preset.
  setImmediate(() => {
    void import('../io/docx.js').catch(() => undefined)
    void import('../lint/lint.js')
      .then(({ lintText }) => lintText('一、总体要求\n', { cwd: io.cwd, config }))
      .catch(() => undefined)
  })

  return new Promise<number>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      server.close(() => resolve(0))
      if ('closeAllConnections' in server) server.closeAllConnections()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}
