import { compulsoryPupils } from "./eligibility";
import { isCount } from "./numeric";
import type { GuaranteeCheck, SourceCell } from "./result";
import type { GuaranteeRules } from "./standards";
import { STAGE_NAMES, STAGES, type AuditSettings, type SchoolRecord, type Stage } from "./types";

const THROUGH_TRAIN_KINDS = new Set(["nineYear", "twelveYear"]);

type Check = Omit<GuaranteeCheck, "school" | "county" | "source">;

/** Where a record's checks are located: built into each check at once (one object shape). */
interface Where {
  school: string;
  county: string;
  source: SourceCell | undefined;
}

/** A check of a school, its fields in the documented order (the JSON's key order). */
function located(check: Check, where: Where): GuaranteeCheck {
  const located: GuaranteeCheck =
    check.stage === undefined
      ? {
          id: check.id,
          name: check.name,
          pass: check.pass,
          value: check.value,
          limit: check.limit,
          message: check.message,
          school: where.school,
          county: where.county,
        }
      : {
          id: check.id,
          name: check.name,
          stage: check.stage,
          pass: check.pass,
          value: check.value,
          limit: check.limit,
          message: check.message,
          school: where.school,
          county: where.county,
        };
  if (where.source) located.source = where.source;
  return located;
}

/** G4: 小学 and 初中 ≤ 2000 pupils, 九年/十二年一贯制 ≤ 2500 (compulsory stages only). */
function schoolSize(record: SchoolRecord, rules: GuaranteeRules, settings: AuditSettings): Check[] {
  const pupils = compulsoryPupils(record);
  if (pupils <= 0) return [];
  const limits = settings.relaxations.olderLargeSchools
    ? rules.schoolSizeRelaxed
    : rules.schoolSize;
  const through = THROUGH_TRAIN_KINDS.has(record.kind);
  const limit = through ? limits.throughTrain : limits.singleStage;
  const pass = pupils <= limit;
  return [
    {
      id: "G4",
      name: "学校规模",
      pass,
      value: pupils,
      limit,
      message: pass
        ? `在校生${pupils}人，不超过${limit}人`
        : `在校生${pupils}人，超过${through ? "一贯制学校" : "小学、初中"}规模上限${limit}人`,
    },
  ];
}

const UNCHECKED_CLASS_SIZE: Record<Stage, string> = {
  primary: `未核查：学校表中没有${STAGE_NAMES.primary}最大班额或分班额段班级数，请补充该列`,
  junior: `未核查：学校表中没有${STAGE_NAMES.junior}最大班额或分班额段班级数，请补充该列`,
};

/** G5: every class ≤ 45 (小学) / 50 (初中): the largest class, or the classes in size bands above it. */
function classSize(record: SchoolRecord, rules: GuaranteeRules): Check[] {
  const checks: Check[] = [];
  for (const stage of STAGES) {
    const figures = record.stages[stage];
    if (!figures) continue;
    const limit = rules.classSize[stage];
    if (isCount(figures.largestClass)) {
      const pass = figures.largestClass <= limit;
      checks.push({
        id: "G5",
        name: "班额",
        stage,
        pass,
        value: figures.largestClass,
        limit,
        message: pass
          ? `${STAGE_NAMES[stage]}最大班额${figures.largestClass}人，不超过${limit}人`
          : `${STAGE_NAMES[stage]}最大班额${figures.largestClass}人，超过${limit}人`,
      });
    } else if (figures.classSizeBands && figures.classSizeBands.length > 0) {
      const over = figures.classSizeBands.filter(
        (b) => b.min > limit && isCount(b.count) && b.count > 0
      );
      const count = over.reduce((s, b) => s + b.count, 0);
      checks.push({
        id: "G5",
        name: "班额",
        stage,
        pass: count === 0,
        value: count,
        limit,
        message:
          count === 0
            ? `${STAGE_NAMES[stage]}没有超过${limit}人的班级`
            : `${STAGE_NAMES[stage]}有${count}个班级超过${limit}人`,
      });
    } else if ((figures.pupils ?? 0) > 0) {
      // No column to check by: 未核查, never 达标.
      checks.push({
        id: "G5",
        name: "班额",
        stage,
        pass: null,
        value: null,
        limit,
        message: UNCHECKED_CLASS_SIZE[stage],
      });
    }
  }
  return checks;
}

/** The 未核查 message of G3, one string per case (every school without the columns shares it). */
const UNCHECKED_ROOMS = new Map<string, string>();
function uncheckedRooms(label: string, noCount: boolean, noClasses: boolean): string {
  const key = `${label}${noCount ? 1 : 0}${noClasses ? 1 : 0}`;
  let message = UNCHECKED_ROOMS.get(key);
  if (message === undefined) {
    const lacking = [noCount ? `${label}专用教室间数` : "", noClasses ? "班级数" : ""];
    message = `未核查：学校表中没有${lacking.filter(Boolean).join("、")}，请补充该列`;
    UNCHECKED_ROOMS.set(key, message);
  }
  return message;
}

