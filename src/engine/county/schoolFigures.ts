/**
 * County items the school sheets can decide when they carry the columns (G6, G9, G12, Q4): each
 * school's figures summed into the county form's codes, so the catalogue's own rule judges them
 * exactly as it judges the form. The school sheets win over the form when both are given.
 */
import type { SchoolFiguresSource } from "../catalogue/county";
import { atLeast } from "../numeric";
import type { AuditSettings, SchoolRecord, Stage, TeacherFigures } from "../types";
import { STAGES } from "../types";
import type { CountyFormEntry } from "./form";

/** What the school sheets say about one item. */
export type SchoolItemFigures =
  /** No school sheet has the item's columns: the form decides. */
  | { kind: "none" }
  /** The columns exist but some schools (or the form's 定额) lack a figure: 未核查. */
  | { kind: "incomplete"; notes: string[]; missing: string[] }
  /** The figures, keyed by form code, and the schools that fall short (named in the notes). */
  | { kind: "figures"; figures: Record<string, number>; notes: string[] };

/** 核定公用经费 ≥ 100 × 定额: a school under this many pupils is funded as if it had them (G6). */
export const SMALL_SCHOOL_PUPILS = 100;
/** Q4: training funds of at least this share of the year's public funds budget. */
export const TRAINING_FUNDS_SHARE = 0.05;

const NAMES_SHOWN = 3;

function pupilsOf(record: SchoolRecord): number {
  // In the stages' order, from 0 (as a reduce would add), without a callback per school.
  return 0 + (record.stages.primary?.pupils ?? 0) + (record.stages.junior?.pupils ?? 0);
}

/**
 * A teacher figure of the whole school: its stages and its whole-school columns summed, in that
 * order from 0; undefined when none of them is a number. (Read for every school of a province
 * by G9 and G12: no array per call.)
 */
function teacherFigure(record: SchoolRecord, key: keyof TeacherFigures): number | undefined {
  const primary = record.stages.primary?.teachers?.[key];
  const junior = record.stages.junior?.teachers?.[key];
  const whole = record.wholeSchoolTeachers?.[key];
  const p = typeof primary === "number";
  const j = typeof junior === "number";
  const w = typeof whole === "number";
  if (!p && !j && !w) return undefined;
  return 0 + (p ? primary : 0) + (j ? junior : 0) + (w ? whole : 0);
}

function names(records: readonly SchoolRecord[]): string {
  const shown = records.slice(0, NAMES_SHOWN).map((r) => `「${r.name}」`);
  return records.length > NAMES_SHOWN
    ? `${shown.join("、")}等${records.length}所`
    : shown.join("、");
}

function incomplete(
  without: readonly SchoolRecord[],
  columns: string
): Extract<SchoolItemFigures, { kind: "incomplete" }> {
  return {
    kind: "incomplete",
    missing: [],
    notes: [`学校表有${columns}列，但${names(without)}学校未填：请补全`],
  };
}

/** G9 and G12: two teacher counts per school summed; schools with fewer done than due named. */
function teacherPair(
  schools: readonly SchoolRecord[],
  whole: keyof TeacherFigures,
  part: keyof TeacherFigures,
  codes: [string, string],
  columns: string,
  present: (r: SchoolRecord) => boolean
): SchoolItemFigures {
  if (!schools.some(present)) return { kind: "none" };
  const without = schools.filter(
    (r) => teacherFigure(r, whole) === undefined || teacherFigure(r, part) === undefined
  );
  if (without.length) return incomplete(without, columns);
  let wholeSum = 0;
  let partSum = 0;
  const short: string[] = [];
  for (const r of schools) {
    const w = teacherFigure(r, whole)!;
    const p = teacherFigure(r, part)!;
    wholeSum += w;
    partSum += p;
    if (!atLeast(p, w)) short.push(`「${r.name}」${p}/${w}`);
  }
  return {
    kind: "figures",
    figures: { [codes[0]]: wholeSum, [codes[1]]: partSum },
    notes: short.length
      ? [
          `未达100%的学校：${short.slice(0, NAMES_SHOWN).join("、")}${short.length > NAMES_SHOWN ? `等${short.length}所` : ""}`,
        ]
      : [],
  };
}

/**
 * G6: every school under 100 pupils has 核定公用经费 ≥ 100 × the 生均公用经费基准定额 of its stage
 * (G2-1 小学, G2-2 初中, from the form); a school of both stages scales its own pupils up to 100.
 */
