/**
 * Issue 14: the headless command at 20k, 100k and 300k school parts (the sizes from BENCH_SCALE,
 * comma-separated), wall time and peak RSS of the real command in a child process, and at the
 * smallest size the pandas + openpyxl values-only peer (bench/peer_audit.py, Debian's
 * python3-pandas and python3-openpyxl) timed against ours in interleaved pairs on the same file.
 * The workbooks are written by SheetJS (bench/big-sheetjs.ts) in a child process: ExcelJS cannot
 * build 300k schools in memory.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { makeTempDir } from "../test/support/tmp";
import { runAuditCommand, runNode } from "./big-run";
import type { BenchFigure } from "./types";

const SECTION = "scale";
const GENERATOR = path.join(__dirname, "big-sheetjs.ts");
const PEER = path.join(__dirname, "peer_audit.py");
/** Debian's interpreter: python3-pandas and python3-openpyxl are installed for it. */
const PYTHON = process.env.BENCH_PYTHON ?? "/usr/bin/python3";
const PAIRS = Number(process.env.BENCH_PAIRS ?? 2);

const mb = (bytes: number) => bytes / 2 ** 20;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function sizes(): number[] {
  return (process.env.BENCH_SCALE ?? "20000,100000,300000").split(",").map((s) => Number(s.trim()));
}

/** Why the peer cannot run here (no interpreter, or pandas / openpyxl missing), or null when it can. */
function peerMissing(): string | null {
  const probe = spawnSync(PYTHON, ["-c", "import pandas, openpyxl"], {
    timeout: 60_000,
    encoding: "utf8",
  });
  if (probe.error) return `${PYTHON} not found (${probe.error.message})`;
  if (probe.status !== 0)
    return `${PYTHON} lacks pandas or openpyxl: ${probe.stderr.trim().split("\n").pop()}`;
  return null;
}

/** Our command on `input`: wall time and peak RSS (exit code must be 0). */
async function ours(
  input: string,
  output: string,
  dir: string
): Promise<{ wallMs: number; maxRssMb: number }> {
  const rssFile = path.join(dir, "rss.json");
  const { wallMs } = await runAuditCommand([input, "--out", output], rssFile);
  if (!existsSync(output)) throw new Error(`the headless command wrote no ${output}`);
  const { maxRssMb } = JSON.parse(readFileSync(rssFile, "utf8")) as { maxRssMb: number };
  return { wallMs, maxRssMb };
}

/** The peer on `input`: wall time (its own process) and its peak RSS. */
function peer(input: string, output: string): Promise<{ wallMs: number; maxRssMb: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(PYTHON, [PEER, input, output], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => {
      const wallMs = performance.now() - started;
      if (code !== 0) return reject(new Error(`peer exited ${code}: ${stderr.slice(-1000)}`));
      const line = JSON.parse(stdout.trim().split("\n").pop()!) as { maxRssMb: number };
      resolve({ wallMs, maxRssMb: line.maxRssMb });
    });
  });
}

export async function run(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  const add = (name: string, value: number, unit: string, target?: string, met?: boolean) =>
    figures.push({
      section: SECTION,
      name,
      value,
      unit,
      ...(target === undefined ? {} : { target, met }),
    });
  const dir = makeTempDir("bench-scale");
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  const all = sizes();
  for (const schools of all) {
    const n = schools.toLocaleString("en-US");
    const input = path.join(dir, `city-${schools}.xlsx`);
    const output = path.join(dir, `city-${schools}.audit.xlsx`);
    process.stderr.write(`bench: scale ${n} …\n`);
    await runNode([GENERATOR, input, String(schools)]);
    add(`${n} schools: input workbook size`, mb(statSync(input).size), "MB");

    const missing = schools === all[0] ? peerMissing() : null;
    if (missing) {
      // Said in the output, not a crash: the rest of the section still runs.
      process.stderr.write(
        `bench: scale: the pandas + openpyxl peer is MISSING (${missing}); ` +
          "install it with `apt-get install -y python3-pandas python3-openpyxl` (or set BENCH_PYTHON). " +
          `The ${n}-school comparison is skipped.\n`
      );
      add(
        `${n} schools: peer (pandas + openpyxl) MISSING, comparison skipped`,
        0,
        "runs",
        "peer installed",
        false
      );
    }
    if (schools === all[0] && !missing) {
      const oursRuns: { wallMs: number; maxRssMb: number }[] = [];
      const peerRuns: { wallMs: number; maxRssMb: number }[] = [];
      for (let i = 0; i < PAIRS; i++) {
        oursRuns.push(await ours(input, output, dir));
        peerRuns.push(await peer(input, path.join(dir, "peer.xlsx")));
      }
      const oursWall = median(oursRuns.map((r) => r.wallMs));
      const peerWall = median(peerRuns.map((r) => r.wallMs));
      const oursRss = Math.max(...oursRuns.map((r) => r.maxRssMb));
      add(
        `${n} schools: ours, npm run audit wall (median of ${PAIRS}, interleaved with the peer)`,
        oursWall,
        "ms",
        `≤ ${Math.round(peerWall / 2)} ms (half the peer)`,
        oursWall <= peerWall / 2
      );
      add(
        `${n} schools: peer, pandas + openpyxl values-only audit wall (median of ${PAIRS})`,
        peerWall,
        "ms"
      );
      add(
        `${n} schools: ratio peer / ours`,
        peerWall / oursWall,
        "x",
        "≥ 2",
        peerWall / oursWall >= 2
      );
      add(`${n} schools: ours, peak RSS`, oursRss, "MB", "≤ 300 MB", oursRss <= 300);
      add(`${n} schools: peer, peak RSS`, Math.max(...peerRuns.map((r) => r.maxRssMb)), "MB");
      add(`${n} schools: audited workbook size`, mb(statSync(output).size), "MB");
      continue;
    }
    const run = await ours(input, output, dir);
    const last = schools >= 300_000; // the province target
    add(
      `${n} schools: ours, npm run audit wall (exit 0)`,
      run.wallMs,
      "ms",
      last ? "< 300 s" : undefined,
      last ? run.wallMs < 300_000 : undefined
    );
    add(
      `${n} schools: ours, peak RSS`,
      run.maxRssMb,
      "MB",
      last ? "≤ 2048 MB" : undefined,
      last ? run.maxRssMb <= 2048 : undefined
    );
    add(`${n} schools: audited workbook size`, mb(statSync(output).size), "MB");
    rmSync(output, { force: true });
    rmSync(input, { force: true });
  }
  return figures;
}

if (require.main === module) {
  run().then((figures) => console.table(figures));
}
