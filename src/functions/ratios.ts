import { normalizeName } from "../engine/lookup";
import { ratio } from "../engine/numeric";
import { splitNineYear } from "../engine/split";
import { measureDef } from "../engine/measures";
import type { IndicatorSpec } from "../engine/standards";
import {
  argLabel,
  isBlank,
  rangeNumber,
  readCount,
  readIndicator,
  readPupils,
  readRange,
  readStage,
  readStandard,
  argOf,
  type Arg,
  type ParameterAddresses,
} from "./args";
import { attempt, FunctionFailure, type Outcome } from "./outcome";
import { UNITS, unitOf } from "../sheets/units";

/**
 * JH.PERHUNDRED: count × 100 / pupils, multiplied before dividing so a value exactly at a threshold
 * stays exact (9 teachers for 1000 pupils is 0.9, not 0.8999999999999999).
 *
 * @example
 * per100(9, 1000); // { ok: true, value: 0.9 }
 */
export function per100(
  count: unknown,
  pupils: unknown,
  addresses?: ParameterAddresses
): Outcome<number> {
  return attempt(() => {
    const n = readCount(count, argOf("PERHUNDRED", "count", addresses));
    const p = readPupils(pupils, argOf("PERHUNDRED", "pupils", addresses));
    return ratio(n, p, 100);
  });
}

/**
 * Factor from the amount's unit to the indicator's unit (万元 → 元 is 10000, 名 → 人 is 1), from the
 * unit list the sheet reader uses, so a unit the reader accepts in a header is accepted here too.
 */
function unitFactor(spec: IndicatorSpec, unit: unknown, arg: Arg): number {
  if (isBlank(unit)) return 1;
  const key = normalizeName(String(unit));
  const money = measureDef(spec.measure).addition.unit === "yuan";
  if (money && key === "万") return 10000;
  const given = unitOf(key);
  const wanted = unitOf(normalizeName(spec.unit.split("/")[0]));
  if (given && wanted && given.measure === wanted.measure) return given.factor / wanted.factor;
  const words = wanted
    ? UNITS.filter((u) => u.measure === wanted.measure).map((u) => `「${u.word}」`)
    : [`「${spec.unit}」`];
  const expected = `${words.join("、")}或省略`;
  throw new FunctionFailure(
    "value",
    `${argLabel(arg)}「${String(unit)}」不适用于${spec.id}（${spec.shortName}），应为${expected}。`
  );
}

/**
 * JH.INDICATOR: an indicator's value from its raw figures. The amount may be a range that is
 * summed (体育 + 音乐 + 美术 teachers for L3, hall + ground for L5); 仪器设备值 may be given in 万元.
 *
 * @example
 * indicatorValue("体艺教师", [[3, 3, 3]], 1000); // { ok: true, value: 0.9 }
 * indicatorValue("L6", 180.5, 1000, "万元"); // { ok: true, value: 1805 }
 */
export function indicatorValue(
  indicator: unknown,
  amount: unknown,
  pupils: unknown,
  unit?: unknown,
  standard?: unknown,
  addresses?: ParameterAddresses
): Outcome<number> {
  return attempt(() => {
    const std = readStandard(standard, argOf("INDICATOR", "standard", addresses));
    const spec = readIndicator(indicator, argOf("INDICATOR", "indicator", addresses), std);
    const amountArg: Arg = argOf("INDICATOR", "amount", addresses);
    const cells = readRange(amount, amountArg);
    let sum = 0;
    let present = 0;
    cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        const x = rangeNumber(cell, amountArg, r, c);
        if (x !== null) {
          sum += x;
          present++;
        }
      })
    );
    if (present === 0)
      throw new FunctionFailure(
        "notAvailable",
        `${argLabel(amountArg)}为空：缺少计算${spec.id}（${spec.shortName}）的数据。`
      );
    const factor = unitFactor(spec, unit, argOf("INDICATOR", "unit", addresses));
    const p = readPupils(pupils, argOf("INDICATOR", "pupils", addresses));
    return ratio(sum * factor, p, spec.scale);
  });
}

/**
 * JH.SPLIT: a 九年一贯制 school's stage share of a shared facility figure, by weighted pupils
 * (one junior pupil counts 1.1 primary pupils). Unrounded: the two parts add up to the total.
 *
 * @example
 * // 23226 books, 166 primary and 210 junior pupils: 58.50 books per weighted pupil.
 * split(23226, 166, 210, "小学"); // { ok: true, value: 9711.627… }
 * split(23226, 166, 210, "初中"); // { ok: true, value: 13514.372… }
 */
export function split(
  total: unknown,
  primaryPupils: unknown,
  juniorPupils: unknown,
  part: unknown,
  addresses?: ParameterAddresses
): Outcome<number> {
  return attempt(() => {
    const t = readCount(total, argOf("SPLIT", "total", addresses));
    const a = readCount(primaryPupils, argOf("SPLIT", "primaryPupils", addresses));
    const b = readCount(juniorPupils, argOf("SPLIT", "juniorPupils", addresses));
    const stage = readStage(part, argOf("SPLIT", "part", addresses));
    if (a + b === 0)
      throw new FunctionFailure("divisionByZero", "JH.SPLIT 的小学生数与初中生数都为0：无法分摊。");
    const [primary, junior] = splitNineYear(t, a, b);
    return stage === "primary" ? primary : junior;
  });
}
