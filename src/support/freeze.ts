/**
 * Deep freezing, for the preset and dictionary objects every rule shares and for the trees the
 * RuleTester hands rules (a rule that changes them throws). Iterative: the depth of what it
 * freezes never reaches the call stack.
 */

/** Freezes an object graph in place, deeply, and returns it. */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value]
  const seen = new Set<unknown>()
  while (stack.length > 0) {
    const v = stack.pop()
    if (typeof v !== 'object' || v === null || seen.has(v)) continue
    seen.add(v)
    Object.freeze(v)
    for (const k of Object.keys(v)) stack.push((v as Record<string, unknown>)[k])
  }
  return value
}
