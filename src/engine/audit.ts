import { stageResult, type PartRows } from "./aggregate";
import { describeRecord, formatNumber, recordDiagnostic, type Diagnostic } from "./diagnostics";
import { eligibility } from "./eligibility";
import { CheckTallies, SchoolChecks, throughTrainGroups } from "./guarantees";
import { CompiledMeasure, MISSING, PartFigures } from "./compiledMeasures";
import {
  evaluateIndicator,
  givenDiffers,
  missingFigureDiagnostics,
  type MissingFigure,
} from "./indicators";
import { leanPartClass, partSource, PartStore, type LeanPartClass } from "./leanParts";
import { atLeast, atLeastCut, isCount, ratio } from "./numeric";
import type {
  AuditResult,
  CountyResult,
  ExcludedRecord,
  GuaranteeCheck,
  SchoolPartResult,
  SourceCell,
  StageResult,
} from "./result";
import { stageShare } from "./split";
import { UncountedFields } from "./uncounted";
import type { CountyForm } from "./county/form";
import { CountyItemSchools } from "./county/schoolFigures";
import {
  countyStandard,
  overallVerdict,
  schoolsOverFormDiagnostics,
  type ItemMemo,
} from "./county/verdict";
import { findStandard, type Standard } from "./standards";
import {
  resolveSettings,
  STAGE_NAMES,
  STAGES,
  type AuditSettings,
  type SchoolRecord,
  type SettingsInput,
  type Stage,
} from "./types";

export class UnknownStandardError extends Error {
  constructor(id: string) {
    super(`未知的评估标准「${id}」：可选 2017（优质均衡）或 2012（基本均衡）。`);
    this.name = "UnknownStandardError";
  }
}

/** `{ source }` of a record left out, or nothing when the record has no source. */
function sourceOf(record: SchoolRecord): { source?: SourceCell } {
  const source = partSource(record);
  return source ? { source } : {};
}

function countyOf(record: SchoolRecord): string {
  const county = record.county;
  if (typeof county !== "string") return "";
  // Most names need no trimming: skip the call (this runs several times per school).
  if (
    county.length > 0 &&
    !isSpace(county.charCodeAt(0)) &&
    !isSpace(county.charCodeAt(county.length - 1))
  )
    return county;
  return county.trim();
}

