/**
 * A small line-based unified diff (the format `diff -u` and `git diff` print), used by
 * `--fix-dry-run` to show what `--fix` would change. Lines are compared after trimming the
 * common head and tail; the middle is aligned by longest common subsequence, or replaced
 * wholesale when it is too large to align cheaply.
 */

type Op = { kind: ' ' | '-' | '+'; text: string; a: number; b: number }

const MAX_CELLS = 4_000_000

function align(a: string[], b: string[]): Op[] {
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
  const ops: Op[] = []
  for (let i = 0; i < head; i++) ops.push({ kind: ' ', text: a[i]!, a: i, b: i })
  const am = a.slice(head, a.length - tail)
  const bm = b.slice(head, b.length - tail)
  if (am.length * bm.length <= MAX_CELLS && am.length > 0 && bm.length > 0) {
    const n = am.length
    const m = bm.length
    // lcs[i][j] = LCS length of am[i..] and bm[j..], flattened.
    const lcs = new Uint32Array((n + 1) * (m + 1))
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * (m + 1) + j] =
          am[i] === bm[j] ? lcs[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!)
      }
    }
    let i = 0
    let j = 0
    while (i < n || j < m) {
      if (i < n && j < m && am[i] === bm[j]) {
        ops.push({ kind: ' ', text: am[i]!, a: head + i, b: head + j })
        i++
        j++
      } else if (j >= m || (i < n && lcs[(i + 1) * (m + 1) + j]! >= lcs[i * (m + 1) + j + 1]!)) {
        ops.push({ kind: '-', text: am[i]!, a: head + i, b: head + j })
        i++
      } else {
        ops.push({ kind: '+', text: bm[j]!, a: head + i, b: head + j })
        j++
      }
    }
  } else {
    am.forEach((text, i) => ops.push({ kind: '-', text, a: head + i, b: head }))
    bm.forEach((text, j) => ops.push({ kind: '+', text, a: head + am.length, b: head + j }))
  }
  for (let k = 0; k < tail; k++) {
    ops.push({ kind: ' ', text: a[a.length - tail + k]!, a: a.length - tail + k, b: b.length - tail + k })
  }
  return ops
}

function splitLines(s: string): string[] {
  if (s === '') return []
  const lines = s.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}

/**
 * Unified diff of `before` → `after` with `context` lines around each change; '' when
 * they are equal.
 */
export function unifiedDiff(before: string, after: string, fileA: string, fileB = fileA, context = 3): string {
  if (before === after) return ''
  const ops = align(splitLines(before), splitLines(after))
  const changed = ops.map((op, i) => (op.kind === ' ' ? -1 : i)).filter((i) => i >= 0)
  const out = [`--- ${fileA}`, `+++ ${fileB}`]
  let k = 0
  while (k < changed.length) {
    const start = Math.max(0, changed[k]! - context)
    let end = Math.min(ops.length, changed[k]! + context + 1)
    while (k + 1 < changed.length && changed[k + 1]! - context <= end) {
      k++
      end = Math.min(ops.length, changed[k]! + context + 1)
    }
    k++
    const hunk = ops.slice(start, end)
    const aCount = hunk.filter((o) => o.kind !== '+').length
    const bCount = hunk.filter((o) => o.kind !== '-').length
    const aStart = aCount === 0 ? hunk[0]!.a : hunk[0]!.a + 1
    const bStart = bCount === 0 ? hunk[0]!.b : hunk[0]!.b + 1
    out.push(`@@ -${aStart},${aCount} +${bStart},${bCount} @@`)
    for (const op of hunk) out.push(op.kind + op.text)
  }
  return out.join('\n') + '\n'
}
