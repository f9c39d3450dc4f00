/**
 * The one locator: offsets → where the user sees them, for the engine, the plan builder and
 * the input adapters. Lines come from vfile-location (lazy line index, binary search);
 * columns count code points (a Han character, or an astral character such as an emoji, is
 * one column) where vfile-location counts UTF-16 code units, so a surrogate pair before the
 * offset on its line is counted once. Lines and columns are 1-based; offsets outside the
 * text are clamped to it. vfile-location also ends a line at a lone `\r`; the input adapters
 * normalise line ends to `\n`, so for their text that never arises.
 */
import { location } from 'vfile-location'
import { lastAtOrBefore } from '../text/arrays.js'
import type { UserLocation } from './position.js'

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
  return lastAtOrBefore(starts, offset, (s) => s)
}

const SURROGATE_PAIR = /[\ud800-\udbff][\udc00-\udfff]/

/** A `locate` function for `text`. Text without surrogate pairs (all Han text is in the
 * BMP) takes the O(log n) path with no column correction. */
export function textLocator(text: string): Locate {
  const index = location(text)
  const length = text.length
  const pairs = SURROGATE_PAIR.test(text)
  return (offset: number): UserLocation => {
    const o = Number.isFinite(offset) ? Math.min(Math.max(Math.trunc(offset), 0), length) : 0
    // toPoint is defined for every offset in [0, length].
    const point = index.toPoint(o) ?? { line: 1, column: 1 }
    let column = point.column
    if (pairs) {
      for (let i = o - (column - 1); i < o - 1; i++) {
        const c = text.charCodeAt(i)
        const d = text.charCodeAt(i + 1)
        if (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          column--
          i++
        }
      }
    }
    return { line: point.line, column }
  }
}