/** The characters String.prototype.trim removes (white space and line terminators). */
function isSpace(c: number): boolean {
  if (c > 0x20 && c < 0xa0) return false;
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Why a pupil count is unusable, or null when it is fine. */
function pupilProblem(pupils: unknown): string | null {
  if (pupils === undefined || pupils === null) return "缺失";
  if (typeof pupils !== "number" || !Number.isFinite(pupils))
    return `不是有效数字（${formatNumber(pupils)}）`;
  if (pupils < 0) return `为负数（${formatNumber(pupils)}）`;
  if (pupils === 0) return "为0";
  return null;
}

/** What every part of one audit shares: the compiled measures, the store and the part class. */
interface PartRun {
  standard: Standard;
  settings: AuditSettings;
  measures: CompiledMeasure[];
  store: PartStore;
  /** The figures of the part being audited (one object, reused). */
  figures: PartFigures;
  Part: LeanPartClass;
  /** Per stage index (primary, junior) and indicator: the threshold and its floor (null: none). */
  thresholds: (number | null)[][];
  floors: (number | null)[][];
  /** The same limits as atLeastCut gives them (NaN: none), for the values that are not negative. */
  thresholdCuts: Float64Array[];
  floorCuts: Float64Array[];
}

/** Each limit's atLeastCut, NaN for none. */
function cutsOf(limits: readonly (number | null)[]): Float64Array {
  return Float64Array.from(limits, (limit) => (limit === null ? NaN : atLeastCut(limit)));
}

/** atLeast(value, limit) through the limit's cut when value ≥ 0 (every value but a kept one). */
function reaches(value: number, limit: number, cut: number): boolean {
  return value >= 0 ? value >= cut : atLeast(value, limit);
}

function partRun(
  standard: Standard,
  settings: AuditSettings,
  records: readonly SchoolRecord[],
  countyNames: readonly string[]
): PartRun {
  const store = new PartStore(standard, records.length);
  const origins = store.origins;
  const floorRatio = standard.schoolRule?.floorRatio ?? 1;
  const thresholds = STAGES.map((stage) =>
    standard.indicators.map((spec) => spec.thresholds?.[stage] ?? null)
  );
  const floors = thresholds.map((row) => row.map((t) => (t === null ? null : t * floorRatio)));
  return {
    standard,
    settings,
    measures: standard.indicators.map((spec) => new CompiledMeasure(spec, settings, origins)),
    store,
    figures: new PartFigures(),
    Part: leanPartClass(store, records, countyNames),
    thresholds,
    floors,
    thresholdCuts: thresholds.map(cutsOf),
    floorCuts: floors.map(cutsOf),
  };
}

/**
 * Audits one stage of one counted record into the store: indicator values and school rule. The
 * usual case (figures present and usable) runs through the compiled measures; any other indicator
 * goes through the generic evaluateIndicator, which words its diagnostics.
 */
function auditPart(
  recordIndex: number,
  record: SchoolRecord,
  stage: Stage,
  pupils: number,
  countyNumber: number,
  run: PartRun,
  diagnostics: Diagnostic[],
  missing: MissingFigure[]
): void {
  const { standard, measures, store } = run;
  const specs = standard.indicators;
  const s = stage === "primary" ? 0 : 1;
  const thresholds = run.thresholds[s];
  const floors = run.floors[s];
  const thresholdCuts = run.thresholdCuts[s];
  const floorCuts = run.floorCuts[s];
  const share = stageShare(record, stage);
  const p = store.add(share, pupils, countyNumber, stage, recordIndex);
  const partFigures = run.figures.read(record, s);
  const given = (s === 0 ? record.stages.primary : record.stages.junior)?.given;
  let met = 0;
  /** Bit i: indicator i reaches its threshold. */
  let meets = 0;
  let allReachFloor = true;
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i];
    const measure = measures[i];
    const code = measure.evaluate(partFigures, s, pupils, share);
    // NaN for no value (a value is never NaN): a number | null would box every fractional value.
    let value = NaN;
    let slow = false;
    if (code >= 0) {
      value = ratio(measure.numerator, pupils, spec.scale);
      if (givenDiffers(given?.[spec.id], value)) slow = true;
      else store.set(p, i, code, measure.numerator);
    } else if (code === MISSING) {
      const held = given?.[spec.id];
      if (held === undefined) {
        missing.push({ record, stage, spec });
        store.setNone(p, i);
      } else if (isCount(held)) {
        value = held;
        store.setGiven(p, i, stage);
      } else slow = true;
    } else slow = true;
    if (slow) {
      const ctx = { record, stage, settings: run.settings, share, pupils };
      const detail = evaluateIndicator(spec, ctx, standard, diagnostics, missing);
      value = detail.value ?? NaN;
      store.keep(p, i, detail);
    }
    store.setValue(p, i, value);
    const threshold = thresholds[i];
    if (Number.isNaN(value) || threshold === null) allReachFloor = false;
    else {
      // Through the cuts: 186 of 1973 samples of auditPart were atLeast's tolerance.
      if (reaches(value, threshold, thresholdCuts[i])) {
        met++;
        meets |= 1 << i;
      }
      if (!reaches(value, floors[i]!, floorCuts[i])) allReachFloor = false;
    }
  }
  const rule = standard.schoolRule;
  const pass = rule ? met >= rule.minMet && allReachFloor : null;
  store.judge(p, rule ? met : 0, pass, meets);
}

/**
 * The part objects, made once every part is in the store, in its order. Made here rather than in
 * the loop over the records, neither that loop nor auditPart meets this audit's own part class
 * (see leanPartClass), so their optimised code holds from one audit to the next. A part's
 * figures (name, pupils, met, code, source …) are read from the store or the record when asked for.
 */
function partObjects(run: PartRun): SchoolPartResult[] {
  const { store, Part } = run;
  const parts: SchoolPartResult[] = [];
  for (let p = 0; p < store.size; p++) parts.push(new Part(p, store.recordAt(p), store.stageAt(p)));
  return parts;
}

