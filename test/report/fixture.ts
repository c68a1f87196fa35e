/**
 * A small county built by hand, cell by cell: the source sheets as the user's workbook holds them
 * and the records the reader would make of them (with cells, a 万元 factor and a text cell).
 */
import type { SchoolKind, SchoolRecord } from "../../src/engine";
import type { Scalar, SourceSheets } from "./formulaEval";

/** One source row: field path → [column letter, raw cell value as the sheet holds it]. */
type RawRow = Record<string, [string, Scalar]>;

interface RowSpec {
  sheet: string;
  row: number;
  name: string;
  kind: SchoolKind;
  county?: string;
  cells: RawRow;
  /** Unit factors by field (10000 for a 万元 column). */
  factors?: Record<string, number>;
}

function setPath(record: SchoolRecord, path: string, value: number): void {
  const [group, second, ...rest] = path.split(".");
  const put = (obj: Record<string, unknown>, keys: string[]) => {
    let o = obj;
    for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
    o[keys[keys.length - 1]] = value;
  };
  const r = record as unknown as Record<string, unknown>;
  if (group === "pupils") put(r, ["stages", second, "pupils"]);
  else if (group === "grades" || group === "classes") put(r, ["stages", second, group]);
  else if (group === "seniorPupils") r.seniorPupils = value;
  else if (group === "facilities") put(r, ["facilities", second, ...rest]);
  else if (group === "given") put(r, ["stages", second, "given", ...rest]);
  else if (group === "teachers" && second === "whole") put(r, ["wholeSchoolTeachers", ...rest]);
  else if (group === "teachers") put(r, ["stages", second, "teachers", ...rest]);
  else throw new Error(path);
}

/** Builds the records and the source sheets from row specs: what the reader would have made. */
export function build(specs: RowSpec[]): { records: SchoolRecord[]; sources: SourceSheets } {
  const sources: SourceSheets = {};
  const records = specs.map((spec) => {
    const sheet = (sources[spec.sheet] ??= {});
    sheet[`B${spec.row}`] = spec.name;
    const record: SchoolRecord = {
      name: spec.name,
      kind: spec.kind,
      stages: {},
      ...(spec.county !== undefined ? { county: spec.county } : {}),
      source: {
        sheet: spec.sheet,
        row: spec.row,
        cells: { name: `B${spec.row}` },
        factors: {},
        textCells: [],
      },
    };
    for (const [field, [letter, raw]] of Object.entries(spec.cells)) {
      sheet[`${letter}${spec.row}`] = raw;
      record.source!.cells![field] = `${letter}${spec.row}`;
      let value: number;
      if (typeof raw === "string") {
        value = Number(raw.replace(/,/g, ""));
        record.source!.textCells!.push(field);
      } else value = raw as number;
      const factor = spec.factors?.[field];
      if (factor) record.source!.factors![field] = factor;
      setPath(record, field, value * (factor ?? 1));
    }
    // Single-stage kinds get their stage even when no stage field is given.
    if (spec.kind === "primary" && !record.stages.primary) record.stages.primary = {};
    if (spec.kind === "junior" && !record.stages.junior) record.stages.junior = {};
    return record;
  });
  return { records, sources };
}

const PRIMARY_COLS = {
  pupils: "C",
  aboveDegree: "D",
  backbone: "E",
  pe: "F",
  music: "G",
  art: "H",
  teachingArea: "I",
  indoorSportsArea: "J",
  sportsArea: "K",
  equipmentValue: "L",
  multimediaRooms: "M",
};

function primaryRow(
  row: number,
  name: string,
  v: Partial<Record<keyof typeof PRIMARY_COLS, Scalar>>,
  county?: string
): RowSpec {
  const cells: RawRow = {};
  const field = (k: keyof typeof PRIMARY_COLS) =>
    k === "pupils"
      ? "pupils.primary"
      : [
            "teachingArea",
            "indoorSportsArea",
            "sportsArea",
            "equipmentValue",
            "multimediaRooms",
          ].includes(k)
        ? `facilities.${k}`
        : `teachers.primary.${k}`;
  for (const [k, value] of Object.entries(v))
    cells[field(k as keyof typeof PRIMARY_COLS)] = [
      PRIMARY_COLS[k as keyof typeof PRIMARY_COLS],
      value as Scalar,
    ];
  cells["grades.primary"] = ["N", 6];
  cells["classes.primary"] = ["O", 12];
  // Equipment is kept in 万元 on this sheet.
  return {
    sheet: "小学",
    row,
    name,
    kind: "primary",
    cells,
    factors: { "facilities.equipmentValue": 10000 },
    ...(county !== undefined ? { county } : {}),
  };
}

const JUNIOR_COLS: Record<string, string> = {
  "pupils.junior": "C",
  "teachers.junior.aboveDegree": "D",
  "teachers.junior.backbone": "E",
  "teachers.junior.pe": "F",
  "teachers.junior.music": "G",
  "teachers.junior.art": "H",
  "facilities.teachingArea": "I",
  "facilities.sportsArea": "J",
  "facilities.equipmentValue": "K",
  "facilities.multimediaRooms": "L",
  "given.junior.L7": "N",
};

