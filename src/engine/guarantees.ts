import { compulsoryPupils } from "./eligibility";
import { isCount } from "./numeric";
import type { GuaranteeCheck, SourceCell } from "./result";
import type { GuaranteeRules } from "./standards";
import { STAGE_NAMES, STAGES, type AuditSettings, type SchoolRecord } from "./types";

const THROUGH_TRAIN_KINDS = new Set(["nineYear", "twelveYear"]);

type Check = Omit<GuaranteeCheck, "school" | "county" | "source">;

/** G4: 小学 and 初中 ≤ 2000 pupils, 九年/十二年一贯制 ≤ 2500 (compulsory stages only). */
function schoolSize(record: SchoolRecord, rules: GuaranteeRules, settings: AuditSettings): Check[] {
  const pupils = compulsoryPupils(record);
  if (pupils <= 0) return [];
  const limits = settings.relaxations.olderLargeSchools ? rules.schoolSizeRelaxed : rules.schoolSize;
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
      const over = figures.classSizeBands.filter((b) => b.min > limit && isCount(b.count) && b.count > 0);
      const count = over.reduce((s, b) => s + b.count, 0);
      checks.push({
        id: "G5",
        name: "班额",
        stage,
        pass: count === 0,
        value: count,
        limit,
        message: count === 0 ? `${STAGE_NAMES[stage]}没有超过${limit}人的班级` : `${STAGE_NAMES[stage]}有${count}个班级超过${limit}人`,
      });
    }
  }
  return checks;
}

/** G3: at least ceil(classes / 12) music rooms and as many art rooms, each ≥ 96 / 90 m². */
function musicArtRooms(record: SchoolRecord, rules: GuaranteeRules, settings: AuditSettings): Check[] {
  const f = record.facilities ?? {};
  const classes = STAGES.reduce((s, stage) => s + (isCount(record.stages[stage]?.classes) ? record.stages[stage]!.classes! : 0), 0);
  if (classes <= 0) return [];
  const required = Math.ceil(classes / rules.rooms.classesPerRoom);
  const minArea = settings.relaxations.olderRoomAreas ? rules.roomsRelaxed : rules.rooms;
  const rooms: [string, number | undefined, number | undefined, number][] = [
    ["音乐", f.musicRooms, f.musicRoomArea, minArea.musicRoomArea],
    ["美术", f.artRooms, f.artRoomArea, minArea.artRoomArea],
  ];
  const checks: Check[] = [];
  for (const [label, count, area, leastArea] of rooms) {
    if (!isCount(count)) continue;
    const enough = count >= required;
    const average = isCount(area) && count > 0 ? area / count : undefined;
    const bigEnough = average === undefined || average >= leastArea;
    const problems = [
      enough ? "" : `${classes}个班需${required}间${label}专用教室，现有${count}间`,
      bigEnough ? "" : `${label}专用教室平均面积${average!.toFixed(1)}平方米，低于${leastArea}平方米`,
    ].filter(Boolean);
    checks.push({
      id: "G3",
      name: `${label}专用教室`,
      pass: problems.length === 0,
      value: count,
      limit: required,
      message: problems.length === 0 ? `${label}专用教室${count}间，满足${classes}个班的要求` : problems.join("；"),
    });
  }
  return checks;
}

/** The school-level government-guarantee checks the sheets allow. */
export function guaranteeChecks(
  record: SchoolRecord,
  rules: GuaranteeRules,
  settings: AuditSettings,
  county: string,
  source: SourceCell | undefined,
): GuaranteeCheck[] {
  const checks = [...musicArtRooms(record, rules, settings), ...schoolSize(record, rules, settings), ...classSize(record, rules)];
  const located = checks as GuaranteeCheck[];
  for (const check of located) {
    check.school = record.name;
    check.county = county;
    if (source) check.source = source;
  }
  return located;
}