function smallSchoolFunding(
  schools: readonly SchoolRecord[],
  rates: Partial<Record<Stage, number>>
): SchoolItemFigures {
  const present = schools.some((r) => typeof r.facilities?.approvedPublicFunds === "number");
  if (!present) return { kind: "none" };
  // Public funds are the public schools' (a private school has no 核定公用经费).
  const small = schools.filter(
    (r) => r.owner !== "private" && pupilsOf(r) > 0 && pupilsOf(r) < SMALL_SCHOOL_PUPILS
  );
  const without = small.filter((r) => typeof r.facilities?.approvedPublicFunds !== "number");
  if (without.length) return incomplete(without, "核定公用经费");
  const rateCode: Record<Stage, string> = { primary: "G2-1", junior: "G2-2" };
  const needed = STAGES.filter(
    (s) => small.some((r) => (r.stages[s]?.pupils ?? 0) > 0) && rates[s] === undefined
  );
  if (needed.length)
    return {
      kind: "incomplete",
      missing: needed.map((s) => rateCode[s]),
      notes: [
        `按学校表核查不足100名学生学校的公用经费，需要县域指标表的生均公用经费基准定额${needed.map((s) => rateCode[s]).join("、")}`,
      ],
    };
  const short: string[] = [];
  for (const r of small) {
    const pupils = pupilsOf(r);
    const weighted = STAGES.reduce(
      (s, st) => s + (r.stages[st]?.pupils ?? 0) * (rates[st] ?? 0),
      0
    );
    const required = (SMALL_SCHOOL_PUPILS * weighted) / pupils;
    const approved = r.facilities!.approvedPublicFunds!;
    if (!atLeast(approved, required))
      short.push(
        `「${r.name}」${pupils}人，核定${Math.round(approved)}元，应不低于${Math.round(required)}元`
      );
  }
  return {
    kind: "figures",
    figures: { "G6-1": small.length, "G6-2": small.length - short.length },
    notes: short.length
      ? [
          `未按100名学生核定公用经费：${short.slice(0, NAMES_SHOWN).join("；")}${short.length > NAMES_SHOWN ? `等${short.length}所` : ""}`,
        ]
      : [],
  };
}

/** Q4: every school's 教师培训经费 ≥ 5% of its 年度公用经费预算. */
function trainingFunds(schools: readonly SchoolRecord[]): SchoolItemFigures {
  const has = (r: SchoolRecord, k: "trainingFunds" | "publicFundsBudget") =>
    typeof r.facilities?.[k] === "number";
  if (!schools.some((r) => has(r, "trainingFunds") || has(r, "publicFundsBudget")))
    return { kind: "none" };
  const without = schools.filter((r) => !has(r, "trainingFunds") || !has(r, "publicFundsBudget"));
  if (without.length) return incomplete(without, "教师培训经费、年度公用经费预算");
  const short = schools.filter(
    (r) =>
      !atLeast(
        r.facilities!.trainingFunds!,
        TRAINING_FUNDS_SHARE * r.facilities!.publicFundsBudget!
      )
  );
  return {
    kind: "figures",
    figures: { "Q4-1": schools.length, "Q4-2": schools.length - short.length },
    notes: short.length
      ? [
          `教师培训经费低于公用经费预算5%的学校：${short
            .slice(0, NAMES_SHOWN)
            .map(
              (r) =>
                `「${r.name}」${Math.round(r.facilities!.trainingFunds!)}元／${Math.round(r.facilities!.publicFundsBudget!)}元`
            )
            .join("、")}${short.length > NAMES_SHOWN ? `等${short.length}所` : ""}`,
        ]
      : [],
  };
}

/**
 * The schools a county item counts: every compulsory school of the county, small teaching points
 * included (they are what G6 is about); not special or vocational schools, nor private schools
 * when the setting leaves them out.
 *
 * @example
 * countyItemSchools(records, settings).every((r) => r.kind !== "special"); // true
 */
export function countyItemSchools(
  records: readonly SchoolRecord[],
  settings: Pick<AuditSettings, "excludePrivate">
): SchoolRecord[] {
  return records.filter((r) => countsForItems(r, settings));
}

function countsForItems(r: SchoolRecord, settings: Pick<AuditSettings, "excludePrivate">): boolean {
  return (
    r.kind !== "special" &&
    r.kind !== "vocational" &&
    hasOwnKey(r.stages) &&
    !(settings.excludePrivate && r.owner === "private")
  );
}

/** Object.keys(x).length > 0 without building the array (one call per school). */
function hasOwnKey(x: object): boolean {
  for (const key in x) if (Object.prototype.hasOwnProperty.call(x, key)) return true;
  return false;
}

/** A bit per item the school sheets can decide (see schoolColumns). */
const COLUMN_BITS: Record<SchoolFiguresSource, number> = { G6: 1, G9: 2, G12: 4, Q4: 8 };

function isNumber(x: unknown): boolean {
  return typeof x === "number";
}

