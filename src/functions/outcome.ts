/**
 * What a custom function's pure logic returns: a value, or a typed failure that the registered
 * function maps to an Excel error (#VALUE!, #N/A, #DIV/0!, #NUM!). Keeping Office out of this
 * layer lets jest test every path without a CustomFunctions global.
 */

/** The Excel error a failure becomes. */
export type FailureKind = "value" | "notAvailable" | "divisionByZero" | "number";

export interface Failure {
  ok: false;
  kind: FailureKind;
  /** In Chinese: which argument, what it held, what was expected. */
  message: string;
}

export type Outcome<T> = { ok: true; value: T } | Failure;

/**
 * Thrown inside the pure layer by argument readers and guards; `attempt` turns it into a Failure,
 * so parsing code reads straight through instead of threading results by hand.
 */
export class FunctionFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string
  ) {
    super(message);
    this.name = "FunctionFailure";
  }
}

/** The message users see when something unforeseen goes wrong: no stack trace, a way forward. */
export const UNEXPECTED_MESSAGE =
  "JH 函数计算时发生意外错误：请检查参数，若仍有问题请把公式和数据告知维护人员。";

/** A result too large (or undefined) for Excel: figures near 1e308 overflow in the sums. */
export const OVERFLOW_MESSAGE = "JH 函数的计算结果超出数值范围：请检查参数是否有异常大的数。";

/**
 * Runs a computation and never throws: a FunctionFailure becomes its Failure, anything else a
 * #VALUE! failure with a plain message, and a result that is not a finite number #NUM!.
 *
 * @example
 * attempt(() => 1 + 1); // { ok: true, value: 2 }
 * attempt(() => { throw new FunctionFailure("notAvailable", "缺少数据"); }); // { ok: false, kind: "notAvailable", … }
 */
export function attempt<T>(body: () => T): Outcome<T> {
  try {
    const value = body();
    if (typeof value === "number" && !Number.isFinite(value))
      return { ok: false, kind: "number", message: OVERFLOW_MESSAGE };
    return { ok: true, value };
  } catch (error) {
    if (error instanceof FunctionFailure)
      return { ok: false, kind: error.kind, message: error.message };
    return { ok: false, kind: "value", message: UNEXPECTED_MESSAGE };
  }
}
