/**
 * The planlint command line. This module loads only commander; each command imports what
 * it needs when it runs, so `planlint --version` and `--help` start in a blink.
 *
 * Exit codes: 0 no errors, 1 errors (or more warnings than --max-warnings), 2 planlint
 * could not run — always with one line on stderr saying what and where.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Command, CommanderError } from 'commander'
import { displayWidth as stringWidth } from '../reporters/width.js'
import type { CliIO, LintCommandOptions } from './lint.js'
import { printable } from '../text/printable.js'
import { packageVersion } from '../support/package-info.js'

const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '子命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
}

/** Commander's English parse errors, said in Chinese. */
function translate(err: CommanderError): string {
  const quoted = /'([^']*)'/.exec(err.message)?.[1] ?? ''
  switch (err.code) {
    case 'commander.unknownOption':
      return `未知的选项 ${quoted}（planlint --help 查看全部选项）`
    case 'commander.unknownCommand':
      return `未知的子命令 ${quoted}（planlint --help 查看用法）`
    case 'commander.missingArgument':
      return `缺少参数 ${quoted}`
    case 'commander.optionMissingArgument':
      return `选项 ${quoted} 需要一个值`
    case 'commander.missingMandatoryOptionValue':
      return `必须提供选项 ${quoted}`
    case 'commander.invalidArgument':
      return err.message.replace(/^error:\s*/, '')
    case 'commander.excessArguments':
      return '参数过多（planlint --help 查看用法）'
    default:
      return err.message.replace(/^error:\s*/, '')
  }
}

const HELP = {
  styleTitle: (t: string) => TITLES[t] ?? t,
  displayWidth: (s: string) => stringWidth(s),
  subcommandTerm: (cmd: Command) => `${cmd.name()} ${cmd.usage().replace('[options]', '[选项]')}`.trim(),
  // Chinese has no spaces to wrap at; let the terminal wrap long lines instead.
  helpWidth: 160,
}

const collect = (value: string, previous: string[] = []) => [...previous, value]