/** G3: at least ceil(classes / 12) music rooms and as many art rooms, each ≥ 96 / 90 m². */
function musicArtRooms(
  record: SchoolRecord,
  rules: GuaranteeRules,
  settings: AuditSettings
): Check[] {
  const f = record.facilities ?? {};
  const classes = STAGES.reduce(
    (s, stage) => s + (isCount(record.stages[stage]?.classes) ? record.stages[stage]!.classes! : 0),
    0
  );
  const rooms: [string, number | undefined, number | undefined][] = [
    ["音乐", f.musicRooms, f.musicRoomArea],
    ["美术", f.artRooms, f.artRoomArea],
  ];
  const required = Math.ceil(classes / rules.rooms.classesPerRoom);
  const minArea = settings.relaxations.olderRoomAreas ? rules.roomsRelaxed : rules.rooms;
  const checks: Check[] = [];
  for (const [label, count, area] of rooms) {
    const leastArea = label === "音乐" ? minArea.musicRoomArea : minArea.artRoomArea;
    if (classes <= 0 || !isCount(count)) {
      // No column to check by: 未核查, never 达标.
      checks.push({
        id: "G3",
        name: `${label}专用教室`,
        pass: null,
        value: null,
        limit: classes > 0 ? required : 0,
        message: uncheckedRooms(label, !isCount(count), classes <= 0),
      });
      continue;
    }
    const enough = count >= required;
    const average = isCount(area) && count > 0 ? area / count : undefined;
    const bigEnough = average === undefined || average >= leastArea;
    const problems = [
      enough ? "" : `${classes}个班需${required}间${label}专用教室，现有${count}间`,
      bigEnough
        ? ""
        : `${label}专用教室平均面积${average!.toFixed(1)}平方米，低于${leastArea}平方米`,
    ].filter(Boolean);
    checks.push({
      id: "G3",
      name: `${label}专用教室`,
      pass: problems.length === 0,
      value: count,
      limit: required,
      message:
        problems.length === 0
          ? `${label}专用教室${count}间，满足${classes}个班的要求`
          : problems.join("；"),
    });
  }
  return checks;
}

/** Part words a through-train school's rows carry after its name (「实验学校小学部」). */
const PART_SUFFIX = /(小学部|初中部|小学段|初中段|初级中学部|高中部)$/;

/** A school's name without its part word: the name its parts share. */
function schoolNameOf(name: string): string {
  // Most names have neither a space nor a part word: skip the replacing (one call per school).
  const last = name.charCodeAt(name.length - 1);
  if (last !== 0x90e8 /* 部 */ && last !== 0x6bb5 /* 段 */ && !/\s/.test(name)) return name;
  return name.replace(/\s+/g, "").replace(PART_SUFFIX, "");
}

/**
 * The through-train schools given as one record per part: records of one county with the same
 * 学校代码, or the same name once 小学部/初中部 is taken off, whose stages do not overlap and
 * together cover 小学 and 初中. Returns the record indexes of each such school.
 *
 * @example
 * // 「实验学校｜小学部｜1500」 and 「实验学校｜初中部｜1300」 → [[0, 1]]
 */
export function throughTrainGroups(
  records: readonly SchoolRecord[],
  counted: readonly number[],
  countyOf: (r: SchoolRecord) => string
): number[][] {
  // By county, then by code or name (nested maps: no key string built per school). A school seen
  // once is kept as its index; a group's order is that of its first school, as one map would give.
  const byCounty = new Map<string, Map<string, number | number[]>>();
  const groups: number[][] = [];
  for (const i of counted) {
    const r = records[i];
    const county = countyOf(r);
    let schools = byCounty.get(county);
    if (!schools) byCounty.set(county, (schools = new Map()));
    const key = r.code ? `#${r.code}` : schoolNameOf(r.name);
    const seen = schools.get(key);
    if (seen === undefined) schools.set(key, i);
    else if (typeof seen === "number") {
      const group = [seen, i];
      schools.set(key, group);
      groups.push(group);
    } else seen.push(i);
  }
  groups.sort((a, b) => a[0] - b[0]);
  return groups.filter((group) => {
    if (group.length < 2) return false;
    const stages = group.flatMap((i) => Object.keys(records[i].stages));
    return (
      new Set(stages).size === stages.length &&
      stages.includes("primary") &&
      stages.includes("junior")
    );
  });
}

/**
 * G4 of a through-train school given as one record per part: its compulsory pupils summed, under
 * the through-train limit (1500 + 1300 = 2800 pupils exceed 2500 though each part is under 2000).
 */
export function throughTrainSize(
  parts: readonly SchoolRecord[],
  rules: GuaranteeRules,
  settings: AuditSettings,
  county: string,
  source: SourceCell | undefined
): GuaranteeCheck[] {
  const stages: SchoolRecord["stages"] = {};
  for (const part of parts) Object.assign(stages, part.stages);
  const whole: SchoolRecord = { name: schoolNameOf(parts[0].name), kind: "nineYear", stages };
  const checks = schoolSize(whole, rules, settings) as GuaranteeCheck[];
  for (const check of checks) {
    check.school = whole.name;
    check.county = county;
    check.message = `${check.message}（${parts
      .map(
        (p) =>
          `${p.name}${Object.keys(p.stages)
            .map((st) => STAGE_NAMES[st as keyof typeof STAGE_NAMES])
            .join("")}${compulsoryPupils(p)}人`
      )
      .join(" + ")}）`;
    if (source) check.source = source;
  }
  return checks;
}

/** The school-level government-guarantee checks the sheets allow; `size: false` leaves G4 to throughTrainSize. */
export function guaranteeChecks(
  record: SchoolRecord,
  rules: GuaranteeRules,
  settings: AuditSettings,
  county: string,
  source: SourceCell | undefined,
  size = true
): GuaranteeCheck[] {
  const where: Where = { school: record.name, county, source };
  const checks: GuaranteeCheck[] = [];
  for (const check of musicArtRooms(record, rules, settings)) checks.push(located(check, where));
  if (size)
    for (const check of schoolSize(record, rules, settings)) checks.push(located(check, where));
  for (const check of classSize(record, rules)) checks.push(located(check, where));
  return checks;
}
