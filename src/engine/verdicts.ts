import { measureDef } from "./measures";
import { ceilWhole, percentOf } from "./numeric";
import type { IndicatorDetail, Shortfall } from "./result";
import type { MeasureDef } from "./catalogue/measures";
import type { AdditionUnit, IndicatorSpec, SchoolRule } from "./standards";

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
function roundUpAddition(addition: MeasureDef["addition"], x: number): number {
  if (x <= 0) return 0;
  if (addition.wholeUnits || addition.unit === "yuan") return ceilWhole(x);
  return ceilWhole(x * 100) / 100;
}

/**
 * The shortfall of one indicator of one school part, or null when it meets its threshold.
 * `share` is the part's share of a shared facility: a school adds to the whole building, so for a
 * split facility the addition is what the whole school must add for this part's share to reach it.
 */
export function shortfallOf(
  spec: IndicatorSpec,
  detail: IndicatorDetail,
  pupils: number,
  share: number
): Shortfall | null {
  if (detail.met === true || detail.threshold === null || detail.floor === null) return null;
  const { source, addition: fix } = measureDef(spec.measure);
  const bySchool = source === "facilities" && share > 0 && share < 1;
  const additionScope = bySchool ? "school" : "part";
  // Object literals rather than spreads: V8's spread-with-extra-properties is slow, and audits
  // build a shortfall for every indicator missed across hundreds of thousands of parts.
  if (detail.value === null) {
    return {
      indicator: spec.id,
      measure: spec.measure,
      name: spec.name,
      value: null,
      required: detail.threshold,
      floor: detail.floor,
      gap: null,
      belowFloor: true,
      addition: null,
      additionToFloor: null,
      unit: fix.unit,
      additionScope,
      advice: `缺少${spec.shortName}数据，无法证明达标：请补填。`,
    };
  }
  const numerator = detail.numerator ?? (detail.value * pupils) / spec.scale;
  const needed = (target: number) =>
    roundUpAddition(fix, ((target * pupils) / spec.scale - numerator) / (bySchool ? share : 1));
  const addition = needed(detail.threshold);
  const additionToFloor = needed(detail.floor);
  const belowFloor = detail.reachesFloor === false;
  const noun = fix.noun.zh;
  let advice = `${bySchool ? "需全校增加" : "需增加"}${formatAddition(fix.unit, noun, addition)}`;
  if (bySchool) advice += "（全校共用，按折算学生数分摊到本学段后达标）";
  if (belowFloor) {
    const floor = percentOf(detail.floor / detail.threshold);
    advice += `；低于要求的${floor}，至少增加${formatAddition(fix.unit, noun, additionToFloor)}方可达到${floor}`;
  }
  return {
    indicator: spec.id,
    measure: spec.measure,
    name: spec.name,
    value: detail.value,
    required: detail.threshold,
    floor: detail.floor,
    gap: detail.threshold - detail.value,
    belowFloor,
    addition,
    additionToFloor,
    unit: fix.unit,
    additionScope,
    advice,
  };
}

/** The school rule: at least minMet indicators met and every other one at its floor or above. */
export function schoolPasses(
  rule: SchoolRule,
  details: IndicatorDetail[]
): { met: number; pass: boolean } {
  const met = details.filter((d) => d.met === true).length;
  const allReachFloor = details.every((d) => d.value !== null && d.reachesFloor === true);
  return { met, pass: met >= rule.minMet && allReachFloor };
}
