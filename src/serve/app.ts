/**
 * The review page's HTTP routes (Hono). Everything is served from here — the page, its
 * script and styles — so the page works offline; nothing is fetched from elsewhere, and
 * the Content-Security-Policy forbids it. Uploads are read into memory, checked, and
 * dropped with the response; nothing is written to disk.
 *
 *   GET  /                      the page
 *   GET  /assets/…              its script (ES modules) and styles
 *   GET  /api/presets           the bundled presets (id, title, level)
 *   POST /api/check             multipart: document (file) or text, preset, presetFile → findings
 *   POST /api/export/:kind      the same form → annotated .docx, fixed text, HTML or JSON report
 *
 * Bad requests are answered 4xx with `{ error }` in Chinese; an unexpected failure is a
 * 500 for that request only — the server keeps running.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { listPresets } from '../presets/index.js'
import { packageRoot } from '../presets/resolve.js'
import { EXPORT_KINDS, RequestError, checkUpload, exportUpload, type CheckInput, type ExportKind, type ServeSettings } from './check.js'

export interface AppOptions extends ServeSettings {
  /** Largest request body accepted, in bytes. */
  maxUploadBytes: number
  /** Accept any Host header (the server was bound to another interface with --host). */
  anyHost?: boolean
}

export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]'])

const JS = 'text/javascript; charset=utf-8'
const ASSETS: Record<string, string> = {
  'app.js': JS,
  'dom.js': JS,
  'document-view.js': JS,
  'findings-view.js': JS,
  'outline-view.js': JS,
  'app.css': 'text/css; charset=utf-8',
}

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

function megabytes(n: number): string {
  return `${Number((n / 1024 / 1024).toFixed(1))} MB`
}

function readPage(): Map<string, string> {
  const dir = join(packageRoot(), 'src', 'serve', 'page')
  const files = new Map<string, string>()
  for (const name of ['index.html', ...Object.keys(ASSETS)]) files.set(name, readFileSync(join(dir, name), 'utf8'))
  return files
}

/** The form the page posts, as a CheckInput; a RequestError when it is not one. */
async function formInput(c: Context): Promise<CheckInput> {
  const type = c.req.header('content-type') ?? ''
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    throw new RequestError(400, '请求格式不正确：应以 multipart/form-data 表单上传文稿')
  }
  let form: Record<string, string | File | (string | File)[]>
  try {
    form = await c.req.parseBody({ all: false })
  } catch {
    throw new RequestError(400, '请求格式不正确：无法解析上传的表单')
  }
  const bytesOf = async (f: File): Promise<Uint8Array> => new Uint8Array(await f.arrayBuffer())
  const input: Partial<CheckInput> = {}
  const doc = form['document']
  const text = form['text']
  if (doc instanceof File) {
    input.document = { name: doc.name, bytes: await bytesOf(doc) }
  } else if (typeof text === 'string') {
    if (text.trim() === '') throw new RequestError(422, '粘贴的文字是空的，没有可检查的内容')
    input.document = { name: '粘贴的文本.txt', bytes: new TextEncoder().encode(text) }
  } else {
    throw new RequestError(400, '请求中没有文稿：请选择文件或粘贴文字')
  }
  const preset = form['preset']
  if (preset !== undefined) {
    if (typeof preset !== 'string') throw new RequestError(400, '预设名称应为文字')
    input.preset = preset
  }
  const presetFile = form['presetFile']
  if (presetFile instanceof File && presetFile.size > 0) input.presetUpload = { name: presetFile.name, bytes: await bytesOf(presetFile) }
  return input as CheckInput
}

function failure(c: Context, e: unknown): Response {
  if (e instanceof RequestError) return c.json({ error: e.message }, e.status)
  const detail = e instanceof Error ? e.message.split('\n')[0] : String(e)
  return c.json({ error: `planlint 内部错误：${detail}（服务仍在运行，可以重试或换一个文件）` }, 500)
}

/** Content-Disposition for a download whose name may be Chinese (RFC 6266 / 5987). */
function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}

export function createApp(options: AppOptions): Hono {
  const page = readPage()
  const app = new Hono()
  const settings: ServeSettings = { cwd: options.cwd, config: options.config, ...(options.version ? { version: options.version } : {}) }

  app.use('*', async (c, next) => {
    // DNS rebinding: a page elsewhere must not reach this server through a name it controls.
    if (!options.anyHost) {
      const host = (c.req.header('host') ?? '').replace(/:\d+$/, '').toLowerCase()
      if (!LOOPBACK_NAMES.has(host)) return c.text('只接受本机访问（127.0.0.1）', 403)
    }
    await next()
    c.header('Content-Security-Policy', CSP)
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('Referrer-Policy', 'no-referrer')
    c.header('Cache-Control', 'no-store')
  })

  app.get('/', (c) => c.html(page.get('index.html')!))
  app.get('/assets/:name', (c) => {
    const name = c.req.param('name')
    const type = ASSETS[name]
    if (!type) return c.text('找不到该文件', 404)
    return c.body(page.get(name)!, 200, { 'Content-Type': type })
  })
  app.get('/favicon.ico', (c) => c.body(null, 204))
  app.get('/api/presets', (c) => c.json({ presets: listPresets() }))

  const limit = bodyLimit({
    maxSize: options.maxUploadBytes,
    onError: (c) => c.json({ error: `上传的内容超过 ${megabytes(options.maxUploadBytes)} 的上限；请上传较小的文件（或只粘贴需要检查的部分）` }, 413),
  })

  app.post('/api/check', limit, async (c) => {
    try {
      return c.json(await checkUpload(await formInput(c), settings))
    } catch (e) {
      return failure(c, e)
    }
  })

  app.post('/api/export/:kind', limit, async (c) => {
    const kind = c.req.param('kind') as ExportKind
    if (!EXPORT_KINDS.includes(kind)) return c.json({ error: `没有“${kind}”这种下载` }, 404)
    try {
      const file = await exportUpload(kind, await formInput(c), settings)
      return c.body(typeof file.body === 'string' ? file.body : new Uint8Array(file.body), 200, {
        'Content-Type': file.type,
        'Content-Disposition': disposition(file.name),
      })
    } catch (e) {
      return failure(c, e)
    }
  })

  app.notFound((c) => (c.req.path.startsWith('/api/') ? c.json({ error: '没有这个接口' }, 404) : c.text('找不到该页面', 404)))
  app.onError((e, c) => failure(c, e))
  return app
}
