/**
 * Reading YAML data files (presets, unit dictionaries, config) with one-line, zh-CN errors
 * that name the file and the line.
 */
import { readRegularTextSync } from '../io/read-bounded.js'
import { createRequire } from 'node:module'
import { isAbsolute, relative } from 'node:path'
import type { ErrorCode } from 'yaml'
import { PlanlintError } from '../errors.js'

// Loaded on first use: a run whose data files are all cached never pays for the parser.
const require = createRequire(import.meta.url)
let yamlLib: typeof import('yaml') | undefined
function yaml(): typeof import('yaml') {
  return (yamlLib ??= require('yaml') as typeof import('yaml'))
}

/** How a file is named in messages: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file)
  if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) return rel.split('\\').join('/')
  return file
}

const YAML_PROBLEMS: Partial<Record<ErrorCode | 'TOO_DEEP', string>> = {
  BAD_INDENT: '缩进不正确',
  TAB_AS_INDENT: '不能用制表符（Tab）缩进，请改用空格',
  DUPLICATE_KEY: '同一层级出现了重复的键',
  MISSING_CHAR: '缺少配对的符号（引号或括号）',
  MULTILINE_IMPLICIT_KEY: '键不能跨行（是否漏了冒号后的空格或缩进不对？）',
  BLOCK_AS_IMPLICIT_KEY: '键的写法不正确（是否漏了冒号后的空格？）',
  UNEXPECTED_TOKEN: '出现了意外的符号',
  BAD_DQ_ESCAPE: '双引号字符串里的转义写法不正确',
  MULTIPLE_DOCS: '文件里只能有一个 YAML 文档（去掉多余的 ---）',
  BAD_ALIAS: '引用（*别名）写法不正确',
  RESOURCE_EXHAUSTION: '别名展开过多，文件可能有误',
  /** yaml reports a stack overflow (nesting too deep) as RESOURCE_EXHAUSTION too */
  TOO_DEEP: '嵌套层数过多，文件可能有误',
  BAD_SCALAR_START: '值的开头不正确（以 @ 或 ` 开头的值要加引号）',
  BLOCK_IN_FLOW: '方括号或花括号里不能换成块写法',
  NON_STRING_KEY: '键必须是文字',
}

/** Config files, presets and dictionaries are small; a larger one is a mistake (or hostile). */
export const MAX_CONFIG_BYTES = 5 * 1024 * 1024

/**
 * Reads a text file (UTF-8): a regular file of at most MAX_CONFIG_BYTES.
 * @throws PlanlintError `file: 无法读取…：文件不存在` (one line).
 */
export function readTextFile(file: string, what = '文件'): string {
  try {
    return readRegularTextSync(file, { what, maxBytes: MAX_CONFIG_BYTES })
  } catch (e) {
    const message = e instanceof Error ? e.message.slice(e.message.indexOf(': ') + 2) : String(e)
    throw new PlanlintError(message, displayPath(file))
  }
}

/**
 * Parses a YAML file. Returns `undefined` for an empty file (or one holding only comments).
 * @throws PlanlintError `file:line:column: YAML 语法错误：…` (one line).
 */
export function readYamlFile(file: string, what = '文件'): unknown {
  return parseYamlText(readTextFile(file, what), file)
}

/**
 * Parses YAML text that came from `file` (used in messages). Returns `undefined` for an
 * empty document.
 */
export function parseYamlText(text: string, file: string): unknown {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const doc = yaml().parseDocument(text, { prettyErrors: true, uniqueKeys: true })
  const err = doc.errors[0]
  if (err) {
    const pos = err.linePos?.[0]
    const where = pos ? `${displayPath(file)}:${pos.line}:${pos.col}` : displayPath(file)
    const detail = err.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')
    const tooDeep = err.code === 'RESOURCE_EXHAUSTION' && /call stack/i.test(err.message)
    const problem = (tooDeep ? YAML_PROBLEMS.TOO_DEEP : YAML_PROBLEMS[err.code]) ?? detail
    throw new PlanlintError(`YAML 语法错误：${problem}（${err.code}）`, where)
  }
  try {
    return doc.toJS({ maxAliasCount: 100 }) as unknown
  } catch (e) {
    // an alias bomb (“billion laughs”) or another document yaml refuses to build
    const why = e instanceof Error ? e.message : ''
    const detail = /alias/i.test(why) ? YAML_PROBLEMS.RESOURCE_EXHAUSTION : e instanceof RangeError ? YAML_PROBLEMS.TOO_DEEP : '无法展开文件内容'
    throw new PlanlintError(`YAML 语法错误：${detail}`, displayPath(file))
  }
}

/**
 * A config or preset file is a YAML mapping. Anything else (a list, a string — such as
 * `/proc/self/environ` read as YAML) is refused without quoting a character of it: a file
 * that is not a preset may hold secrets.
 */
export function requireMapping(data: unknown, file: string, what: string): void {
  if (data === undefined || data === null) return
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new PlanlintError(`不是${what}：${what}应为 YAML 映射（“键: 值”的写法）`, displayPath(file))
  }
}
