/**
 * The JH custom functions in WPS: the same exported functions the Office build associates
 * (src/functions/functions.ts), registered with `wps.AddCustomFunction(namespace, name, fn)`
 * under the names and in the argument order of the Office metadata. The table of names,
 * implementations and parameters is generated at build time from that metadata
 * (scripts/wps-addin.js), so a renamed or added function flows through.
 *
 * WPS calls a function synchronously with the cell values. Where it differs from Excel, the
 * wrapper adapts at the boundary:
 * - a range argument of one cell may come as a plain value, a row as a flat array: both become
 *   the 2-D array (rows of columns) Excel passes;
 * - an omitted optional argument comes as undefined: it becomes null, as Excel passes it;
 * - there are no parameter addresses, so messages name the argument and its place in the range
 *   instead of the sheet cell;
 * - a failure cannot be a CustomFunctions.Error: the function returns its text ("#VALUE! JH.CV
 *   的第2个参数…"), which shows the code and the reason in the cell.
 */

/** One function of the generated table. */
export interface WpsFunctionSpec {
  /** The Office metadata id. */
  id: string;
  /** The name users type after the namespace (=JH.CV). */
  name: string;
  /** The exported function of src/functions/functions.ts that implements it. */
  functionName: string;
  params: { name: string; matrix: boolean; optional: boolean }[];
}

/** The part of the `wps` global used here. */
export interface WpsGlobal {
  AddCustomFunction?(namespace: string, name: string, fn: (...args: unknown[]) => unknown): unknown;
}

type Implementation = (...args: unknown[]) => unknown;

/**
 * A 2-D array from whatever WPS passes for a range argument.
 *
 * @example
 * asMatrix(5);            // [[5]]
 * asMatrix([1, 2, 3]);    // [[1, 2, 3]]
 * asMatrix([[1], [2]]);   // [[1], [2]]
 */
export function asMatrix(value: unknown): unknown[][] {
  if (value === undefined || value === null) return [[null]];
  if (isRange(value)) return asMatrix(value.Value2);
  if (!Array.isArray(value)) return [[value]];
  if (value.length > 0 && value.every(Array.isArray)) return value as unknown[][];
  return [value];
}

function isRange(value: unknown): value is { Value2: unknown } {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "Value2" in value;
}

/** A scalar argument: a 1×1 range becomes its value; a range object its value. */
function asScalar(value: unknown): unknown {
  if (isRange(value)) return asScalar(value.Value2);
  if (Array.isArray(value) && value.length === 1) return asScalar(value[0]);
  return value;
}

/**
 * The function WPS calls: arguments adapted to Excel's shapes, the implementation called without
 * an invocation, a failure returned as its text.
 *
 * @example
 * const per100 = wpsWrapper(perHundred, { id: "PER100", name: "PER100", functionName: "perHundred", params: [...] });
 * per100(9, 1000); // 0.9
 */
export function wpsWrapper(
  implementation: Implementation,
  spec: WpsFunctionSpec
): (...args: unknown[]) => unknown {
  return (...args: unknown[]) => {
    const adapted = spec.params.map((param, i) => {
      const arg = args[i];
      if (arg === undefined || (param.optional && arg === null))
        return param.matrix && !param.optional ? [[null]] : null;
      return param.matrix ? asMatrix(arg) : asScalar(arg);
    });
    try {
      return implementation(...adapted, undefined);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return message.startsWith("#") ? message : `#VALUE! ${message}`;
    }
  };
}

/**
 * Registers every function of the table; returns the names registered. Without
 * `wps.AddCustomFunction` (WPS older than 12.1.0.20540) nothing is registered.
 *
 * @example
 * registerWpsFunctions(window.wps, "JH", functions, specs); // ["CV", "COMPOSITECV", …]
 */
export function registerWpsFunctions(
  wps: WpsGlobal | undefined,
  namespace: string,
  implementations: Record<string, unknown>,
  specs: readonly WpsFunctionSpec[]
): string[] {
  if (!wps || typeof wps.AddCustomFunction !== "function") return [];
  const registered: string[] = [];
  for (const spec of specs) {
    const implementation = implementations[spec.functionName];
    if (typeof implementation !== "function") continue;
    wps.AddCustomFunction(namespace, spec.name, wpsWrapper(implementation as Implementation, spec));
    registered.push(spec.name);
  }
  return registered;
}
