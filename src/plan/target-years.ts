/**
 * Where a plan commits to a year: `到2025年`, `到二〇二五年`, `到“十四五”末`, a year that opens a
 * sentence (`2025年，…`), `“十四五”期间，…` opening a clause or a list item (the period's last
 * year) and `2025年底前…` (a deadline). `YEAR_PATTERN` says what a match is; `yearMatches`
 * finds exactly its matches, in linear time.
 */
import { isTrimmedSpace } from '../text/trim.js'

/** `到2025年（底|末）`, `截至二〇二五年`: group 1 the year. */
const TO_YEAR = String.raw`(?:到|至|截至|截止到?)\s*((?:19|20)\d{2}|二[〇○零][一二三四五六七八九〇○零]{2})\s*年(?:底|末)?`
/** `到“十四五”末`, `十四五期末`: group 2 the five-year plan. */
const TO_PERIOD_END = String.raw`(?:到|至)?\s*[“"]?(十[三四五六]五)[”"]?\s*(?:时期|期间)?(?:末|期末|结束时)`
/** `2025年，` opening a sentence: group 3. */
const YEAR_OPENS = String.raw`(?:^|(?<=[。；;！？\n]))[ \t]*((?:19|20)\d{2})\s*年(?=[，,])`
/** `“十四五”期间` opening a clause or an item: group 4. */
const IN_PERIOD = String.raw`(?:^|(?<=[。；;！？，,\n.．、）)]))[ \t]*在?[“"]?(十[三四五六]五)[”"]?\s*(?:期间|时期内)`
/** `2025年底前`: group 5. */
const DEADLINE = String.raw`((?:19|20)\d{2})\s*年(?:底)?(?:以)?前(?![后景夕])`

const ALTERNATIVES = [TO_YEAR, TO_PERIOD_END, YEAR_OPENS, IN_PERIOD, DEADLINE]

/** What a target year is: the five forms above, groups 1–5 in that order (`gm`). */
export const YEAR_PATTERN = new RegExp(ALTERNATIVES.join('|'), 'gm')

/** The pattern tried at one position. */
const AT = new RegExp(ALTERNATIVES.join('|'), 'my')
/** The same inside white space after its first position, where `TO_PERIOD_END` cannot start
 * unless it did at that first position (`\s*` takes the rest): its group kept, never matching. */
const AT_IN_SPACE = new RegExp([TO_YEAR, '(?!)(十)', YEAR_OPENS, IN_PERIOD, DEADLINE].join('|'), 'my')

/**
 * What every match holds where its year is read: `19xx`/`20xx`, `二〇…`, or `十X五`. None of
 * them starts with a character a match's lead-in can have (`到至截止在“"` and white space).
 */
const ANCHOR = /(?:19|20)\d{2}|二[〇○零]|十[三四五六]五/g
/** Where `^` matches in a multiline pattern: after a line terminator. */
const isLineEnd = (code: number): boolean => code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029

/**
 * The matches `text.matchAll(YEAR_PATTERN)` returns, in the same order, without trying the
 * pattern at every position (it is a plan's costliest: five alternatives, two behind a
 * lookbehind, and `\s*` at the front of two, which made it quadratic in a long run of white
 * space — 35 s for one line of 200,000 spaces).
 *
 * It is tried only in the lead-in before each anchor: a quote, `在`, white space, then up to
 * three characters (`截止到`), no further back than the last match's end. Since no anchor can
 * lie in another's lead-in, the leftmost match from there on starts in the window of the first
 * anchor that has one, and no match can start at or before an anchor whose window has none.
 * Inside the white space, a match can start only at its first position or after a line end
 * (every alternative but `TO_PERIOD_END` needs a lead-in character, `^` or a lookbehind there,
 * and `TO_PERIOD_END` matching later in the space matches at its first position too), so each
 * window costs time linear in its length. Anchors are found overlapping (`192025年前`: the
 * year is the second one).
 */
export function yearMatches(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = []
  // no match starts before this: the last match's end, or past an anchor whose window had none
  let from = 0
  ANCHOR.lastIndex = 0
  for (let a = ANCHOR.exec(text); a !== null; a = ANCHOR.exec(text)) {
    const at = a.index
    ANCHOR.lastIndex = at + 1
    if (at < from) continue
    let w = at
    if (w > from && (text[w - 1] === '“' || text[w - 1] === '"')) w--
    if (w > from && text[w - 1] === '在') w--
    const spaceEnd = w
    while (w > from && isTrimmedSpace(text.charCodeAt(w - 1))) w--
    const spaceStart = w
    let found: RegExpExecArray | null = null
    let p = Math.max(from, w - 3)
    for (; p <= at; p++) {
      const inSpace = p > spaceStart && p < spaceEnd
      if (inSpace && !isLineEnd(text.charCodeAt(p - 1))) continue
      const re = inSpace ? AT_IN_SPACE : AT
      re.lastIndex = p
      found = re.exec(text)
      if (found !== null) break
    }
    if (found === null) {
      from = at + 1
      continue
    }
    out.push(found)
    from = p + found[0].length
    ANCHOR.lastIndex = Math.max(from, at + 1)
  }
  return out
}
