/**
 * The catalogue's measures compiled once per audit (settings fixed): the same rules as
 * measures.ts (`measure`), evaluated without building objects per part. A province has hundreds
 * of thousands of parts, so the per-part work is a few property reads and additions; what the
 * numerator was made of is interned as an `Origin` (one shared object per distinct combination
 * of figures), and the details are built from it only when someone reads them.
 *
 * Only the usual case is compiled: figures present and usable. A missing, invalid or negative
 * numerator answers `SLOW`, and the caller evaluates that indicator the generic way
 * (indicators.ts `evaluateIndicator`), which words the diagnostics. test/engine/lean.test.ts
 * checks the two agree on random counties.
 */
import { findSetting } from "./catalogue/settings";
import { settingValue } from "./catalogue/settingValues";
import { resolvedMeasure, sharedFields, type ResolvedTerm } from "./measures";
import type { IndicatorDetail } from "./result";
import type { IndicatorSpec } from "./standards";
import type { AuditSettings, SchoolRecord, Stage } from "./types";

const NO_STRINGS: readonly string[] = Object.freeze([]);

/** The note the generic path adds when whole-school teachers are split by the part's share. */
export const WHOLE_TEACHERS_NOTE = "全校教师数按学段折算（估算）";

/** The note of a facility shared by a through-train school's stages (it names the share). */
export function facilityShareNote(share: number): string {
  return `共用设施按折算学生数分摊（占${(share * 100).toFixed(1)}%）`;
}

/** What a counted value was made of: shared by every part whose figures were found the same way. */
export interface Origin {
  from: IndicatorDetail["from"];
  fields: readonly string[];
  subtracted: readonly string[];
  split: boolean;
  estimate: boolean;
  /** Notes that do not depend on the part. */
  notes: readonly string[];
  /** The facility-share note (it names the part's share) follows `notes`. */
  shareNote: boolean;
}

/** A term with everything that does not change from part to part decided. */
interface Term {
  keys: readonly string[];
  sign: 1 | -1;
  extra: boolean;
  /** Counted for [primary, junior]. */
  stageOk: readonly [boolean, boolean];
  /** An extra's setting is on (always true for a term that is not an extra). */
  settingOn: boolean;
  pupilMin: number;
  pupilMax: number;
  /** The fields whose figures keep this term out (as figure readers: keys, or a named field). */
  without: readonly FieldRead[] | null;
  note: string | undefined;
  /** The record path per owner index (OWNERS). */
  paths: readonly string[];
  /** 1 << the term's place in its alternative (the bits of Scratch.added and noted). */
  bit: number;
  /** The term's field in NAMED_FIELDS (a single key found there), or -1. */
  named: number;
}

/** Owner indexes: a stage's own teachers, the whole school's teachers, the facilities. */
const OWNERS = ["primary", "junior", "whole", ""] as const;
const WHOLE = 2;
const FACILITY = 3;

function compileTerm(term: ResolvedTerm, settings: AuditSettings, place: number): Term {
  const setting = term.extra ? findSetting(term.extra.setting) : undefined;
  const range = term.extra?.pupils;
  return {
    keys: term.keys,
    sign: term.sign ?? 1,
    extra: !!term.extra,
    stageOk: [
      !term.stages || term.stages.includes("primary"),
      !term.stages || term.stages.includes("junior"),
    ],
    settingOn: !setting || settingValue(settings, setting) === true,
    pupilMin: range ? range.min : -Infinity,
    pupilMax: range ? range.max : Infinity,
    without: term.withoutKeys?.map(fieldRead) ?? null,
    note: term.note,
    paths: OWNERS.map((owner) => term.paths[owner]),
    bit: 1 << place,
    named: namedIndex(term.keys),
  };
}

/** How a figure is read: its keys under its owner, and its field in NAMED_FIELDS (or -1). */
interface FieldRead {
  keys: readonly string[];
  named: number;
}

function namedIndex(keys: readonly string[]): number {
  return keys.length === 1 ? NAMED_FIELDS.indexOf(keys[0] as never) : -1;
}

function fieldRead(keys: readonly string[]): FieldRead {
  return { keys, named: namedIndex(keys) };
}

/**
 * The record fields the catalogue's measures read, each read by name (types.ts names them):
 * a read by name is one per field at its own place in the code, where a read by a key that
 * changes from term to term goes through the engine's slow lookup for every term of every part.
 * A field not listed here is read by key (figureOf), with the same result.
 */
export const NAMED_FIELDS = [
  "aboveDegree",
  "backbone",
  "peArts",
  "pe",
  "music",
  "art",
  "arts",
  "artsTotal",
  "rotatingPeArts",
  "seniorTitle",
  "total",
  "fullTime",
  "teachingArea",
  "indoorSportsArea",
  "sportsArea",
  "sportsHallArea",
  "sportsGroundArea",
  "extraSportsArea",
  "equipmentValue",
  "multimediaRooms",
  "computers",
  "books",
] as const;

