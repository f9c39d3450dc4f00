/**
 * The CJK nlcst parser: plain text → Root → Paragraph → Sentence → Word / Punctuation /
 * Symbol / WhiteSpace, with an exact unist position on every node.
 *
 * Shape:
 * - A Paragraph is one line that has something other than white space on it. The line
 *   ends (`\n`), blank lines and white-space-only lines between paragraphs are WhiteSpace
 *   nodes directly under Root; spaces at the start or end of a paragraph's line are
 *   WhiteSpace nodes directly under the Paragraph. `\r` is white space, so `\r\n` text
 *   parses (the `\r` ends up in the paragraph's trailing WhiteSpace).
 * - Sentences end after a run of terminators — 。！？；… ｡ and half-width ! ? ; — and after
 *   `.` unless it sits between two letters/digits (`15.5%`, `2.0`, `www.gov.cn`) or closes
 *   a list marker (`1.` at the start of a line, also after `- `, `* `, `**`, `#`). Closers
 *   right after the terminator (”’」』 " ' ）)】〕》] and markdown `*`/`_`) belong to the
 *   sentence they close. A line end always ends a sentence.
 * - Brackets nest: a terminator inside （…） ( … ) 〔…〕 【…】 […] 《…》 〈…〉 on the same
 *   line does not end the sentence, so `（牵头单位：区教育局。责任单位：区科协）` stays whole
 *   inside the sentence it is part of; when the closing bracket directly follows a
 *   terminator (`…推进。）`), the sentence ends after the bracket — except after 》〉, which
 *   close a title (`《这是什么？》一书` is not split). Quotes do not nest
 *   (ASCII `"` cannot tell opening from closing): `指出：“甲。乙。”这…` is three sentences,
 *   `指出：“甲。` / `乙。”` / `这…`. An unclosed bracket keeps the rest of its line in one
 *   sentence.
 * - A maximal run of Han characters is one Word (no segmentation), a maximal run of other
 *   letters/digits (Latin, full-width, …) is another; combining marks stay in the Word.
 *   Punctuation and Symbols are one node per character; white space runs are one node.
 *   See `src/lexicon/char-class.ts` for which character is which.
 *
 * Positions: offsets are 0-based UTF-16 code-unit offsets (what `String#slice` takes);
 * lines and columns are 1-based and columns count code points, as `types.ts` specifies
 * and the engine's locator and `sourceFromText().locate` do: a Han character is one
 * column, and so is a character outside the BMP (two code units, never split across
 * nodes). Only `\n` starts a new line.
 *
 * Without words (`parseText(text, { words: false })`): the same paragraphs, sentences and
 * white space with the same positions, but each Sentence holds its text as one SourceNode
 * instead of Word/Punctuation/Symbol/WhiteSpace nodes (see `ParseOptions`).
 *
 * Speed: one linear scan over the text with a table-driven character class; node text is
 * taken with `slice`, never built by concatenation. To keep allocation down, adjacent nodes
 * share Point objects (a node's `end` is the next node's `start`; a Word and its Text child
 * share one Position): treat positions as read-only, copy a Point before changing it.
 */
import type { Root } from 'nlcst'

/** The nlcst tree the parser returns. */
export type NlcstRoot = Root
import type { Plugin } from 'unified'
import { Scanner } from './scanner.js'

export interface ParseOptions {
  /**
   * Build each sentence's words, punctuation, symbols and white space (default true). With
   * `false`, a Sentence's only child is a SourceNode holding the sentence's text, with the
   * sentence's position: the tree is still nlcst, prints back to the exact text, and its
   * paragraphs, sentences and white space outside sentences are those of the full tree, node
   * for node. For runs in which nothing reads below a sentence: the words are most of the
   * tree's nodes.
   */
  words?: boolean
}

/** Parse plain text into an nlcst tree. Total: never throws, any string parses. */
export function parseText(text: string, options: ParseOptions = {}): NlcstRoot {
  return new Scanner(text, options.words !== false).run()
}

/**
 * unified parser plugin: `unified().use(planlintParse).parse(text)` returns the same tree
 * as `parseText(text)`; `unified().use(planlintParse, { words: false })` as
 * `parseText(text, { words: false })`.
 */
const planlintParse: Plugin<[ParseOptions?], string, Root> = function (options) {
  const settings: ParseOptions = { ...options }
  this.parser = (document: string): Root => parseText(document, settings)
}

export default planlintParse
export { planlintParse }
