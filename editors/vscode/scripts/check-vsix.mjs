// Checks the packaged planlint.vsix: it holds the client and the whole server, and the server
// inside it starts and answers `initialize` over stdio (run by `npm run package`, so CI fails
// on a .vsix that would not work once installed).
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ext = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
// jszip is a dependency of planlint itself (Word annotations); read the .vsix with it.
const JSZip = createRequire(path.join(ext, '../../package.json'))('jszip')
const zip = await JSZip.loadAsync(readFileSync(path.join(ext, 'planlint.vsix')))
const required = [
  'extension/package.json',
  'extension/dist/extension.js',
  'extension/server/bin/planlint.js',
  'extension/server/dist/src/lsp/server.js',
  'extension/server/presets/national.yaml',
  'extension/server/rules/lead-unit.md',
  'extension/server/node_modules/vscode-languageserver/package.json',
]
const missing = required.filter((f) => !zip.file(f))
if (missing.length > 0) {
  console.error(`planlint.vsix 缺少：${missing.join('、')}`)
  process.exit(1)
}

// Unpack the server and speak to it.
const dir = mkdtempSync(path.join(tmpdir(), 'planlint-vsix-check-'))
try {
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir || !name.startsWith('extension/server/')) continue
    const out = path.join(dir, name)
    mkdirSync(path.dirname(out), { recursive: true })
    writeFileSync(out, await entry.async('nodebuffer'))
  }
  const child = spawn(process.execPath, [path.join(dir, 'extension/server/bin/planlint.js'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] })
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } })
  child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`)
  const reply = await new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error('语言服务器 60 秒内没有回应 initialize')), 60_000)
    child.stdout.on('data', (d) => {
      out += d.toString()
      if (out.includes('"capabilities"')) {
        clearTimeout(timer)
        resolve(out)
      }
    })
    child.on('exit', (code) => reject(new Error(`语言服务器提前退出（退出码 ${code}）`)))
  })
  child.kill()
  if (!String(reply).includes('"hoverProvider":true')) throw new Error(`意外的回应：${reply}`)
  console.log(`planlint.vsix 检查通过：${Object.keys(zip.files).length} 个条目，内置的语言服务器能启动`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
