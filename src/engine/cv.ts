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
  values: ArrayLike<number>,
  pupils: ArrayLike<number>
): WeightedSpread | null {
  if (values.length !== pupils.length) return null;
  return weightedSpreadAt(values, pupils, 0, values.length);
}

/**
 * weightedSpread of the `n` entries from `from` on (the engine keeps a stage's columns side by
 * side in one array, so it needs no array per county and indicator).
 */
export function weightedSpreadAt(
  values: ArrayLike<number>,
  pupils: ArrayLike<number>,
  from: number,
  n: number
): WeightedSpread | null {
  if (n === 0) return null;
  // One pass for ΣPᵢ and the compensated ΣPᵢXᵢ, one for Σ Pᵢ(Xᵢ − X̄)²: the arithmetic of
  // simple-statistics' weightedMean and weightedStandardDeviation, step for step (so the figures
  // are bit for bit theirs), without their five passes and a closure per school.
  const end = from + n;
  let total = 0;
  let sum = 0;
  let correction = 0;
  let positive = false;
  for (let i = from; i < end; i++) {
    const w = pupils[i];
    if (!(w >= 0)) return referenceSpread(slice(values, from, end), slice(pupils, from, end));
    if (w > 0) positive = true;
    total += w;
    const value = values[i] * w;
    if (i === from) {
      sum = value;
      continue;
    }
    const transition = sum + value;
    if (Math.abs(sum) >= Math.abs(value)) correction += sum - transition + value;
    else correction += value - transition + sum;
    sum = transition;
  }
  if (!positive) return null;
  const m = (sum + correction) / total;
  let squares = 0;
  for (let i = from; i < end; i++) {
    const deviation = values[i] - m;
    squares += pupils[i] * deviation * deviation;
  }
  const sd = Math.sqrt(squares / total);
  return { mean: m, sd, cv: m === 0 ? null : sd / m };
}

function slice(xs: ArrayLike<number>, from: number, end: number): number[] {
  return Array.prototype.slice.call(xs, from, end) as number[];
}

/**
 * The same figures through simple-statistics itself: the specification weightedSpread follows
 * (test/engine/cv.test.ts compares the two bit for bit), and what a negative or NaN weight gets
 * (simple-statistics refuses a negative weight with an error).
 */
export function referenceSpread(
  values: ArrayLike<number>,
  pupils: ArrayLike<number>
): WeightedSpread | null {
  if (values.length === 0 || values.length !== pupils.length) return null;
  const x = Array.from(values);
  const w = Array.from(pupils);
  if (!w.some((p) => p > 0)) return null;
  const m = weightedMean(x, w);
  const sd = weightedStandardDeviation(x, w);
  return { mean: m, sd, cv: m === 0 ? null : sd / m };
}

/** The plain population CV (every school weighs the same): what the standard does not use. */
export function unweightedCv(values: ArrayLike<number>): number | null {
  const n = values.length;
  if (n === 0) return null;
  // simple-statistics' mean (compensated sum) and standardDeviation, step for step, in two passes.
  let sum = values[0];
  let correction = 0;
  for (let i = 1; i < n; i++) {
    const x = values[i];
    const transition = sum + x;
    if (Math.abs(sum) >= Math.abs(x)) correction += sum - transition + x;
    else correction += x - transition + sum;
    sum = transition;
  }
  const m = (sum + correction) / n;
  if (m === 0) return null;
  if (n === 1) return 0 / m;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const deviation = values[i] - m;
    squares += deviation * deviation;
  }
  return Math.sqrt(squares / n) / m;
}

/** unweightedCv through simple-statistics itself (the specification it follows, for the tests). */
export function referenceUnweightedCv(values: ArrayLike<number>): number | null {
  if (values.length === 0) return null;
  const x = Array.from(values);
  const m = mean(x);
  return m === 0 ? null : standardDeviation(x) / m;
}

/** 综合差异系数: the plain mean of a stage's indicator CVs; null when any of them is missing. */
export function compositeCv(cvs: readonly (number | null)[]): number | null {
  if (cvs.length === 0 || cvs.some((cv) => cv === null)) return null;
  return mean(cvs as number[]);
}
