import { location } from 'vfile-location'
import type { SourceText, UserLocation } from '../types.js'

/**
 * Wrap text as a SourceText: strips a leading BOM, normalises `\r\n` and lone `\r` to
 * `\n`, and maps offsets to 1-based line/column with vfile-location. Columns count UTF-16
 * code units (as the parser's positions do); offsets outside the text are clamped to it.
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
  return {
    text: normalised,
    filePath,
    format,
    locate(offset: number): UserLocation {
      const clamped = Number.isFinite(offset) ? Math.min(Math.max(Math.trunc(offset), 0), length) : 0
      const point = index.toPoint(clamped)
      // toPoint is defined for every offset in [0, length].
      return { line: point?.line ?? 1, column: point?.column ?? 1 }
    },
  }
}
