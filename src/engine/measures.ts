import { SMALL_SCHOOL_PUPILS, type MeasureId } from "./standards";
import { isCount } from "./numeric";
import type { AuditSettings, FacilityFigures, SchoolRecord, Stage, TeacherFigures } from "./types";

/**
 * An indicator's numerator for one school part: the count, area or value behind the ratio,
 * with the field paths it came from (to name cells) and whether it is an estimate.
 */
export type MeasureOutcome =
  | { kind: "ok"; value: number; fields: string[]; estimate: boolean; notes: string[] }
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

type Term = [field: string, value: number | undefined];

/** Sums the terms that are present; missing when none is, invalid when one is not a count. */
function sumTerms(terms: Term[]): MeasureOutcome {
  const present = terms.filter(([, v]) => v !== undefined && v !== null);
  if (present.length === 0) return { kind: "missing" };
  const bad = present.find(([, v]) => !isCount(v));
  if (bad) return { kind: "invalid", field: bad[0], value: bad[1] };
  return {
    kind: "ok",
    value: present.reduce((s, [, v]) => s + (v as number), 0),
    fields: present.map(([f]) => f),
    estimate: false,
    notes: [],
  };
}

function scaled(outcome: MeasureOutcome, factor: number, estimate: boolean, note?: string): MeasureOutcome {
  if (outcome.kind !== "ok") return outcome;
  return {
    ...outcome,
    value: outcome.value * factor,
    estimate: outcome.estimate || estimate,
    notes: note ? [...outcome.notes, note] : outcome.notes,
  };
}

function withTerm(outcome: MeasureOutcome, term: Term, note: string): MeasureOutcome {
  const [field, value] = term;
  if (outcome.kind !== "ok" || value === undefined) return outcome;
  if (!isCount(value)) return { kind: "invalid", field, value };
  return { ...outcome, value: outcome.value + value, fields: [...outcome.fields, field], notes: [...outcome.notes, note] };
}

type TeacherTerms = (t: TeacherFigures, prefix: string, ctx: MeasureContext) => MeasureOutcome;

/**
 * Teacher counts are per stage; when a sheet gives them only for the whole school they are split
 * by the facility shares and flagged as an estimate.
 */
function fromTeachers(ctx: MeasureContext, terms: TeacherTerms): MeasureOutcome {
  const own = ctx.record.stages[ctx.stage]?.teachers;
  if (own) {
    const outcome = terms(own, `teachers.${ctx.stage}`, ctx);
    if (outcome.kind !== "missing") return outcome;
  }
  const whole = ctx.record.wholeSchoolTeachers;
  if (!whole) return { kind: "missing" };
  return scaled(terms(whole, "teachers.whole", ctx), ctx.share, ctx.share < 1, "全校教师数按学段折算（估算）");
}

function fromFacilities(ctx: MeasureContext, terms: (f: FacilityFigures) => MeasureOutcome): MeasureOutcome {
  const outcome = terms(ctx.record.facilities ?? {});
  if (ctx.share === 1) return outcome;
  return scaled(outcome, ctx.share, false, `共用设施按折算学生数分摊（占${(ctx.share * 100).toFixed(1)}%）`);
}

const aboveDegree: TeacherTerms = (t, p, ctx) => {
  if (t.aboveDegree !== undefined) return sumTerms([[`${p}.aboveDegree`, t.aboveDegree]]);
  const d = t.byDegree ?? {};
  // 高于规定学历: 小学 专科 and above; 初中 本科 and above.
  const terms: Term[] = [
    [`${p}.byDegree.bachelor`, d.bachelor],
    [`${p}.byDegree.master`, d.master],
    [`${p}.byDegree.doctor`, d.doctor],
  ];
  if (ctx.stage === "primary") terms.unshift([`${p}.byDegree.associate`, d.associate]);
  return sumTerms(terms);
};

const peArts: TeacherTerms = (t, p, ctx) => {
  let outcome: MeasureOutcome =
    t.peArts !== undefined
      ? sumTerms([[`${p}.peArts`, t.peArts]])
      : sumTerms([
          [`${p}.pe`, t.pe],
          [`${p}.music`, t.music],
          [`${p}.art`, t.art],
        ]);
  if (t.peArts === undefined && ctx.settings.includeArtsColumn) {
    outcome = withTerm(outcome, [`${p}.arts`, t.arts], "含「艺术」教师列");
  }
  const small = ctx.pupils >= SMALL_SCHOOL_PUPILS.min && ctx.pupils <= SMALL_SCHOOL_PUPILS.max;
  if (ctx.settings.relaxations.smallSchoolPeArtsTeachers && small) {
    outcome = withTerm(outcome, [`${p}.rotatingPeArts`, t.rotatingPeArts], "含交流轮岗、兼职、走教体艺教师（2019年小规模学校规定）");
  }
  return outcome;
};

const MEASURES: Record<MeasureId, (ctx: MeasureContext) => MeasureOutcome> = {
  aboveDegreeTeachers: (ctx) => fromTeachers(ctx, aboveDegree),
  backboneTeachers: (ctx) => fromTeachers(ctx, (t, p) => sumTerms([[`${p}.backbone`, t.backbone]])),
  peArtsTeachers: (ctx) => fromTeachers(ctx, peArts),
  teachers: (ctx) =>
    fromTeachers(ctx, (t, p) =>
      t.total !== undefined ? sumTerms([[`${p}.total`, t.total]]) : sumTerms([[`${p}.fullTime`, t.fullTime]]),
    ),
  seniorTitleTeachers: (ctx) => fromTeachers(ctx, (t, p) => sumTerms([[`${p}.seniorTitle`, t.seniorTitle]])),
  teachingArea: (ctx) =>
    fromFacilities(ctx, (f) => {
      const area = sumTerms([["facilities.teachingArea", f.teachingArea]]);
      if (area.kind !== "ok" || !ctx.settings.subtractIndoorSports || f.indoorSportsArea === undefined) return area;
      if (!isCount(f.indoorSportsArea)) return { kind: "invalid", field: "facilities.indoorSportsArea", value: f.indoorSportsArea };
      return {
        ...area,
        value: area.value - f.indoorSportsArea,
        fields: [...area.fields, "facilities.indoorSportsArea"],
        notes: ["已扣除「其中：室内体育用房」（计入运动场馆）"],
      };
    }),
  sportsArea: (ctx) =>
    fromFacilities(ctx, (f) => {
      let area =
        f.sportsArea !== undefined
          ? sumTerms([["facilities.sportsArea", f.sportsArea]])
          : sumTerms([
              ["facilities.sportsHallArea", f.sportsHallArea],
              ["facilities.sportsGroundArea", f.sportsGroundArea],
            ]);
      if (ctx.settings.relaxations.cityExtraSportsArea) {
        area = withTerm(area, ["facilities.extraSportsArea", f.extraSportsArea], "含周边租用场馆和校内改造空间（2019年城区学校规定）");
      }
      return area;
    }),
  equipmentValue: (ctx) => fromFacilities(ctx, (f) => sumTerms([["facilities.equipmentValue", f.equipmentValue]])),
  multimediaRooms: (ctx) => fromFacilities(ctx, (f) => sumTerms([["facilities.multimediaRooms", f.multimediaRooms]])),
  computers: (ctx) => fromFacilities(ctx, (f) => sumTerms([["facilities.computers", f.computers]])),
  books: (ctx) => fromFacilities(ctx, (f) => sumTerms([["facilities.books", f.books]])),
};

/** The numerator of the measure for one school part. */
export function measure(id: MeasureId, ctx: MeasureContext): MeasureOutcome {
  return MEASURES[id](ctx);
}