/**
 * What a figure read found: none, a blank (null), a usable count (its number left in `out[0]`),
 * anything else; NUMBER (any number, in `out[0]`) is what readNamedFigure answers before the
 * number is checked.
 */
export const ABSENT = 0;
export const BLANK = 1;
export const COUNT = 2;
export const NOT_COUNT = 3;
export const NUMBER = 4;

/** The kind of a figure that is not a number. */
function otherKind(x: unknown): number {
  return x === undefined ? ABSENT : x === null ? BLANK : NOT_COUNT;
}

/** The kind of a figure (ABSENT, BLANK, COUNT or NOT_COUNT, as isCount), a count's number left in `out[0]`. */
export function figureKind(x: unknown, out: Float64Array): number {
  if (typeof x !== "number") return otherKind(x);
  out[0] = x;
  return countKind(out);
}

/** COUNT when the number in `out[0]` is a usable count (finite, not negative), else NOT_COUNT. */
function countKind(out: Float64Array): number {
  const n = out[0];
  return Number.isFinite(n) && n >= 0 ? COUNT : NOT_COUNT;
}

/**
 * Reads the field `NAMED_FIELDS[field]` of an owner (a stage's teachers, the whole school's, the
 * facilities): ABSENT, BLANK, NOT_COUNT, or NUMBER with the number in `out[0]`. The cases of
 * namedFigure follow NAMED_FIELDS' order: test/engine/namedFields.test.ts holds them to it.
 */
export function readNamedFigure(owner: object, field: number, out: Float64Array): number {
  if (typeof owner !== "object" || owner === null) return ABSENT;
  const x = namedFigure(owner as Record<(typeof NAMED_FIELDS)[number], unknown>, field);
  if (typeof x !== "number") return otherKind(x);
  out[0] = x;
  return NUMBER;
}

/** The field `NAMED_FIELDS[field]` of an owner, by name, in NAMED_FIELDS' order. */
function namedFigure(o: Record<(typeof NAMED_FIELDS)[number], unknown>, field: number): unknown {
  switch (field) {
    case 0:
      return o.aboveDegree;
    case 1:
      return o.backbone;
    case 2:
      return o.peArts;
    case 3:
      return o.pe;
    case 4:
      return o.music;
    case 5:
      return o.art;
    case 6:
      return o.arts;
    case 7:
      return o.artsTotal;
    case 8:
      return o.rotatingPeArts;
    case 9:
      return o.seniorTitle;
    case 10:
      return o.total;
    case 11:
      return o.fullTime;
    case 12:
      return o.teachingArea;
    case 13:
      return o.indoorSportsArea;
    case 14:
      return o.sportsArea;
    case 15:
      return o.sportsHallArea;
    case 16:
      return o.sportsGroundArea;
    case 17:
      return o.extraSportsArea;
    case 18:
      return o.equipmentValue;
    case 19:
      return o.multimediaRooms;
    case 20:
      return o.computers;
    default:
      return o.books;
  }
}

/** A term's figure (see figureKind): by name when NAMED_FIELDS has it, else by its keys. */
function readFigure(owner: object, t: FieldRead, out: Float64Array): number {
  if (t.named < 0) return figureKind(figureOf(owner, t.keys), out);
  const kind = readNamedFigure(owner, t.named, out);
  return kind === NUMBER ? countKind(out) : kind;
}

function figureOf(owner: object, keys: readonly string[]): unknown {
  // Most figures sit right on their owner ("backbone", not "byDegree.bachelor").
  if (keys.length === 1)
    return typeof owner === "object" && owner !== null
      ? (owner as Record<string, unknown>)[keys[0]]
      : undefined;
  let node: unknown = owner;
  for (let i = 0; i < keys.length; i++) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[keys[i]];
  }
  return node;
}

/** Some of these figures is there (a loop: no closure per part). */
function anyFigure(figures: object, reads: readonly FieldRead[], out: Float64Array): boolean {
  for (let i = 0; i < reads.length; i++)
    if (readFigure(figures, reads[i], out) !== ABSENT) return true;
  return false;
}

/** The result of one sum, kept in fields rather than a new object per part. */
class Scratch {
  /** The sum (a typed array: a number field would box every new value). */
  readonly value = new Float64Array(1);
  /** The figure last read (readFigure). */
  readonly figure = new Float64Array(1);
  /** Bits of the chosen alternative's terms that were added / whose note is said. */
  added = 0;
  noted = 0;
  alternative = 0;
  present = false;
  invalid = false;
}

/** No facilities: every figure of it is absent (one object for every record without them). */
const NO_FIGURES: object = Object.freeze({});

