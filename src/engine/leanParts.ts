/**
 * The audit's school parts, kept lean: each part holds its own figures (name, stage, pupils,
 * met, pass), and its indicator values, details and shortfalls are built from a compact
 * per-audit store (typed arrays) when someone reads them (`part.values`, `part.details`,
 * `part.shortfalls`, or JSON). A
 * province's audit (hundreds of thousands of parts) then holds a few hundred bytes a part instead
 * of seven detail objects and the shortfalls' advice text, and the engine does not spend its time
 * building figures the report or the pane may never read.
 *
 * The optional figures (code, owner, ownerLabel, grades, classes, source) are read from the part's
 * record when asked for, as the audit would have copied them: a part object then holds its nine
 * own figures and nothing else (no source object, no property added after construction), which
 * at a province's scale is the difference between the parts fitting the young generation or not.
 *
 * Reading `values`, `details` or `shortfalls` twice in a row for the same part returns the same object;
 * otherwise each read builds fresh objects with the same content. `JSON.stringify(part)` gives
 * the documented shape (docs/audit-result.md), key for key as the plain objects did.
 */
import { facilityShareNote, givenOrigin, type Origin } from "./compiledMeasures";
import { judgedDetail } from "./indicators";
import { isCount } from "./numeric";
import type { IndicatorDetail, SchoolPartResult, Shortfall, SourceCell } from "./result";
import type { IndicatorSpec, Standard } from "./standards";
import type { Owner, SchoolKind, SchoolRecord, Stage } from "./types";
import { shortfallOf } from "./verdicts";

/** Store codes besides an origin id (≥ 0). */
const NO_VALUE = -1;
const KEPT = -2;

/** A part's school rule in the store. */
const FAILS = 0;
const PASSES = 1;
const UNJUDGED = 2;

function stageIndex(stage: Stage): 0 | 1 {
  return stage === "primary" ? 0 : 1;
}

/** Grows a typed array to hold at least `size` entries (doubling). */
function grown<T extends Float64Array | Int32Array | Uint32Array | Uint8Array>(
  array: T,
  size: number
): T {
  if (size <= array.length) return array;
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2));
  bigger.set(array);
  return bigger;
}

/** What every part shares: the standard's indicators and how each value was found. */
export class PartStore {
  readonly specs: readonly IndicatorSpec[];
  readonly origins: Origin[] = [];
  private readonly k: number;
  private readonly floorRatio: number;
  private readonly judged: boolean;
  /** Per part and indicator: an origin id, NO_VALUE or KEPT. */
  private codes: Int32Array;
  /** Per part and indicator: the numerator (NaN when there is none). */
  private numerators: Float64Array;
  /** Per part and indicator: the value (NaN when there is none: a value is never NaN). */
  private valueColumn: Float64Array;
  /** Per part: its share of shared facilities. */
  private shares: Float64Array;
  /**
   * Per part: its pupils, its school rule (PASSES, FAILS or UNJUDGED), how many indicators meet
   * their thresholds, and its county's number.
   */
  private students: Float64Array;
  private passes: Uint8Array;
  private mets: Uint8Array;
  /** Per part: a bit per indicator whose value reaches its threshold (bit i: indicator i). */
  private meets: Uint32Array;
  private counties: Int32Array;
  private stages: Uint8Array;
  /** Per part: the index of its record. */
  private records: Int32Array;
  /** Details the generic path built (a value cross-checked against a different one the sheet held). */
  private readonly kept = new Map<number, IndicatorDetail>();
  private readonly given: number[][];
  private count = 0;
  private lastValuesOf: object | null = null;
  private lastValues: Record<string, number | null> | null = null;
  private lastDetailsOf: object | null = null;
  private lastDetails: Record<string, IndicatorDetail> | null = null;
  private lastShortfallsOf: object | null = null;
  private lastShortfalls: Shortfall[] | null = null;

  constructor(standard: Standard, expectedParts: number) {
    this.specs = standard.indicators;
    this.k = this.specs.length;
    if (this.k > 32) throw new Error("PartStore: a standard of more than 32 indicators");
    this.floorRatio = standard.schoolRule?.floorRatio ?? 1;
    this.judged = !!standard.schoolRule;
    const capacity = Math.max(16, expectedParts);
    this.codes = new Int32Array(capacity * this.k);
    this.numerators = new Float64Array(capacity * this.k);
    this.valueColumn = new Float64Array(capacity * this.k);
    this.shares = new Float64Array(capacity);
    this.students = new Float64Array(capacity);
    this.passes = new Uint8Array(capacity);
    this.mets = new Uint8Array(capacity);
    this.meets = new Uint32Array(capacity);
    this.counties = new Int32Array(capacity);
    this.stages = new Uint8Array(capacity);
    this.records = new Int32Array(capacity);
    this.given = [0, 1].map(() => this.specs.map(() => -1));
  }

