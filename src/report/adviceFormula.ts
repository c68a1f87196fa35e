/**
 * 问题清单's 「整改所需」 as a live formula: what the school must add, recomputed from the school's
 * cells, so the advice follows a corrected figure; in the unit the source column keeps (万元 where
 * the sheet gives the equipment value in 万元).
 */
import {
  measureDef,
  percentOf,
  type AdditionUnit,
  type MeasureId,
  type SchoolRecord,
  type Shortfall,
  type Stage,
} from "../engine";
import { formulaCell, textCell } from "./cells";
import type { PlannedCell } from "./plan";
import { shareFormula } from "./indicatorFormula";
import { numberLiteral } from "./refs";

/** The cells an advice formula is written over (A1 references, own sheet or qualified). */
export interface AdviceRefs {
  /** The part's indicator value (问题清单's 数值, itself a reference to 学校达标). */
  value: string;
  /** The threshold and the floor (学校达标's 标准值 and 85% rows). */
  required: string;
  floor: string;
  /** The part's pupils (学校达标's 在校生数, a reference to the source cell). */
  pupils: string;
}

/** The words of an amount: count words before the noun, a measure after it. */
const COUNTED: Partial<Record<AdditionUnit, string>> = {
  teachers: "名",
  rooms: "间",
  computers: "台",
  books: "册",
};

/** What the advice says when the corrected figure meets the threshold. */
export const ADVICE_MET = "已达到要求（改正后请重新审计）";

/**
 * The unit an addition is shown in: 万元 / 万平方米 when every field behind the indicator was read
 * from a 万元 / 万平方米 column (factor 10000), else the engine's unit (元, 平方米).
 */
export function displayFactor(
  record: SchoolRecord | undefined,
  fields: readonly string[],
  unit: AdditionUnit
): number {
  if (unit !== "yuan" && unit !== "m2") return 1;
  const factors = fields.map((f) => record?.source?.factors?.[f] ?? 1);
  return factors.length > 0 && factors.every((f) => f === 10000) ? 10000 : 1;
}

/** Decimals an addition is rounded up to in a unit: whole things and 元, 0.01 m² or 万. */
function decimalsOf(unit: AdditionUnit, factor: number): number {
  if (COUNTED[unit] || (unit === "yuan" && factor === 1)) return 0;
  return 2;
}

/** x rounded up to `d` decimals, float noise ignored: `-INT(-ROUND(x*100,6))/100`. */
function ceilingFormula(x: string, d: number): string {
  const scale = 10 ** d;
  return d === 0 ? `-INT(-ROUND(${x},6))` : `-INT(-ROUND((${x})*${scale},6))/${scale}`;
}

/** The same rounding in TypeScript, for the cached value. */
function ceilingValue(x: number, d: number): number {
  const scale = 10 ** d;
  return -Math.floor(-Number((x * scale).toFixed(6))) / scale;
}

function withThousands(whole: number): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** The amount as text in the formula and as the value it gives. */
function amountParts(
  unit: AdditionUnit,
  noun: string,
  factor: number,
  amount: string,
  value: number
): { expr: string; text: string } {
  const d = decimalsOf(unit, factor);
  const counted = COUNTED[unit];
  if (counted) return { expr: `${amount}&"${counted}${noun}"`, text: `${value}${counted}${noun}` };
  const word =
    unit === "yuan" ? (factor === 1 ? "元" : "万元") : factor === 1 ? "平方米" : "万平方米";
  const fmt = d === 0 ? "#,##0" : "0.00";
  const shown = d === 0 ? withThousands(value) : value.toFixed(2);
  return { expr: `"${noun}"&TEXT(${amount},"${fmt}")&"${word}"`, text: `${noun}${shown}${word}` };
}

/**
 * The 「整改所需」 cell of a shortfall: 「需增加2名县级及以上骨干教师」 as a formula over the part's
 * value, threshold, floor and pupils (and for a shared facility its share, over the school's pupil
 * cells), the amount (target − value) × pupils ÷ scale [÷ share] rounded up as the engine rounds
 * it, in 万元 where the source column is in 万元; 「已达到要求」 once the corrected figure meets
 * the threshold. A missing figure, or a share that cannot be written, keeps the engine's text.
 *
 * @example
 * adviceCell(shortfall, record, "primary", 100, { value: "F5", required: "'学校达标'!G4", floor: "'学校达标'!G5", pupils: "'学校达标'!D8" });
 * // { formula: `IF(ROUND(F5,9)>=ROUND('学校达标'!G4,9),"已达到要求（改正后请重新审计）","需增加"&-INT(-ROUND(('学校达标'!G4-F5)*'学校达标'!D8/100,6))&"名县级及以上骨干教师"&IF(…))`, value: "需增加2名县级及以上骨干教师" }
 */
export function adviceCell(
  shortfall: Shortfall,
  record: SchoolRecord | undefined,
  stage: Stage,
  scale: number,
  fields: readonly string[],
  refs: AdviceRefs
): PlannedCell {
  const fallback = textCell(shortfall.advice);
  if (shortfall.value === null || shortfall.addition === null) return fallback;
  const bySchool = shortfall.additionScope === "school";
  const share = bySchool && record ? shareFormula(record, stage) : null;
  if (bySchool && !share) return fallback;
  const fix = measureDef(shortfall.measure as MeasureId).addition;
  const factor = displayFactor(record, fields, shortfall.unit);
  const d = decimalsOf(shortfall.unit, factor);
  const divisor = [
    scale !== 1 ? `/${numberLiteral(scale)}` : "",
    share ? `/${share.expr}` : "",
    factor !== 1 ? `/${numberLiteral(factor)}` : "",
  ].join("");
  const amount = (target: string) =>
    ceilingFormula(`(${target}-${refs.value})*${refs.pupils}${divisor}`, d);
  const part = (target: string, engineAmount: number) =>
    amountParts(
      shortfall.unit,
      fix.noun.zh,
      factor,
      amount(target),
      ceilingValue(engineAmount / factor, d)
    );
  const toMeet = part(refs.required, shortfall.addition);
  const toFloor = part(refs.floor, shortfall.additionToFloor ?? 0);
  const lead = bySchool ? "需全校增加" : "需增加";
  const shared = bySchool ? "（全校共用，按折算学生数分摊到本学段后达标）" : "";
  const floor = percentOf(shortfall.floor / shortfall.required);
  const floorExpr = `IF(ROUND(${refs.value},9)<ROUND(${refs.floor},9),"；低于要求的${floor}，至少增加"&${toFloor.expr}&"方可达到${floor}","")`;
  const sharedExpr = shared ? `&"${shared}"` : "";
  const formula = `IF(ROUND(${refs.value},9)>=ROUND(${refs.required},9),"${ADVICE_MET}","${lead}"&${toMeet.expr}${sharedExpr}&${floorExpr})`;
  const text =
    `${lead}${toMeet.text}${shared}` +
    (shortfall.belowFloor ? `；低于要求的${floor}，至少增加${toFloor.text}方可达到${floor}` : "");
  return formulaCell(formula, text, undefined, "text");
}