/** The G9 and G12 bits of one teacher object (named reads: this runs for every school). */
function teacherColumns(t: TeacherFigures | undefined | null): number {
  if (t === undefined || t === null) return 0;
  let bits = 0;
  if (isNumber(t.trainingDue) || isNumber(t.trainingDone)) bits |= COLUMN_BITS.G9;
  if (isNumber(t.certified)) bits |= COLUMN_BITS.G12;
  return bits;
}

/**
 * The items whose columns a school has, a bit each (G6 1, G9 2, G12 4, Q4 8): what each item of
 * schoolItemFigures tests before anything else (G9: a training count in a stage's or the whole
 * school's teachers; G12: a certified count there). OR-ed over a county's schools, a clear bit
 * says the item is `none` without another pass over them.
 *
 * @example
 * schoolColumns({ name: "甲", kind: "primary", stages: {}, facilities: { trainingFunds: 1 } }); // 8
 */
export function schoolColumns(r: SchoolRecord): number {
  const f = r.facilities;
  let bits = 0;
  if (f !== undefined && f !== null) {
    if (isNumber(f.approvedPublicFunds)) bits |= COLUMN_BITS.G6;
    if (isNumber(f.trainingFunds) || isNumber(f.publicFundsBudget)) bits |= COLUMN_BITS.Q4;
  }
  const primary = r.stages.primary;
  const junior = r.stages.junior;
  return (
    bits |
    teacherColumns(primary === undefined || primary === null ? undefined : primary.teachers) |
    teacherColumns(junior === undefined || junior === null ? undefined : junior.teachers) |
    teacherColumns(r.wholeSchoolTeachers)
  );
}

/** True when none of the schools whose columns are `columns` (schoolColumns, OR-ed) has the item's. */
export function lacksColumns(source: SchoolFiguresSource, columns: number): boolean {
  return (columns & COLUMN_BITS[source]) === 0;
}

const NONE: SchoolItemFigures = Object.freeze({ kind: "none" });

/**
 * The schools a county item counts (countyItemSchools), by county in the order counties first
 * appear, with their columns (schoolColumns) OR-ed: the audit adds each record as it visits it.
 *
 * @example
 * const items = new CountyItemSchools(settings);
 * records.forEach((r) => items.add(r, r.county ?? ""));
 * items.of("东县")?.schools; // the county's schools, small teaching points too
 */
export class CountyItemSchools {
  private readonly counties = new Map<string, { schools: SchoolRecord[]; columns: number }>();
  private lastName = "";
  private last: { schools: SchoolRecord[]; columns: number } | undefined;

  constructor(private readonly settings: Pick<AuditSettings, "excludePrivate">) {}

  /** A record of `county` (taken when a county item counts it). */
  add(r: SchoolRecord, county: string): void {
    if (!countsForItems(r, this.settings)) return;
    // A county's schools usually sit together: most need no lookup.
    let entry = this.last;
    if (entry === undefined || county !== this.lastName) {
      entry = this.counties.get(county);
      if (!entry) this.counties.set(county, (entry = { schools: [], columns: 0 }));
      this.lastName = county;
      this.last = entry;
    }
    entry.schools.push(r);
    entry.columns |= schoolColumns(r);
  }

  /** A county's schools and their columns, or undefined when it has none. */
  of(county: string): { schools: SchoolRecord[]; columns: number } | undefined {
    return this.counties.get(county);
  }
}

/**
 * The school sheets' figures for an item that names `fromSchools` in the catalogue; `columns`
 * (the schools' schoolColumns OR-ed), when given, answers `none` without a pass over them.
 *
 * @example
 * schoolItemFigures("Q4", schools, {}).kind; // "none" when no sheet has 教师培训经费 or 公用经费预算
 */
export function schoolItemFigures(
  source: SchoolFiguresSource,
  schools: readonly SchoolRecord[],
  form: Readonly<Record<string, CountyFormEntry>>,
  columns?: number
): SchoolItemFigures {
  if (columns !== undefined && lacksColumns(source, columns)) return NONE;
  switch (source) {
    case "G6": {
      const rate = (code: string) => {
        const e = form[code];
        return e && !e.invalid && typeof e.value === "number" ? e.value : undefined;
      };
      return smallSchoolFunding(schools, { primary: rate("G2-1"), junior: rate("G2-2") });
    }
    case "G9":
      return teacherPair(
        schools,
        "trainingDue",
        "trainingDone",
        ["G9-1", "G9-2"],
        "应完成、已完成5年360学时培训教师数",
        (r) =>
          teacherFigure(r, "trainingDue") !== undefined ||
          teacherFigure(r, "trainingDone") !== undefined
      );
    case "G12":
      return teacherPair(
        schools,
        "fullTime",
        "certified",
        ["G12-1", "G12-2"],
        "专任教师数、持证上岗教师数",
        (r) => teacherFigure(r, "certified") !== undefined
      );
    case "Q4":
      return trainingFunds(schools);
  }
}
