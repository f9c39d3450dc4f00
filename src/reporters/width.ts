/**
 * Display width in a terminal: a CJK character takes two columns. string-width is exact
 * but compiles a large emoji regex on first use (about 18 ms of a cold CLI run); text made
 * only of characters whose width the East Asian Width data alone decides — every Chinese
 * message planlint prints — takes the fast path, anything else goes to string-width.
 */
import { eastAsianWidth } from 'get-east-asian-width'
import stringWidth from 'string-width'

/** ASCII, Latin-1 (no soft hyphen), general punctuation, CJK punctuation (no emoji-like
 * 〰 〽), kana, Han, full-width forms. Emoji, combining marks, other scripts and escapes
 * are not here. */
const SIMPLE = /^[\u0020-\u007e\u00a0-\u00a8\u00aa-\u00ac\u00af-\u00ff\u2010-\u2027\u2030-\u203b\u203d-\u2048\u204a-\u205e\u3000-\u3029\u3031-\u303c\u303e\u303f\u3041-\u3096\u309b-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff9f\uffe0-\uffee]*$/

export function displayWidth(s: string): number {
  if (!SIMPLE.test(s)) return stringWidth(s)
  let w = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    w += c < 0x1100 ? 1 : eastAsianWidth(c)
  }
  return w
}
