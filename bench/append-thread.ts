/**
 * The package write alone, on the main thread and with the sheet thread, back to back on one plan
 * (the thread hands each sheet's rows back, so the plan is written again and again): wall and
 * process CPU of appendAuditToPackage in interleaved pairs, and the medians.
 * Usage: node --no-allocation-site-pretenuring --import tsx bench/append-thread.ts input.xlsx out-folder [pairs]
 * (from the sources the thread starts through tsx, ~100 ms instead of ~30 ms from the bundle).
 */
import * as path from "path";
import { appendAuditToPackage } from "../src/hosts/file/package/append";
import { STORED_SLAB_BYTES } from "../src/hosts/file/package/pack-codec";
import type { ThreadUse } from "../src/hosts/file/package/sheet-thread";
import { planOfFile } from "../test/support/filePlan";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

async function main(): Promise<void> {
  const [input, outDir, pairsArg] = process.argv.slice(2);
  const pairs = Number(pairsArg ?? 7);
  const plan = await planOfFile(input, STORED_SLAB_BYTES); // as the command lays out
  const figures: Record<ThreadUse, { wall: number[]; cpu: number[] }> = {
    main: { wall: [], cpu: [] },
    auto: { wall: [], cpu: [] },
    thread: { wall: [], cpu: [] },
  };
  for (let i = 0; i < pairs; i++) {
    for (const thread of i % 2 === 0 ? (["main", "auto"] as const) : (["auto", "main"] as const)) {
      const cpu = process.cpuUsage();
      const started = performance.now();
      await appendAuditToPackage(input, plan, path.join(outDir, `${thread}.xlsx`), undefined, {
        thread,
      });
      const used = process.cpuUsage(cpu);
      figures[thread].wall.push(performance.now() - started);
      figures[thread].cpu.push((used.user + used.system) / 1000);
    }
  }
  for (const thread of ["main", "auto"] as const) {
    const { wall, cpu } = figures[thread];
    console.log(
      `${thread}: wall ${Math.round(median(wall))} ms, CPU ${Math.round(median(cpu))} ms (median of ${pairs}); walls ${wall.map(Math.round).join(" ")}`
    );
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