function juniorRow(row: number, name: string, v: Record<string, Scalar>, county?: string): RowSpec {
  const cells: RawRow = {};
  for (const [field, value] of Object.entries(v)) cells[field] = [JUNIOR_COLS[field], value];
  return {
    sheet: "初中",
    row,
    name,
    kind: "junior",
    cells,
    ...(county !== undefined ? { county } : {}),
  };
}

export const HOSTILE_NAME = '=HYPERLINK("http://x","y")';

/**
 * The county: 4 primary schools (one exactly at the L3 threshold, one failing with a hostile
 * name, one with a text cell), 3 junior schools (one missing L2, one with L7 given), a nine-year
 * school on a sheet called O'Brien with whole-school PE/arts teachers, and a special school
 * (excluded). Counties as given (undefined: one county without a name).
 */
export function smallCounty(counties?: { a: string; b: string }): {
  records: SchoolRecord[];
  sources: SourceSheets;
} {
  const a = counties?.a;
  const b = counties?.b;
  return build([
    // 1000 pupils, 3+3+3 PE/arts teachers: L3 exactly 0.9 (meets); 250 万元 → 2500 元 per pupil.
    primaryRow(
      5,
      "+1",
      {
        pupils: 1000,
        aboveDegree: 50,
        backbone: 12,
        pe: 3,
        music: 3,
        art: 3,
        teachingArea: 5200,
        indoorSportsArea: 200,
        sportsArea: 8000,
        equipmentValue: 250,
        multimediaRooms: 25,
      },
      a
    ),
    // 教学及辅助用房 held as text 「4,000」: the formula takes the number, not the cell.
    primaryRow(
      6,
      "实验小学",
      {
        pupils: 800,
        aboveDegree: 40,
        backbone: 10,
        pe: 4,
        music: 2,
        art: 2,
        teachingArea: "4,000",
        sportsArea: 6400,
        equipmentValue: 180,
        multimediaRooms: 20,
      },
      a
    ),
    // Fails: L1 3.0 is below 85% of 4.2; the others between 85% and 100% except L5.
    primaryRow(
      7,
      HOSTILE_NAME,
      {
        pupils: 500,
        aboveDegree: 15,
        backbone: 4,
        pe: 2,
        music: 1,
        art: 1,
        teachingArea: 2000,
        sportsArea: 4000,
        equipmentValue: 90,
        multimediaRooms: 10,
      },
      b
    ),
    primaryRow(
      8,
      "城东小学",
      {
        pupils: 1200,
        aboveDegree: 60,
        backbone: 15,
        pe: 5,
        music: 3,
        art: 3,
        teachingArea: 6000,
        sportsArea: 10000,
        equipmentValue: 300,
        multimediaRooms: 30,
      },
      b
    ),
    {
      sheet: "小学",
      row: 9,
      name: "特殊教育学校",
      kind: "special",
      cells: { "pupils.primary": ["C", 80] },
      ...(a !== undefined ? { county: a } : {}),
    },
    juniorRow(
      5,
      "-1",
      {
        "pupils.junior": 900,
        "teachers.junior.aboveDegree": 54,
        "teachers.junior.backbone": 10,
        "teachers.junior.pe": 4,
        "teachers.junior.music": 2,
        "teachers.junior.art": 3,
        "facilities.teachingArea": 6000,
        "facilities.sportsArea": 10000,
        "facilities.equipmentValue": 2700000,
        "facilities.multimediaRooms": 24,
      },
      a
    ),
    // No backbone figure: L2 missing, left out of the L2 CV, and the school fails.
    juniorRow(
      6,
      "@x",
      {
        "pupils.junior": 600,
        "teachers.junior.aboveDegree": 36,
        "teachers.junior.pe": 3,
        "teachers.junior.music": 1,
        "teachers.junior.art": 2,
        "facilities.teachingArea": 3600,
        "facilities.sportsArea": 6600,
        "facilities.equipmentValue": 1800000,
        "facilities.multimediaRooms": 15,
      },
      b
    ),
    // No multimedia count, but the sheet holds L7 = 2.5.
    juniorRow(
      7,
      "第三中学",
      {
        "pupils.junior": 700,
        "teachers.junior.aboveDegree": 40,
        "teachers.junior.backbone": 8,
        "teachers.junior.pe": 3,
        "teachers.junior.music": 2,
        "teachers.junior.art": 2,
        "facilities.teachingArea": 4200,
        "facilities.sportsArea": 7500,
        "facilities.equipmentValue": 1900000,
        "given.junior.L7": 2.5,
      },
      b
    ),
    {
      sheet: "O'Brien",
      row: 4,
      name: "九年一贯制学校",
      kind: "nineYear",
      ...(a !== undefined ? { county: a } : {}),
      cells: {
        "pupils.primary": ["C", 600],
        "pupils.junior": ["D", 400],
        "teachers.primary.aboveDegree": ["E", 30],
        "teachers.junior.aboveDegree": ["F", 24],
        "teachers.primary.backbone": ["G", 7],
        "teachers.junior.backbone": ["H", 5],
        "teachers.whole.pe": ["I", 6],
        "teachers.whole.music": ["J", 4],
        "teachers.whole.art": ["K", 3],
        "facilities.teachingArea": ["L", 6000],
        "facilities.sportsArea": ["M", 10000],
        "facilities.equipmentValue": ["N", 260],
        "facilities.multimediaRooms": ["O", 30],
      },
      factors: { "facilities.equipmentValue": 10000 },
    },
  ]);
}
