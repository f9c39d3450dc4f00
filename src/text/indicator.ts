/** An indicator as compared across plans: without 的 and white space (公民具备科学素质(的)比例). */
export function normIndicator(s: string): string {
  return s.replace(/[的\s]/g, '')
}
