/** Place names as units and self-references use them. */

/** The jurisdiction's names as a unit may start with them: 乐平市 and 乐平. */
export function placeNamesOf(parts: string[]): string[] {
  // 乐平市 → 乐平, 南沙区 → 南沙; both the short and the full forms
  return parts.flatMap((p) => [p, p.replace(/(自治区|自治州|自治县|省|市|州|盟|地区|区|县|旗)$/, '')]).filter((s) => s.length >= 2)
}
