/** Rule settings that turn every built-in rule off except `id` (at `severity`). */
export async function onlyRule(id: string, severity: 'warn' | 'error' = 'warn'): Promise<Record<string, 'off' | 'warn' | 'error'>> {
  const { getRules } = await import('../../src/index.js')
  return Object.fromEntries([...getRules().keys()].map((k) => [k, k === id ? severity : 'off']))
}
