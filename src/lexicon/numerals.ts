/** Chinese and full-width numerals, as plans write them. */

const CN_DIGITS: Record<string, number> = {
  〇: 0, '○': 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
}

/** 一 → 1, 十二 → 12, 二十 → 20, 二十三 → 23. Returns 0 for anything else. */
export function chineseNumber(s: string): number {
  if (s === '') return 0
  if (s.length === 1 && s in CN_DIGITS) return CN_DIGITS[s]!
  const ten = s.indexOf('十')
  if (ten === -1) return 0
  const tens = ten === 0 ? 1 : CN_DIGITS[s.slice(0, ten)] ?? 0
  const unitsStr = s.slice(ten + 1)
  const units = unitsStr === '' ? 0 : CN_DIGITS[unitsStr] ?? -100
  const n = tens * 10 + units
  return n > 0 ? n : 0
}

/** Full-width digits to ASCII. */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
}

/**
 * A year written in Arabic digits or digit by digit in Chinese numerals: `2022` → 2022,
 * `二〇二二` / `二○二二` → 2022. Returns NaN when a character is not a digit.
 */
export function yearNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s)
  let n = 0
  for (const c of s) {
    const d = CN_DIGITS[c]
    if (d === undefined || c === '两') return NaN
    n = n * 10 + d
  }
  return s === '' ? NaN : n
}
