import { atLeast, percentOf } from "../engine/numeric";
import type { IndicatorDetail } from "../engine/result";
import { STANDARDS, type IndicatorSpec } from "../engine/standards";
import { schoolPasses, shortfallOf } from "../engine/verdicts";
import { judgedDetail, NO_ORIGIN } from "../engine/indicators";
import {
  argLabel,
  rangeNumber,
  readCount,
  readIndicator,
  readPupils,
  readRange,
  readStage,
  readStandard,
  thresholdOf,
  argOf,
  type Arg,
  type ParameterAddresses,
} from "./args";
import { attempt, FunctionFailure, type Outcome } from "./outcome";

/**
 * JH.STANDARD: the threshold (标准值) of an indicator in a stage under the chosen standard.
 *
 * @example
 * threshold("L3", "小学"); // { ok: true, value: 0.9 }
 * threshold("教学用房", "初中"); // { ok: true, value: 5.8 }
 */
export function threshold(
  indicator: unknown,
  stage: unknown,
  standard?: unknown,
  addresses?: ParameterAddresses
): Outcome<number> {
  return attempt(() => {
    const std = readStandard(standard, argOf("STANDARD", "standard", addresses));
    const spec = readIndicator(indicator, argOf("STANDARD", "indicator", addresses), std);
    const s = readStage(stage, argOf("STANDARD", "stage", addresses));
    return thresholdOf(spec, s, std);
  });
}

/**
 * JH.CVLIMIT: the CV limit of a stage: per indicator under 2017 (0.50 / 0.45), for the composite
 * under 2012 (0.65 / 0.55).
 *
 * @example
 * cvLimit("初中"); // { ok: true, value: 0.45 }
 */
export function cvLimit(
  stage: unknown,
  standard?: unknown,
  addresses?: ParameterAddresses
): Outcome<number> {
  return attempt(() => {
    const std = readStandard(standard, argOf("CVLIMIT", "standard", addresses));
    const s = readStage(stage, argOf("CVLIMIT", "stage", addresses));
    return std.cvRule.limits[s];
  });
}

/**
 * JH.COMPLIANT: TRUE when the value meets the threshold; a value equal to it up to rounding noise
 * meets it (the engine's atLeast).
 *
 * @example
 * compliant(0.9, "L3", "小学"); // { ok: true, value: true }
 * compliant(0.89, "L3", "小学"); // { ok: true, value: false }
 */
export function compliant(
  value: unknown,
  indicator: unknown,
  stage: unknown,
  standard?: unknown,
  addresses?: ParameterAddresses
): Outcome<boolean> {
  return attempt(() => {
    const std = readStandard(standard, argOf("COMPLIANT", "standard", addresses));
    const spec = readIndicator(indicator, argOf("COMPLIANT", "indicator", addresses), std);
    const s = readStage(stage, argOf("COMPLIANT", "stage", addresses));
    const x = readCount(value, argOf("COMPLIANT", "value", addresses));
    return atLeast(x, thresholdOf(spec, s, std));
  });
}

/** An indicator's detail as the engine's verdict code reads it (a value held, against threshold and floor). */
function detailOf(value: number | null, threshold: number, floorRatio: number): IndicatorDetail {
  return judgedDetail(
    threshold,
    floorRatio,
    value,
    value === null ? NO_ORIGIN : { ...NO_ORIGIN, from: "given" }
  );
}

/** Which standards have a school rule, stated from their data (how many met, the floor for the others). */
function schoolRuleHint(): string {
  return Object.values(STANDARDS)
    .filter((s) => s.schoolRule)
    .map(
      (s) =>
        `${s.name}规定「至少${s.schoolRule!.minMet}项达标、其余不低于${percentOf(s.schoolRule!.floorRatio)}」。`
    )
    .join("");
}

/**
 * JH.SCHOOLPASS: a school part's L1–L7 against the school rule: at least 6 of 7 meet their
 * thresholds and every other one reaches the rule's floor share of its threshold. A blank value counts as missing,
 * which fails the rule (as in the audit).
 *
 * @example
 * // Six met, L7 at 2.0 of 2.3 (87%): passes.
 * schoolPass([[4.2, 1, 0.9, 4.5, 7.5, 2000, 2.0]], "小学"); // { ok: true, value: true }
 */
export function schoolPass(
  values: unknown,
  stage: unknown,
  standard?: unknown,
  addresses?: ParameterAddresses
): Outcome<boolean> {
  return attempt(() => {
    const std = readStandard(standard, argOf("SCHOOLPASS", "standard", addresses));
    const s = readStage(stage, argOf("SCHOOLPASS", "stage", addresses));
    const rule = std.schoolRule;
    if (!rule)
      throw new FunctionFailure("notAvailable", `${std.name}没有学校达标规则：${schoolRuleHint()}`);
    const valuesArg: Arg = argOf("SCHOOLPASS", "values", addresses);
    const cells = readRange(values, valuesArg);
    const flat: (number | null)[] = [];
    cells.forEach((row, r) =>
      row.forEach((cell, c) => flat.push(rangeNumber(cell, valuesArg, r, c)))
    );
    const specs = std.indicators.filter(
      (spec): spec is IndicatorSpec & { thresholds: object } => spec.thresholds !== undefined
    );
    if (flat.length !== specs.length || (cells.length !== 1 && cells[0].length !== 1)) {
      throw new FunctionFailure(
        "value",
        `${argLabel(valuesArg)}有${flat.length}个单元格（${cells.length}行${cells[0].length}列），应为按 ${specs.map((x) => x.id).join("、")} 顺序的一行或一列共${specs.length}个值。`
      );
    }
    const details = specs.map((spec, i) =>
      detailOf(flat[i], thresholdOf(spec, s, std), rule.floorRatio)
    );
    return schoolPasses(rule, details).pass;
  });
}

/**
 * JH.GAP: the smallest addition that makes the value meet the threshold, from the engine's
 * shortfall logic: whole teachers or rooms, m² to 0.01, whole 元; 0 when already met.
 *
 * @example
 * // L3 at 0.8 for 1000 pupils (8 teachers): one more teacher reaches 0.9.
 * gap(0.8, "L3", "小学", 1000); // { ok: true, value: 1 }
 */
export function gap(
  value: unknown,
  indicator: unknown,
  stage: unknown,
  pupils: unknown,
  standard?: unknown,
  addresses?: ParameterAddresses
): Outcome<number> {
  return attempt(() => {
    const std = readStandard(standard, argOf("GAP", "standard", addresses));
    const spec = readIndicator(indicator, argOf("GAP", "indicator", addresses), std);
    const s = readStage(stage, argOf("GAP", "stage", addresses));
    const x = readCount(value, argOf("GAP", "value", addresses));
    const p = readPupils(pupils, argOf("GAP", "pupils", addresses));
    const detail = detailOf(x, thresholdOf(spec, s, std), std.schoolRule?.floorRatio ?? 1);
    // A single part keeps all of its own figure (share 1): the addition is to the part itself.
    const shortfall = shortfallOf(spec, detail, p, 1);
    return shortfall?.addition ?? 0;
  });
}
