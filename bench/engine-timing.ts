/**
 * The engine section's workload and its timing: generated school records and one timed audit.
 * Run from a bundle by bench/engine-child.ts, so the figures are those of the engine as shipped.
 */
import { audit, type SchoolRecord, type Stage } from "../src/engine";
import { mulberry32 } from "../scripts/prng";

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

export interface Timing {
  ms: number;
  /** CPU time of the process (all its threads, the garbage collector's included): on a shared machine less noisy than wall time. */
  cpuMs: number;
  heapMb: number;
  /** Heap the result keeps once garbage is collected. */
  retainedMb: number;
}

/** Audits the records once (after a short warm-up) and measures that run. */
export function timeAudit(records: SchoolRecord[]): Timing {
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
