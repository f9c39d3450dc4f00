/**
 * Offsets → where the user sees them. Columns count code points (a Han character, or an
 * astral character such as an emoji, is one column), lines and columns are 1-based.
 */
import type { UserLocation } from '../types.js'

export type Locate = (offset: number) => UserLocation

/** Start offsets of every line of `text` (lines end at `\n`). */
export function lineStarts(text: string): number[] {
  const starts = [0]
  let i = text.indexOf('\n')
  while (i !== -1) {
    starts.push(i + 1)
    i = text.indexOf('\n', i + 1)
  }
  return starts
}

/** 0-based index of the line holding `offset` (binary search over `starts`). */
export function lineIndexAt(starts: number[], offset: number): number {
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid]! <= offset) lo = mid
    else hi = mid - 1
  }
  return lo
}

function codePointColumn(text: string, from: number, to: number): number {
  let col = 1
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    // The low half of a surrogate pair does not start a new column.
    if (c >= 0xdc00 && c <= 0xdfff && i > from) {
      const prev = text.charCodeAt(i - 1)
      if (prev >= 0xd800 && prev <= 0xdbff) continue
    }
    col++
  }
  return col
}

const SURROGATE = /[\ud800-\udfff]/

/** A `locate` function for plain text, built lazily (line starts computed on first use).
 * Text without surrogate pairs (all Han text is in the BMP) takes the O(1) path. */
export function textLocator(text: string): Locate {
  let starts: number[] | undefined
  const astral = SURROGATE.test(text)
  return (offset: number): UserLocation => {
    starts ??= lineStarts(text)
    const o = Math.max(0, Math.min(offset, text.length))
    const li = lineIndexAt(starts, o)
    return { line: li + 1, column: astral ? codePointColumn(text, starts[li]!, o) : o - starts[li]! + 1 }
  }
}
