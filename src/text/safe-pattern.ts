/**
 * Patterns that come from users (config `ignores` globs, preset names and aliases) are
 * compiled so that matching stays linear in the text:
 * - term lists become an alternation of escaped literals — never regex syntax;
 * - globs are refused when they could make picomatch's backtracking regex explode
 *   (extglobs such as `+(a|aa)`, which nest quantifiers; many `**`; very long patterns),
 *   and compiled without extglob support.
 * The refusal says which pattern and why, as a one-line config error.
 */
import picomatch from 'picomatch'

/** A RegExp matching any of `terms` literally (regex characters escaped), or undefined for none. */
export function literalAlternation(terms: Iterable<string>, flags = ''): RegExp | undefined {
  const escaped = [...terms].filter((t) => t.length > 0).map((t) => t.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))
  return escaped.length ? new RegExp(escaped.join('|'), flags) : undefined
}

export const GLOB_LIMITS = { maxLength: 256, maxGlobstars: 4, maxBraces: 8 }

/** Why `glob` is refused (Chinese), or undefined when it is safe to compile. */
export function unsafeGlobReason(glob: string): string | undefined {
  if (glob.length > GLOB_LIMITS.maxLength) return `模式过长（超过 ${GLOB_LIMITS.maxLength} 个字符）`
  if (/[@!?+*]\(/.test(glob)) return '不支持扩展通配符（如 +(a|b)、*(…)），这类模式可能让匹配耗时成倍增长'
  if ((glob.match(/\*\*/g) ?? []).length > GLOB_LIMITS.maxGlobstars) return `“**”超过 ${GLOB_LIMITS.maxGlobstars} 个`
  if ((glob.match(/\{/g) ?? []).length > GLOB_LIMITS.maxBraces) return `花括号超过 ${GLOB_LIMITS.maxBraces} 组`
  if (/\*{3,}/.test(glob)) return '连续的“*”超过两个'
  return undefined
}

/** A matcher for `globs` (which must have passed unsafeGlobReason). */
export function globMatcher(globs: string[]): (path: string) => boolean {
  return picomatch(globs, { dot: true, noextglob: true })
}
