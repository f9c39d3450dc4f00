/**
 * Character classes for the CJK nlcst parser.
 *
 * The parser asks for the class of every UTF-16 code unit it scans, so the answer must be
 * a table look-up: ASCII and the CJK Unified Ideographs block are filled in when the
 * module loads, every other BMP code unit is classified once (with Unicode property
 * regexes) the first time it is seen and cached in a typed array. Code points outside the
 * BMP are classified from their surrogate pair and cached in a Map.
 *
 * Classes (what the parser makes of a character):
 * - `WS`: white space (`\s`: space, tab, `\r`, U+3000, NBSP, BOM …) → WhiteSpace
 * - `LF`: `\n`, the only line end
 * - `HAN`: Han script letters (incl. 〇 々 and the extension planes) → runs form one Word
 * - `ALNUM`: any other letter or digit (Latin, full-width ０-９ Ａ-Ｚ, kana, …) → runs form
 *   one Word; a Han run and an ALNUM run are separate Words (`2025年` = `2025` + `年`)
 * - `MARK`: combining marks; they stay with the Word before them
 * - `PUNCT`: punctuation (`\p{P}` minus the symbols below) → one Punctuation per character
 * - `SYMBOL`: everything else that is not space, letter or punctuation: `\p{S}`, dashes
 *   (— – - ～), and the "punctuation" that modifies a number or a name rather than
 *   structuring a sentence: % ％ ‰ ‱ # & * @ · ・ • § _ \ and controls → one Symbol per
 *   character (code point)
 * - `HIGH`: a high surrogate; the caller combines it with the next code unit
 */

import { HAN_BLOCK_FIRST, HAN_BLOCK_LAST, SENTENCE_ENDS } from './characters.js'

export const WS = 1
export const LF = 2
export const HAN = 3
export const ALNUM = 4
export const MARK = 5
export const PUNCT = 6
export const SYMBOL = 7
export const HIGH = 8

/** Characters Unicode calls punctuation that the parser treats as symbols. */
const SYMBOL_CHARS = new Set(
  Array.from('%％﹪‰‱#＃﹟&＆﹠*＊﹡@＠﹫·・•‧′″‵§¶†‡_＿\\＼'),
)

const RE_SPACE = /^\s$/u
const RE_HAN = /^\p{Script=Han}$/u
const RE_WORD = /^[\p{L}\p{N}]$/u
const RE_MARK = /^\p{M}$/u
const RE_SYMBOL = /^[\p{S}\p{Pd}]$/u
const RE_PUNCT = /^\p{P}$/u

function characterClassOf(ch: string): number {
  if (ch === '\n') return LF
  if (RE_SPACE.test(ch)) return WS
  if (RE_HAN.test(ch)) return RE_PUNCT.test(ch) ? PUNCT : HAN
  if (RE_WORD.test(ch)) return ALNUM
  if (RE_MARK.test(ch)) return MARK
  if (SYMBOL_CHARS.has(ch) || RE_SYMBOL.test(ch)) return SYMBOL
  if (RE_PUNCT.test(ch)) return PUNCT
  return SYMBOL
}

/**
 * Class of every BMP code unit seen so far (0 = not classified yet: call `charClass`).
 * Exported for the parser's innermost loop; read-only outside this module.
 */
export const bmp = new Uint8Array(0x10000)
for (let c = 0; c < 0x80; c++) bmp[c] = characterClassOf(String.fromCharCode(c))
bmp.fill(HAN, HAN_BLOCK_FIRST, HAN_BLOCK_LAST + 1)
bmp.fill(HIGH, 0xd800, 0xdc00)
// A lone low surrogate is not a character; keep it as a one-unit Symbol.
bmp.fill(SYMBOL, 0xdc00, 0xe000)

/** Class of a BMP code unit (surrogates: HIGH, or SYMBOL for a lone low one). */
export function charClass(code: number): number {
  const k = bmp[code]!
  if (k !== 0) return k
  const computed = characterClassOf(String.fromCharCode(code))
  bmp[code] = computed
  return computed
}

const astral = new Map<number, number>()

/** Class of a code point above U+FFFF. */
export function astralClass(codePoint: number): number {
  let k = astral.get(codePoint)
  if (k === undefined) {
    k = characterClassOf(String.fromCodePoint(codePoint))
    astral.set(codePoint, k)
  }
  return k
}

/** Sentence terminators: the lexicon's sentence ends (。！？；!?;) and … ｡ . (the half-width dot is checked further). */
const TERMINATOR = new Uint8Array(0x10000)
for (const ch of SENTENCE_ENDS + '…｡.') TERMINATOR[ch.charCodeAt(0)] = 1

export function isTerminator(code: number): boolean {
  return TERMINATOR[code] === 1
}

/** Brackets that nest: a terminator inside them does not end the sentence. */
export function isOpenBracket(code: number): boolean {
  switch (code) {
    case 0x28: // (
    case 0xff08: // （
    case 0x5b: // [
    case 0xff3b: // ［
    case 0x3010: // 【
    case 0x3014: // 〔
    case 0x3016: // 〖
    case 0x3018: // 〘
    case 0x7b: // {
    case 0xff5b: // ｛
    case 0x300a: // 《
    case 0x3008: // 〈
      return true
    default:
      return false
  }
}

export function isCloseBracket(code: number): boolean {
  switch (code) {
    case 0x29: // )
    case 0xff09: // ）
    case 0x5d: // ]
    case 0xff3d: // ］
    case 0x3011: // 】
    case 0x3015: // 〕
    case 0x3017: // 〗
    case 0x3019: // 〙
    case 0x7d: // }
    case 0xff5d: // ｝
    case 0x300b: // 》
    case 0x3009: // 〉
      return true
    default:
      return false
  }
}

/**
 * Characters that, right after a terminator, still belong to the sentence it ends:
 * closing brackets, closing quotes (”’」』 and the ambiguous ASCII " '), and markdown
 * emphasis `*` / `_` (`**1. 标题。**正文` keeps `**` with the title).
 */
export function isCloser(code: number): boolean {
  switch (code) {
    case 0x201d: // ”
    case 0x2019: // ’
    case 0x300d: // 」
    case 0x300f: // 』
    case 0x22: // "
    case 0x27: // '
    case 0x2a: // *
    case 0x5f: // _
      return true
    default:
      return isCloseBracket(code)
  }
}

/** ASCII or full-width decimal digit. */
export function isDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19)
}
