import { SMALL_SCHOOL_PUPILS, type MeasureId } from "./standards";
import { isCount } from "./numeric";
import type { AuditSettings, FacilityFigures, SchoolRecord, Stage, TeacherFigures } from "./types";

/**
 * An indicator's numerator for one school part: the count, area or value behind the ratio,
 * with the field paths it came from (to name cells) and whether it is an estimate.
 */
export type MeasureOutcome =
  | { kind: "ok"; value: number; fields: readonly string[]; estimate: boolean; notes: readonly string[] }
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
function sharedFields(fields: string[]): readonly string[] {
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

  add(field: string, figure: number | undefined): this {
    if (this.invalid || figure === undefined || figure === null) return this;
    if (!isCount(figure)) this.invalid = { field, value: figure };
    else {
      this.value += figure;
      this.fields.push(field);
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
    return { kind: "ok", value: this.value * factor, fields: sharedFields(this.fields), estimate, notes: this.notes };
  }
}

/** Field paths, built once: "teachers.primary.backbone", "teachers.whole.pe", … */
type TeacherField = keyof TeacherFigures | "byDegree.associate" | "byDegree.bachelor" | "byDegree.master" | "byDegree.doctor";
const TEACHER_FIELDS: TeacherField[] = [
  "fullTime", "aboveDegree", "byDegree.associate", "byDegree.bachelor", "byDegree.master", "byDegree.doctor",
  "backbone", "peArts", "pe", "music", "art", "arts", "rotatingPeArts", "seniorTitle", "total",
];
type TeacherPaths = Record<TeacherField, string>;
const pathsFor = (owner: string) => Object.fromEntries(TEACHER_FIELDS.map((f) => [f, `teachers.${owner}.${f}`])) as TeacherPaths;
const TEACHER_PATHS: Record<Stage | "whole", TeacherPaths> = { primary: pathsFor("primary"), junior: pathsFor("junior"), whole: pathsFor("whole") };

type TeacherTerms = (t: TeacherFigures, path: TeacherPaths, ctx: MeasureContext) => Sum;

/**
 * Teacher counts are per stage; when a sheet gives them only for the whole school they are split
 * by the facility shares and flagged as an estimate.
 */
function fromTeachers(ctx: MeasureContext, terms: TeacherTerms): MeasureOutcome {
  const own = ctx.record.stages[ctx.stage]?.teachers;
  if (own) {
    const sum = terms(own, TEACHER_PATHS[ctx.stage], ctx);
    if (sum.present) return sum.outcome();
  }
  const whole = ctx.record.wholeSchoolTeachers;
  if (!whole) return MISSING;
  const sum = terms(whole, TEACHER_PATHS.whole, ctx);
  if (ctx.share < 1) sum.note("全校教师数按学段折算（估算）");
  return sum.outcome(ctx.share, ctx.share < 1);
}

function fromFacilities(ctx: MeasureContext, terms: (f: FacilityFigures) => Sum): MeasureOutcome {
  const sum = terms(ctx.record.facilities ?? {});
  if (ctx.share === 1 || !sum.present) return sum.outcome();
  return sum.note(`共用设施按折算学生数分摊（占${(ctx.share * 100).toFixed(1)}%）`).outcome(ctx.share);
}

const aboveDegree: TeacherTerms = (t, path, ctx) => {
  if (t.aboveDegree !== undefined) return new Sum().add(path.aboveDegree, t.aboveDegree);
  const d = t.byDegree ?? {};
  // 高于规定学历: 小学 专科 and above; 初中 本科 and above.
  const sum = new Sum();
  if (ctx.stage === "primary") sum.add(path["byDegree.associate"], d.associate);
  return sum.add(path["byDegree.bachelor"], d.bachelor).add(path["byDegree.master"], d.master).add(path["byDegree.doctor"], d.doctor);
};

const peArts: TeacherTerms = (t, path, ctx) => {
  const sum = new Sum();
  if (t.peArts !== undefined) sum.add(path.peArts, t.peArts);
  else {
    sum.add(path.pe, t.pe).add(path.music, t.music).add(path.art, t.art);
    if (ctx.settings.includeArtsColumn && t.arts !== undefined && sum.present) sum.add(path.arts, t.arts).note("含「艺术」教师列");
  }
  const small = ctx.pupils >= SMALL_SCHOOL_PUPILS.min && ctx.pupils <= SMALL_SCHOOL_PUPILS.max;
  if (ctx.settings.relaxations.smallSchoolPeArtsTeachers && small && t.rotatingPeArts !== undefined && sum.present) {
    sum.add(path.rotatingPeArts, t.rotatingPeArts).note("含交流轮岗、兼职、走教体艺教师（2019年小规模学校规定）");
  }
  return sum;
};

const MEASURES: Record<MeasureId, (ctx: MeasureContext) => MeasureOutcome> = {
  aboveDegreeTeachers: (ctx) => fromTeachers(ctx, aboveDegree),
  backboneTeachers: (ctx) => fromTeachers(ctx, (t, path) => new Sum().add(path.backbone, t.backbone)),
  peArtsTeachers: (ctx) => fromTeachers(ctx, peArts),
  teachers: (ctx) => fromTeachers(ctx, (t, path) => (t.total !== undefined ? new Sum().add(path.total, t.total) : new Sum().add(path.fullTime, t.fullTime))),
  seniorTitleTeachers: (ctx) => fromTeachers(ctx, (t, path) => new Sum().add(path.seniorTitle, t.seniorTitle)),
  teachingArea: (ctx) =>
    fromFacilities(ctx, (f) => {
      const sum = new Sum().add("facilities.teachingArea", f.teachingArea);
      if (!sum.present || !ctx.settings.subtractIndoorSports || f.indoorSportsArea === undefined) return sum;
      // 室内体育用房 is counted inside 教学及辅助用房 by newer tables but belongs to L5.
      const indoor = new Sum().add("facilities.indoorSportsArea", f.indoorSportsArea);
      if (indoor.invalid) return indoor;
      sum.value -= indoor.value;
      sum.fields.push("facilities.indoorSportsArea");
      return sum.note("已扣除「其中：室内体育用房」（计入运动场馆）");
    }),
  sportsArea: (ctx) =>
    fromFacilities(ctx, (f) => {
      const sum = new Sum();
      if (f.sportsArea !== undefined) sum.add("facilities.sportsArea", f.sportsArea);
      else sum.add("facilities.sportsHallArea", f.sportsHallArea).add("facilities.sportsGroundArea", f.sportsGroundArea);
      if (ctx.settings.relaxations.cityExtraSportsArea && f.extraSportsArea !== undefined && sum.present) {
        sum.add("facilities.extraSportsArea", f.extraSportsArea).note("含周边租用场馆和校内改造空间（2019年城区学校规定）");
      }
      return sum;
    }),
  equipmentValue: (ctx) => fromFacilities(ctx, (f) => new Sum().add("facilities.equipmentValue", f.equipmentValue)),
  multimediaRooms: (ctx) => fromFacilities(ctx, (f) => new Sum().add("facilities.multimediaRooms", f.multimediaRooms)),
  computers: (ctx) => fromFacilities(ctx, (f) => new Sum().add("facilities.computers", f.computers)),
  books: (ctx) => fromFacilities(ctx, (f) => new Sum().add("facilities.books", f.books)),
};

/** The numerator of the measure for one school part. */
export function measure(id: MeasureId, ctx: MeasureContext): MeasureOutcome {
  return MEASURES[id](ctx);
}
