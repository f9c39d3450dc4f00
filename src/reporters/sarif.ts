/**
 * SARIF 2.1.0 (OASIS), the format GitHub code scanning and other CI dashboards read.
 * One run; tool.driver.rules carries every rule that ran (from its meta) plus any rule a
 * result names; each result points at the file (URI relative to cwd, forward slashes,
 * percent-encoded) and the region. Columns count Unicode code points, as planlint's do,
 * and the run says so (`columnKind`).
 */
import { pathToFileURL } from 'node:url'
import type { Location, Log, ReportingDescriptor, Result } from 'sarif'
import { resultKeys, type FindingKey } from '../engine/fingerprint.js'
import type { Level, LintMessage, LintResult, RuleMeta, SuppressedMessage } from '../types.js'
import { endOf, levelOf, NO_RULE_ID, relatedPlaces, relativePath, ruleIdOf, startOf, placesSuffix, type PlacedRelated } from './common.js'
import { markdownToText, packageInfo, ruleHelp } from './rule-help.js'
import type { FormatterContext } from './types.js'
import { showInvisible } from '../text/printable.js'

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'
/** The key under partialFingerprints: rule + normalised sentence + occurrence (see engine/fingerprint.ts). */
export const FINGERPRINT_KEY = 'planlintFinding/v1'

function infoUri(): string {
  const pkg = packageInfo()
  return pkg?.repository ?? (pkg ? pathToFileURL(pkg.root + '/README.md').href : 'https://www.npmjs.com/package/planlint')
}

/** A relative or absolute path as a URI reference (each segment percent-encoded). */
export function toUri(filePath: string, cwd: string): string {
  const rel = relativePath(filePath, cwd)
  if (rel.startsWith('/')) return pathToFileURL(rel).href
  return rel.split('/').map(encodeURIComponent).join('/')
}

/** SARIF's levels: error, warning, and note for a finding at the info level. */
function level(severity: Level): 'error' | 'warning' | 'note' {
  return severity === 'error' ? 'error' : severity === 'info' ? 'note' : 'warning'
}

function describeRule(id: string, meta: RuleMeta | undefined): ReportingDescriptor {
  if (!meta) {
    const text = id === NO_RULE_ID ? 'planlint 运行提示（规则出错、文件被忽略等）' : `规则 ${id}`
    return {
      id,
      name: id,
      shortDescription: { text },
      fullDescription: { text },
      helpUri: infoUri(),
      defaultConfiguration: { level: 'error' },
    }
  }
  const help = ruleHelp(id, meta)
  return {
    id,
    name: id,
    shortDescription: { text: meta.docs.description.zh },
    fullDescription: { text: `${meta.docs.description.zh}（${meta.docs.description.en}）` },
    ...(help.uri ? { helpUri: help.uri } : {}),
    ...(help.markdown ? { help: { text: markdownToText(help.markdown), markdown: help.markdown } } : {}),
    defaultConfiguration: { level: level(meta.severity) },
    properties: { tags: [meta.type] },
  }
}

function region(m: LintMessage | PlacedRelated) {
  const start = startOf(m as LintMessage)
  const end = endOf(m as LintMessage)
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column }
}

function related(places: PlacedRelated[], uri: string): Location[] {
  return places.map((r, i) => ({
    id: i + 1,
    physicalLocation: { artifactLocation: { uri }, region: region(r) },
    ...(r.message ? { message: { text: showInvisible(r.message) } } : {}),
  }))
}

function toResult(m: LintMessage, uri: string, ruleIndex: number, key: FindingKey | undefined, places: PlacedRelated[] = []): Result {
  const result: Result = {
    ruleId: ruleIdOf(m),
    ruleIndex,
    level: level(levelOf(m)),
    message: { text: showInvisible(m.message + placesSuffix(m)) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri },
          region: region(m),
        },
      },
    ],
  }
  // Stable across line moves: code scanning matches the result on this, not on the line.
  if (key) result.partialFingerprints = { [FINGERPRINT_KEY]: key.fingerprint }
  if (places.length) result.relatedLocations = related(places, uri)
  // a grouped finding: its other places too, and the count
  if (m.places && m.places.length > 1) {
    const start = result.relatedLocations?.length ?? 0
    const others = m.places.slice(1).map((p, i) => {
      const s = startOf(p)
      const e = endOf(p)
      return {
        id: start + i + 1,
        physicalLocation: { artifactLocation: { uri }, region: { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column } },
        message: { text: showInvisible(m.message) },
      }
    })
    result.relatedLocations = [...(result.relatedLocations ?? []), ...others]
    result.properties = { ...result.properties, count: m.places.length }
  }
  if (m.fix) result.properties = { ...result.properties, fixable: true }
  return result
}

/** A finding a reviewer accepted: reported with its SARIF `suppressions` (in the source, or in config/baseline files). */
function toSuppressedResult(m: SuppressedMessage, uri: string, ruleIndex: number, key: FindingKey | undefined, places: PlacedRelated[]): Result {
  return {
    ...toResult(m, uri, ruleIndex, key, places),
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
    const keys = resultKeys(r)
    for (const m of r.messages) sarifResults.push(toResult(m, uri, index.get(ruleIdOf(m))!, keys.get(m), relatedPlaces(r, m)))
    for (const m of r.suppressedMessages ?? []) sarifResults.push(toSuppressedResult(m, uri, index.get(ruleIdOf(m))!, keys.get(m), relatedPlaces(r, m)))
  }
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'planlint',
            informationUri: infoUri(),
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
