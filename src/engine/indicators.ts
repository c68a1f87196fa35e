import { fieldLabel, formatNumber, recordDiagnostic, type Diagnostic } from "./diagnostics";
import { measure, type MeasureContext } from "./measures";
import { atLeast, isCount, ratio } from "./numeric";
import type { IndicatorDetail } from "./result";
import type { IndicatorSpec, Standard } from "./standards";
import { STAGE_NAMES, type SchoolRecord, type Stage } from "./types";

/** How far a value the sheet already holds may differ from ours: the tables' 2-decimal rounding. */
const GIVEN_TOLERANCE = 0.005;

const NO_STRINGS: readonly string[] = Object.freeze([]);

/** Where a value came from: the figures the engine used, as the report renders them. */
export interface Origin {
  from: IndicatorDetail["from"];
  numerator: number | null;
  fields: readonly string[];
  subtracted: readonly string[];
  split: boolean;
  notes: readonly string[];
  estimate: boolean;
}
export const NO_ORIGIN: Origin = Object.freeze({
  from: null,
  numerator: null,
  fields: NO_STRINGS,
  subtracted: NO_STRINGS,
  split: false,
  notes: NO_STRINGS,
  estimate: false,
});

/**
 * The detail of one indicator, judged against its threshold and floor when it has a value.
 *
 * @example
 * judgedDetail(0.9, 0.8, 0.8).met; // false (reachesFloor: true)
 */
export function judgedDetail(
  threshold: number | null,
  floorRatio: number,
  value: number | null,
  origin: Origin = NO_ORIGIN
): IndicatorDetail {
  const floor = threshold === null ? null : threshold * floorRatio;
  const judged = value !== null && threshold !== null && floor !== null;
  return {
    value,
    numerator: origin.numerator,
    from: origin.from,
    estimate: origin.estimate,
    notes: origin.notes,
    fields: origin.fields,
    subtracted: origin.subtracted,
    split: origin.split,
    threshold,
    floor,
    met: judged ? atLeast(value, threshold) : null,
    reachesFloor: judged ? atLeast(value, floor) : null,
  };
}

/**
 * A value the sheet already held that differs from the one computed from the counts by more
 * than the tables' rounding (the engine then says so and keeps its own).
 *
 * @example
 * givenDiffers(0.9, 0.904); // false
 * givenDiffers(90, 0.9); // true
 */
export function givenDiffers(given: unknown, value: number): boolean {
  return given !== undefined && isCount(given) && Math.abs(given - value) > GIVEN_TOLERANCE + 1e-9;
}

// Messages are built only when there is something to say: audits run over many parts.
function who(ctx: MeasureContext): string {
  return `「${ctx.record.name}」${STAGE_NAMES[ctx.stage]}`;
}

