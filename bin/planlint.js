#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/ (built by `npm run build`, which `npm ci` runs).
// Only the command-line entry is loaded here; it imports the engine when a command needs it.

// V8 pretenures objects of an allocation site whose objects mostly survive a young-generation
// GC. planlint builds one tree per document that lives exactly as long as the document's lint,
// so a GC that falls inside a lint finds nearly all the parser's nodes alive, and V8 then
// allocates every later tree in the old generation, where it is dead one document later: in
// measured runs a third of the processes switched to that mode and linted 1.6–2× slower
// (parse, plan and rules alike). Process-wide, so the lint workers and `planlint lsp` get it too;
// set before anything is allocated. (`--no-allocation-site-pretenuring` on the command line
// does the same.)
import { setFlagsFromString } from 'node:v8'
setFlagsFromString('--no-allocation-site-pretenuring')
// V8 hands a function to its optimising compiler (TurboFan, on a background thread) once it
// has run a budget of bytecode. A lint run is short and runs much code a few hundred times:
// at the default budget a third of the CPU of a cold run over 200 plans went to compiling
// functions that were then used for a few ms. An 8× budget optimises only what stays hot —
// measured on that run: CPU −22 %, wall −9 %. A process that lives long and lints the same
// code again and again is better off with the default, which reaches optimised code sooner
// (lintText in a warm process was 6–8 % slower with the 8× budget after 240 lints): the
// language server and the review page keep it. Also process-wide (the --jobs workers get it);
// set before the bundle's code first runs.
const command = process.argv.slice(2).find((a) => !a.startsWith('-'))
if (command !== 'lsp' && command !== 'serve') setFlagsFromString('--interrupt-budget=540672')

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
