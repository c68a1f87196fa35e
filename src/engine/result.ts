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
  /** Every county passes; null when a county is 未完成 (a stage the sheets name was not read). */
  pass: boolean | null;
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
  /** null: 未完成, a stage the sheets name was not read (see StageResult.unread). */
  pass: boolean | null;
}

export interface GuaranteeCheck {
  id: "G3" | "G4" | "G5";
  name: string;
  school: string;
  county: string;
  stage?: Stage;
  pass: boolean;
  value: number;
  limit: number;
  message: string;
  source?: SourceCell;
}

export interface ExcludedRecord {
  recordIndex: number;
  name: string;
  county: string;
  reason: string;
  stage?: Stage;
  source?: SourceCell;
}
