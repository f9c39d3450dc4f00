/**
 * Display width in a terminal: a CJK character takes two columns. string-width is exact
 * but costly to load: it creates an Intl.Segmenter (ICU data, 20–100 ms) and compiles a
 * large emoji regex when its module is evaluated. Text made only of characters whose width
 * the East Asian Width data alone decides — every Chinese message planlint prints — takes
 * the fast path; anything else goes to string-width, which callers load first with
 * `loadFullWidth()` when `needsFullWidth` says some text needs it (so a run whose output
 * is all plain Chinese never loads it).
 */
import { eastAsianWidth } from 'get-east-asian-width'

/** ASCII, Latin-1 (no soft hyphen), general punctuation, CJK punctuation (no emoji-like
 * 〰 〽), kana, Han, full-width forms. Emoji, combining marks, other scripts and escapes
 * are not here. */
const SIMPLE = /^[\u0020-\u007e\u00a0-\u00a8\u00aa-\u00ac\u00af-\u00ff\u2010-\u2027\u2030-\u203b\u203d-\u2048\u204a-\u205e\u3000-\u3029\u3031-\u303c\u303e\u303f\u3041-\u3096\u309b-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff9f\uffe0-\uffee]*$/

let full: ((s: string) => number) | undefined

/** True when some of `texts` is outside the fast path (string-width must be loaded for it). */
export function needsFullWidth(texts: Iterable<string>): boolean {
  for (const t of texts) if (!SIMPLE.test(t)) return true
  return false
}

/** Loads string-width (once); `displayWidth` is exact for every text afterwards. */
export async function loadFullWidth(): Promise<void> {
  full ??= (await import('string-width')).default
}

export function displayWidth(s: string): number {
  if (!SIMPLE.test(s)) {
    if (full) return full(s)
    // Not loaded (text the caller did not announce, e.g. commander's help): per code point.
    let w = 0
    for (const ch of s) {
      const c = ch.codePointAt(0)!
      w += c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x300 && c < 0x370) || (c >= 0x200b && c <= 0x200f) || (c >= 0xfe00 && c <= 0xfe0f) ? 0 : eastAsianWidth(c)
    }
    return w
  }
  let w = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    w += c < 0x1100 ? 1 : eastAsianWidth(c)
  }
  return w
}