function buildProgram(io: CliIO, setExit: (code: number) => void): Command {
  const program = new Command('planlint')
  program
    .description('检查实施方案（征求意见稿）是否落实上级规划：行动、目标、牵头单位、引用文件、过时的机构名称和编辑残留。')
    .usage('[选项] [文件、目录或通配符…]')
    .version(packageVersion(), '-v, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [子命令]', '显示子命令的帮助')
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: () => {
        // Reported by main() as one Chinese line.
      },
    })
    .configureHelp(HELP)
    .argument('[files...]', '要检查的文件、目录或通配符；“-”表示从标准输入读取')
    .option(
      '-f, --format <格式[:文件]>',
      '输出格式：stylish（默认）、json、sarif、github、gitlab、junit、html、rdjson（reviewdog），或 planlint-formatter-* 包名、格式模块路径；可重复，“格式:文件”写入文件',
      collect,
    )
    .option('-p, --preset <名称或路径>', '使用的预设（上级规划），如 national 或某个 .yaml 文件')
    .option('-c, --config <路径>', '配置文件路径（默认向上查找 planlint.config.yaml）')
    .option('-r, --rule <规则:级别>', '临时设置规则级别，可重复，如 --rule lead-unit:off', collect)
    .option('--max-warnings <数量>', '警告超过此数量时视为不通过（退出码 1）')
    .option('-q, --quiet', '只报告错误，不显示警告')
    .option('-o, --output-file <路径>', '把报告写入文件而不是屏幕')
    .option('--fix', '自动修复能安全修复的问题，并写回 .txt / .md 文件')
    .option('--fix-dry-run', '只显示 --fix 会做的修改（差异），不写任何文件')
    .option('--no-color', '不使用颜色')
    .option('--encoding <编码>', '强制按此编码读取文本文件，如 gb18030、utf-8（默认自动识别）')
    .option('--stdin-filename <路径>', '从标准输入读取时，当作哪个文件（用于查找配置和显示）')
    .option('--cache', '只重新检查有改动的文件（结果缓存在 .planlintcache）')
    .option('--cache-location <路径>', '缓存文件或目录的位置（默认当前目录下的 .planlintcache）')
    .option('--jobs <数量>', '并行检查的线程数，或 auto（文件较多时按 CPU 核数自动选择；默认 1）')
    .option('--suppress-all', '把现有的全部问题记入批量忽略文件，以后只报告新出现的问题')
    .option('--suppress-rule <规则>', '只把这个规则的现有问题记入批量忽略文件，可重复', collect)
    .option('--suppressions-location <路径>', '批量忽略文件的位置（默认 planlint-suppressions.json）')
    .option('--prune-suppressions', '从批量忽略文件中删除已不再出现的问题')
    .option('--force', '输出文件已存在且不像是 planlint 的报告或缓存时，仍然覆盖（输入文件永远不会被覆盖）')
    .option('--print-config <文件>', '显示检查该文件时实际使用的配置（配置文件、预设及其上级链、每条规则的级别和选项），JSON 格式，不做检查')
    .option('--debug', '出错时显示详细信息')
    .addHelpText(
      'after',
      [
        '',
        '示例：',
        '  planlint 实施方案.txt                 检查一个文件',
        '  planlint 文稿目录/                    检查目录下所有 .txt、.md、.docx 等文件',
        '  planlint 实施方案.txt --fix           修复可自动修复的问题',
        '  planlint explain 实施方案.txt         查看 planlint 对文稿结构的理解',
        '  planlint --print-config 实施方案.txt  查看检查该文件时使用的预设和规则设置',
        '  planlint 文稿目录/ --format stylish --format sarif:planlint.sarif --format html:报告.html',
        '                                        屏幕显示问题，同时生成 SARIF 和网页报告',
        '',
        '忽略某个问题（写明理由，被忽略的问题在 json / sarif / html 中连同理由保留）：',
        '  <!-- planlint-disable-next-line 规则名 -- 理由 -->     或 <!-- planlint：忽略下一行 规则名 —— 理由 -->',
        '  <!-- planlint-disable-line 规则名 -- 理由 -->          或 <!-- planlint：忽略本行 规则名 —— 理由 -->',
        '  <!-- planlint-disable 规则名 -- 理由 --> … <!-- planlint-enable 规则名 -->（planlint：忽略 / planlint：恢复）',
        '  Word 批注：以“planlint-disable 规则名”或“planlint：忽略 规则名”开头、后写理由，忽略所批注文字上的该问题',
        '  配置文件：exemptions: [{rule: 规则名, text: 文字 或 sentence: 句中文字, reason: 理由}]',
        '',
        '退出码：0 未发现错误；1 有错误（或警告超过 --max-warnings）；2 无法运行（如文件不存在、配置有误）。',
      ].join('\n'),
    )
    .action(async (files: string[], opts: Partial<LintCommandOptions> & { printConfig?: string }) => {
      if (opts.printConfig !== undefined) {
        if (files.length > 0) {
          const { PlanlintError } = await import('../errors.js')
          throw new PlanlintError('--print-config 一次说明一个文件，不能同时列出要检查的文件')
        }
        const { runPrintConfig } = await import('./print-config.js')
        setExit(await runPrintConfig(opts.printConfig, { ...(opts.preset === undefined ? {} : { preset: opts.preset }), ...(opts.config === undefined ? {} : { config: opts.config }), rule: opts.rule ?? [] }, io))
        return
      }
      const { runLint } = await import('./lint.js')
      setExit(await runLint(files, { ...opts, format: opts.format ?? [], rule: opts.rule ?? [] }, io))
    })

  program
    .command('rules')
    .description('列出全部规则：默认级别、能否自动修复、说明')
    .option('-f, --format <格式>', '输出格式：text（默认）或 markdown（README 中的规则表）')
    .action(async (opts: { format?: string }) => {
      const { printRules } = await import('./rules.js')
      setExit(await printRules(io, opts.format ?? 'text'))
    })

  program
    .command('explain')
    .usage('[选项] <文件>')
    .description('显示 planlint 对一个文稿的理解：提纲、行动、任务及牵头单位、目标、引用文件')
    .argument('<文件>', '要说明的文稿')
    .option('-f, --format <格式>', '输出格式：text（默认）、json，或 tree（规则遍历的语法树）')
    .option('-p, --preset <名称或路径>', '使用的预设')
    .option('-c, --config <路径>', '配置文件路径')
    .action(async (file: string, opts: { format?: string; preset?: string; config?: string }) => {
      const { runExplain } = await import('./explain.js')
      setExit(await runExplain(file, { ...opts, format: opts.format ?? 'text' }, io))
    })

  const presetCmd = program.command('preset').description('预设相关命令').usage('build <上级方案> [选项]')
  presetCmd
    .command('build')
    .usage('[选项] <上级方案>')
    .description('从上级实施方案的文本生成预设（提升行动、重点工程、目标、标题和文号），供下级方案检查时使用')
    .argument('<上级方案>', '上级方案文件（.txt、.md 等）')
    .option('--extends <预设>', '父预设（默认：按该方案的标题识别）')
    .option('--id <标识>', '预设 id（默认按行政区划代码生成）')
    .option('-o, --output <文件>', '写入的文件（默认输出到屏幕）')
    .option('--force', '输出文件已存在且不是预设时，仍然覆盖（输入文件永远不会被覆盖）')
    .action(async (file: string, opts: { extends?: string; id?: string; output?: string; force?: boolean }) => {
      const { runPresetBuild } = await import('./preset.js')
      setExit(await runPresetBuild(file, opts, io))
    })
  presetCmd.helpOption('-h, --help', '显示帮助').exitOverride().configureOutput(program.configureOutput())

  program
    .command('annotate')
    .usage('[选项] <文稿.docx>')
    .description('把检查结果作为批注写进 Word 文稿的副本（可自动修复的问题写成修订，可在 Word 中接受或拒绝）；原文件不改动')
    .argument('<文稿.docx>', '要批注的 Word 文稿')
    .option('-o, --output <文件>', '写入的文件（默认：<原文件名>.planlint.docx）')
    .option('-p, --preset <名称或路径>', '使用的预设')
    .option('-c, --config <路径>', '配置文件路径')
    .option('-r, --rule <规则:级别>', '临时设置规则级别，可重复', collect)
    .option('--force', '输出文件已存在时仍然覆盖（原文件永远不会被覆盖）')
    .action(async (file: string, opts: { output?: string; preset?: string; config?: string; rule?: string[]; force?: boolean }) => {
      const { runAnnotate } = await import('./annotate.js')
      setExit(await runAnnotate(file, opts, io))
    })

  program
    .command('serve')
    .description('在本机启动审查页面：在浏览器中拖入文稿即可检查、查看问题、下载带批注的 Word 文稿')
    .option('--port <端口>', '端口（默认 3939；0 表示任选空闲端口）')
    .option('--open', '启动后在浏览器中打开页面')
    .option('--host <地址>', '绑定的地址（默认 127.0.0.1，只有本机能访问；改成其他地址会显示警告）')
    .option('--max-upload <兆字节>', '上传大小上限，单位 MB（默认 20）')
    .option('-c, --config <路径>', '配置文件路径（默认从当前目录向上查找 planlint.config.yaml）')
    .action(async (opts: { port?: string; open?: boolean; host?: string; maxUpload?: string; config?: string }) => {
      const { runServe } = await import('../serve/start.js')
      setExit(await runServe(opts, io))
    })

  program
    .command('diff')
    .usage('[选项] <旧稿> <新稿>')
    .description('比较同一方案的两稿：哪些问题已改正、哪些是新出现的、哪些仍未解决（按规则和所在句子对应，段落调整和重新编号不算新问题）；新稿有新错误时退出码为 1')
    .argument('<旧稿>', '上一稿（.txt、.md、.docx、.doc、.pdf 均可）')
    .argument('<新稿>', '这一稿')
    .option('-f, --format <格式>', '输出格式：stylish（默认）、json 或 html')
    .option('-o, --output-file <路径>', '把报告写入文件而不是屏幕')
    .option('-p, --preset <名称或路径>', '使用的预设')
    .option('-c, --config <路径>', '配置文件路径')
    .option('-r, --rule <规则:级别>', '临时设置规则级别，可重复', collect)
    .option('--no-color', '不使用颜色')
    .option('--force', '允许覆盖已存在的、不是 planlint 报告的文件（被比较的文稿永远不会被覆盖）')
    .action(async (oldFile: string, newFile: string, opts: import('./compare-drafts.js').CompareOptions) => {
      const { runCompareDrafts } = await import('./compare-drafts.js')
      setExit(await runCompareDrafts(oldFile, newFile, opts, io))
    })

  program
    .command('init')
    .usage('[文件]')
    .description('在当前目录生成带说明的 planlint.config.yaml（已存在时不覆盖）')
    .argument('[文件]', '可选：根据此文稿的标题识别辖区')
    .action(async (file: string | undefined) => {
      const { runInit } = await import('./init.js')
      setExit(await runInit(file, io))
    })

  program
    .command('lsp')
    .usage('--stdio')
    .description('启动语言服务器（LSP），供编辑器显示检查结果和快速修复；通过标准输入输出通信')
    .option('--stdio', '通过标准输入输出通信（默认，也是唯一的方式）')
    .action(async () => {
      const { runLanguageServer } = await import('../lsp/index.js')
      setExit(await runLanguageServer())
    })

  for (const cmd of program.commands) {
    cmd.helpOption('-h, --help', '显示帮助').exitOverride().configureOutput(program.configureOutput())
    cmd.configureHelp(HELP)
  }
  return program
}

