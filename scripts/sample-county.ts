import { audit, type AuditResult, type Owner, type SchoolRecord, type Stage } from "../src/engine";
import { apportion, mulberry32, shuffled } from "./prng";

/**
 * The bundled sample county: synthetic schools built to the published totals of the Binjiang
 * 2023 report (domain.md, seed-report.txt) under a fictional name, 「示范区」.
 * 20 primary schools on 21 campuses, 9 junior schools, 5 nine-year schools on 6 campuses
 * (27 primary and 15 junior school parts); 36825 primary and 12264 junior pupils; 2078 and 1146
 * full-time teachers; one private school with 1595 pupils; every part meets all 7 indicators; the
 * composite CVs (mean of the seven weighted CVs) round to 0.212 (primary) and 0.188 (junior).
 * Deterministic: a seeded PRNG, and a spread tuned by bisection against the engine itself.
 */

export const SAMPLE_COUNTY_NAME = "示范区";

export const SAMPLE_TARGETS = {
  schools: 34,
  campuses: 36,
  parts: { primary: 27, junior: 15 },
  pupils: { primary: 36825, junior: 12264 },
  teachers: { primary: 2078, junior: 1146 },
  privatePupils: 1595,
  compositeCv: { primary: 0.212, junior: 0.188 },
} as const;

export type CampusKind = "primary" | "junior" | "nineYear";

export interface Campus {
  name: string;
  /** The school the campus belongs to (two campuses share one school). */
  school: string;
  kind: CampusKind;
  owner: Owner;
}

const PRIMARY_NAMES = [
  "闻涛",
  "钱塘",
  "浦沿",
  "长河",
  "西兴",
  "白马湖",
  "星光",
  "滨文",
  "月明",
  "丹枫",
  "东信",
  "聚才",
  "共联",
  "彩虹",
  "春晓",
  "海创",
  "六和",
  "明德",
  "启智",
];
const JUNIOR_NAMES = ["江南", "闻涛", "钱塘", "浦沿", "长河", "西兴", "白马湖", "滨文", "丹枫"];
const NINE_YEAR_NAMES = ["杨帆", "星辰", "江晖"];

/** The 36 campuses in the order the sample sheets list them. */
export function sampleCampuses(): Campus[] {
  const campuses: Campus[] = [
    { name: "示范区实验小学", school: "示范区实验小学", kind: "primary", owner: "public" },
    {
      name: "示范区实验小学（东校区）",
      school: "示范区实验小学",
      kind: "primary",
      owner: "public",
    },
  ];
  for (const n of PRIMARY_NAMES)
    campuses.push({
      name: `示范区${n}小学`,
      school: `示范区${n}小学`,
      kind: "primary",
      owner: "public",
    });
  for (const n of JUNIOR_NAMES)
    campuses.push({
      name: `示范区${n}初级中学`,
      school: `示范区${n}初级中学`,
      kind: "junior",
      owner: "public",
    });
  campuses.push(
    {
      name: "示范区育才学校（北校区）",
      school: "示范区育才学校",
      kind: "nineYear",
      owner: "public",
    },
    {
      name: "示范区育才学校（南校区）",
      school: "示范区育才学校",
      kind: "nineYear",
      owner: "public",
    }
  );
  for (const n of NINE_YEAR_NAMES)
    campuses.push({
      name: `示范区${n}学校`,
      school: `示范区${n}学校`,
      kind: "nineYear",
      owner: "public",
    });
  campuses.push({
    name: "示范区启明外国语学校",
    school: "示范区启明外国语学校",
    kind: "nineYear",
    owner: "private",
  });
  return campuses;
}

const INDICATORS = ["L1", "L2", "L3", "L4", "L5", "L6", "L7"] as const;
type IndicatorId = (typeof INDICATORS)[number];

/** Thresholds of the 2017 standard (domain.md). */
const THRESHOLDS: Record<Stage, Record<IndicatorId, number>> = {
  primary: { L1: 4.2, L2: 1.0, L3: 0.9, L4: 4.5, L5: 7.5, L6: 2000, L7: 2.3 },
  junior: { L1: 5.3, L2: 1.0, L3: 0.9, L4: 5.8, L5: 10.2, L6: 2500, L7: 2.4 },
};

/** The county-wide levels the sample aims at: a well-resourced city district. */
const LEVELS: Record<Stage, Record<IndicatorId, number>> = {
  primary: { L1: 5.5, L2: 1.8, L3: 1.2, L4: 6.5, L5: 10.0, L6: 4200, L7: 2.9 },
  junior: { L1: 9.1, L2: 2.6, L3: 1.6, L4: 8.5, L5: 14.0, L6: 5500, L7: 3.2 },
};

