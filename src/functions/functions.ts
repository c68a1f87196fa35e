/**
 * The JH (均衡) custom functions as Excel registers them. Each is a top-level function with a
 * @customfunction JSDoc block: custom-functions-metadata-plugin reads these blocks into
 * functions.json and appends the CustomFunctions.associate calls to this file at build time.
 * Every function is a thin wrapper: pure logic (spread/ratios/verdicts) returns a value or a typed
 * failure, and excelResult turns a failure into a CustomFunctions.Error. Chinese names and help
 * come from zh-cn.json (scripts/localize-metadata.js).
 *
 * Range arguments are typed unknown[][] (metadata type "any") so that text in a number range
 * reaches us and gets a message naming the cell, instead of Excel's bare #VALUE!. Each function
 * asks for its arguments' addresses (@requiresParameterAddresses, CustomFunctionsRuntime 1.3) so
 * the message names the sheet and cell (「Sheet1!B4」); without them it names the place in the range.
 */
import { excelResult } from "./excel-errors";
import { indicatorValue, per100, split } from "./ratios";
import { compositeCv, cv } from "./spread";
import { compliant, cvLimit, gap, schoolPass, threshold } from "./verdicts";

/**
 * Enrolment-weighted coefficient of variation (差异系数) of one indicator over a stage's schools. Without pupils: the plain population CV, but the standard weights by pupils. Blank cells are skipped pairwise.
 * @customfunction WEIGHTEDCV
 * @requiresParameterAddresses
 * @param values Each school's value of one indicator (a column or range), e.g. books per pupil.
 * @param [pupils] Each school's enrolled pupils, cell for cell with values (same size). Omit for the unweighted CV (the standard weights).
 * @returns The weighted CV.
 */
export function weightedCv(
  values: unknown[][],
  pupils?: unknown[][],
  invocation?: CustomFunctions.Invocation
): number {
  return excelResult(cv(values, pupils, invocation?.parameterAddresses));
}

/**
 * Composite CV (综合差异系数): the plain mean of the enrolment-weighted CVs of the columns, one column per indicator.
 * @customfunction COMPOSITECV
 * @requiresParameterAddresses
 * @param values One row per school, one column per indicator.
 * @param [pupils] Each school's enrolled pupils: one column with as many rows as values. Omit for unweighted CVs (the standard weights).
 * @returns The mean of the columns' CVs.
 */
export function compositeWeightedCv(
  values: unknown[][],
  pupils?: unknown[][],
  invocation?: CustomFunctions.Invocation
): number {
  return excelResult(compositeCv(values, pupils, invocation?.parameterAddresses));
}

/**
 * Per hundred pupils: count × 100 / pupils, exact at thresholds (9 for 1000 pupils is 0.9).
 * @customfunction PERHUNDRED
 * @requiresParameterAddresses
 * @param count Teachers, rooms or other count.
 * @param pupils Enrolled pupils (above 0).
 * @returns count × 100 / pupils.
 */
export function perHundred(
  count: number,
  pupils: number,
  invocation?: CustomFunctions.Invocation
): number {
  return excelResult(per100(count, pupils, invocation?.parameterAddresses));
}

/**
 * An indicator's value from its raw figures: count × 100 / pupils for per-hundred indicators, amount / pupils for per-pupil ones; equipment value may be given in 万元.
 * @customfunction INDICATOR
 * @requiresParameterAddresses
 * @param indicator L1–L7, or the indicator's Chinese name or short name (e.g. 教学用房).
 * @param amount The numerator: a number, or a range that is summed (e.g. PE, music and art teachers).
 * @param pupils Enrolled pupils of the school part (above 0).
 * @param [unit] Unit of the amount: 元 or 万元 for equipment value (default 元); omit for other indicators.
 * @param [standard] 2017 (high-quality balance, default) or 2012 (basic balance).
 * @returns The indicator's value.
 */
export function indicatorFromCounts(
  indicator: string,
  amount: unknown[][],
  pupils: number,
  unit?: string,
  standard?: unknown,
  invocation?: CustomFunctions.Invocation
): number {
  return excelResult(
    indicatorValue(indicator, amount, pupils, unit, standard, invocation?.parameterAddresses)
  );
}

