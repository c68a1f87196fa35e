import { compositeCv, weightedSpreadAt } from "./cv";
import { atMost } from "./numeric";
import type { IndicatorStageResult, StageResult } from "./result";
import type { IndicatorSpec, Standard } from "./standards";
import type { Stage } from "./types";

/** One indicator's values and weights over a stage's parts (the parts with a value only). */
interface Column {
  /** Where the column starts in the shared `values` and `pupils` arrays, and its length. */
  from: number;
  count: number;
  metSchools: number;
  /** Σ of the column's pupils, left to right (as reduce adds). */
  students: number;
}

/**
 * Where a stage's parts are read, by row: the engine's part store (see leanParts.ts). The
 * aggregation reads typed arrays only, never the part objects (at a province's scale, visiting
 * hundreds of thousands of objects scattered in memory costs more than the arithmetic).
 */
export interface PartRows {
  /** Pupils of the part at row p. */
  studentsAt(p: number): number;
  /** The part at row p passes the school rule (pass === true). */
  passesAt(p: number): boolean;
  /** Indicator i's value of the part at row p; NaN when it has none (a value is never NaN). */
  valueAt(p: number, i: number): number;
  /** Bit i set: indicator i's value of the part at row p reaches its threshold (as the audit judged it). */
  meetsOf(p: number): number;
}

/**
 * The columns of the stage being aggregated, side by side (indicator i from i × parts on):
 * reused by every stage of every audit, so a province's thousands of county stages allocate
 * no array each. (An audit runs to the end without yielding, so one set is enough.)
 */
let values = new Float64Array(1024);
let pupils = new Float64Array(1024);

/**
 * Every indicator's column, gathered indicator by indicator: each pass over the county's parts
 * keeps its count, tally and pupils' sum in locals (a county's rows stay in the processor's cache
 * from one pass to the next). Part by part, with two counters in arrays, a bit test per value
 * and another pass for the pupils, the 1,334 county stages of 200,000 parts took 29.4 ms to
 * aggregate; this way 24.3 ms.
 */
function columnsOf(
  specs: readonly IndicatorSpec[],
  stage: Stage,
  rows: Int32Array,
  store: PartRows
): Column[] {
  const n = rows.length;
  const k = specs.length;
  if (values.length < n * k) {
    values = new Float64Array(n * k * 2);
    pupils = new Float64Array(n * k * 2);
  }
  // Locals, not the module's variables, in the loop (the loop then reads no context slot).
  const xs = values;
  const ws = pupils;
  const columns: Column[] = [];
  for (let i = 0; i < k; i++) {
    const from = i * n;
    let count = 0;
    let metSchools = 0;
    let students = 0;
    // A part meets an indicator when its value reaches the threshold: judged once by the audit
    // (its detail's `met` is not read here: the details are built only on demand, see leanParts.ts).
    for (let j = 0; j < n; j++) {
      const p = rows[j];
      const value = store.valueAt(p, i);
      if (Number.isNaN(value)) continue;
      const w = store.studentsAt(p);
      xs[from + count] = value;
      ws[from + count] = w;
      students += w;
      count++;
      metSchools += (store.meetsOf(p) >>> i) & 1;
    }
    columns.push({ from, count, metSchools, students });
  }
  return columns;
}

function indicatorResult(
  spec: IndicatorSpec,
  standard: Standard,
  stage: Stage,
  column: Column
): IndicatorStageResult {
  const { from, count, metSchools, students } = column;
  const spread = weightedSpreadAt(values, pupils, from, count);
  const limit = standard.cvRule.mode === "each" ? standard.cvRule.limits[stage] : null;
  const cv = spread?.cv ?? null;
  let note: string | undefined;
  if (!spread) note = "没有可计算的学校";
  else if (cv === null) note = "全县均值为0，差异系数无法计算";
  return {
    id: spec.id,
    name: spec.name,
    schools: count,
    students,
    mean: spread?.mean ?? null,
    sd: spread?.sd ?? null,
    cv,
    limit,
    pass: limit === null ? null : cv !== null && atMost(cv, limit),
    threshold: spec.thresholds?.[stage] ?? null,
    metSchools,
    note,
  };
}

/**
 * A stage's verdict: each indicator's weighted mean and CV against its limit (2017), or the
 * composite CV against its limit (2012), and whether every school part meets the school rule.
 */
export function stageResult(
  standard: Standard,
  stage: Stage,
  rows: Int32Array,
  store: PartRows
): StageResult {
  const indicators: Record<string, IndicatorStageResult> = {};
  const columns = columnsOf(standard.indicators, stage, rows, store);
  standard.indicators.forEach(
    (spec, i) => (indicators[spec.id] = indicatorResult(spec, standard, stage, columns[i]))
  );
  const list = Object.values(indicators);
  const composite = compositeCv(list.map((i) => i.cv));
  const compositeLimit =
    standard.cvRule.mode === "composite" ? standard.cvRule.limits[stage] : null;
  // Loops rather than filter and reduce: no array or callback per part (same sums, same order).
  let schoolsPassing = 0;
  let students = 0;
  for (let j = 0; j < rows.length; j++) {
    if (store.passesAt(rows[j])) schoolsPassing++;
    students += store.studentsAt(rows[j]);
  }
  const schoolsPass = standard.schoolRule ? schoolsPassing === rows.length : null;

  if (rows.length === 0) {
    return {
      stage,
      schools: 0,
      students: 0,
      indicators,
      compositeCv: null,
      compositeLimit,
      cvPass: null,
      schoolsPassing: 0,
      schoolsPass: null,
      pass: null,
      note: "该学段没有参与计算的学校",
    };
  }
  const cvPass =
    standard.cvRule.mode === "each"
      ? list.every((i) => i.pass === true)
      : composite !== null && compositeLimit !== null && atMost(composite, compositeLimit);
  return {
    stage,
    schools: rows.length,
    students,
    indicators,
    compositeCv: composite,
    compositeLimit,
    cvPass,
    schoolsPassing,
    schoolsPass,
    pass: cvPass && schoolsPass !== false,
  };
}
