import { fieldLabel, formatNumber, recordDiagnostic, type Diagnostic } from "./diagnostics";
import { measure, type MeasureContext } from "./measures";
import { atLeast, isCount, ratio } from "./numeric";
import type { IndicatorDetail } from "./result";
import type { IndicatorSpec, Standard } from "./standards";
import { STAGE_NAMES } from "./types";

/** How far a value the sheet already holds may differ from ours: the tables' 2-decimal rounding. */
const GIVEN_TOLERANCE = 0.005;

function emptyDetail(spec: IndicatorSpec, ctx: MeasureContext, floorRatio: number): IndicatorDetail {
  const threshold = spec.thresholds?.[ctx.stage] ?? null;
  return {
    value: null,
    numerator: null,
    from: null,
    estimate: false,
    notes: [],
    fields: [],
    threshold,
    floor: threshold === null ? null : threshold * floorRatio,
    met: null,
    reachesFloor: null,
  };
}

function judge(detail: IndicatorDetail): IndicatorDetail {
  if (detail.value === null || detail.threshold === null || detail.floor === null) return detail;
  return { ...detail, met: atLeast(detail.value, detail.threshold), reachesFloor: atLeast(detail.value, detail.floor) };
}

/**
 * One indicator of one school part: from the counts when the sheet has them, else from the value
 * the sheet already holds. When both exist the counts win and the held value is cross-checked.
 */
export function evaluateIndicator(
  spec: IndicatorSpec,
  ctx: MeasureContext,
  standard: Standard,
  diagnostics: Diagnostic[],
): IndicatorDetail {
  const { record, stage } = ctx;
  const detail = emptyDetail(spec, ctx, standard.schoolRule?.floorRatio ?? 1);
  const who = `「${record.name}」${STAGE_NAMES[stage]}`;
  const givenField = `given.${stage}.${spec.id}`;
  const given = record.stages[stage]?.given?.[spec.id];
  const outcome = measure(spec.measure, ctx);

  if (outcome.kind === "invalid") {
    diagnostics.push(
      recordDiagnostic(
        record,
        "warning",
        "engine.count-invalid",
        `${who}的「${fieldLabel(outcome.field)}」为 ${formatNumber(outcome.value)}，应为不小于0的数字；该校${spec.id}（${spec.shortName}）不参与计算。`,
        outcome.field,
      ),
    );
    return detail;
  }

  if (outcome.kind === "ok") {
    if (outcome.value < 0) {
      diagnostics.push(
        recordDiagnostic(
          record,
          "warning",
          "engine.count-negative",
          `${who}的${spec.shortName}扣除后为负数（${formatNumber(outcome.value)}），请核对「${outcome.fields.map(fieldLabel).join("」「")}」；该校${spec.id}不参与计算。`,
          outcome.fields[outcome.fields.length - 1],
        ),
      );
      return detail;
    }
    const value = ratio(outcome.value, ctx.pupils, spec.scale);
    if (given !== undefined && isCount(given) && Math.abs(given - value) > GIVEN_TOLERANCE + 1e-9) {
      const slip = Math.abs(given * 100 - value) <= GIVEN_TOLERANCE * 100 ? "（疑似漏乘100）" : "";
      diagnostics.push(
        recordDiagnostic(
          record,
          "warning",
          "engine.given-mismatch",
          `${who}表内${spec.id}（${spec.shortName}）为 ${formatNumber(given)}，按原始数据计算应为 ${formatNumber(value)}${slip}；以原始数据为准。`,
          givenField,
        ),
      );
    }
    return judge({
      ...detail,
      value,
      numerator: outcome.value,
      from: "counts",
      estimate: outcome.estimate,
      notes: outcome.notes,
      fields: outcome.fields,
    });
  }

  if (given !== undefined) {
    if (!isCount(given)) {
      diagnostics.push(
        recordDiagnostic(
          record,
          "warning",
          "engine.given-invalid",
          `${who}表内${spec.id}（${spec.shortName}）为 ${formatNumber(given)}，应为不小于0的数字；该校${spec.id}不参与计算。`,
          givenField,
        ),
      );
      return detail;
    }
    return judge({ ...detail, value: given, from: "given", fields: [givenField] });
  }

  diagnostics.push(
    recordDiagnostic(
      record,
      "warning",
      "engine.indicator-missing",
      `${who}缺少计算${spec.id}（${spec.name}）所需的数据；该项按未达标处理，且不参与差异系数计算。`,
    ),
  );
  return detail;
}
