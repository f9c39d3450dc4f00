/**
 * Runs in which loaded configs and presets are trusted without checking the files on disk
 * again. Outside one (the library's default) they are checked at every use, so a
 * long-running process such as the language server sees an edited file at once. The CLI
 * lints inside one, as ESLint does: a run is one snapshot of its configs and presets, and
 * checking them for every file cost ~20 stats per file (two config names in every folder
 * up to /, the preset chain's and the unit dictionary's modification times).
 */
let run = 0
let active = false

/** Starts a trusted run; returns the function that ends it. What it trusted is not trusted by a later run. */
export function beginTrustedRun(): () => void {
  run++
  active = true
  const mine = run
  return () => {
    if (run === mine) active = false
  }
}

/** The current trusted run's number, or undefined outside one. */
export function trustedRun(): number | undefined {
  return active ? run : undefined
}
