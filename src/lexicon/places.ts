/**
 * Administrative divisions as plan texts name them: the suffix that makes a name a place
 * (江西省, 景德镇市, 宁夏回族自治区, 海淀区), and the place names a jurisdiction goes by.
 */

/**
 * Suffixes of a division at province, prefecture and county level, as one regex alternation
 * (longer ones first where one ends another: 自治区 before 区).
 */
export const DIVISION_SUFFIXES = ['特别行政区', '自治区', '自治州', '自治县', '地区', '省', '市', '州', '盟', '区', '县', '旗'] as const
/** Suffixes of a township-level division: 镇, 乡, 街道. */
export const TOWNSHIP_SUFFIXES = ['街道', '镇', '乡'] as const

/** `特别行政区|自治区|…|旗`: any division suffix (without township level), for a regex. */
export const DIVISION_SUFFIX = DIVISION_SUFFIXES.join('|')
/** Any division suffix including the township level, for a regex. */
export const PLACE_SUFFIX = [...DIVISION_SUFFIXES, ...TOWNSHIP_SUFFIXES].join('|')

const TRAILING_DIVISION = new RegExp(`(?:${DIVISION_SUFFIX})$`)

/** The name without its division suffix: 乐平市 → 乐平, 宁夏回族自治区 → 宁夏回族, 南沙 → 南沙. */
export function withoutDivisionSuffix(name: string): string {
  return name.replace(TRAILING_DIVISION, '')
}

/**
 * The one character a place calls itself by (全县, 本区, 全州): the last character of its
 * name — 江西省 → 省, 宁夏回族自治区 → 区, 恩施土家族苗族自治州 → 州.
 */
export function selfReferenceLevel(name: string): string {
  return name.slice(-1)
}

/** The jurisdiction's names as a unit may start with them: 乐平市 and 乐平. */
export function placeNamesOf(parts: string[]): string[] {
  return parts.flatMap((p) => [p, withoutDivisionSuffix(p)]).filter((s) => s.length >= 2)
}
