/**
 * The JH functions in WPS: the table is generated from the Office build's metadata (every JH
 * function, same names and argument order), the wrappers adapt WPS's argument shapes to Excel's
 * and call the same exported functions, failures come back as text naming the argument.
 */
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as registered from "../../src/functions/functions";
import {
  asMatrix,
  registerWpsFunctions,
  wpsWrapper,
  type WpsFunctionSpec,
} from "../../src/wps/functions";
import { wpsFunctionSpecs, wpsFunctionsJson, WPS_NAME } from "../../scripts/wps-addin";
import { readTable } from "../../scripts/localize-metadata";

const FUNCTIONS_SOURCE = path.resolve(__dirname, "../../src/functions/functions.ts");

let metadata: {
  functions: {
    id: string;
    name: string;
    parameters?: { name: string; optional?: boolean; dimensionality?: string }[];
  }[];
};
let specs: WpsFunctionSpec[];
const implementations = registered as unknown as Record<string, unknown>;

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata([FUNCTIONS_SOURCE], false);
  expect(generated.errors).toEqual([]);
  metadata = JSON.parse(generated.metadataJson);
  specs = wpsFunctionSpecs(metadata, generated.associate);
}, 60_000);

/** The WPS wrapper of an exported function, found by the function itself (names may be renamed). */
function wrap(implementation: (...args: never[]) => unknown): (...args: unknown[]) => unknown {
  const spec = specs.find((s) => s.functionName === implementation.name) as WpsFunctionSpec;
  return wpsWrapper(implementation as unknown as (...args: unknown[]) => unknown, spec);
}

describe("the generated WPS function table", () => {
  it("has every function of the Office metadata, same names and parameters in order, each implemented", () => {
    expect(specs.map((s) => s.name)).toEqual(metadata.functions.map((f) => f.name));
    expect(specs.length).toBeGreaterThanOrEqual(10);
    for (const [i, spec] of specs.entries()) {
      expect(spec.params.map((p) => p.name)).toEqual(
        (metadata.functions[i].parameters ?? []).map((p) => p.name)
      );
      expect(typeof implementations[spec.functionName]).toBe("function");
      expect(spec.name).toMatch(WPS_NAME);
    }
  });

  it("functions.json for WPS: each function with Chinese help, ranges as any[][], optional ones with ?", () => {
    const json = JSON.parse(wpsFunctionsJson(metadata, readTable()));
    expect(json.functions.map((f: { name: string }) => f.name)).toEqual(
      metadata.functions.map((f) => f.name)
    );
    const cv = json.functions.find((f: { name: string }) => f.name === "WEIGHTEDCV");
    expect(cv.description).toMatch(/^差异系数：/);
    expect(cv.parameters).toEqual([
      { name: "values", description: expect.stringMatching(/^指标值：/), type: "any[][]" },
      { name: "pupils", description: expect.stringMatching(/^在校生数：/), type: "any[][]?" },
    ]);
    expect(cv.result).toEqual({ type: "number" });
  });

  it("refuses a name WPS would not accept and a function without implementation", () => {
    const bad = { functions: [{ id: "GAP", name: "差额", parameters: [] }] };
    expect(() => wpsFunctionSpecs(bad, [{ id: "GAP", functionName: "additionNeeded" }])).toThrow(
      /差额: WPS function names/
    );
    const orphan = { functions: [{ id: "X", name: "X", parameters: [] }] };
    expect(() => wpsFunctionSpecs(orphan, [])).toThrow(/X: no associated function/);
  });
});

describe("the wrappers WPS calls", () => {
  it("give Excel's results for the README's examples", () => {
    expect(wrap(registered.perHundred)(9, 1000)).toBe(0.9);
    expect(wrap(registered.indicatorThreshold)("教学用房", "初中")).toBe(5.8);
    expect(wrap(registered.cvLimitOf)("小学")).toBe(0.5);
    expect(wrap(registered.meetsThreshold)(0.9, "L3", "小学")).toBe(true);
    expect(wrap(registered.throughTrainShare)(23226, 166, 210, "小学")).toBeCloseTo(9711.63, 2);
    const pupils = [[45], [37], [89], [76], [55]];
    const perPupil = [[279 / 45], [137 / 37], [935 / 89], [160 / 76], [402 / 55]];
    expect(wrap(registered.weightedCv)(perPupil, pupils)).toBeCloseTo(0.515, 3);
  });

  it("take a one-cell range passed as a plain value and a row passed flat", () => {
    expect(asMatrix(5)).toEqual([[5]]);
    expect(asMatrix([1, 2])).toEqual([[1, 2]]);
    expect(asMatrix([[1], [2]])).toEqual([[1], [2]]);
    expect(asMatrix({ Value2: [[3, 4]] })).toEqual([[3, 4]]);
    // INDICATOR's amount is a range: a single number works as in Excel.
    expect(wrap(registered.indicatorFromCounts)("L6", 180.5, 1000, "万元")).toBe(1805);
    // SCHOOLPASS with the seven values as one flat row.
    const values = [5.3, 7.5, 0.9, 1.0, 4.5, 5200, 2.3];
    expect(typeof wrap(registered.schoolPassesRule)(values, "小学")).toBe("boolean");
  });

  it("treat omitted optional arguments as Excel does (null): CV without pupils is unweighted", () => {
    const values = [[1], [2], [3]];
    expect(wrap(registered.weightedCv)(values)).toBe(
      wrap(registered.weightedCv)(values, undefined)
    );
    expect(wrap(registered.cvLimitOf)("初中", undefined)).toBe(0.45);
  });

  it("return a failure as text with the Excel code and the argument named, never throw", () => {
    const result = wrap(registered.perHundred)(9, 0);
    expect(result).toMatch(/^#DIV\/0!/);
    const text = wrap(registered.indicatorThreshold)("L9", "小学");
    expect(text).toMatch(/^#(VALUE!|N\/A)/);
    expect(String(text)).toMatch(/JH\.\S+ 的第1个参数/);
    expect(wrap(registered.weightedCv)([["甲"], [2]], [[10], [20]])).toMatch(
      /^#VALUE!.*文本「甲」/
    );
  });
});

describe("registerWpsFunctions", () => {
  it("registers every function under the namespace with wps.AddCustomFunction", () => {
    const added: [string, string, unknown][] = [];
    const names = registerWpsFunctions(
      { AddCustomFunction: (ns, name, fn) => added.push([ns, name, fn]) },
      "JH",
      implementations,
      specs
    );
    expect(names).toEqual(specs.map((s) => s.name));
    expect(added.every(([ns, , fn]) => ns === "JH" && typeof fn === "function")).toBe(true);
    const name = specs.find((s) => s.functionName === registered.perHundred.name)?.name;
    const per100 = added.find(([, n]) => n === name)?.[2] as (...a: unknown[]) => unknown;
    expect(per100(9, 1000)).toBe(0.9);
  });

  it("registers nothing on a WPS without custom functions (before 12.1.0.20540)", () => {
    expect(registerWpsFunctions(undefined, "JH", implementations, specs)).toEqual([]);
    expect(registerWpsFunctions({}, "JH", implementations, specs)).toEqual([]);
  });
});