function givenField(ctx: MeasureContext, spec: IndicatorSpec): string {
  return `given.${ctx.stage}.${spec.id}`;
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
  missing: MissingFigure[]
): IndicatorDetail {
  const { record, stage } = ctx;
  const floorRatio = standard.schoolRule?.floorRatio ?? 1;
  const given = record.stages[stage]?.given?.[spec.id];
  const outcome = measure(spec.measure, ctx);

  if (outcome.kind === "invalid") {
    diagnostics.push(
      recordDiagnostic(
        record,
        "warning",
        "engine.count-invalid",
        `${who(ctx)}的「${fieldLabel(outcome.field)}」为 ${formatNumber(outcome.value)}，应为不小于0的数字；该校${spec.id}（${spec.shortName}）不参与计算。`,
        outcome.field
      )
    );
    return judgedDetail(spec.thresholds?.[ctx.stage] ?? null, floorRatio, null);
  }

  if (outcome.kind === "ok") {
    if (outcome.value < 0) {
      diagnostics.push(
        recordDiagnostic(
          record,
          "warning",
          "engine.count-negative",
          `${who(ctx)}的${spec.shortName}扣除后为负数（${formatNumber(outcome.value)}），请核对「${outcome.fields.map(fieldLabel).join("」「")}」；该校${spec.id}不参与计算。`,
          outcome.fields[outcome.fields.length - 1]
        )
      );
      return judgedDetail(spec.thresholds?.[ctx.stage] ?? null, floorRatio, null);
    }
    const value = ratio(outcome.value, ctx.pupils, spec.scale);
    if (given !== undefined && givenDiffers(given, value)) {
      const slip = Math.abs(given * 100 - value) <= GIVEN_TOLERANCE * 100 ? "（疑似漏乘100）" : "";
      diagnostics.push(
        recordDiagnostic(
          record,
          "warning",
          "engine.given-mismatch",
          `${who(ctx)}表内${spec.id}（${spec.shortName}）为 ${formatNumber(given)}，按原始数据计算应为 ${formatNumber(value)}${slip}；以原始数据为准。`,
          givenField(ctx, spec)
        )
      );
    }
    return judgedDetail(spec.thresholds?.[ctx.stage] ?? null, floorRatio, value, {
      ...outcome,
      from: "counts",
      numerator: outcome.value,
    });
  }

  if (given !== undefined) {
    if (!isCount(given)) {
      diagnostics.push(
        recordDiagnostic(
          record,
          "warning",
          "engine.given-invalid",
          `${who(ctx)}表内${spec.id}（${spec.shortName}）为 ${formatNumber(given)}，应为不小于0的数字；该校${spec.id}不参与计算。`,
          givenField(ctx, spec)
        )
      );
      return judgedDetail(spec.thresholds?.[ctx.stage] ?? null, floorRatio, null);
    }
    return judgedDetail(spec.thresholds?.[ctx.stage] ?? null, floorRatio, given, {
      ...NO_ORIGIN,
      from: "given",
      fields: [givenField(ctx, spec)],
    });
  }

  missing.push({ record, stage, spec });
  return judgedDetail(spec.thresholds?.[ctx.stage] ?? null, floorRatio, null);
}

/** A part with no figure at all for an indicator (neither counts nor a held value). */
export interface MissingFigure {
  record: SchoolRecord;
  stage: Stage;
  spec: IndicatorSpec;
}

/**
 * The diagnostics for missing figures. When every part of a stage lacks an indicator, the sheet
 * has no column for it: one warning says so, instead of one per school (hundreds in a city).
 */
export function missingFigureDiagnostics(
  missing: readonly MissingFigure[],
  partsPerStage: Record<Stage, number>
): Diagnostic[] {
  const byIndicator = new Map<string, MissingFigure[]>();
  for (const m of missing) {
    const key = `${m.stage}\u0000${m.spec.id}`;
    const group = byIndicator.get(key);
    if (group) group.push(m);
    else byIndicator.set(key, [m]);
  }
  const diagnostics: Diagnostic[] = [];
  for (const group of byIndicator.values()) {
    const { stage, spec, record } = group[0];
    if (group.length > 1 && group.length === partsPerStage[stage]) {
      diagnostics.push(
        recordDiagnostic(
          record,
          "warning",
          "engine.indicator-missing-everywhere",
          `所有${STAGE_NAMES[stage]}学校（部）都缺少计算${spec.id}（${spec.name}）所需的数据：请检查表中是否有对应的列（在加载项的「数据」页可以指定）；该项按未达标处理，且无法计算差异系数。`
        )
      );
      continue;
    }
    for (const m of group) {
      diagnostics.push(
        recordDiagnostic(
          m.record,
          "warning",
          "engine.indicator-missing",
          `「${m.record.name}」${STAGE_NAMES[m.stage]}缺少计算${m.spec.id}（${m.spec.name}）所需的数据；该项按未达标处理，且不参与差异系数计算。`
        )
      );
    }
  }
  return diagnostics;
}
