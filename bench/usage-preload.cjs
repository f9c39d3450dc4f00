// Preloaded (`node --require bench/usage-preload.cjs …`) into every process the benchmark
// spawns: on exit, appends one JSON line with the process's CPU time (all threads, workers
// included) and peak RSS to the file named by $PLANLINT_BENCH_USAGE.
'use strict'
const fs = require('node:fs')
const out = process.env.PLANLINT_BENCH_USAGE
if (out) {
  process.on('exit', () => {
    const u = process.resourceUsage()
    fs.appendFileSync(out, JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssKb: u.maxRSS }) + '\n')
  })
}
