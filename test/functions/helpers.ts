import type { Outcome } from "../../src/functions/outcome";

/** The value of an outcome that must have succeeded. */
export function value<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`expected a value, got ${outcome.kind}: ${outcome.message}`);
  return outcome.value;
}

/** The failure of an outcome that must have failed. */
export function failure<T>(outcome: Outcome<T>) {
  if (outcome.ok) throw new Error(`expected a failure, got ${String(outcome.value)}`);
  return outcome;
}