const SCALE: Record<IndicatorId, number> = {
  L1: 100,
  L2: 100,
  L3: 100,
  L4: 1,
  L5: 1,
  L6: 1,
  L7: 100,
};

/** The private nine-year school's pupils (1595 in all). */
const PRIVATE_PUPILS: Record<Stage, number> = { primary: 1045, junior: 550 };

interface Part {
  campus: number;
  stage: Stage;
  pupils: number;
}

/** Stage parts of every campus with their pupils: exact stage totals, the private school's 1595. */
function partsWithPupils(campuses: Campus[], random: () => number): Part[] {
  const parts: Part[] = [];
  for (const stage of ["primary", "junior"] as Stage[]) {
    const members = campuses
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => c.kind === stage || c.kind === "nineYear");
    const free = members.filter(({ c }) => c.owner !== "private");
    const fixed = members.filter(({ c }) => c.owner === "private");
    const rest = SAMPLE_TARGETS.pupils[stage] - fixed.length * PRIVATE_PUPILS[stage];
    // Single-stage campuses are larger than a through-train school's stage.
    const weights = free.map(({ c }) =>
      c.kind === "nineYear" ? 0.55 + 0.3 * random() : 0.8 + 0.45 * random()
    );
    const pupils = apportion(rest, weights);
    free.forEach(({ i }, k) => parts.push({ campus: i, stage, pupils: pupils[k] }));
    fixed.forEach(({ i }) => parts.push({ campus: i, stage, pupils: PRIVATE_PUPILS[stage] }));
  }
  return parts;
}

/**
 * Standardised spreads per part and indicator: quantiles of an exponential distribution (a right
 * tail, as resources are: many schools near the level, a few well above), shuffled, then scaled
 * to an enrolment-weighted mean of 0 and weighted standard deviation of 1.
 */
function spreads(parts: Part[], random: () => number): Record<IndicatorId, number[]> {
  const out = {} as Record<IndicatorId, number[]>;
  const n = parts.length;
  const quantiles = Array.from({ length: n }, (_, j) => -Math.log(1 - (j + 0.5) / n));
  for (const id of INDICATORS) {
    const e = shuffled(quantiles, random);
    const total = parts.reduce((s, p) => s + p.pupils, 0);
    const mean = parts.reduce((s, p, i) => s + p.pupils * e[i], 0) / total;
    const sd = Math.sqrt(parts.reduce((s, p, i) => s + p.pupils * (e[i] - mean) ** 2, 0) / total);
    out[id] = e.map((x) => (x - mean) / sd);
  }
  return out;
}

/** The smallest whole multiple of `step` that reaches `value`. */
function ceilTo(value: number, step: number): number {
  return Math.ceil(value / step - 1e-9) * step;
}

/** A numerator rounded to its unit, raised when rounding would drop the ratio below the floor. */
function numerator(target: number, floor: number, step: number): number {
  const rounded = Math.round(target / step) * step;
  return rounded >= floor ? rounded : ceilTo(floor, step);
}

/** Rounding step of each indicator's numerator: whole teachers/rooms, whole m², 100 元 (0.01 万元). */
const STEP: Record<IndicatorId, number> = { L1: 1, L2: 1, L3: 1, L4: 1, L5: 1, L6: 100, L7: 1 };

/** Margin over the threshold that every generated value keeps (before rounding). */
const MARGIN = 1.02;

interface Spread {
  primary: number;
  junior: number;
}

