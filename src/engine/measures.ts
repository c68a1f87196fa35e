import { findSetting, type SettingDef } from "./catalogue/settings";
import { settingValue } from "./catalogue/settingValues";
import { fieldPath } from "./catalogue/fieldPaths";
import { MEASURE_DEFS, type MeasureDef, type MeasureTerm } from "./catalogue/measures";
import { isCount } from "./numeric";
import type { MeasureId } from "./standards";
import type { AuditSettings, SchoolRecord, Stage } from "./types";

/**
 * An indicator's numerator for one school part, evaluated from the catalogue's measures
 * (catalogue/measures.ts): the count, area or value behind the ratio, with the record paths it
 * came from (the report renders them as the value's formula) and whether it is an estimate.
 */
export type MeasureOutcome =
  | {
      kind: "ok";
      value: number;
      /** Record paths of the figures, in order; `subtracted` those taken away. */
      fields: readonly string[];
      subtracted: readonly string[];
      /** The sum was multiplied by the part's share of a shared facility (or of whole-school teachers). */
      split: boolean;
      estimate: boolean;
      notes: readonly string[];
    }
  | { kind: "missing" }
  | { kind: "invalid"; field: string; value: unknown };

export interface MeasureContext {
  record: SchoolRecord;
  stage: Stage;
  settings: AuditSettings;
  /** The stage's share of shared facilities (1 for a single-stage school). */
  share: number;
  pupils: number;
}

const NO_NOTES: readonly string[] = Object.freeze([]);

/**
 * One shared, frozen array per distinct list of field paths. Every part's details keep their
 * fields, and a county has only a handful of distinct lists: sharing them keeps a 100,000-part
 * audit's memory (and the garbage collector's work) small.
 */
const FIELD_LISTS = new Map<string, readonly string[]>();
export function sharedFields(fields: string[]): readonly string[] {
  const key = fields.length === 1 ? fields[0] : fields.join("\u0000");
  let shared = FIELD_LISTS.get(key);
  if (!shared) {
    shared = Object.freeze(fields.slice());
    FIELD_LISTS.set(key, shared);
  }
  return shared;
}
const MISSING: MeasureOutcome = Object.freeze({ kind: "missing" });

/**
 * Adds up the figures behind a numerator. Figures that are absent are skipped; the first one
 * that is not a usable count makes the whole numerator invalid. (Audits run over hundreds of
 * thousands of parts, so this avoids building throw-away arrays.)
 */
class Sum {
  value = 0;
  fields: string[] = [];
  notes: readonly string[] = NO_NOTES;
  invalid?: { field: string; value: unknown };

  subtracted: string[] = [];

  add(field: string, figure: number | undefined, sign: 1 | -1 = 1): this {
    if (this.invalid || figure === undefined || figure === null) return this;
    if (!isCount(figure)) this.invalid = { field, value: figure };
    else {
      this.value += sign * figure;
      this.fields.push(field);
      if (sign < 0) this.subtracted.push(field);
    }
    return this;
  }

  note(text: string): this {
    this.notes = [...this.notes, text];
    return this;
  }

  get present(): boolean {
    return this.fields.length > 0 || this.invalid !== undefined;
  }

  outcome(factor = 1, estimate = false): MeasureOutcome {
    if (this.invalid) return { kind: "invalid", ...this.invalid };
    if (this.fields.length === 0) return MISSING;
    const subtracted = this.subtracted.length === 0 ? NO_NOTES : sharedFields(this.subtracted);
    return {
      kind: "ok",
      value: this.value * factor,
      fields: sharedFields(this.fields),
      subtracted,
      split: factor !== 1,
      estimate,
      notes: this.notes,
    };
  }
}

/** A term resolved once: where its figure sits in a teacher or facility object, and its record path per owner. */
export interface ResolvedTerm extends MeasureTerm {
  keys: readonly string[];
  /** Keys of the `onlyWithout` fields, resolved once. */
  withoutKeys?: readonly (readonly string[])[];
  /** Record path per owner: "primary", "junior", "whole", or "" for a facility. */
  paths: Record<string, string>;
  when?: SettingDef;
}

function resolveTerm(term: MeasureTerm): ResolvedTerm {
  const keys = term.field.split(".").slice(1);
  const paths: Record<string, string> = { "": term.field };
  for (const owner of ["primary", "junior", "whole"] as const)
    paths[owner] = fieldPath(term.field, owner);
  const when = term.extra ? findSetting(term.extra.setting) : undefined;
  if (term.extra && !when)
    throw new Error(
      `catalogue: measure term ${term.field} names an unknown setting ${term.extra.setting}`
    );
  const withoutKeys = term.onlyWithout?.map((f) => f.split(".").slice(1));
  return {
    ...term,
    keys,
    paths,
    ...(when ? { when } : {}),
    ...(withoutKeys ? { withoutKeys } : {}),
  };
}

