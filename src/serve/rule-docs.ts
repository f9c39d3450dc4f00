/**
 * A rule's "为什么" (why it matters) from its doc page `rules/<id>.md`, as plain text for
 * the review page. Only ids made of lower-case letters, digits and hyphens are looked up,
 * only in the bundled rules/ folder; a rule without a page (a plugin's) has none.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { packageRoot } from '../presets/resolve.js'

const cache = new Map<string, string>()

/** Markdown inline decoration dropped: `code`, **bold**, [text](link) → text. */
function plain(md: string): string {
  return md
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*([^*]*)\*\*/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
}

/** The text of the `## 为什么` section of a rule's page, or '' when there is none. */
export function ruleWhy(id: string): string {
  const hit = cache.get(id)
  if (hit !== undefined) return hit
  let why = ''
  if (/^[a-z0-9][a-z0-9-]{0,80}$/.test(id)) {
    try {
      const md = readFileSync(join(packageRoot(), 'rules', `${id}.md`), 'utf8')
      const start = md.search(/^## 为什么\s*$/m)
      if (start >= 0) {
        const body = md.slice(start).replace(/^## 为什么\s*\n/, '')
        const end = body.search(/^## /m)
        why = plain((end >= 0 ? body.slice(0, end) : body).trim())
      }
    } catch {
      why = ''
    }
  }
  cache.set(id, why)
  return why
}
