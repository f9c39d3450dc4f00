import { location } from 'vfile-location'
import type { SourceText, UserLocation } from '../types.js'

/**
 * Wrap text as a SourceText: strips a leading BOM, normalises `\r\n` and lone `\r` to
 * `\n`, and maps offsets to 1-based line/column with vfile-location. Columns count code
 * points, as `types.ts` specifies and the parser's positions do (vfile-location counts
 * UTF-16 code units, so a surrogate pair before the offset on its line is counted once);
 * offsets outside the text are clamped to it.
 */
export function sourceFromText(
  text: string,
  filePath = '<text>',
  format: SourceText['format'] = 'txt',
): SourceText {
  let normalised = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (normalised.includes('\r')) normalised = normalised.replace(/\r\n?/g, '\n')
  const index = location(normalised)
  const length = normalised.length
  const hasPairs = /[\ud800-\udbff][\udc00-\udfff]/.test(normalised)
  return {
    text: normalised,
    filePath,
    format,
    locate(offset: number): UserLocation {
      const clamped = Number.isFinite(offset) ? Math.min(Math.max(Math.trunc(offset), 0), length) : 0
      // toPoint is defined for every offset in [0, length].
      const point = index.toPoint(clamped) ?? { line: 1, column: 1 }
      let column = point.column
      if (hasPairs) {
        for (let i = clamped - (column - 1); i < clamped - 1; i++) {
          const c = normalised.charCodeAt(i)
          const d = normalised.charCodeAt(i + 1)
          if (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
            column--
            i++
          }
        }
      }
      return { line: point.line, column }
    },
  }
}
