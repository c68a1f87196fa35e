/**
 * `npm run bench`: every benchmark section, a table on stdout and the figures in
 * bench/results.json. Timings live here, never in `npm test`.
 * Usage: npm run bench [-- --only engine,reader] [--out bench/results.json] [--schools N]
 *   --only a,b     run only these sections (names below: engine, reader, report, functions,
 *                  excel-host, headless, libreoffice-peer, scale)
 *   --out file     where the JSON goes (default bench/results.json, git-ignored)
 *   --schools N    school parts in the generated city workbook of "headless" and
 *                  "libreoffice-peer" (default 20000; also env BENCH_SCHOOLS=N)
 *   BENCH_SCALE=20000,100000,300000   the sizes of the "scale" section (BENCH_PAIRS pairs
 *                  of ours and the pandas + openpyxl peer at the first size)
 * The results record the machine and its load average before and after the run: a loaded
 * machine slows every figure.
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BenchFigure } from "./types";

type Section = { name: string; load: () => Promise<{ run: () => Promise<BenchFigure[]> }> };

const SECTIONS: Section[] = [
  { name: "engine", load: () => import("./engine") },
  { name: "reader", load: () => import("./reader") },
  { name: "report", load: () => import("./report") },
  { name: "functions", load: () => import("./functions") },
  { name: "excel-host", load: () => import("./excelHost") },
  { name: "headless", load: () => import("./headless") },
  { name: "libreoffice-peer", load: () => import("./libreoffice-peer") },
  { name: "scale", load: () => import("./scale") },
];

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function printTable(figures: BenchFigure[]): void {
  const rows = figures.map((f) => [
    f.section,
    f.name,
    `${Number.isInteger(f.value) ? f.value : f.value < 10 ? f.value.toFixed(3) : f.value.toFixed(1)} ${f.unit}`,
    f.target ?? "",
    f.met === undefined ? "" : f.met ? "met" : "MISSED",
  ]);
  const header = ["section", "figure", "value", "target", ""];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  rows.forEach((r) => console.log(line(r)));
}

async function main(): Promise<void> {
  const only = argValue("--only")?.split(",");
  const out = argValue("--out") ?? path.join(__dirname, "results.json");
  const figures: BenchFigure[] = [];
  const loadBefore = os.loadavg();
  for (const section of SECTIONS) {
    if (only && !only.includes(section.name)) continue;
    process.stderr.write(`bench: ${section.name} …\n`);
    figures.push(...(await (await section.load()).run()));
  }
  printTable(figures);
  const machine = {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "",
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadAverage: { before: loadBefore, after: os.loadavg() },
  };
  writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), machine, figures }, null, 2));
  console.log(`\nfigures written to ${out}`);
}

main().catch((error) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