/**
 * The threshold an indicator must reach in a stage (e.g. 0.9 for L3 in primary schools).
 * @customfunction STANDARD
 * @requiresParameterAddresses
 * @param indicator L1–L7, or the indicator's Chinese name or short name.
 * @param stage 小学 or 初中 (primary or junior).
 * @param [standard] 2017 (default) or 2012.
 * @returns The threshold.
 */
export function indicatorThreshold(
  indicator: string,
  stage: string,
  standard?: unknown,
  invocation?: CustomFunctions.Invocation
): number {
  return excelResult(threshold(indicator, stage, standard, invocation?.parameterAddresses));
}

/**
 * The CV limit of a stage: per indicator under 2017 (0.50 primary, 0.45 junior); for the composite CV under 2012 (0.65, 0.55).
 * @customfunction CVLIMIT
 * @requiresParameterAddresses
 * @param stage 小学 or 初中 (primary or junior).
 * @param [standard] 2017 (default) or 2012.
 * @returns The CV limit.
 */
export function cvLimitOf(
  stage: string,
  standard?: unknown,
  invocation?: CustomFunctions.Invocation
): number {
  return excelResult(cvLimit(stage, standard, invocation?.parameterAddresses));
}

/**
 * TRUE when the value meets the indicator's threshold; a value exactly at the threshold meets it.
 * @customfunction COMPLIANT
 * @requiresParameterAddresses
 * @param value The school's value of the indicator.
 * @param indicator L1–L7, or the indicator's Chinese name or short name.
 * @param stage 小学 or 初中 (primary or junior).
 * @param [standard] 2017 (default).
 * @returns TRUE when met.
 */
export function meetsThreshold(
  value: number,
  indicator: string,
  stage: string,
  standard?: unknown,
  invocation?: CustomFunctions.Invocation
): boolean {
  return excelResult(compliant(value, indicator, stage, standard, invocation?.parameterAddresses));
}

/**
 * TRUE when a school part's L1–L7 pass the chosen standard's school rule (how many must be met, and the floor share of its threshold every other one must reach). A blank counts as missing (not met).
 * @customfunction SCHOOLPASS
 * @requiresParameterAddresses
 * @param values The seven values in the order L1–L7, as one row or one column.
 * @param stage 小学 or 初中 (primary or junior).
 * @param [standard] 2017 (default).
 * @returns TRUE when the school part passes.
 */
export function schoolPassesRule(
  values: unknown[][],
  stage: string,
  standard?: unknown,
  invocation?: CustomFunctions.Invocation
): boolean {
  return excelResult(schoolPass(values, stage, standard, invocation?.parameterAddresses));
}

/**
 * The smallest addition that meets the threshold: whole teachers or rooms, m² to 0.01, whole 元; 0 when met.
 * @customfunction GAP
 * @requiresParameterAddresses
 * @param value The school's current value of the indicator.
 * @param indicator L1–L7, or the indicator's Chinese name or short name.
 * @param stage 小学 or 初中 (primary or junior).
 * @param pupils Enrolled pupils of the school part (above 0).
 * @param [standard] 2017 (default).
 * @returns The addition needed.
 */
export function additionNeeded(
  value: number,
  indicator: string,
  stage: string,
  pupils: number,
  standard?: unknown,
  invocation?: CustomFunctions.Invocation
): number {
  return excelResult(
    gap(value, indicator, stage, pupils, standard, invocation?.parameterAddresses)
  );
}

/**
 * A nine-year school's stage share of a shared facility figure, by weighted pupils (1 primary : 1.1 junior).
 * @customfunction SPLIT
 * @requiresParameterAddresses
 * @param total The whole school's figure (area, equipment value, rooms, books).
 * @param primaryPupils Enrolled primary pupils.
 * @param juniorPupils Enrolled junior pupils.
 * @param part Which stage's share: 小学 or 初中 (primary or junior).
 * @returns The stage's share (unrounded).
 */
export function throughTrainShare(
  total: number,
  primaryPupils: number,
  juniorPupils: number,
  part: string,
  invocation?: CustomFunctions.Invocation
): number {
  return excelResult(
    split(total, primaryPupils, juniorPupils, part, invocation?.parameterAddresses)
  );
}