/** The records for a given spread: the tuning loop calls this until the composites are right. */
function buildRecords(
  campuses: Campus[],
  parts: Part[],
  z: Record<Stage, Record<IndicatorId, number[]>>,
  spread: Spread,
  random: () => number
): SchoolRecord[] {
  const byStage: Record<Stage, Part[]> = {
    primary: parts.filter((p) => p.stage === "primary"),
    junior: parts.filter((p) => p.stage === "junior"),
  };
  // Target value of each indicator for each part.
  const target = (stage: Stage, id: IndicatorId, k: number): number => {
    const level = LEVELS[stage][id];
    const headroom = 1 - THRESHOLDS[stage][id] / level;
    const value = level * (1 + spread[stage] * headroom * z[stage][id][k]);
    return Math.max(value, THRESHOLDS[stage][id] * MARGIN);
  };
  const records: SchoolRecord[] = campuses.map((c) => ({
    name: c.name,
    county: SAMPLE_COUNTY_NAME,
    kind: c.kind,
    owner: c.owner,
    ownerLabel: c.owner === "private" ? "民办" : "公办",
    stages: {},
    facilities: {},
  }));
  const pupilsOf = (campus: number, stage: Stage) =>
    parts.find((p) => p.campus === campus && p.stage === stage)?.pupils ?? 0;

  for (const stage of ["primary", "junior"] as Stage[]) {
    const list = byStage[stage];
    const above = list.map((p, k) =>
      numerator(
        (target(stage, "L1", k) * p.pupils) / 100,
        (THRESHOLDS[stage].L1 * p.pupils) / 100,
        1
      )
    );
    // Full-time teachers: the above-degree ones plus the rest of the stage total, by pupils.
    const extra = apportion(
      SAMPLE_TARGETS.teachers[stage] - above.reduce((s, a) => s + a, 0),
      list.map((p) => p.pupils)
    );
    if (extra.some((x) => x < 0))
      throw new Error("样例生成失败：高于规定学历教师数超过专任教师总数");
    list.forEach((p, k) => {
      const classSize = stage === "primary" ? 42.5 : 46.5;
      const limit = stage === "primary" ? 45 : 50;
      const classes = Math.ceil(p.pupils / classSize);
      const teacherCount = (id: IndicatorId) =>
        numerator(
          (target(stage, id, k) * p.pupils) / 100,
          (THRESHOLDS[stage][id] * p.pupils) / 100,
          1
        );
      records[p.campus].stages[stage] = {
        pupils: p.pupils,
        classes,
        largestClass: Math.min(limit, Math.ceil(p.pupils / classes) + Math.floor(random() * 3)),
        teachers: {
          fullTime: above[k] + extra[k],
          aboveDegree: above[k],
          backbone: teacherCount("L2"),
          peArts: teacherCount("L3"),
        },
      };
    });
  }

  // Facilities: a single-stage campus's own; a nine-year campus's shared by weighted pupils
  // (junior ×1.1), sized so both parts reach their targets and thresholds.
  const facilityField: Record<
    "L4" | "L5" | "L6" | "L7",
    "teachingArea" | "sportsArea" | "equipmentValue" | "multimediaRooms"
  > = {
    L4: "teachingArea",
    L5: "sportsArea",
    L6: "equipmentValue",
    L7: "multimediaRooms",
  };
  campuses.forEach((c, i) => {
    for (const id of ["L4", "L5", "L6", "L7"] as const) {
      const needs: { value: number; floor: number }[] = [];
      const weighted = pupilsOf(i, "primary") + 1.1 * pupilsOf(i, "junior");
      for (const stage of ["primary", "junior"] as Stage[]) {
        const k = byStage[stage].findIndex((p) => p.campus === i);
        if (k < 0) continue;
        const share =
          c.kind === "nineYear"
            ? (stage === "primary" ? pupilsOf(i, "primary") : 1.1 * pupilsOf(i, "junior")) /
              weighted
            : 1;
        const pupils = byStage[stage][k].pupils;
        needs.push({
          value: (target(stage, id, k) * pupils) / SCALE[id] / share,
          floor: (THRESHOLDS[stage][id] * MARGIN * pupils) / SCALE[id] / share,
        });
      }
      const value =
        c.kind === "nineYear"
          ? needs.reduce((s, n) => s + n.value, 0) / needs.length
          : needs[0].value;
      const floor = Math.max(...needs.map((n) => n.floor));
      records[i].facilities![facilityField[id]] = numerator(value, floor, STEP[id]);
    }
    // G3: one music and one art room per 12 classes, a little above 96 / 90 m² each (no random draw,
    // so the indicators above keep their figures).
    const classes =
      (records[i].stages.primary?.classes ?? 0) + (records[i].stages.junior?.classes ?? 0);
    const rooms = Math.ceil(classes / 12);
    Object.assign(records[i].facilities!, {
      musicRooms: rooms,
      musicRoomArea: rooms * 102,
      artRooms: rooms,
      artRoomArea: rooms * 95,
    });
  });
  return records;
}

export interface SampleCounty {
  campuses: Campus[];
  records: SchoolRecord[];
  /** The spread factors the tuning settled on (documented for the curious). */
  spread: Spread;
}

function composites(records: SchoolRecord[]): Spread {
  const stages = audit(records).stages!;
  return { primary: stages.primary.compositeCv ?? NaN, junior: stages.junior.compositeCv ?? NaN };
}

/** Bisection on one stage's spread factor until its composite CV is within 0.0002 of the target. */
function tune(build: (s: Spread) => SchoolRecord[], spread: Spread, stage: Stage): Spread {
  let lo = 0;
  let hi = 2;
  let best = spread;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    const trial = { ...spread, [stage]: mid };
    const cv = composites(build(trial))[stage];
    best = trial;
    if (Math.abs(cv - SAMPLE_TARGETS.compositeCv[stage]) < 0.0002) break;
    if (cv < SAMPLE_TARGETS.compositeCv[stage]) lo = mid;
    else hi = mid;
  }
  return best;
}