/** The catalogue's measures, resolved once (audits evaluate them for every part). */
const RESOLVED = new Map(
  MEASURE_DEFS.map((def) => [
    def.id,
    { def, alternatives: def.alternatives.map((a) => a.map(resolveTerm)) },
  ])
);

function figureOf(owner: object | undefined, keys: readonly string[]): unknown {
  let node: unknown = owner;
  for (const key of keys) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function applies(term: ResolvedTerm, ctx: MeasureContext): boolean {
  if (term.stages && !term.stages.includes(ctx.stage)) return false;
  if (!term.when) return true;
  if (settingValue(ctx.settings, term.when) !== true) return false;
  const range = term.extra?.pupils;
  return !range || (ctx.pupils >= range.min && ctx.pupils <= range.max);
}

/**
 * The numerator over one owner's figures (a stage's teachers, the whole school's, or the
 * facilities): the first alternative with any of its own figures, plus the extras whose
 * condition holds once that alternative gave something.
 */
function sumOver(
  alternatives: readonly (readonly ResolvedTerm[])[],
  figures: object | undefined,
  owner: string,
  ctx: MeasureContext
): Sum {
  const has = (t: ResolvedTerm) =>
    !t.extra &&
    (!t.stages || t.stages.includes(ctx.stage)) &&
    figureOf(figures, t.keys) !== undefined;
  const chosen =
    alternatives.find((terms) => terms.some(has)) ?? alternatives[alternatives.length - 1];
  const sum = new Sum();
  for (const term of chosen) {
    if (!applies(term, ctx)) continue;
    if (term.withoutKeys?.some((k) => figureOf(figures, k) !== undefined)) continue;
    const figure = figureOf(figures, term.keys) as number | undefined;
    if (term.extra && (!sum.present || figure === undefined)) continue;
    sum.add(term.paths[owner], figure, term.sign ?? 1);
    if (term.note && (term.extra || (term.onlyWithout && figure !== undefined)))
      sum.note(term.note);
  }
  return sum;
}

type Resolved = typeof RESOLVED extends Map<string, infer V> ? V : never;

/** A catalogue measure with its terms resolved (for the per-audit compiled form, compiledMeasures.ts). */
export function resolvedMeasure(id: MeasureId): Resolved {
  return resolved(id);
}

/**
 * Teacher counts are per stage; when a sheet gives them only for the whole school they are split
 * by the facility shares and flagged as an estimate.
 */
function fromTeachers(ctx: MeasureContext, measure: Resolved): MeasureOutcome {
  const own = ctx.record.stages[ctx.stage]?.teachers;
  if (own) {
    const sum = sumOver(measure.alternatives, own, ctx.stage, ctx);
    if (sum.present) return sum.outcome();
  }
  const whole = ctx.record.wholeSchoolTeachers;
  if (!whole) return MISSING;
  const sum = sumOver(measure.alternatives, whole, "whole", ctx);
  if (ctx.share < 1) sum.note("全校教师数按学段折算（估算）");
  return sum.outcome(ctx.share, ctx.share < 1);
}

function fromFacilities(ctx: MeasureContext, measure: Resolved): MeasureOutcome {
  const sum = sumOver(measure.alternatives, ctx.record.facilities ?? {}, "", ctx);
  if (ctx.share === 1 || !sum.present) return sum.outcome();
  return sum
    .note(`共用设施按折算学生数分摊（占${(ctx.share * 100).toFixed(1)}%）`)
    .outcome(ctx.share);
}

function resolved(id: MeasureId): Resolved {
  const found = RESOLVED.get(id);
  if (!found) throw new Error(`catalogue: no measure ${id}`);
  return found;
}

/**
 * The catalogue's definition of a measure: what it adds up, whether it is shared, what a fix adds.
 *
 * @throws Error when a standard names a measure the catalogue does not have (a data error, caught by the tests).
 */
export function measureDef(id: MeasureId): MeasureDef {
  return resolved(id).def;
}

/** The numerator of a catalogue measure for one school part. */
export function measure(id: MeasureId, ctx: MeasureContext): MeasureOutcome {
  const m = resolved(id);
  return m.def.source === "teachers" ? fromTeachers(ctx, m) : fromFacilities(ctx, m);
}
