import type { Diagnostic } from "./diagnostics";
import type { AdditionUnit } from "./standards";
import type { AuditSettings, Owner, SchoolKind, Stage } from "./types";

/**
 * The audit result: plain data shared by the report, the task pane, the custom functions and the
 * JSON output (numbers unrounded; null where a figure does not exist). Documented in docs/audit-result.md.
 */
export interface AuditResult {
  standard: { id: string; name: string; document: string };
  settings: AuditSettings;
  /** One entry per counted school part (a through-train school appears once per stage). */
  schools: SchoolPartResult[];
  /** The stages of the county; null when the input holds several counties (see counties). */
  stages: Record<Stage, StageResult> | null;
  /** Every county on its own: CVs never mix schools of different counties. Always ≥ 1 entry. */
  counties: CountyResult[];
  /** School-level government-guarantee checks (G3 rooms, G4 school size, G5 class size). */
  guarantees: GuaranteeCheck[];
  excluded: ExcludedRecord[];
  diagnostics: Diagnostic[];
  /**
   * Every county passes resource allocation and the school-level G3–G5 checks (see verdict for the
   * whole standard); null when a county is 未完成 (a stage the sheets name was not read).
   */
  pass: boolean | null;
  /** The whole standard over all counties: "fail" when one fails, "pass" when all pass, else "incomplete". */
  verdict: CountyVerdict;
  /**
   * Every row of each school table's used range accounted for (set by the audit flow from the
   * reader's counts): rows = header + schools + Σ skipped + excluded.length, per sheet.
   */
  sourceRows?: SourceRowAccount[];
}

/** One school table's rows by kind; the sum always closes (docs/audit-result.md). */
export interface SourceRowAccount {
  sheet: string;
  /** 1-based worksheet rows of the used range: the sheet's first row to its last non-empty one. */
  firstRow: number;
  lastRow: number;
  /** lastRow − firstRow + 1. */
  rows: number;
  /** The header band and its code row. */
  header: number;
  /** Rows audited: each holds a school of which at least one stage counts. */
  schools: number;
  /** Rows that are not schools, by kind. */
  skipped: {
    blank: number;
    /** Titles and 「填报单位：」/「单位：」 lines. */
    title: number;
    /** 合计 / 小计 / 总计 … */
    total: number;
    /** 注 / 填表人 lines and everything below the first of them. */
    footnote: number;
    /** 「一、小学」 section rows. */
    section: number;
    /** The header repeated on a printed page. */
    repeatedHeader: number;
    /** Neither a school name nor a figure (a lone 序号). */
    noData: number;
  };
  /**
   * School rows not audited, each with its cell and why. kind: "badData" (a bad 在校生数 or 学段:
   * rowLeftOut in excluded[]), "noName" (figures without a school name), "hidden", "duplicate"
   * (the same school part read before, or a sheet repeating an earlier one), "notCounted" (a
   * school the standard leaves out: special, vocational, small teaching point, private when excluded).
   */
  excluded: {
    kind: "badData" | "noName" | "hidden" | "duplicate" | "notCounted";
    row: number;
    cell: string;
    name: string;
    reason: string;
  }[];
}

/** 达标 / 未达标 / 未完成 (not yet decidable: items are 未核查). */
export type CountyVerdict = "pass" | "fail" | "incomplete";

/** 达标 / 未达标 / 未核查 of an item or a dimension. */
export type ItemStatus = "pass" | "fail" | "unchecked";

export type DimensionId = "resource" | "guarantee" | "quality" | "recognition";

export interface DimensionResult {
  status: ItemStatus;
  checked: number;
  passed: number;
  failed: number;
  unchecked: number;
}

/** A figure of a county item: a number, 是/否, one entry per sub-rule, or Q9's subjects. */
export type ItemValue =
  number | boolean | null | ItemValue[] | { subject: string; level: number; rate: number }[];
export type ItemRequired =
  number | boolean | null | ItemRequired[] | { level: number; rate: number };

