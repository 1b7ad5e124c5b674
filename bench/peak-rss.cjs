// Preloaded by bench/run.mjs (node --require bench/peak-rss.cjs ...) in a separate, untimed run
// of a case: when the process exits, it writes its peak resident set size, in KB
// (process.resourceUsage().maxRSS), to the file named by NSM_BENCH_RSS_FILE.
'use strict';

const file = process.env.NSM_BENCH_RSS_FILE;
if (file) {
  // getBuiltinModule rather than require: nothing is loaded that nsm itself would not load.
  const { writeFileSync } = process.getBuiltinModule('node:fs');
  process.on('exit', () => {
    writeFileSync(file, `${process.resourceUsage().maxRSS}\n`);
  });
}
