import { textLocator } from '../support/location.js'
import type { SourceText } from './types.js'

/**
 * Wrap text as a SourceText: strips a leading BOM, normalises `\r\n` and lone `\r` to
 * `\n`, and maps offsets to 1-based line/column with the one locator (src/support/location.ts).
 */
export function sourceFromText(
  text: string,
  filePath = '<text>',
  format: SourceText['format'] = 'txt',
): SourceText {
  let normalised = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (normalised.includes('\r')) normalised = normalised.replace(/\r\n?/g, '\n')
  const locate = textLocator(normalised)
  return { text: normalised, filePath, format, locate }
}
