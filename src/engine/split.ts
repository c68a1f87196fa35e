import { THROUGH_TRAIN_WEIGHTS } from "./standards";
import { isCount } from "./numeric";
import type { SchoolRecord, Stage } from "./types";

/**
 * A stage's share of a school's shared facilities, by weighted pupils.
 * 九年一贯制 with A primary and B junior pupils: primary A / (A + 1.1B), junior 1.1B / (A + 1.1B);
 * 完全中学: junior J / (J + 1.2S); 十二年一贯制: 1 : 1.1 : 1.32. A single-stage record keeps it all.
 *
 * @example
 * // 166 primary and 210 junior pupils: the primary part gets 166 / (166 + 231).
 * stageShare({ name: "x", kind: "nineYear", stages: { primary: { pupils: 166 }, junior: { pupils: 210 } } }, "primary");
 */
export function stageShare(record: SchoolRecord, stage: Stage): number {
  // Weighted pupils of each stage present, senior-high pupils included (no object per call:
  // one call per school part).
  const primary = pupilsOf(record, "primary") * THROUGH_TRAIN_WEIGHTS.primary;
  const junior = pupilsOf(record, "junior") * THROUGH_TRAIN_WEIGHTS.junior;
  const senior =
    (isCount(record.seniorPupils) ? record.seniorPupils : 0) * THROUGH_TRAIN_WEIGHTS.senior;
  const total = primary + junior + senior;
  if (total <= 0) return 0;
  return (stage === "primary" ? primary : junior) / total;
}

/** A stage's pupils in a record, 0 when absent or unusable. */
function pupilsOf(record: SchoolRecord, stage: Stage): number {
  const p = (stage === "primary" ? record.stages.primary : record.stages.junior)?.pupils;
  return isCount(p) ? p : 0;
}

/** A 九年一贯制 school's facility figure split into its primary and junior parts: (23226, 166, 210) → [9711, 13515]. */
export function splitNineYear(
  total: number,
  primaryPupils: number,
  juniorPupils: number
): [number, number] {
  const weighted =
    primaryPupils * THROUGH_TRAIN_WEIGHTS.primary + juniorPupils * THROUGH_TRAIN_WEIGHTS.junior;
  if (weighted <= 0) return [0, 0];
  const primary = (total * primaryPupils * THROUGH_TRAIN_WEIGHTS.primary) / weighted;
  return [primary, total - primary];
}

/**
 * The same split in whole units (books, rooms), as the method notes print it: the primary part
 * keeps the whole units of its exact share, the junior part the rest:
 * (23226, 166, 210) → [9711, 13515]. Indicator values use the exact shares.
 */
export function splitNineYearWhole(
  total: number,
  primaryPupils: number,
  juniorPupils: number
): [number, number] {
  const [primary] = splitNineYear(total, primaryPupils, juniorPupils);
  const whole = Math.floor(primary + 1e-9);
  return [whole, total - whole];
}
