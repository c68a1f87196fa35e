/**
 * How long the report takes to lay out a large county, and how big the plan is: the Office.js
 * host writes it in chunks, so the cell count is what its round-trips grow with.
 */
import { audit, type SchoolRecord } from "../src/engine";
import { buildPlan } from "../src/report";
import type { BenchFigure } from "./types";

/** A county of `n` single-stage schools and n/10 nine-year schools, each with source cells. */
function county(n: number): SchoolRecord[] {
  const records: SchoolRecord[] = [];
  for (let i = 0; i < n; i++) {
    const stage = i % 3 === 0 ? "junior" : "primary";
    const row = 5 + i;
    const pupils = 300 + ((i * 37) % 1500);
    records.push({
      name: `学校${i + 1}`,
      kind: stage,
      stages: {
        [stage]: {
          pupils,
          teachers: {
            aboveDegree: Math.round(pupils / 19),
            backbone: Math.round(pupils / 90),
            pe: 3,
            music: 2,
            art: 2,
          },
        },
      },
      facilities: {
        teachingArea: pupils * 5,
        sportsArea: pupils * 9,
        equipmentValue: pupils * 2600,
        multimediaRooms: Math.round(pupils / 40),
      },
      source: {
        sheet: stage === "junior" ? "初中" : "小学",
        row,
        cells: Object.fromEntries(
          [
            ["name", "B"],
            [`pupils.${stage}`, "C"],
            [`teachers.${stage}.aboveDegree`, "D"],
            [`teachers.${stage}.backbone`, "E"],
            [`teachers.${stage}.pe`, "F"],
            [`teachers.${stage}.music`, "G"],
            [`teachers.${stage}.art`, "H"],
            ["facilities.teachingArea", "I"],
            ["facilities.sportsArea", "J"],
            ["facilities.equipmentValue", "K"],
            ["facilities.multimediaRooms", "L"],
          ].map(([f, c]) => [f, `${c}${row}`])
        ),
        factors: { "facilities.equipmentValue": 10000 },
      },
    });
  }
  for (let i = 0; i < n / 10; i++) {
    const row = 5 + i;
    records.push({
      name: `九年一贯制${i + 1}`,
      kind: "nineYear",
      stages: {
        primary: {
          pupils: 600,
          teachers: { aboveDegree: 30, backbone: 7, pe: 3, music: 2, art: 2 },
        },
        junior: {
          pupils: 400,
          teachers: { aboveDegree: 24, backbone: 5, pe: 2, music: 1, art: 1 },
        },
      },
      facilities: {
        teachingArea: 6000,
        sportsArea: 10000,
        equipmentValue: 2600000,
        multimediaRooms: 30,
      },
      source: {
        sheet: "一贯制",
        row,
        cells: {
          name: `B${row}`,
          "pupils.primary": `C${row}`,
          "pupils.junior": `D${row}`,
          "facilities.teachingArea": `L${row}`,
        },
      },
    });
  }
  return records;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function run(): Promise<BenchFigure[]> {
  const records = county(500);
  const result = audit(records);
  const times: number[] = [];
  let plan = buildPlan({ result, records, auditedAt: new Date() });
  for (let k = 0; k < 7; k++) {
    const t0 = performance.now();
    plan = buildPlan({ result, records, auditedAt: new Date() });
    times.push(performance.now() - t0);
  }
  const cells = plan.sheets.flatMap((s) => s.rows.flatMap((r) => r.cells.filter(Boolean)));
  const formulas = cells.filter((c) => c!.formula).length;
  const ms = median(times);
  return [
    {
      section: "report",
      name: `buildPlan, ${result.schools.length} school parts (median of 7)`,
      value: Math.round(ms * 10) / 10,
      unit: "ms",
      target: "< 1000 ms",
      met: ms < 1000,
    },
    {
      section: "report",
      name: `plan cells, ${result.schools.length} school parts`,
      value: cells.length,
      unit: "cells",
    },
    {
      section: "report",
      name: `plan formulas, ${result.schools.length} school parts`,
      value: formulas,
      unit: "formulas",
    },
  ];
}

if (require.main === module) {
  run().then((figures) => console.table(figures));
}
