/**
 * Loaded with `node --import tsx --import bench/rss-on-exit.ts …`: as the process exits, writes its
 * peak resident memory (getrusage ru_maxrss, what /usr/bin/time -v reports) to $BENCH_RSS_FILE.
 */
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => {
    // maxRSS is in kilobytes.
    writeFileSync(file, JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  });
}
