/**
 * Escaping for the markup reporters (HTML and JUnit XML). Both are read by people (a browser,
 * a CI test view), so invisible format characters — bidi overrides and isolates, zero-width
 * characters — are shown as \\uXXXX too (see text/printable.ts), never passed on raw.
 */
import { showInvisible } from '../text/printable.js'

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return showInvisible(s).replace(/[&<>"']/g, (c) => ENTITIES[c]!)
}

/**
 * Escapes text for XML 1.0 content and attributes (line ends as character references, so
 * attribute values keep them), dropping the characters XML 1.0 cannot
 * carry at all (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF).
 */
export function escapeXml(s: string): string {
  return showInvisible(s)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!)
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;')
}