/** One item of the guarantee, quality or recognition dimension (G1–G15, Q1–Q9, S1). */
export interface CountyItemResult {
  id: string;
  name: string;
  dimension: Exclude<DimensionId, "resource">;
  status: ItemStatus;
  /** Unrounded: a rate as a fraction, 元, a level; a list for an item judged on several rules. */
  value: ItemValue;
  required: ItemRequired;
  /** "form": the county form's counts; "form-rate": a rate entered as such (填报比例); "schools": the school sheets. */
  source: "form" | "form-rate" | "schools" | null;
  /** Input codes still to fill for this item (empty when checked). */
  missing: string[];
  /** Why unchecked, or how it was decided, in Chinese. */
  notes: string[];
  /** 佐证材料 named in the form for the item's evidence rows. */
  evidence?: string;
  /**
   * With `source` "schools" for an item the form could also give (G6, G9, G12, Q4): the school
   * sheets' figures summed into the item's form codes ({"G9-1": 3200, "G9-2": 3200}).
   */
  figures?: Record<string, number>;
}

export interface VetoResult {
  id: string;
  label: string;
  /** 是 → true, 否 → false, blank or absent → null (the county is then 未完成). */
  triggered: boolean | null;
}

export interface SourceCell {
  sheet: string;
  row: number;
  /** A1 address of the school's name cell, when known. */
  cell?: string;
}

export interface IndicatorDetail {
  /** Value of the indicator (count ×100 / pupils, or per pupil), or null when it could not be found. */
  value: number | null;
  /** The numerator (after the through-train split), when computed from counts. */
  numerator: number | null;
  /** Where the value came from: the counts, or a value the sheet already held. */
  from: "counts" | "given" | null;
  /** True when teachers had to be split from whole-school counts. */
  estimate: boolean;
  notes: readonly string[];
  /** Field paths of the record behind the value (see SourceRef.cells); shared, read-only. */
  fields: readonly string[];
  /** Those of `fields` taken away from the others (室内体育用房 from 教学及辅助用房). */
  subtracted: readonly string[];
  /** The figures were multiplied by the part's share of a shared facility (or whole-school teachers). */
  split: boolean;
  threshold: number | null;
  /** floorRatio × threshold. */
  floor: number | null;
  met: boolean | null;
  reachesFloor: boolean | null;
}

export interface Shortfall {
  indicator: string;
  /** The catalogue measure behind the indicator (what a fix adds, in any language). */
  measure: string;
  name: string;
  /** null when the figure is missing. */
  value: number | null;
  required: number;
  floor: number;
  /** required − value (in the indicator's unit). */
  gap: number | null;
  /** True when the value is below the floor as well (the part fails whatever the others do). */
  belowFloor: boolean;
  /**
   * Smallest addition that meets the threshold (whole teachers/rooms, 0.01 m², whole 元): to the
   * part's own figure, or for a facility shared by several stages to the whole school's figure.
   */
  addition: number | null;
  /** Smallest addition that reaches the floor (0 when already there). */
  additionToFloor: number | null;
  unit: AdditionUnit;
  additionScope: "part" | "school";
  /** What it takes, in Chinese: 「需增加2名县级及以上骨干教师」. */
  advice: string;
}

export interface SchoolPartResult {
  /** Index of the record in the audited input (the report reaches the source cells through it). */
  recordIndex: number;
  name: string;
  code?: string;
  county: string;
  kind: SchoolKind;
  owner?: Owner;
  ownerLabel?: string;
  stage: Stage;
  students: number;
  grades?: number;
  classes?: number;
  /** Indicator id → value (null when missing). */
  values: Record<string, number | null>;
  details: Record<string, IndicatorDetail>;
  /** Indicators that meet their thresholds (0 under a standard without thresholds). */
  met: number;
  /** The school rule; null under a standard without one. */
  pass: boolean | null;
  shortfalls: Shortfall[];
  source?: SourceCell;
}