function countyResult(
  name: string,
  standard: Standard,
  /** The rows of the county's parts in the store, primary then junior. */
  rows: readonly [Int32Array, Int32Array],
  guarantees: CheckTallies,
  form: CountyForm | undefined,
  settings: AuditSettings,
  itemSchools: { schools: SchoolRecord[]; columns: number } | undefined,
  store: PartRows,
  memo: ItemMemo
): CountyResult {
  const stages = {} as Record<Stage, StageResult>;
  for (let s = 0; s < STAGES.length; s++)
    stages[STAGES[s]] = stageResult(standard, STAGES[s], rows[s], store);
  const judged = STAGES.map((s) => stages[s].pass).filter((p) => p !== null);
  const guaranteesFailed = guarantees.failed;
  const guaranteesUnchecked = guarantees.open;
  const guaranteePass = guaranteesFailed === 0;
  const pass = judged.length > 0 && judged.every(Boolean) && guaranteePass;
  if (!standard.guarantees) {
    // The 2012 basic-balance standard has no county items: its verdict is resource allocation alone.
    const none = { status: "unchecked" as const, checked: 0, passed: 0, failed: 0, unchecked: 0 };
    const resource = {
      status: pass ? ("pass" as const) : ("fail" as const),
      checked: judged.length,
      passed: judged.filter(Boolean).length,
      failed: judged.filter((p) => !p).length,
      unchecked: 0,
    };
    return {
      name,
      stages,
      guaranteePass,
      guaranteesFailed,
      guaranteesUnchecked,
      pass,
      verdict: pass ? "pass" : "fail",
      dimensions: { resource, guarantee: none, quality: none, recognition: none },
      items: [],
      veto: [],
      missing: [],
    };
  }
  return {
    name,
    stages,
    guaranteePass,
    guaranteesFailed,
    guaranteesUnchecked,
    pass,
    ...countyStandard(
      stages,
      guarantees,
      form,
      settings,
      itemSchools?.schools ?? [],
      memo,
      itemSchools?.columns ?? 0
    ),
  };
}

/** Options beside the school records. */
export interface AuditOptions {
  /** The county forms 「县域指标」 read from the workbook (one per county). */
  countyForms?: readonly CountyForm[];
}

/**
 * The form of a county: by name; a single form and a single county go together even when only one
 * of them names the county.
 */
function formFor(
  name: string,
  forms: readonly CountyForm[],
  countyCount: number
): CountyForm | undefined {
  const named = forms.find((f) => f.county === name);
  if (named) return named;
  return countyCount === 1 && forms.length === 1 ? forms[0] : undefined;
}

/**
 * Audits school records against a standard: who counts, each part's indicators and verdict,
 * each county's CVs and verdict. Bad records never stop the audit: they are left out with a
 * diagnostic and the rest is audited.
 *
 * @throws UnknownStandardError when settings.standard names no known standard.
 */
