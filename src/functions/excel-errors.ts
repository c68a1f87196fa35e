import { UNEXPECTED_MESSAGE, type Failure, type FailureKind, type Outcome } from "./outcome";

/**
 * The thin edge between the pure layer and Excel: a Failure becomes a CustomFunctions.Error.
 * The CustomFunctions global exists only inside Office (or a test's stand-in), so it is looked up
 * when an error is made, never at load time.
 */

/** The Excel error codes a failure maps to (the values of CustomFunctions.ErrorCode). */
export const ERROR_CODES: Record<FailureKind, string> = {
  value: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  number: "#NUM!",
};

/** Excel shows a custom message only with #VALUE! and #N/A; the others must come without one. */
const TAKES_MESSAGE: ReadonlySet<FailureKind> = new Set<FailureKind>(["value", "notAvailable"]);

/** The part of the CustomFunctions API this edge uses. */
export interface ErrorApi {
  Error: new (code: never, message?: string) => unknown;
}

function hostApi(): ErrorApi | undefined {
  return typeof CustomFunctions === "undefined"
    ? undefined
    : (CustomFunctions as unknown as ErrorApi);
}

/**
 * The error object Excel shows for a failure: a CustomFunctions.Error with the code and, where
 * Excel allows one, the Chinese message. Outside Office, a plain Error carrying the same text.
 *
 * @example
 * toExcelError({ ok: false, kind: "divisionByZero", message: "…" }); // new CustomFunctions.Error("#DIV/0!")
 */
export function toExcelError(failure: Failure, api: ErrorApi | undefined = hostApi()): unknown {
  const code = ERROR_CODES[failure.kind];
  if (!api) return new Error(`${code} ${failure.message}`);
  return TAKES_MESSAGE.has(failure.kind)
    ? new api.Error(code as never, failure.message)
    : new api.Error(code as never);
}

/**
 * What a registered function hands Excel: the value, or (thrown) the Excel error. Never lets any
 * other exception out.
 *
 * @example
 * excelResult({ ok: true, value: 0.9 }); // 0.9
 */
export function excelResult<T>(outcome: Outcome<T>, api: ErrorApi | undefined = hostApi()): T {
  let error: unknown;
  try {
    if (outcome.ok) return outcome.value;
    error = toExcelError(outcome, api);
  } catch {
    error = new Error(`#VALUE! ${UNEXPECTED_MESSAGE}`);
  }
  throw error;
}
