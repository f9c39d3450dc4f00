/**
 * JUnit XML, for CI systems that show test reports (Jenkins, GitLab, Azure): one
 * <testsuite> per file, one <testcase> per finding; errors are <failure>s, warnings and notes
 * at the info level pass with the finding (警告：/提示：) in <system-out>. A file without
 * findings gets one passing testcase so it still shows up as checked.
 */
import type { LintResult } from '../engine/types.js'
import { isError, LEVEL_WORDS, levelOf, relativePath, ruleIdOf, startOf, userPlace, placesSuffix } from './common.js'
import { escapeXml as x } from './escape.js'
import type { FormatterContext } from './types.js'

export function junit(results: LintResult[], ctx: FormatterContext): string {
  const suites: string[] = []
  let tests = 0
  let failures = 0
  for (const r of results) {
    const file = relativePath(r.filePath, ctx.cwd)
    const cases: string[] = []
    let suiteFailures = 0
    for (const m of r.messages) {
      const { line, column } = startOf(m)
      const id = ruleIdOf(m)
      // A Word or PDF file's line numbers are those of the extracted text: say the paragraph/page too.
      const place = userPlace(m)
      const where = `${file}:${line}:${column}${place ? `（${place}）` : ''}`
      const name = `${id} ${line}:${column}${place ? ` ${place}` : ''}`
      if (isError(m)) {
        suiteFailures++
        cases.push(
          `    <testcase name="${x(name)}" classname="${x(file)}" file="${x(file)}" line="${line}">\n` +
            `      <failure message="${x(m.message + placesSuffix(m))}" type="${x(id)}">${x(`错误：${m.message}${placesSuffix(m)}\n位置：${where}\n规则：${id}`)}</failure>\n` +
            `    </testcase>`,
        )
      } else {
        cases.push(
          `    <testcase name="${x(name)}" classname="${x(file)}" file="${x(file)}" line="${line}">\n` +
            `      <system-out>${x(`${LEVEL_WORDS[levelOf(m)]}：${m.message}${placesSuffix(m)}\n位置：${where}\n规则：${id}`)}</system-out>\n` +
            `    </testcase>`,
        )
      }
    }
    if (cases.length === 0) cases.push(`    <testcase name="planlint" classname="${x(file)}" file="${x(file)}"/>`)
    tests += cases.length
    failures += suiteFailures
    suites.push(
      `  <testsuite name="${x(file)}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="0">\n` +
        cases.join('\n') +
        `\n  </testsuite>`,
    )
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="planlint" tests="${tests}" failures="${failures}" errors="0">\n` +
    (suites.length ? suites.join('\n') + '\n' : '') +
    '</testsuites>\n'
  )
}