export function audit(
  records: readonly SchoolRecord[],
  settingsInput: SettingsInput = {},
  options: AuditOptions = {}
): AuditResult {
  const settings = resolveSettings(settingsInput);
  const standard = findStandard(settings.standard);
  if (!standard) throw new UnknownStandardError(settings.standard);

  const diagnostics: Diagnostic[] = [];
  const excluded: ExcludedRecord[] = [];
  let guarantees: GuaranteeCheck[] | undefined;
  const missing: MissingFigure[] = [];
  // Counties are numbered as their first counted part comes (the store groups parts by number).
  const countyNames: string[] = [];
  const run = partRun(standard, settings, records, countyNames);

  // A through-train school given as one record per part is one school for G4 (its pupils summed).
  // Typed arrays, not a verdict per record: almost every record counts, and the few that do not
  // have their verdict asked again below (eligibility is cheap and has no side effect).
  const counted = new Uint8Array(records.length);
  const eligibleIndexes = new Int32Array(records.length);
  let eligibleCount = 0;
  for (let i = 0; i < records.length; i++) {
    if (!eligibility(records[i], settings).counted) continue;
    counted[i] = 1;
    eligibleIndexes[eligibleCount++] = i;
  }
  const eligible = eligibleIndexes.subarray(0, eligibleCount);
  const partGroups = standard.guarantees ? throughTrainGroups(records, eligible, countyOf) : [];
  /** 1 for the records of a through-train school given as one record per part. */
  const grouped = new Uint8Array(records.length);
  for (const group of partGroups) for (const i of group) grouped[i] = 1;
  const checks = standard.guarantees
    ? new SchoolChecks(records, standard.guarantees, settings, partGroups, countyOf, partSource)
    : null;

  const countyNumbers = new Map<string, number>();
  let lastCounty = "";
  let lastNumber = -1;
  // What else each record is needed for, gathered while it is at hand: the county items'
  // schools (G6, G9, G12, Q4: every school of the county, small teaching points too) and the
  // fields a setting keeps out of the figures.
  const itemSchools = new CountyItemSchools(settings);
  const uncounted = new UncountedFields(settings);
  for (let recordIndex = 0; recordIndex < records.length; recordIndex++) {
    const record = records[recordIndex];
    const county = countyOf(record);
    itemSchools.add(record, county);
    uncounted.add(record);
    if (counted[recordIndex] === 0) {
      // Left out by the first pass: its verdict again, for the reason.
      const verdict = eligibility(record, settings);
      if (!verdict.counted) {
        excluded.push({
          recordIndex,
          name: record.name,
          county,
          reason: verdict.reason,
          ...sourceOf(record),
        });
        diagnostics.push(
          recordDiagnostic(
            record,
            "info",
            verdict.code,
            `${describeRecord(record)}未计入：${verdict.reason}。`
          )
        );
      }
      continue;
    }
    let countedParts = 0;
    for (let s = 0; s < STAGES.length; s++) {
      const stage = STAGES[s];
      // By name, not by a key that changes from stage to stage (one place per stage in the code).
      const stages = record.stages;
      if (!(s === 0 ? "primary" in stages : "junior" in stages)) continue;
      const pupils = (s === 0 ? stages.primary : stages.junior)?.pupils;
      const problem = pupilProblem(pupils);
      if (problem) {
        const reason = `${STAGE_NAMES[stage]}在校生数${problem}，应为大于0的人数`;
        excluded.push({
          recordIndex,
          name: record.name,
          county,
          stage,
          reason,
          ...sourceOf(record),
        });
        diagnostics.push(
          recordDiagnostic(
            record,
            "warning",
            "engine.pupils-invalid",
            `${describeRecord(record)}${reason}；该校${STAGE_NAMES[stage]}部分未参与计算。`,
            `pupils.${stage}`
          )
        );
        continue;
      }
      if (lastNumber < 0 || county !== lastCounty) {
        // A county's schools usually sit together: most parts need no lookup.
        let number = countyNumbers.get(county);
        if (number === undefined) {
          number = countyNames.length;
          countyNames.push(county);
          countyNumbers.set(county, number);
        }
        lastCounty = county;
        lastNumber = number;
      }
      auditPart(
        recordIndex,
        record,
        stage,
        pupils as number,
        lastNumber,
        run,
        diagnostics,
        missing
      );
      countedParts++;
    }
    if (countedParts > 0 && checks) checks.add(recordIndex, grouped[recordIndex] === 0, county);
  }

  const schools = partObjects(run);

  diagnostics.push(...missingFigureDiagnostics(missing, run.store.partsPerStage()));
  diagnostics.push(...uncounted.notes());

  // Counties come from the counted schools: an excluded row alone does not make a county.
  const countyRows = run.store.rowsByCounty(countyNames.length);
  if (countyNames.length === 0) {
    countyNames.push("");
    countyRows.push([new Int32Array(0), new Int32Array(0)]);
  }
  const forms = options.countyForms ?? [];
  const memo: ItemMemo = new Map();
  const counties = countyNames.map((name, c) =>
    countyResult(
      name,
      standard,
      countyRows[c],
      checks ? checks.ofCounty(name) : new CheckTallies(),
      formFor(name, forms, countyNames.length),
      settings,
      itemSchools.of(name),
      run.store,
      memo
    )
  );
  diagnostics.push(...schoolsOverFormDiagnostics(counties));
  for (const form of forms) {
    if (!counties.some((c) => formFor(c.name, forms, counties.length) === form)) {
      diagnostics.push({
        level: "warning",
        code: "engine.county-form-unmatched",
        sheet: form.sheet,
        cell: "",
        message: `县域指标表「${form.sheet}」中县（区）「${form.county}」在学校表中没有对应的学校，该县的填报值未使用。`,
      });
    }
  }
  if (schools.length === 0) {
    diagnostics.push({
      level: "error",
      code: "engine.no-schools",
      sheet: "",
      cell: "",
      message: "没有可参与计算的学校：请检查在校生数和学段。",
    });
  }
  return {
    standard: { id: standard.id, name: standard.name, document: standard.document },
    settings,
    schools,
    stages: counties.length === 1 ? counties[0].stages : null,
    counties,
    // Built when read (see SchoolChecks), then kept.
    get guarantees(): GuaranteeCheck[] {
      return (guarantees ??= checks ? checks.all() : []);
    },
    set guarantees(list: GuaranteeCheck[]) {
      guarantees = list;
    },
    excluded,
    diagnostics,
    pass: schools.length > 0 && counties.every((c) => c.pass),
    verdict: schools.length > 0 ? overallVerdict(counties.map((c) => c.verdict)) : "incomplete",
  };
}
