/**
 * Array helpers that stay safe at any input size. `a.push(...b)`, `f.apply(x, b)` and
 * `Math.max(...b)` pass every element of `b` as a call argument, on the stack: past
 * ~100k elements that is "Maximum call stack size exceeded". planlint's arrays grow with
 * the input (findings, lines, units), so spreading them is banned (test/no-spread.test.ts)
 * and these loops are used instead.
 */

/** Appends every item of `items` to `target` (in place) and returns `target`. */
export function pushAll<T>(target: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) target.push(items[i]!)
  return target
}

/** The largest of `values` (-Infinity for none), like Math.max without spreading. */
export function maxOf(values: Iterable<number>): number {
  let best = -Infinity
  for (const v of values) if (v > best || Number.isNaN(v)) best = v
  return best
}

/** The smallest of `values` (Infinity for none), like Math.min without spreading. */
export function minOf(values: Iterable<number>): number {
  let best = Infinity
  for (const v of values) if (v < best || Number.isNaN(v)) best = v
  return best
}

/**
 * The index of the last item of `items` (ascending by `keyOf`) whose key is at most `value`;
 * 0 when none is (and for no items), so `items[i]` is the nearest item at or before `value`,
 * or the first one.
 */
export function lastAtOrBefore<T>(items: readonly T[], value: number, keyOf: (item: T) => number): number {
  let lo = 0
  let hi = items.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (keyOf(items[mid]!) <= value) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** How many items of the ascending `sorted` are below `value` (the index of the first ≥ it). */
export function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid]! < value) lo = mid + 1
    else hi = mid
  }
  return lo
}