function firstLine(s: string): string {
  return s.split('\n').find((l) => l.trim() !== '')?.trim() ?? s.trim()
}

/** Shows paths under the working directory the way the user typed them: relative. */
function relativise(message: string, cwd: string): string {
  const prefix = cwd.endsWith(path.sep) ? cwd : cwd + path.sep
  return message.split(prefix).join('')
}

/**
 * Runs the CLI with `argv` (as in process.argv) and resolves to the exit code. Never
 * throws: every failure becomes one line on stderr and exit code 2.
 */
export async function main(argv: string[], io: Partial<CliIO> = {}): Promise<number> {
  const fullIO: CliIO = {
    cwd: io.cwd ?? process.cwd(),
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    env: io.env ?? process.env,
  }
  const debug = argv.includes('--debug')
  let code = 0
  try {
    await buildProgram(fullIO, (c) => (code = c)).parseAsync(argv)
    return code
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0
      fullIO.stderr.write(`planlint: ${printable(translate(e))}\n`)
      return 2
    }
    const { isPlanlintError } = await import('../errors.js')
    if (isPlanlintError(e)) {
      fullIO.stderr.write(`planlint: ${printable(relativise(firstLine(e.message), fullIO.cwd))}\n`)
      if (debug && e.stack) fullIO.stderr.write(e.stack + '\n')
      return 2
    }
    const message = e instanceof Error ? e.message : String(e)
    const where = (e as { planlintFile?: unknown } | undefined)?.planlintFile
    const file = typeof where === 'string' ? `${relativise(where, fullIO.cwd)}: ` : ''
    fullIO.stderr.write(`planlint: ${printable(`${file}内部错误：${firstLine(message)}`)}（运行 planlint --debug 查看详情）\n`)
    if (debug) fullIO.stderr.write(((e instanceof Error && e.stack) || message) + '\n')
    return 2
  }
}
