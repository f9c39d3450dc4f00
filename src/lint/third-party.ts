/**
 * Third-party unified/retext plugins inside planlint's pipeline (config `unifiedPlugins`):
 * each runs as a transformer on the one tree after the plan plugin, on its own VFile, so its
 * messages are known to be its own; each becomes a rule whose id is the plugin's name, so its
 * messages are reported like planlint's — severity from `rules:` (warn by default; a vfile
 * info message, `fatal` unset as `file.info()` leaves it, stays a note at the info level), inline
 * directives, exemptions, `--format`, and a plugin that throws becomes one fatal message
 * naming it.
 */
import { unified } from 'unified'
import { VFile } from 'vfile'
import type { LoadedUnifiedPlugin } from '../config/plugins.js'
import type { NlcstRoot } from '../parse/index.js'
import { defineRule, type Rule } from '../rules-support/context.js'
import { lineStarts } from '../support/location.js'

type VFileMessage = VFile['messages'][number]

/** What one third-party plugin said about a text: its messages, or what it threw. */
export interface ThirdPartyRun {
  messages: VFileMessage[]
  error?: unknown
}

declare module 'vfile' {
  interface DataMap {
    /** Third-party plugin id → its run over the file (set by `runThirdParty`). */
    thirdParty: Record<string, ThirdPartyRun>
  }
}

/** Runs each plugin on `tree` (synchronously: lintText is) and records the runs on `file`. */
export function runThirdParty(tree: NlcstRoot, file: VFile, plugins: readonly LoadedUnifiedPlugin[]): void {
  const runs: Record<string, ThirdPartyRun> = {}
  for (const p of plugins) {
    const own = new VFile({ value: file.value })
    try {
      unified()
        .use(p.attacher as never, ...(p.options as []))
        .runSync(tree as never, own)
      runs[p.id] = { messages: own.messages }
    } catch (error) {
      runs[p.id] = { messages: own.messages, error }
    }
  }
  file.data.thirdParty = runs
}

const rules = new Map<string, Rule>()

/** The rule reporting a third-party plugin's messages (one per plugin module and name). */
export function thirdPartyRule(p: LoadedUnifiedPlugin): Rule {
  const key = `${p.path}\0${p.id}`
  let rule = rules.get(key)
  if (!rule) rules.set(key, (rule = makeRule(p)))
  return rule
}

function makeRule(p: LoadedUnifiedPlugin): Rule {
  return defineRule({
    meta: {
      id: ruleIdOf(p.id),
      type: 'suggestion',
      severity: 'warn',
      docs: {
        description: { zh: `第三方 unified 插件 ${p.id} 的提示`, en: `Messages of the unified plugin ${p.id}` },
        url: p.spec.startsWith('.') || p.spec.startsWith('/') ? p.path : `https://www.npmjs.com/package/${p.id}`,
        recommended: true,
      },
      schema: { type: 'object', additionalProperties: false },
      messages: { message: '{{reason}}' },
    },
    create(ctx) {
      return {
        plan() {
          const run = ctx.file?.data.thirdParty?.[p.id]
          if (!run) return
          if (run.error !== undefined) throw run.error
          let starts: number[] | undefined
          for (const m of run.messages) {
            starts ??= lineStarts(ctx.text)
            ctx.report({
              messageId: 'message',
              data: { reason: m.reason },
              range: rangeOf(m, ctx.text.length, starts),
              // vfile's own three levels: fatal true/false is error/warning, unset is info
              ...(m.fatal === undefined || m.fatal === null ? { severity: 'info' as const } : {}),
              ...(m.actual !== undefined ? { actual: m.actual } : {}),
              ...(m.expected && m.expected.length > 0 ? { expected: m.expected[0]! } : {}),
            })
          }
        },
      }
    },
  })
}

/** A plugin's name as a rule's meta.id (kebab case): `@scope/retext-x` → `scope-retext-x`. */
function ruleIdOf(id: string): string {
  const kebab = id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
  return /^[a-z]/.test(kebab) ? kebab : `unified-${kebab || 'plugin'}`
}

type Point = { line?: number; column?: number; offset?: number | undefined }

/** Offsets of a message's place: the points' offsets (planlint's tree has them on every node),
 * else its line and column (UTF-16 units, as unist counts them); no place → the start. */
function rangeOf(m: VFileMessage, length: number, starts: number[]): [number, number] {
  const place = m.place as (Point & { start?: Point; end?: Point }) | undefined
  const start: Point | undefined = place?.start ?? place
  const end: Point | undefined = place?.end ?? start
  const at = (p: Point | undefined): number | undefined => {
    if (!p) return undefined
    if (typeof p.offset === 'number') return p.offset
    if (typeof p.line !== 'number' || typeof p.column !== 'number') return undefined
    const lineStart = starts[p.line - 1]
    return lineStart === undefined ? undefined : lineStart + p.column - 1
  }
  const clamp = (n: number | undefined): number => Math.min(length, Math.max(0, n ?? 0))
  const s = clamp(at(start))
  return [s, Math.max(s, clamp(at(end) ?? s))]
}
