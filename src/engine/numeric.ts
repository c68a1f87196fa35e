/**
 * Comparisons that floating point must not flip: 9 teachers for 1000 pupils is exactly 0.9 and
 * meets a 0.9 threshold. Values are computed by multiplying before dividing, and compared with a
 * relative tolerance far below the tables' 2-decimal display.
 */
const RELATIVE_TOLERANCE = 1e-9;

function tolerance(a: number, b: number): number {
  return RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b), 1);
}

/** a ≥ b, where a value equal to b up to rounding noise counts as equal. */
export function atLeast(a: number, b: number): boolean {
  // a ≥ b needs no tolerance (it only lowers b): most comparisons end here, without Math.max.
  // An infinite b takes the long way, as before (∞ − ∞ is NaN there: ∞ is not at least ∞).
  return (a >= b && b < Infinity) || a >= b - tolerance(a, b);
}

/**
 * The least value that reaches b: for a ≥ 0, atLeast(a, b) === a >= atLeastCut(b). (For 0 ≤ a < b the
 * tolerance depends on b alone; a ≥ b is above the cut.) The audit compares every part's seven
 * values with two fixed limits: one comparison each, without the tolerance's Math.max.
 *
 * @example
 * atLeastCut(0.9) >= 0.9 - 1e-9; // true: 0.8999999999 reaches 0.9
 */
export function atLeastCut(b: number): number {
  return b - tolerance(0, b);
}

/** a ≤ b, where a value equal to b up to rounding noise counts as equal. */
export function atMost(a: number, b: number): boolean {
  // As atLeast: a ≤ b needs no tolerance; −∞ takes the long way.
  return (a <= b && b > -Infinity) || a <= b + tolerance(a, b);
}

/** The smallest whole number ≥ x, ignoring rounding noise (9.000000000000002 → 9). */
export function ceilWhole(x: number): number {
  const nearest = Math.round(x);
  return Math.abs(x - nearest) <= tolerance(x, nearest) ? nearest : Math.ceil(x);
}

/** count × scale / pupils, multiplying first so exact ratios stay exact. */
export function ratio(count: number, pupils: number, scale: number): number {
  return (count * scale) / pupils;
}

/** A usable count: a finite number that is not negative. */
export function isCount(x: unknown): x is number {
  return typeof x === "number" && Number.isFinite(x) && x >= 0;
}

/** Rounds like the declaration tables do (half away from zero, on the decimal digits shown). */
export function roundTo(x: number, digits: number): number {
  const factor = 10 ** digits;
  const shifted = Math.abs(x) * factor;
  // Nudge by the tolerance so 2.675 (stored as 2.67499999…) rounds the way it reads.
  const rounded = Math.round(shifted + tolerance(shifted, 0)) / factor;
  return Math.sign(x) * rounded;
}

/**
 * A ratio as the percent text the rules print, without float noise: 0.1 → "10%", 0.955 → "95.5%".
 * UI text that states a rule's share (the school rule's floor) is built with it from the rule's value.
 */
export function percentOf(share: number): string {
  return `${Number((share * 100).toFixed(4))}%`;
}

/** a < b strictly: a value equal to b up to rounding noise is not below it (0.15 is not 「低于0.15」). */
export function below(a: number, b: number): boolean {
  return !atLeast(a, b);
}
