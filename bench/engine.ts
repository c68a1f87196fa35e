import { execFileSync } from "node:child_process";
import path from "node:path";
import { buildSync } from "esbuild";
import type { Timing } from "./engine-timing";
import type { BenchFigure } from "./types";

export { generateRecords } from "./engine-timing";

const CHILD_ENTRY = path.join(__dirname, "engine-child.ts");
const CHILD_BUNDLE = path.join(__dirname, "..", "build", "bench", "engine-child.js");

/** Bundles the child as esbuild bundles the command (packages stay in node_modules). */
function bundleChild(): void {
  buildSync({
    entryPoints: [CHILD_ENTRY],
    bundle: true,
    platform: "node",
    target: "node20",
    packages: "external",
    outfile: CHILD_BUNDLE,
    logLevel: "warning",
  });
}

/** The fastest of three audits of `parts` generated parts, in a fresh process running the bundle. */
function timeBundledAudit(parts: number): Timing {
  const out = execFileSync(process.execPath, ["--expose-gc", CHILD_BUNDLE, String(parts)], {
    encoding: "utf8",
  });
  return JSON.parse(out.trim().split("\n").pop()!) as Timing;
}

/** Targets by size: issue 7's 100,000 parts < 300 ms, issue 14's 200,000 parts < 200 ms. */
const TARGET_MS: Record<number, number> = { 100_000: 300, 200_000: 200 };

/**
 * Section 1: the engine at 1,000 … 200,000 school parts, bundled as shipped (engine-child.ts says
 * why not under tsx); time should grow linearly.
 */
export async function run(sizes = [1_000, 10_000, 100_000, 200_000]): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  let perPartAtSmallest: number | undefined;
  bundleChild();
  for (const size of sizes) {
    const best = timeBundledAudit(size);
    const perPartUs = (best.ms * 1000) / size;
    perPartAtSmallest ??= perPartUs;
    const target = TARGET_MS[size];
    figures.push({
      section: "engine",
      name: `audit ${size.toLocaleString("en-US")} parts`,
      value: best.ms,
      unit: "ms",
      ...(target ? { target: `< ${target} ms`, met: best.ms < target } : {}),
    });
    figures.push({
      section: "engine",
      name: `CPU time of that run, ${size.toLocaleString("en-US")} parts`,
      value: best.cpuMs,
      unit: "ms",
    });
    figures.push({
      section: "engine",
      name: `heap growth, ${size.toLocaleString("en-US")} parts`,
      value: best.heapMb,
      unit: "MB",
    });
    figures.push({
      section: "engine",
      name: `heap the result keeps (after GC), ${size.toLocaleString("en-US")} parts`,
      value: best.retainedMb,
      unit: "MB",
    });
    figures.push({
      section: "engine",
      name: `time per part, ${size.toLocaleString("en-US")} parts`,
      value: perPartUs,
      unit: "µs",
      ...(size === sizes[sizes.length - 1]
        ? {
            target: "linear (≤ 2× the per-part time of the smallest size)",
            met: perPartUs <= 2 * perPartAtSmallest,
          }
        : {}),
    });
  }
  return figures;
}