  /**
   * Starts a part of a county (numbered by the caller) and stage, with its pupils and share:
   * returns its index (row), at which `set` records each indicator and `judge` its verdict.
   */
  add(share: number, students: number, county: number, stage: Stage, recordIndex: number): number {
    const p = this.count++;
    if (p >= this.shares.length) {
      this.shares = grown(this.shares, p + 1);
      this.students = grown(this.students, p + 1);
      this.passes = grown(this.passes, p + 1);
      this.mets = grown(this.mets, p + 1);
      this.meets = grown(this.meets, p + 1);
      this.counties = grown(this.counties, p + 1);
      this.stages = grown(this.stages, p + 1);
      this.records = grown(this.records, p + 1);
      this.codes = grown(this.codes, (p + 1) * this.k);
      this.numerators = grown(this.numerators, (p + 1) * this.k);
      this.valueColumn = grown(this.valueColumn, (p + 1) * this.k);
    }
    this.shares[p] = share;
    this.students[p] = students;
    this.counties[p] = county;
    this.stages[p] = stageIndex(stage);
    this.records[p] = recordIndex;
    return p;
  }

  /**
   * The part at row p counts `met` indicators meeting their thresholds for its school rule, and
   * passes the rule (null: none); `meets` has bit i set when indicator i's value reaches its
   * threshold (what a stage's columns count, rule or no rule).
   */
  judge(p: number, met: number, pass: boolean | null, meets: number): void {
    this.mets[p] = met;
    this.meets[p] = meets;
    this.passes[p] = pass === null ? UNJUDGED : pass ? PASSES : FAILS;
  }

  /** The part at row p's indicators whose values reach their thresholds: bit i for indicator i. */
  meetsOf(p: number): number {
    return this.meets[p];
  }

  metAt(p: number): number {
    return this.mets[p];
  }

  /** The school rule of the part at row p (null under a standard without one). */
  passAt(p: number): boolean | null {
    const pass = this.passes[p];
    return pass === UNJUDGED ? null : pass === PASSES;
  }

  /** The number of the county of the part at row p (as the audit numbered them). */
  countyAt(p: number): number {
    return this.counties[p];
  }

  studentsAt(p: number): number {
    return this.students[p];
  }

  passesAt(p: number): boolean {
    return this.passes[p] === PASSES;
  }

  /**
   * The rows of each county's parts by stage ([county][0 primary, 1 junior]), in the order the
   * parts were added: a counting sort over the store, without visiting a part object.
   */
  rowsByCounty(countyCount: number): [Int32Array, Int32Array][] {
    const n = this.count;
    const starts = new Int32Array(countyCount * 2 + 1);
    for (let p = 0; p < n; p++) starts[this.counties[p] * 2 + this.stages[p] + 1]++;
    for (let g = 0; g < countyCount * 2; g++) starts[g + 1] += starts[g];
    const rows = new Int32Array(n);
    const next = starts.slice(0, countyCount * 2);
    for (let p = 0; p < n; p++) rows[next[this.counties[p] * 2 + this.stages[p]]++] = p;
    const out: [Int32Array, Int32Array][] = [];
    for (let c = 0; c < countyCount; c++)
      out.push([
        rows.subarray(starts[c * 2], starts[c * 2 + 1]),
        rows.subarray(starts[c * 2 + 1], starts[c * 2 + 2]),
      ]);
    return out;
  }

  /** How many parts there are (rows 0 to size − 1). */
  get size(): number {
    return this.count;
  }

  /** The index of the record of the part at row p. */
  recordAt(p: number): number {
    return this.records[p];
  }

  /** The stage of the part at row p. */
  stageAt(p: number): Stage {
    return this.stages[p] === 0 ? "primary" : "junior";
  }

  /** Parts per stage. */
  partsPerStage(): Record<Stage, number> {
    const counts = { primary: 0, junior: 0 };
    for (let p = 0; p < this.count; p++) {
      if (this.stages[p] === 0) counts.primary++;
      else counts.junior++;
    }
    return counts;
  }

  /** Indicator i of part p: found from counts (origin id, numerator), or no value (NO_VALUE). */
  set(p: number, i: number, code: number, numerator: number): void {
    this.codes[p * this.k + i] = code;
    this.numerators[p * this.k + i] = numerator;
  }