export interface IndicatorStageResult {
  id: string;
  name: string;
  /** Schools with a value (those without are left out of this CV). */
  schools: number;
  students: number;
  /** Enrolment-weighted mean X̄. */
  mean: number | null;
  /** Weighted standard deviation S. */
  sd: number | null;
  cv: number | null;
  /** Per-indicator CV limit; null when the standard limits only the composite. */
  limit: number | null;
  /** CV within its limit; null when there is no limit for it or no CV. */
  pass: boolean | null;
  threshold: number | null;
  /** Schools meeting the threshold (达标学校数). */
  metSchools: number;
  note?: string;
}

export interface StageResult {
  stage: Stage;
  schools: number;
  students: number;
  indicators: Record<string, IndicatorStageResult>;
  compositeCv: number | null;
  /** Limit of the composite when the standard judges it (2012); null otherwise. */
  compositeLimit: number | null;
  /** The CV rule holds. */
  cvPass: boolean | null;
  schoolsPassing: number;
  /** Every school part meets the school rule (null when the standard has none). */
  schoolsPass: boolean | null;
  /** Both rules hold; null when the stage has no school. */
  pass: boolean | null;
  note?: string;
  /** The sheets name this stage but no school of it was read (「未读到学校」): the county is 未完成. */
  unread?: boolean;
}

export interface CountyResult {
  /** "" when the sheets name no county. */
  name: string;
  stages: Record<Stage, StageResult>;
  /** Guarantee checks of this county's schools all pass. */
  guaranteePass: boolean;
  /** How many of this county's guarantee checks fail. */
  guaranteesFailed: number;
  /** School guarantee checks (G3–G5) left 未核查 because a column is missing: never counted as passed. */
  guaranteesUnchecked: number;
  /**
   * Resource allocation and the school-level G3–G5 checks pass (kept as before; see verdict);
   * null: 未完成, a stage the sheets name was not read (see StageResult.unread).
   */
  pass: boolean | null;
  /** The whole 2017 standard: four dimensions and the veto. */
  verdict: CountyVerdict;
  dimensions: Record<DimensionId, DimensionResult>;
  items: CountyItemResult[];
  veto: VetoResult[];
  /** Input codes of the county form still to fill (unchecked items, blank veto rows). */
  missing: string[];
  /** The county form read for this county: its sheet and the 填报值 cell of each code. */
  form?: CountyFormCells;
  /**
   * School rows of this county left out for bad data (rowLeftOut): the CVs miss those schools, so
   * the county cannot be 达标 (verdict "incomplete" unless something failed). Absent when none.
   */
  dataIncomplete?: { rowsLeftOut: number; note: string };
}

export interface GuaranteeCheck {
  id: "G3" | "G4" | "G5";
  name: string;
  school: string;
  county: string;
  stage?: Stage;
  /** null: 未核查, the sheet has no column to check it by (`message` names the column to add). */
  pass: boolean | null;
  /** The figure checked; null when unchecked. */
  value: number | null;
  limit: number;
  message: string;
  source?: SourceCell;
}

export interface ExcludedRecord {
  /** The record's index; -1 for a source row left out unread (rowLeftOut), which has no record. */
  recordIndex: number;
  name: string;
  county: string;
  reason: string;
  stage?: Stage;
  source?: SourceCell;
  /**
   * true: a school row the reader left out for bad data (在校生数 「1,2O0」); `source.cell` is the
   * bad cell and `reason` quotes the text found. While any is, the audit is 数据不完整.
   */
  rowLeftOut?: true;
}

/** Where the county form's values sit, for live formulas and for the pane's click to a cell. */
export interface CountyFormCells {
  sheet: string;
  /** Code → A1 address of its 填报值 cell. */
  cells: Record<string, string>;
  /** Code → the value read (null when blank or unusable). */
  values: Record<string, number | boolean | null>;
  /** Codes whose cell held text the reader parsed (「96.1%」, 「Ⅳ」): formulas use the value read. */
  textCodes: string[];
  /** Codes entered as a rate (填报比例). */
  percentCodes: string[];
  /** Codes whose value the reader rejected (a diagnostic names the cell). */
  invalidCodes: string[];
  /** Code → A1 address of its 佐证材料 cell, when the form has that column. */
  evidenceCells: Record<string, string>;
  /** Code → the document named in its 佐证材料 cell. */
  evidence: Record<string, string>;
}
