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

function timeAudit(records: SchoolRecord[]): { ms: number; heapMb: number } {
  audit(records.slice(0, 1000)); // warm up the JIT
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = process.hrtime.bigint();
  const result = audit(records);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  if (result.schools.length !== records.length)
    throw new Error("bench: not every school was audited");
  return { ms, heapMb };
}

/** Section 1: the engine at 1,000 … 200,000 school parts; time should grow linearly. */
export async function run(sizes = [1_000, 10_000, 100_000, 200_000]): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  let perPartAtSmallest: number | undefined;
  for (const size of sizes) {
    const records = generateRecords(size);
    const best = [0, 1, 2].map(() => timeAudit(records)).sort((a, b) => a.ms - b.ms)[0];
    const perPartUs = (best.ms * 1000) / size;
    perPartAtSmallest ??= perPartUs;
    const target = size === 100_000 ? "< 300 ms" : undefined;
    figures.push({
      section: "engine",
      name: `audit ${size.toLocaleString("en-US")} parts`,
      value: best.ms,
      unit: "ms",
      ...(target ? { target, met: best.ms < 300 } : {}),
    });
    figures.push({
      section: "engine",
      name: `heap growth, ${size.toLocaleString("en-US")} parts`,
      value: best.heapMb,
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
