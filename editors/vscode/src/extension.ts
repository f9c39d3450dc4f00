/**
 * The planlint extension: starts the bundled `planlint lsp --stdio` (server/ inside the
 * extension) for plain text and Markdown documents, shows the preset in use in the status
 * bar, and adds two commands: 「planlint: 显示方案结构 (explain)」 and 「planlint: 修复全部」.
 * Everything else (diagnostics, quick fixes, hover, outline) is the language server's.
 */
import * as path from 'node:path'
import * as vscode from 'vscode'
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node'

interface StatusParams {
  uri: string
  preset?: { id: string; reason: string }
  configFile?: string
  failure?: string
  ignored?: boolean
}

let client: LanguageClient | undefined

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('server', 'bin', 'planlint.js'))
  const run = { module: serverModule, transport: TransportKind.stdio, args: ['lsp'] }
  const serverOptions: ServerOptions = { run, debug: run }
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'plaintext' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    synchronize: {
      configurationSection: 'planlint',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}'),
    },
    outputChannelName: 'planlint',
  }
  client = new LanguageClient('planlint', 'planlint', serverOptions, clientOptions)

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100)
  status.command = 'planlint.showExplain'
  context.subscriptions.push(status)
  const statusByUri = new Map<string, StatusParams>()
  const showStatus = () => {
    const editor = vscode.window.activeTextEditor
    const s = editor ? statusByUri.get(editor.document.uri.toString()) : undefined
    if (!s) {
      status.hide()
      return
    }
    if (s.failure) {
      status.text = '$(error) planlint'
      status.tooltip = `planlint 无法检查：${s.failure}`
    } else if (s.ignored) {
      status.text = '$(circle-slash) planlint'
      status.tooltip = '该文件被配置中的 ignores 忽略'
    } else {
      status.text = `$(checklist) planlint：${s.preset?.id ?? '?'}`
      status.tooltip = `预设 ${s.preset?.id ?? '?'}：${s.preset?.reason ?? ''}${s.configFile ? `\n配置文件：${s.configFile}` : ''}\n点击查看方案结构`
    }
    status.show()
  }
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(showStatus))

  const output = vscode.window.createOutputChannel('planlint：方案结构')
  context.subscriptions.push(output)

  context.subscriptions.push(
    vscode.commands.registerCommand('planlint.showExplain', async () => {
      const editor = vscode.window.activeTextEditor
      if (!editor || !client) return
      const r = await client.sendRequest<{ text: string }>('workspace/executeCommand', {
        command: 'planlint.explain',
        arguments: [{ uri: editor.document.uri.toString() }],
      })
      output.clear()
      output.appendLine(`${path.basename(editor.document.uri.fsPath)}\n`)
      output.append(r.text)
      output.show(true)
    }),
    vscode.commands.registerCommand('planlint.applyFixAll', async () => {
      const editor = vscode.window.activeTextEditor
      if (!editor || !client) return
      const r = await client.sendRequest<{ applied: boolean }>('workspace/executeCommand', {
        command: 'planlint.fixAll',
        arguments: [{ uri: editor.document.uri.toString() }],
      })
      if (!r.applied) void vscode.window.showInformationMessage('planlint：没有可自动修复的问题')
    }),
  )

  await client.start()
  context.subscriptions.push(
    client.onNotification('planlint/status', (s: StatusParams) => {
      statusByUri.set(s.uri, s)
      showStatus()
    }),
  )
}

export async function deactivate(): Promise<void> {
  await client?.stop()
  client = undefined
}
