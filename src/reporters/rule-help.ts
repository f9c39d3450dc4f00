/**
 * Where a rule is explained, for reporters that link to it (SARIF's `helpUri` and `help`):
 * the repository named by package.json's `repository` field when there is one, otherwise
 * the doc page shipped in the package (`rules/<id>.md`, listed in package.json `files`), as a
 * file URI that resolves on the machine that ran planlint. Plugin rules keep their own
 * `docs.url`. The markdown of a built-in rule's page is its help text.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { RuleMeta } from '../types.js'
import { packageRepositoryField, packageRoot } from '../support/package-info.js'

interface PackageInfo {
  root: string
  /** https URL of the repository, without a trailing `.git`. */
  repository?: string
}

let info: PackageInfo | null | undefined

/** planlint's package root and repository URL. */
export function packageInfo(): PackageInfo | undefined {
  if (info !== undefined) return info ?? undefined
  try {
    const repository = repositoryUrl(packageRepositoryField())
    info = { root: packageRoot(), ...(repository ? { repository } : {}) }
  } catch {
    info = null // an incomplete install: no links
  }
  return info ?? undefined
}

/** package.json `repository` (string or {url}) as an https URL, or undefined. */
export function repositoryUrl(field: unknown): string | undefined {
  const raw = typeof field === 'string' ? field : typeof field === 'object' && field && typeof (field as { url?: unknown }).url === 'string' ? (field as { url: string }).url : ''
  let url = raw.trim()
  if (url === '') return undefined
  const short = /^(?:(github|gitlab|bitbucket):)?([\w.-]+\/[\w.-]+)$/.exec(url)
  if (short) url = `https://${short[1] ?? 'github'}.${short[1] === 'bitbucket' ? 'org' : 'com'}/${short[2]}`
  url = url.replace(/^git\+/, '').replace(/^git:\/\//, 'https://').replace(/^ssh:\/\/git@/, 'https://').replace(/\.git$/, '')
  return /^https?:\/\/[^\s]+$/.test(url) ? url : undefined
}

export interface RuleHelp {
  uri?: string
  markdown?: string
}

const memo = new Map<string, RuleHelp>()

/** The help of rule `id`: a URI that resolves, and the doc page's markdown for built-in rules. */
export function ruleHelp(id: string, meta: RuleMeta | undefined): RuleHelp {
  const hit = memo.get(id)
  if (hit) return hit
  const pkg = packageInfo()
  const file = pkg && /^[a-z0-9-]+$/.test(id) ? path.join(pkg.root, 'rules', `${id}.md`) : undefined
  let markdown: string | undefined
  if (file) {
    try {
      markdown = fs.readFileSync(file, 'utf8')
    } catch {
      markdown = undefined
    }
  }
  let help: RuleHelp
  if (markdown !== undefined && file) {
    help = { uri: pkg!.repository ? `${pkg!.repository}/blob/HEAD/rules/${id}.md` : pathToFileURL(file).href, markdown }
  } else {
    help = meta?.docs.url ? { uri: meta.docs.url } : {}
  }
  memo.set(id, help)
  return help
}

/** Markdown as plain text (SARIF's `help.text`): headings, emphasis and code marks removed. */
export function markdownToText(md: string): string {
  return md
    .replace(/^#{1,6}\s*/gm, '')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .trim()
}
