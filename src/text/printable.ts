/**
 * Text bound for a terminal, a log or a page a person reads: nothing in it can act as a
 * control sequence, and nothing in it can hide or reorder what is shown.
 *
 * Two classes of characters are shown as `\uXXXX` (`\u{XXXXX}` beyond the BMP):
 * - control characters (Unicode Cc: NUL, ESC, CR, LF…, C1) and the line/paragraph
 *   separators U+2028/U+2029 — they move the cursor, clear the screen, start a new line
 *   that a CI log reads as a command;
 * - invisible format characters (Unicode Cf): the bidirectional embeddings, overrides and
 *   isolates U+202A–U+202E and U+2066–U+2069 with which a "Trojan Source" line reads
 *   differently from what it is, the marks U+200E/U+200F/U+061C, zero-width spaces and
 *   joiners, U+FEFF, soft hyphens, tag characters.
 */

/** Cc, Cf, U+2028, U+2029. */
const CONTROL_OR_INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu
/** Cf only (for formats whose own escaping already handles Cc). */
const INVISIBLE = /\p{Cf}/gu

function codePoint(c: string): string {
  const cp = c.codePointAt(0)!
  return cp > 0xffff ? `\\u{${cp.toString(16)}}` : `\\u${cp.toString(16).padStart(4, '0')}`
}

/** Control and invisible format characters shown as \\uXXXX, never sent raw. */
export function printable(s: string): string {
  return s.replace(CONTROL_OR_INVISIBLE, codePoint)
}

/** Multi-line text for a terminal: each line made printable, the line breaks kept. */
export function printableLines(s: string): string {
  return s.split('\n').map(printable).join('\n')
}

/**
 * Invisible format characters (bidi controls, zero-width characters…) shown as \\uXXXX;
 * control characters left to the caller's own format (XML, JSON escape those). For the
 * human-read fields of machine formats: SARIF, GitLab, JUnit, rdjson messages, HTML text.
 */
export function showInvisible(s: string): string {
  return s.replace(INVISIBLE, codePoint)
}
