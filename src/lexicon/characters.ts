/**
 * Which characters are which in a Chinese plan: Han characters, CJK punctuation, full-width
 * forms, sentence ends. Every regex and check in the builder and the rules takes its ranges
 * from here, so that "a Han character" means the same thing everywhere.
 *
 * The `…_CLASS` strings are bodies of a regex character class (`new RegExp(`[${HAN_CLASS}]`)`).
 * The parser's tokenizer (char-class.ts) classifies by Unicode property instead, since it must
 * answer for every code point; its fast path is the same CJK Unified Ideographs block.
 */

/** First code unit of CJK Unified Ideographs Extension A (U+3400–U+4DBF). */
export const HAN_EXT_A_FIRST = 0x3400
/** Last code unit of Extension A (U+4DC0–U+4DFF after it are the Yijing hexagram symbols). */
export const HAN_EXT_A_LAST = 0x4dbf
/** First code unit of the CJK Unified Ideographs block (U+4E00–U+9FFF). */
export const HAN_BLOCK_FIRST = 0x4e00
/** Last code unit of the CJK Unified Ideographs block. */
export const HAN_BLOCK_LAST = 0x9fff

/**
 * A Han character as plans write them: CJK Unified Ideographs and Extension A
 * (U+4E00–U+9FFF, U+3400–U+4DBF; one UTF-16 code unit each). The rare astral extensions are
 * not matched.
 */
export const HAN_CLASS = '\\u3400-\\u4dbf\\u4e00-\\u9fff'
/** One Han character (see HAN_CLASS). */
export const HAN_CHARACTER = new RegExp(`[${HAN_CLASS}]`)

/** Whether a UTF-16 code unit is a Han character (see HAN_CLASS). */
export function isHan(code: number): boolean {
  return (code >= HAN_BLOCK_FIRST && code <= HAN_BLOCK_LAST) || (code >= HAN_EXT_A_FIRST && code <= HAN_EXT_A_LAST)
}

/** CJK Symbols and Punctuation: 　、。〈〉《》「」『』【】〔〕〇 (U+3000–U+303F). */
export const CJK_PUNCTUATION_CLASS = '\\u3000-\\u303f'
/** Halfwidth and Fullwidth Forms: ，：；（）０-９Ａ-Ｚ… (U+FF00–U+FFEF). */
export const FULL_WIDTH_CLASS = '\\uff00-\\uffef'
/** A character of Chinese text: Han, CJK punctuation or a full-width form. */
export const CJK_TEXT_CLASS = HAN_CLASS + CJK_PUNCTUATION_CLASS + FULL_WIDTH_CLASS

/**
 * A Han character, or a full-width / CJK punctuation mark (incl. “”‘’—…·): the text around it is
 * Chinese, so a half-width mark next to it should be full-width.
 */
export function isChineseContext(ch: string | undefined): boolean {
  if (!ch) return false
  const c = ch.charCodeAt(0)
  return (
    isHan(c) || (c >= 0xf900 && c <= 0xfaff) || // compatibility ideographs
    (c >= 0x3000 && c <= 0x303f) || // 、。〈〉《》「」『』【】〔〕〇
    (c >= 0xff01 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) || (c >= 0xff3b && c <= 0xff40) || (c >= 0xff5b && c <= 0xff65) ||
    ch === '“' || ch === '”' || ch === '‘' || ch === '’' || ch === '—' || ch === '…' || ch === '·'
  )
}

/** Marks that end a whole sentence: 。！？ and half-width ! ?. */
export const FULL_STOPS = '。！？!?'
/**
 * Marks that end a sentence as plans punctuate them: the full stops and the semicolons
 * (；; — a plan's list items are sentences ended by ；). The parser also ends a sentence at
 * … ｡ and a half-width full stop (see char-class.ts `isTerminator`).
 */
export const SENTENCE_ENDS = FULL_STOPS + '；;'
/** One sentence end (see SENTENCE_ENDS). */
export const SENTENCE_END = new RegExp(`[${SENTENCE_ENDS}]`)
