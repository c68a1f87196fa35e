/**
 * Where the heap goes along the headless pipeline: `process.memoryUsage()` after a forced GC at
 * each step of the command's flow (grids read → records read → audited → plan laid out →
 * written), with the peak RSS so far (getrusage, read before each GC), so the live data of each
 * step stands apart from the garbage and heap growth that make the peak. The steps are the
 * command's own (src/cli/pipeline.ts), each wrapped to probe. Not part of `npm run bench`: the
 * forced GCs lower the peak.
 * Usage: node --expose-gc --import tsx bench/memory-probe.ts input.xlsx output.xlsx
 */
import { resolveSettings } from "../src/engine";
import { runAudit, type FlowSteps } from "../src/flow/auditFlow";
import { openWorkbookSource, type WorkbookSource } from "../src/hosts/file/source";
import { readSheets } from "../src/sheets";

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

interface Probe {
  point: string;
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  peakRssMb: number;
  seconds: number;
}

const started = performance.now();
const probes: Probe[] = [];

/** Collects (twice: weak and finalised objects) and records the memory still held. */
function probe(point: string): void {
  const peakRssMb = mb(process.resourceUsage().maxRSS * 1024); // before the GC shrinks anything
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with node --expose-gc");
  gc();
  gc();
  const m = process.memoryUsage();
  probes.push({
    point,
    rssMb: mb(m.rss),
    heapUsedMb: mb(m.heapUsed),
    heapTotalMb: mb(m.heapTotal),
    externalMb: mb(m.external),
    peakRssMb,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  });
}

async function main(): Promise<void> {
  const [input, out] = process.argv.slice(2);
  probe("start");
  let source: WorkbookSource | undefined;
  const steps: FlowSteps = {
    readGrids: async () => {
      source = await openWorkbookSource(input);
      const grids = source.grids;
      source.grids = [];
      probe(`grids read (${grids.reduce((n, g) => n + g.rows.length, 0)} rows)`);
      return grids;
    },
    readSheets: (grids, options) => {
      const read = readSheets(grids, options);
      probe(`records read (${read.records.length}), grids still held`);
      return read;
    },
    writePlan: async (plan, onProgress) => {
      probe("audited, plan laid out (entering write)");
      let first = true;
      const written = await source!.writeAudit(plan, out, (done, total) => {
        if (first) probe("first audit sheet written");
        first = false;
        onProgress(done, total);
      });
      probe("written (plan still held)");
      return written.sheetNames;
    },
    now: () => new Date(),
    keepRecords: false,
  };
  let audited = false;
  const run = await runAudit(steps, resolveSettings(undefined), [], (progress) => {
    if (progress.step === "audit") probe("entering audit (grids let go)");
    if (progress.step === "write" && !audited) {
      audited = true;
      probe("audited (entering plan)");
    }
  });
  probe(`run returned (result held: ${run.result.schools.length} school parts)`);
  console.table(probes);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