  /** The value of indicator i of part p (null: none). */
  setValue(p: number, i: number, value: number | null): void {
    this.valueColumn[p * this.k + i] = value === null ? NaN : value;
  }

  /** The value of indicator i of part p, NaN when there is none. */
  valueAt(p: number, i: number): number {
    return this.valueColumn[p * this.k + i];
  }

  valueOf(p: number, i: number): number | null {
    const value = this.valueColumn[p * this.k + i];
    return Number.isNaN(value) ? null : value;
  }

  /** The values of part p by indicator id, in the standard's order. */
  values(p: number, part: LeanPart): Record<string, number | null> {
    if (this.lastValuesOf === part && this.lastValues) return this.lastValues;
    const values: Record<string, number | null> = {};
    for (let i = 0; i < this.k; i++) values[this.specs[i].id] = this.valueOf(p, i);
    this.lastValuesOf = part;
    this.lastValues = values;
    return values;
  }

  /** Indicator i of part p came from the value the sheet held. */
  setGiven(p: number, i: number, stage: Stage): void {
    const s = stageIndex(stage);
    let id = this.given[s][i];
    if (id < 0) {
      id = this.origins.length;
      this.origins.push(givenOrigin(stage, this.specs[i]));
      this.given[s][i] = id;
    }
    this.set(p, i, id, NaN);
  }

  /** Indicator i of part p has no value. */
  setNone(p: number, i: number): void {
    this.set(p, i, NO_VALUE, NaN);
  }

  /**
   * Indicator i of part p as the generic path built it: a part without a value is stored as
   * such, any other detail is kept whole (a value cross-checked against another the sheet held).
   */
  keep(p: number, i: number, detail: IndicatorDetail): void {
    if (detail.value === null && detail.from === null && detail.fields.length === 0) {
      this.setNone(p, i);
      return;
    }
    this.set(p, i, KEPT, NaN);
    this.kept.set(p * this.k + i, detail);
  }

  shareOf(p: number): number {
    return this.shares[p];
  }

  /** The details of part p (whose own figures are `part`). */
  details(p: number, part: LeanPart): Record<string, IndicatorDetail> {
    if (this.lastDetailsOf === part && this.lastDetails) return this.lastDetails;
    const details: Record<string, IndicatorDetail> = {};
    for (let i = 0; i < this.k; i++) details[this.specs[i].id] = this.detail(p, i, part);
    this.lastDetailsOf = part;
    this.lastDetails = details;
    return details;
  }

  private detail(p: number, i: number, part: LeanPart): IndicatorDetail {
    const spec = this.specs[i];
    const at = p * this.k + i;
    const code = this.codes[at];
    if (code === KEPT) return this.kept.get(at)!;
    const threshold = spec.thresholds?.[part.stage] ?? null;
    if (code === NO_VALUE) return judgedDetail(threshold, this.floorRatio, null);
    const origin = this.origins[code];
    const numerator = this.numerators[at];
    return judgedDetail(threshold, this.floorRatio, this.valueOf(p, i), {
      from: origin.from,
      numerator: Number.isNaN(numerator) ? null : numerator,
      fields: origin.fields,
      subtracted: origin.subtracted,
      split: origin.split,
      notes: origin.shareNote ? [...origin.notes, facilityShareNote(this.shares[p])] : origin.notes,
      estimate: origin.estimate,
    });
  }

  /** The shortfalls of part p: one per indicator below its threshold (none without a school rule). */
  shortfalls(p: number, part: LeanPart): Shortfall[] {
    if (this.lastShortfallsOf === part && this.lastShortfalls) return this.lastShortfalls;
    const shortfalls: Shortfall[] = [];
    if (this.judged) {
      const details = this.details(p, part);
      for (const spec of this.specs) {
        const shortfall = shortfallOf(spec, details[spec.id], part.students, this.shares[p]);
        if (shortfall) shortfalls.push(shortfall);
      }
    }
    this.lastShortfallsOf = part;
    this.lastShortfalls = shortfalls;
    return shortfalls;
  }
}

/** A part's own figures: what the class below holds as plain properties. */
/** The part's keys that JSON has only when set, in the order the plain objects had them. */
const OPTIONAL_PART_KEYS = ["code", "owner", "ownerLabel", "grades", "classes", "source"] as const;
type OptionalPartKey = (typeof OPTIONAL_PART_KEYS)[number];

export type LeanPart = Omit<SchoolPartResult, "values" | "details" | "shortfalls">;