let cached: SampleCounty | undefined;

/**
 * The sample county's campuses and school records (records in engine units: 元, m²).
 *
 * @example
 * audit(sampleCounty().records).stages!.primary.compositeCv; // ≈ 0.212
 */
export function sampleCounty(): SampleCounty {
  if (cached) return cached;
  const campuses = sampleCampuses();
  const parts = partsWithPupils(campuses, mulberry32(2023));
  const z = {
    primary: spreads(
      parts.filter((p) => p.stage === "primary"),
      mulberry32(11)
    ),
    junior: spreads(
      parts.filter((p) => p.stage === "junior"),
      mulberry32(12)
    ),
  };
  // The class-size noise must not change between tuning trials: a fresh PRNG per build.
  const build = (s: Spread) => buildRecords(campuses, parts, z, s, mulberry32(7));
  let spread: Spread = { primary: 0.6, junior: 0.45 };
  for (let round = 0; round < 6; round++) {
    spread = tune(build, spread, "primary");
    spread = tune(build, spread, "junior");
    const cv = composites(build(spread));
    if (
      Math.abs(cv.primary - SAMPLE_TARGETS.compositeCv.primary) < 0.0002 &&
      Math.abs(cv.junior - SAMPLE_TARGETS.compositeCv.junior) < 0.0002
    )
      break;
  }
  cached = { campuses, records: build(spread), spread };
  return cached;
}

/** The sample county's school records (one per campus), ready for audit(). */
export function sampleCountyRecords(): SchoolRecord[] {
  return structuredClone(sampleCounty().records);
}

/**
 * Checks the sample against every published figure; returns the problems (empty when all hold).
 * The generator refuses to write a workbook that fails it.
 */
export function checkSampleCounty(
  records: SchoolRecord[],
  result: AuditResult = audit(records)
): string[] {
  const problems: string[] = [];
  const stages = result.stages;
  if (!stages) return ["审计结果含多个区县"];
  for (const stage of ["primary", "junior"] as Stage[]) {
    const s = stages[stage];
    const cv = s.compositeCv === null ? null : Math.round(s.compositeCv * 1000) / 1000;
    if (cv !== SAMPLE_TARGETS.compositeCv[stage])
      problems.push(
        `${stage} composite CV ${s.compositeCv} does not round to ${SAMPLE_TARGETS.compositeCv[stage]}`
      );
    if (s.students !== SAMPLE_TARGETS.pupils[stage])
      problems.push(`${stage} pupils ${s.students} ≠ ${SAMPLE_TARGETS.pupils[stage]}`);
    if (s.schools !== SAMPLE_TARGETS.parts[stage])
      problems.push(`${stage} parts ${s.schools} ≠ ${SAMPLE_TARGETS.parts[stage]}`);
    const teachers = records.reduce(
      (sum, r) => sum + (r.stages[stage]?.teachers?.fullTime ?? 0),
      0
    );
    if (teachers !== SAMPLE_TARGETS.teachers[stage])
      problems.push(`${stage} teachers ${teachers} ≠ ${SAMPLE_TARGETS.teachers[stage]}`);
    if (s.pass !== true) problems.push(`${stage} does not pass`);
  }
  for (const part of result.schools)
    if (part.met !== 7) problems.push(`${part.name} ${part.stage} meets ${part.met} of 7`);
  for (const g of result.guarantees) if (!g.pass) problems.push(`${g.school}: ${g.message}`);
  const privatePupils = records
    .filter((r) => r.owner === "private")
    .reduce((sum, r) => sum + (r.stages.primary?.pupils ?? 0) + (r.stages.junior?.pupils ?? 0), 0);
  if (privatePupils !== SAMPLE_TARGETS.privatePupils)
    problems.push(`private pupils ${privatePupils} ≠ ${SAMPLE_TARGETS.privatePupils}`);
  if (records.length !== SAMPLE_TARGETS.campuses)
    problems.push(`campuses ${records.length} ≠ ${SAMPLE_TARGETS.campuses}`);
  const schools = new Set(sampleCampuses().map((c) => c.school)).size;
  if (schools !== SAMPLE_TARGETS.schools)
    problems.push(`schools ${schools} ≠ ${SAMPLE_TARGETS.schools}`);
  if (result.excluded.length > 0)
    problems.push(`excluded: ${result.excluded.map((e) => e.name).join(", ")}`);
  return problems;
}
