/**
 * Loaded with `node --require bench/rss-on-exit.js scripts/audit.js …` (plain CommonJS, so the
 * command under test runs without tsx): as the process exits, writes its peak resident memory
 * (getrusage ru_maxrss, what /usr/bin/time -v reports) to $BENCH_RSS_FILE.
 */
const { writeFileSync } = require("node:fs");

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => {
    // maxRSS is in kilobytes.
    writeFileSync(file, JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  });
}
