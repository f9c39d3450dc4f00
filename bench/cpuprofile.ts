/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per function and per
 * file, largest first — what to look at before optimising anything.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof bin/planlint.js plan.txt
 *   node dist/bench/cpuprofile.js /tmp/prof/*.cpuprofile [--top 30] [--filter dist/]
 */
import { readFileSync } from 'node:fs'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
  startTime: number
  endTime: number
}

export interface SelfTime {
  name: string
  ms: number
}

/** Self time per function (`name file:line`) and per file, in milliseconds, largest first. */
export function summarise(profile: Profile): { total: number; functions: SelfTime[]; files: SelfTime[]; inclusive: SelfTime[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const selfUs = new Map<number, number>()
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))
  const fn = new Map<string, number>()
  const file = new Map<string, number>()
  for (const [id, us] of selfUs) {
    const f = byId.get(id)!.callFrame
    const url = f.url.replace(/^file:\/\//, '').replace(/^.*\/(node_modules|dist|src|bench)\//, '$1/')
    const key = `${f.functionName || '(anonymous)'} ${url || '(native)'}:${f.lineNumber + 1}`
    fn.set(key, (fn.get(key) ?? 0) + us / 1000)
    const fk = url || f.functionName
    file.set(fk, (file.get(fk) ?? 0) + us / 1000)
  }
  // inclusive time per function: a node's own samples plus its subtree, counted once per
  // function on a path (recursion is not counted twice)
  const total = new Map<string, number>()
  const keyOf = (n: ProfileNode): string => {
    const f = n.callFrame
    const url = f.url.replace(/^file:\/\//, '').replace(/^.*\/(node_modules|dist|src|bench)\//, '$1/')
    return `${f.functionName || '(anonymous)'} ${url || '(native)'}:${f.lineNumber + 1}`
  }
  const root = profile.nodes[0]!
  const walk = (n: ProfileNode, active: Set<string>): number => {
    let sum = (selfUs.get(n.id) ?? 0) / 1000
    const key = keyOf(n)
    const fresh = !active.has(key)
    if (fresh) active.add(key)
    for (const c of n.children ?? []) sum += walk(byId.get(c)!, active)
    if (fresh) {
      active.delete(key)
      total.set(key, (total.get(key) ?? 0) + sum)
    }
    return sum
  }
  walk(root, new Set())
  const sorted = (m: Map<string, number>): SelfTime[] =>
    [...m].map(([name, ms]) => ({ name, ms: Math.round(ms * 100) / 100 })).sort((a, b) => b.ms - a.ms)
  return { total: (profile.endTime - profile.startTime) / 1000, functions: sorted(fn), files: sorted(file), inclusive: sorted(total) }
}

if (process.argv[1] && /cpuprofile\.(js|ts)$/.test(process.argv[1])) {
  const args = process.argv.slice(2)
  const topAt = args.indexOf('--top')
  const top = topAt >= 0 ? Number(args[topAt + 1]) : 25
  const filterAt = args.indexOf('--filter')
  const filter = filterAt >= 0 ? args[filterAt + 1]! : ''
  const files = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--top' && args[i - 1] !== '--filter')
  for (const f of files) {
    const s = summarise(JSON.parse(readFileSync(f, 'utf8')) as Profile)
    console.log(`${f}: ${s.total.toFixed(1)} ms profiled`)
    console.log('  self time by function:')
    for (const t of s.functions.filter((x) => x.name.includes(filter)).slice(0, top)) console.log(`  ${t.ms.toFixed(2).padStart(9)} ms  ${t.name}`)
    console.log('  inclusive time by function:')
    for (const t of s.inclusive.filter((x) => x.name.includes(filter)).slice(0, top)) console.log(`  ${t.ms.toFixed(2).padStart(9)} ms  ${t.name}`)
    console.log('  self time by file:')
    for (const t of s.files.filter((x) => x.name.includes(filter)).slice(0, top)) console.log(`  ${t.ms.toFixed(2).padStart(9)} ms  ${t.name}`)
  }
}
