import type { CountyForm, CountyFormEntry, SchoolRecord, Stage } from "../../src/engine";
import { schoolAt } from "./fixtures";

/** Form values of a county that meets every item comfortably (G7 sits exactly on 6000 元). */
export const PASSING_VALUES: Record<string, number | boolean> = {
  G1: true,
  G2: true,
  "G2-1": 650,
  "G2-2": 850,
  "G6-1": 5,
  "G6-2": 5,
  "G7-1": 600000,
  "G7-2": 100,
  "G8-1": 120000,
  "G8-2": 110000,
  "G9-1": 100,
  "G9-2": 100,
  G10: true,
  "G11-1": 1704,
  "G11-2": 173,
  "G11-3": 78,
  "G12-1": 3224,
  "G12-2": 3224,
  "G13-1": 1000,
  "G13-2": 1000,
  "G13-3": 800,
  "G13-4": 780,
  "G14-1": 1000,
  "G14-2": 600,
  "G14-3": 300,
  "G14-4": true,
  "G15-1": 8049,
  "G15-2": 7736,
  "G15-3": 0,
  "G15-4": true,
  "Q1-1": 1000,
  "Q1-2": 0,
  "Q1-3": 980,
  "Q1-4": 10,
  "Q1-5": 5,
  "Q2-1": 100,
  "Q2-2": 98,
  Q3: true,
  "Q4-1": 30,
  "Q4-2": 30,
  Q5: true,
  Q6: true,
  Q7: true,
  Q8: true,
  "Q9-1": 3,
  "Q9-2": 0.1,
  "Q9-3": 4,
  "Q9-4": 0.12,
  "Q9-5": 3,
  "Q9-6": 0.08,
  "Q9-7": 3,
  "Q9-8": 0.1,
  "Q9-9": 3,
  "Q9-10": 0.1,
  "Q9-11": 4,
  "Q9-12": 0.05,
  "S1-5": 1050,
  "S1-1": 1000,
  "S1-2": 950,
  V1: false,
  V2: false,
  V3: false,
  V4: false,
  V5: false,
  V6: false,
};

/** A county form from values; `null` leaves a row blank, `{ percent }` enters a rate as such. */
export function formOf(
  values: Record<string, number | boolean | null | { percent: number } | { invalid: string }>,
  county = ""
): CountyForm {
  const entries: Record<string, CountyFormEntry> = {};
  let row = 4;
  for (const [code, v] of Object.entries(values)) {
    const cell = `D${row++}`;
    if (v !== null && typeof v === "object" && "percent" in v)
      entries[code] = { code, value: v.percent, percent: true, sheet: "县域指标", cell };
    else if (v !== null && typeof v === "object")
      entries[code] = { code, value: null, invalid: v.invalid, sheet: "县域指标", cell };
    else entries[code] = { code, value: v, sheet: "县域指标", cell };
  }
  return { county, sheet: "县域指标", entries };
}

/** The passing form with some rows changed (null blanks a row). */
export function passingForm(
  changes: Record<string, number | boolean | null | { percent: number } | { invalid: string }> = {},
  county = ""
): CountyForm {
  return formOf({ ...PASSING_VALUES, ...changes }, county);
}

/** A school that meets every indicator and G3–G5 (12 classes, one 96 m² music room and one 90 m² art room, classes ≤ 45). */
export function fullSchool(name: string, stage: Stage, county?: string): SchoolRecord {
  const s = schoolAt(name, stage, 1000, 1.2, county ? { county } : {});
  s.stages[stage]!.classes = 12;
  s.stages[stage]!.largestClass = 40;
  s.facilities = {
    ...s.facilities,
    musicRooms: 1,
    musicRoomArea: 96,
    artRooms: 1,
    artRoomArea: 90,
  };
  return s;
}

/** Two schools per stage: resource allocation passes. */
export function passingCounty(county?: string): SchoolRecord[] {
  return [
    fullSchool("一小", "primary", county),
    fullSchool("二小", "primary", county),
    fullSchool("一中", "junior", county),
    fullSchool("二中", "junior", county),
  ];
}
