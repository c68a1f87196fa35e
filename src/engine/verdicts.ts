import { ceilWhole } from "./numeric";
import type { IndicatorDetail, Shortfall } from "./result";
import type { AdditionUnit, IndicatorSpec, MeasureId, SchoolRule } from "./standards";

/** What is added to fix a shortfall, as the advice names it. */
const ADDITION_NOUN: Record<MeasureId, string> = {
  aboveDegreeTeachers: "高于规定学历教师",
  backboneTeachers: "县级及以上骨干教师",
  peArtsTeachers: "体育、艺术专任教师",
  teachingArea: "教学及辅助用房",
  sportsArea: "体育运动场馆",
  equipmentValue: "教学仪器设备值",
  multimediaRooms: "网络多媒体教室",
  computers: "计算机",
  books: "图书",
  teachers: "专任教师",
  seniorTitleTeachers: "中级及以上职称教师",
};

/** 1234567 → "1,234,567" (toLocaleString is far slower, and audits format many amounts). */
function withThousands(whole: number): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function formatAddition(unit: AdditionUnit, noun: string, amount: number): string {
  switch (unit) {
    case "teachers":
      return `${amount}名${noun}`;
    case "rooms":
      return `${amount}间${noun}`;
    case "computers":
      return `${amount}台${noun}`;
    case "books":
      return `${amount}册${noun}`;
    case "m2":
      return `${noun}${amount.toFixed(2)}平方米`;
    case "yuan":
      return `${noun}${withThousands(amount)}元`;
  }
}

/** Rounds an addition up to what can be added: whole teachers/rooms, 0.01 m², whole 元. */
function roundUpAddition(spec: IndicatorSpec, x: number): number {
  if (x <= 0) return 0;
  if (spec.wholeUnits || spec.additionUnit === "yuan") return ceilWhole(x);
  return ceilWhole(x * 100) / 100;
}

/**
 * The shortfall of one indicator of one school part, or null when it meets its threshold.
 * `share` is the part's share of a shared facility: a school adds to the whole building, so for a
 * split facility the addition is what the whole school must add for this part's share to reach it.
 */
export function shortfallOf(spec: IndicatorSpec, detail: IndicatorDetail, pupils: number, share: number): Shortfall | null {
  if (detail.met === true || detail.threshold === null || detail.floor === null) return null;
  const bySchool = spec.shared && share > 0 && share < 1;
  const additionScope = bySchool ? "school" : "part";
  // Object literals rather than spreads: V8's spread-with-extra-properties is slow, and audits
  // build a shortfall for every indicator missed across hundreds of thousands of parts.
  if (detail.value === null) {
    return {
      indicator: spec.id,
      name: spec.name,
      value: null,
      required: detail.threshold,
      floor: detail.floor,
      gap: null,
      belowFloor: true,
      addition: null,
      additionToFloor: null,
      unit: spec.additionUnit,
      additionScope,
      advice: `缺少${spec.shortName}数据，无法证明达标：请补填。`,
    };
  }
  const numerator = detail.numerator ?? (detail.value * pupils) / spec.scale;
  const needed = (target: number) => roundUpAddition(spec, ((target * pupils) / spec.scale - numerator) / (bySchool ? share : 1));
  const addition = needed(detail.threshold);
  const additionToFloor = needed(detail.floor);
  const belowFloor = detail.reachesFloor === false;
  const noun = ADDITION_NOUN[spec.measure];
  let advice = `${bySchool ? "需全校增加" : "需增加"}${formatAddition(spec.additionUnit, noun, addition)}`;
  if (bySchool) advice += "（全校共用，按折算学生数分摊到本学段后达标）";
  if (belowFloor) advice += `；低于要求的85%，至少增加${formatAddition(spec.additionUnit, noun, additionToFloor)}方可达到85%`;
  return {
    indicator: spec.id,
    name: spec.name,
    value: detail.value,
    required: detail.threshold,
    floor: detail.floor,
    gap: detail.threshold - detail.value,
    belowFloor,
    addition,
    additionToFloor,
    unit: spec.additionUnit,
    additionScope,
    advice,
  };
}

/** The school rule: at least minMet indicators met and every other one at its floor or above. */
export function schoolPasses(rule: SchoolRule, details: IndicatorDetail[]): { met: number; pass: boolean } {
  const met = details.filter((d) => d.met === true).length;
  const allReachFloor = details.every((d) => d.value !== null && d.reachesFloor === true);
  return { met, pass: met >= rule.minMet && allReachFloor };
}
