/**
 * The fixer a rule's `fix(fixer)` / `suggest[].fix(fixer)` function receives, as in ESLint:
 * `fixer.replaceText(node, '…')`, `insertTextAfter(node, '…')`, `removeRange([s, e])`, … each
 * returns a `Fix`; a function may return one fix, several (merged into one fix spanning them,
 * the text between kept as it is, as ESLint's `mergeFixes`), or nothing (no fix).
 */
import type { Fix, FixFunction, Position, RuleFixer } from './types.js'

type Located = { position?: Position | undefined }

function rangeOf(node: Located): [number, number] {
  const s = node.position?.start?.offset
  const e = node.position?.end?.offset
  if (typeof s !== 'number' || typeof e !== 'number') throw new Error('修复需要带位置的节点')
  return [s, e]
}

export const ruleFixer: RuleFixer = Object.freeze({
  replaceText: (node: Located, text: string): Fix => ({ range: rangeOf(node), text }),
  replaceTextRange: (range: readonly [number, number], text: string): Fix => ({ range: [range[0], range[1]], text }),
  insertTextBefore: (node: Located, text: string): Fix => {
    const [s] = rangeOf(node)
    return { range: [s, s], text }
  },
  insertTextBeforeRange: (range: readonly [number, number], text: string): Fix => ({ range: [range[0], range[0]], text }),
  insertTextAfter: (node: Located, text: string): Fix => {
    const [, e] = rangeOf(node)
    return { range: [e, e], text }
  },
  insertTextAfterRange: (range: readonly [number, number], text: string): Fix => ({ range: [range[1], range[1]], text }),
  remove: (node: Located): Fix => ({ range: rangeOf(node), text: '' }),
  removeRange: (range: readonly [number, number]): Fix => ({ range: [range[0], range[1]], text: '' }),
})

/**
 * A report's fix as one `Fix`: a fix object as given, or what a fix function returns (several
 * fixes merged into one; overlapping fixes are a rule error, as in ESLint). `text` fills the
 * gaps between merged fixes.
 */
export function resolveFix(fix: Fix | FixFunction | null | undefined, text: string): Fix | undefined {
  if (!fix) return undefined
  if (typeof fix !== 'function') return fix
  const out = fix(ruleFixer)
  if (!out) return undefined
  if (!isIterable(out)) return out
  const fixes = [...out].filter((f): f is Fix => !!f)
  if (fixes.length === 0) return undefined
  if (fixes.length === 1) return fixes[0]
  fixes.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])
  const start = fixes[0]!.range[0]
  let end = start
  let merged = ''
  for (const f of fixes) {
    if (f.range[0] < end) throw new Error('修复函数返回的修复互相重叠')
    merged += text.slice(end, f.range[0]) + f.text
    end = f.range[1]
  }
  return { range: [start, end], text: merged }
}

function isIterable(x: Fix | Iterable<Fix>): x is Iterable<Fix> {
  return typeof (x as Iterable<Fix>)[Symbol.iterator] === 'function'
}
