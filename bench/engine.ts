import { audit, type SchoolRecord, type Stage } from "../src/engine";
import { mulberry32 } from "../scripts/prng";
import type { BenchFigure } from "./types";

/** `parts` single-stage school records with counts spread around the thresholds. */
export function generateRecords(parts: number, seed = 1): SchoolRecord[] {
  const random = mulberry32(seed);
  const records: SchoolRecord[] = [];
  for (let i = 0; i < parts; i++) {
    const stage: Stage = i % 3 === 2 ? "junior" : "primary";
    const pupils = 50 + Math.floor(random() * 2400);
    const f = () => 0.7 + random() * 1.2;
    records.push({
      name: `学校${i + 1}`,
      county: `县${Math.floor(i / 300) + 1}`,
      kind: stage,
      stages: {
        [stage]: {
          pupils,
          teachers: {
            aboveDegree: Math.round((5 * f() * pupils) / 100),
            backbone: Math.round((1.1 * f() * pupils) / 100),
            pe: Math.round((0.4 * f() * pupils) / 100),
            music: Math.round((0.3 * f() * pupils) / 100),
            art: Math.round((0.3 * f() * pupils) / 100),
          },
        },
      },
      facilities: {
        teachingArea: 5 * f() * pupils,
        sportsArea: 9 * f() * pupils,
        equipmentValue: 2300 * f() * pupils,
        multimediaRooms: Math.round((2.5 * f() * pupils) / 100),
      },
      source: { sheet: "学校", row: i + 4 },
    });
  }
  return records;
}

interface Timing {
  ms: number;
  /** CPU time of the process (all its threads, the garbage collector's included): on a shared machine less noisy than wall time. */
  cpuMs: number;
  heapMb: number;
  /** Heap the result keeps once garbage is collected. */
  retainedMb: number;
}

function timeAudit(records: SchoolRecord[]): Timing {
  audit(records.slice(0, 1000)); // warm up the JIT
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const cpuBefore = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = audit(records);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(cpuBefore);
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  if (result.schools.length !== records.length)
    throw new Error("bench: not every school was audited");
  global.gc?.();
  const retainedMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, heapMb, retainedMb };
}

/** Targets by size: issue 7's 100,000 parts < 300 ms, issue 14's 200,000 parts < 200 ms. */
const TARGET_MS: Record<number, number> = { 100_000: 300, 200_000: 200 };

/** Section 1: the engine at 1,000 … 200,000 school parts; time should grow linearly. */
export async function run(sizes = [1_000, 10_000, 100_000, 200_000]): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  let perPartAtSmallest: number | undefined;
  for (const size of sizes) {
    const records = generateRecords(size);
    const best = [0, 1, 2].map(() => timeAudit(records)).sort((a, b) => a.ms - b.ms)[0];
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
