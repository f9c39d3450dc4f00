#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/ (built by `npm run build`, which `npm ci` runs).
// Only the command-line entry is loaded here; it imports the engine when a command needs it.

// `planlint … | head` closes the pipe early: stop quietly instead of printing a stack.
process.stdout.on('error', (error) => {
  if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})
import('../dist/bundle/cli.js').then(
  (cli) =>
    cli.main(process.argv).then((code) => {
      process.exitCode = code
    }),
  (error) => {
    const notBuilt = error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist')
    process.stderr.write(
      notBuilt
        ? 'planlint: 程序尚未构建，请在 planlint 目录中先运行 npm ci（或 npm run build）\n'
        : `planlint: 无法启动：${error && error.message ? String(error.message).split('\n')[0] : String(error)}\n`,
    )
    process.exitCode = 2
  },
)