/**
 * A part class's constructor: the part's row in the store, its record and its stage; every other
 * figure is read from the store (pupils, met, pass, county) or the record (name, kind, and the
 * optional ones: code, owner, ownerLabel, grades, classes, source) when asked for.
 */
export type LeanPartClass = {
  /** A part's index in the store. */
  indexOf(part: SchoolPartResult): number;
} & (new (p: number, recordIndex: number, stage: Stage) => SchoolPartResult);

/**
 * Where a record's part points in its sheet: the row, and the name cell when the reader knows it.
 * One literal per shape (adding `cell` afterwards would give each source a property store too).
 *
 * @example
 * partSource({ name: "一小", kind: "primary", stages: {}, source: { sheet: "学校", row: 4 } }); // { sheet: "学校", row: 4 }
 */
export function partSource(record: SchoolRecord): SourceCell | undefined {
  if (!record.source) return undefined;
  const cell = record.source.cells?.name;
  return cell
    ? { sheet: record.source.sheet, row: record.source.row, cell }
    : { sheet: record.source.sheet, row: record.source.row };
}

/**
 * The part class of one audit: a part holds its record's index and its stage (its two own
 * properties); its figures come from `store` and `records`, its county's name from `countyNames`
 * (by the number the store keeps). One class per audit, so none of them needs a property of its
 * own on each part; the part's row in the store is kept in a side array keyed by record and stage.
 * A province's parts are then 40 bytes each, not 88 (nine own properties).
 */
export function leanPartClass(
  store: PartStore,
  records: readonly SchoolRecord[],
  countyNames: readonly string[]
): LeanPartClass {
  const indexOf = new Int32Array(records.length * 2);
  const at = (part: LeanPart) => indexOf[part.recordIndex * 2 + stageIndex(part.stage)];
  const stageFigures = (part: LeanPart) => {
    const stages = records[part.recordIndex].stages;
    return part.stage === "primary" ? stages.primary : stages.junior;
  };

  class SchoolPart implements SchoolPartResult {
    static indexOf(part: LeanPart): number {
      return at(part);
    }

    declare recordIndex: number;
    declare stage: Stage;

    constructor(p: number, recordIndex: number, stage: Stage) {
      this.recordIndex = recordIndex;
      this.stage = stage;
      indexOf[recordIndex * 2 + stageIndex(stage)] = p;
    }

    get name(): string {
      return records[this.recordIndex].name;
    }

    get county(): string {
      return countyNames[store.countyAt(at(this))];
    }

    get kind(): SchoolKind {
      return records[this.recordIndex].kind;
    }

    get students(): number {
      return store.studentsAt(at(this));
    }

    get met(): number {
      return store.metAt(at(this));
    }

    get pass(): boolean | null {
      return store.passAt(at(this));
    }

    // Optional figures only when present (as the audit copied them), so the JSON stays lean.
    get code(): string | undefined {
      const code = records[this.recordIndex].code;
      return code ? code : undefined;
    }

    get owner(): Owner | undefined {
      const owner = records[this.recordIndex].owner;
      return owner ? owner : undefined;
    }

    get ownerLabel(): string | undefined {
      const label = records[this.recordIndex].ownerLabel;
      return label ? label : undefined;
    }

    get grades(): number | undefined {
      const grades = stageFigures(this)?.grades;
      return isCount(grades) ? grades : undefined;
    }

    get classes(): number | undefined {
      const classes = stageFigures(this)?.classes;
      return isCount(classes) ? classes : undefined;
    }

    get source(): SourceCell | undefined {
      return partSource(records[this.recordIndex]);
    }

    get values(): Record<string, number | null> {
      return store.values(at(this), this);
    }

    get details(): Record<string, IndicatorDetail> {
      return store.details(at(this), this);
    }

    get shortfalls(): Shortfall[] {
      return store.shortfalls(at(this), this);
    }

    /** The documented JSON shape, in the order the plain objects had. */
    toJSON(): SchoolPartResult {
      const json: SchoolPartResult = {
        recordIndex: this.recordIndex,
        name: this.name,
        county: this.county,
        kind: this.kind,
        stage: this.stage,
        students: this.students,
        values: this.values,
        details: this.details,
        met: this.met,
        pass: this.pass,
        shortfalls: this.shortfalls,
      };
      const optional = json as unknown as Record<OptionalPartKey, unknown>;
      for (const key of OPTIONAL_PART_KEYS) {
        const value = this[key];
        if (value !== undefined) optional[key] = value;
      }
      return json;
    }
  }
  return SchoolPart;
}
