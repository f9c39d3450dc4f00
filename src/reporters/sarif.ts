/**
 * SARIF 2.1.0 (OASIS), the format GitHub code scanning and other CI dashboards read.
 * One run; tool.driver.rules carries every rule that ran (from its meta) plus any rule a
 * result names; each result points at the file (URI relative to cwd, forward slashes,
 * percent-encoded) and the region. Columns count Unicode code points, as planlint's do,
 * and the run says so (`columnKind`).
 */
import { pathToFileURL } from 'node:url'
import type { Log, ReportingDescriptor, Result } from 'sarif'
import type { LintMessage, LintResult, RuleMeta, SuppressedMessage } from '../types.js'
import { endOf, isError, NO_RULE_ID, relativePath, ruleIdOf, startOf } from './common.js'
import type { FormatterContext } from './types.js'

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'
const INFO_URI = 'https://github.com/planlint/planlint'

/** A relative or absolute path as a URI reference (each segment percent-encoded). */
export function toUri(filePath: string, cwd: string): string {
  const rel = relativePath(filePath, cwd)
  if (rel.startsWith('/')) return pathToFileURL(rel).href
  return rel.split('/').map(encodeURIComponent).join('/')
}

function level(severity: 'error' | 'warn'): 'error' | 'warning' {
  return severity === 'error' ? 'error' : 'warning'
}

function describeRule(id: string, meta: RuleMeta | undefined): ReportingDescriptor {
  if (!meta) {
    const text = id === NO_RULE_ID ? 'planlint 运行提示（规则出错、文件被忽略等）' : `规则 ${id}`
    return {
      id,
      name: id,
      shortDescription: { text },
      fullDescription: { text },
      helpUri: INFO_URI,
      defaultConfiguration: { level: 'error' },
    }
  }
  return {
    id,
    name: id,
    shortDescription: { text: meta.docs.description.zh },
    fullDescription: { text: `${meta.docs.description.zh}（${meta.docs.description.en}）` },
    helpUri: meta.docs.url,
    defaultConfiguration: { level: level(meta.severity) },
    properties: { tags: [meta.type] },
  }
}

function toResult(m: LintMessage, uri: string, ruleIndex: number): Result {
  const start = startOf(m)
  const end = endOf(m)
  const result: Result = {
    ruleId: ruleIdOf(m),
    ruleIndex,
    level: isError(m) ? 'error' : 'warning',
    message: { text: m.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri },
          region: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column },
        },
      },
    ],
  }
  if (m.fix) result.properties = { fixable: true }
  return result
}

/** A finding a reviewer accepted: reported with its SARIF `suppressions` (in the source, or in config/baseline files). */
function toSuppressedResult(m: SuppressedMessage, uri: string, ruleIndex: number): Result {
  return {
    ...toResult(m, uri, ruleIndex),
    suppressions: m.suppressions.map((s) => ({
      kind: s.kind === 'directive' || s.kind === 'wordComment' ? 'inSource' : 'external',
      status: 'accepted',
      ...(s.justification ? { justification: s.justification } : {}),
    })),
  }
}

export function toSarif(results: LintResult[], ctx: FormatterContext): Log {
  const meta = ctx.rulesMeta ?? {}
  const ids = Object.keys(meta).sort()
  for (const r of results) for (const m of [...r.messages, ...(r.suppressedMessages ?? [])]) if (!ids.includes(ruleIdOf(m))) ids.push(ruleIdOf(m))
  const index = new Map(ids.map((id, i) => [id, i]))
  const artifacts: string[] = []
  const sarifResults: Result[] = []
  for (const r of results) {
    const uri = toUri(r.filePath, ctx.cwd)
    artifacts.push(uri)
    for (const m of r.messages) sarifResults.push(toResult(m, uri, index.get(ruleIdOf(m))!))
    for (const m of r.suppressedMessages ?? []) sarifResults.push(toSuppressedResult(m, uri, index.get(ruleIdOf(m))!))
  }
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'planlint',
            informationUri: INFO_URI,
            ...(ctx.version ? { version: ctx.version, semanticVersion: ctx.version } : {}),
            language: 'zh-CN',
            rules: ids.map((id) => describeRule(id, meta[id])),
          },
        },
        columnKind: 'unicodeCodePoints',
        artifacts: artifacts.map((uri) => ({ location: { uri } })),
        results: sarifResults,
      },
    ],
  }
}

export function sarif(results: LintResult[], ctx: FormatterContext): string {
  return JSON.stringify(toSarif(results, ctx), null, 2) + '\n'
}