/** The figures a part's measures read, taken from its record once per part. */
export class PartFigures {
  /** The stage's own teachers. */
  own: object | undefined = undefined;
  /** The whole school's teachers. */
  whole: object | undefined = undefined;
  facilities: object = NO_FIGURES;

  /** Takes the figures of `stage` of `record` (reused from part to part: no object per part). */
  read(record: SchoolRecord, stage: 0 | 1): this {
    const figures = stage === 0 ? record.stages.primary : record.stages.junior;
    this.own = figures?.teachers;
    this.whole = record.wholeSchoolTeachers;
    this.facilities = record.facilities ?? NO_FIGURES;
    return this;
  }
}

/** Answer of `evaluate` when the generic path must decide (missing, invalid or negative figures). */
export const SLOW = -1;
/** Answer of `evaluate` when the part has no figure at all for the measure. */
export const MISSING = -2;

/**
 * One indicator's measure, compiled for one audit's settings. `evaluate` returns the id of the
 * value's origin (see `origin`) and leaves the numerator in `numerator`, or MISSING or SLOW.
 */
export class CompiledMeasure {
  /** The numerator of the last `evaluate` (a typed array: a number field would box every new value). */
  private readonly result = new Float64Array(1);

  get numerator(): number {
    return this.result[0];
  }

  private readonly alternatives: readonly (readonly Term[])[];
  /**
   * Per stage and alternative: the terms that decide whether the alternative is used (not
   * extras, counted for the stage), and the terms that may count (counted for the stage, and an
   * extra only when its setting is on): `sum` skips the others before reading anything, so they
   * are left out once per audit instead of once per part.
   */
  private readonly deciding: readonly (readonly (readonly Term[])[])[];
  private readonly counting: readonly (readonly (readonly Term[])[])[];
  /**
   * Per stage: the term that is all the first alternative counts, when it is a plain figure (no
   * extra, no "only without"), else null. Most measures are one such figure (骨干教师, 教学仪器设备值 …),
   * and once it is there the sum is that figure: `sum` takes it without its general loop.
   */
  private readonly single: readonly (Term | null)[];
  private readonly teachers: boolean;
  private readonly scratch = new Scratch();
  /** The audit's origins, and each origin's id there by its key. */
  private readonly origins: Origin[];
  private readonly originIds = new Map<number, number>();

  constructor(spec: IndicatorSpec, settings: AuditSettings, origins: Origin[]) {
    const resolved = resolvedMeasure(spec.measure);
    this.teachers = resolved.def.source === "teachers";
    this.alternatives = resolved.alternatives.map((a) =>
      a.map((t, place) => compileTerm(t, settings, place))
    );
    this.deciding = [0, 1].map((stage) =>
      this.alternatives.map((terms) => terms.filter((t) => !t.extra && t.stageOk[stage]))
    );
    this.counting = [0, 1].map((stage) =>
      this.alternatives.map((terms) => terms.filter((t) => t.stageOk[stage] && t.settingOn))
    );
    this.single = this.counting.map(([first]) =>
      first.length === 1 && !first[0].extra && !first[0].without ? first[0] : null
    );
    this.origins = origins;
    if (this.alternatives.some((a) => a.length > 16))
      throw new Error(`catalogue: measure ${spec.measure} has too many terms`);
  }

  /**
   * The numerator of `stage` (0 primary, 1 junior) of a part with `pupils` and `share`, from the
   * figures its record gives: the stage's own teachers, the whole school's, and the facilities
   * (`partFigures`, read once per part for all its measures).
   */
  evaluate(figures: PartFigures, stage: 0 | 1, pupils: number, share: number): number {
    const s = this.scratch;
    if (this.teachers) {
      const own = figures.own;
      if (own) {
        this.sum(own, stage, pupils);
        if (s.present) return this.outcome(stage, 1, false, false);
      }
      const whole = figures.whole;
      if (!whole) return MISSING;
      this.sum(whole, stage, pupils);
      return this.outcome(WHOLE, share, share < 1, share < 1);
    }
    this.sum(figures.facilities, stage, pupils);
    if (share === 1 || !s.present) return this.outcome(FACILITY, 1, false, false);
    return this.outcome(FACILITY, share, false, true);
  }

