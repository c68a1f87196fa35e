import {
  mean,
  standardDeviation,
  weightedMean,
  weightedStandardDeviation,
} from "simple-statistics";

/** The enrolment-weighted spread of one indicator over one stage's schools. */
export interface WeightedSpread {
  /** X̄ = Σ PᵢXᵢ / ΣPᵢ: the county's total resource over its total pupils. */
  mean: number;
  /** S = sqrt(Σ (Pᵢ/P)(Xᵢ − X̄)²). */
  sd: number;
  /** S / X̄, or null when X̄ is 0 (no CV exists then). */
  cv: number | null;
}

/**
 * The enrolment-weighted coefficient of variation (差异系数) as the standard defines it.
 * Returns null when there is no school (or no pupil) to weigh.
 *
 * @example
 * // The 2012 method notes' worked example (books per pupil): CV 0.515.
 * weightedSpread([279 / 45, 137 / 37, 935 / 89, 160 / 76, 402 / 55], [45, 37, 89, 76, 55]).cv; // ≈ 0.515
 */
export function weightedSpread(
  values: readonly number[],
  pupils: readonly number[]
): WeightedSpread | null {
  if (values.length === 0 || values.length !== pupils.length) return null;
  if (!pupils.some((p) => p > 0)) return null;
  const x = values as number[];
  const w = pupils as number[];
  const m = weightedMean(x, w);
  const sd = weightedStandardDeviation(x, w);
  return { mean: m, sd, cv: m === 0 ? null : sd / m };
}

/** The plain population CV (every school weighs the same): what the standard does not use. */
export function unweightedCv(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const m = mean(values as number[]);
  return m === 0 ? null : standardDeviation(values as number[]) / m;
}

/** 综合差异系数: the plain mean of a stage's indicator CVs; null when any of them is missing. */
export function compositeCv(cvs: readonly (number | null)[]): number | null {
  if (cvs.length === 0 || cvs.some((cv) => cv === null)) return null;
  return mean(cvs as number[]);
}