  /** Same rules as measures.ts `sumOver`. */
  private sum(figures: object, stage: 0 | 1, pupils: number): void {
    const figure = this.scratch.figure;
    const single = this.single[stage];
    if (single !== null && readFigure(figures, single, figure) === COUNT) {
      // What the loop below makes of it: the first alternative is chosen, and its one figure added.
      const s = this.scratch;
      s.value[0] = 0 + single.sign * figure[0];
      s.added = single.bit;
      s.noted = 0;
      s.alternative = 0;
      s.present = true;
      s.invalid = false;
      return;
    }
    const deciding = this.deciding[stage];
    let chosen = deciding.length - 1;
    // With one alternative there is nothing to choose: its figures are read once, below.
    find: for (let a = 0; a < deciding.length - 1; a++) {
      const terms = deciding[a];
      for (let j = 0; j < terms.length; j++) {
        if (readFigure(figures, terms[j], figure) !== ABSENT) {
          chosen = a;
          break find;
        }
      }
    }
    const terms = this.counting[stage][chosen];
    let value = 0;
    let added = 0;
    let noted = 0;
    let present = false;
    let invalid = false;
    for (let j = 0; j < terms.length; j++) {
      const t = terms[j];
      if (t.extra && (pupils < t.pupilMin || pupils > t.pupilMax)) continue;
      if (t.without && anyFigure(figures, t.without, figure)) continue;
      const kind = readFigure(figures, t, figure);
      if (t.extra && (!present || kind === ABSENT)) continue;
      if (!invalid && kind !== ABSENT && kind !== BLANK) {
        present = true;
        if (kind === NOT_COUNT) invalid = true;
        else {
          value += t.sign * figure[0];
          added |= t.bit;
        }
      }
      if (t.note !== undefined && (t.extra || (t.without && kind !== ABSENT))) noted |= t.bit;
    }
    const s = this.scratch;
    s.value[0] = value;
    s.added = added;
    s.noted = noted;
    s.alternative = chosen;
    s.present = present;
    s.invalid = invalid;
  }

  private outcome(owner: number, factor: number, estimate: boolean, note: boolean): number {
    const s = this.scratch;
    if (s.invalid) return SLOW;
    if (s.added === 0) return MISSING;
    const numerator = s.value[0] * factor;
    this.result[0] = numerator;
    if (numerator < 0) return SLOW;
    // Most parts find their figures the way the part before did: that origin needs no lookup
    // (and no boxed number for a key).
    const flags = (owner * 2 + (factor !== 1 ? 1 : 0)) * 4 + (estimate ? 2 : 0) + (note ? 1 : 0);
    if (
      this.lastId[flags] >= 0 &&
      s.alternative === this.lastAlternative[flags] &&
      s.added === this.lastAdded[flags] &&
      s.noted === this.lastNoted[flags]
    )
      return this.lastId[flags];
    // One integer per distinct way the figures were found (≤ 16 terms an alternative, so < 2^40).
    const key =
      ((((s.alternative * 4 + owner) * 2 + (factor !== 1 ? 1 : 0)) * 2 + (estimate ? 1 : 0)) * 2 +
        (note ? 1 : 0)) *
        2 ** 32 +
      s.added * 2 ** 16 +
      s.noted;
    let id = this.originIds.get(key);
    if (id === undefined) {
      id = this.origins.length;
      this.origins.push(this.originOf(owner, factor, estimate, note));
      this.originIds.set(key, id);
    }
    this.lastId[flags] = id;
    this.lastAlternative[flags] = s.alternative;
    this.lastAdded[flags] = s.added;
    this.lastNoted[flags] = s.noted;
    return id;
  }

  /**
   * By flags (owner, split, estimate, note: primary and junior parts come mixed, each stage an owner):
   * the origin last found that way, and its alternative and terms.
   */
  private readonly lastId = new Int32Array(32).fill(-1);

  private readonly lastAlternative = new Int32Array(32);
  private readonly lastAdded = new Int32Array(32);
  private readonly lastNoted = new Int32Array(32);

  private originOf(owner: number, factor: number, estimate: boolean, note: boolean): Origin {
    const s = this.scratch;
    const terms = this.alternatives[s.alternative];
    const fields: string[] = [];
    const subtracted: string[] = [];
    const notes: string[] = [];
    terms.forEach((t, j) => {
      if (s.added & (1 << j)) {
        fields.push(t.paths[owner]);
        if (t.sign < 0) subtracted.push(t.paths[owner]);
      }
      if (s.noted & (1 << j)) notes.push(t.note!);
    });
    if (note && owner === WHOLE) notes.push(WHOLE_TEACHERS_NOTE);
    return {
      from: "counts",
      fields: sharedFields(fields),
      subtracted: subtracted.length === 0 ? NO_STRINGS : sharedFields(subtracted),
      split: factor !== 1,
      estimate,
      notes: notes.length === 0 ? NO_STRINGS : Object.freeze(notes),
      shareNote: note && owner === FACILITY,
    };
  }
}

/** The origin of a value the sheet already held (表Ⅱ-2, a bureau's 生均… column). */
export function givenOrigin(stage: Stage, spec: IndicatorSpec): Origin {
  return {
    from: "given",
    fields: sharedFields([`given.${stage}.${spec.id}`]),
    subtracted: NO_STRINGS,
    split: false,
    estimate: false,
    notes: NO_STRINGS,
    shareNote: false,
  };
}
