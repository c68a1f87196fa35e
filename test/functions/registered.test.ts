import fc from "fast-check";
import * as registered from "../../src/functions/functions";
import { excelResult, toExcelError } from "../../src/functions/excel-errors";
import {
  attempt,
  FunctionFailure,
  OVERFLOW_MESSAGE,
  UNEXPECTED_MESSAGE,
} from "../../src/functions/outcome";

/** Stand-in for Office's CustomFunctions.Error: records the code and message it was made with. */
class FakeExcelError {
  constructor(
    readonly code: string,
    readonly message?: string
  ) {}
}

const fakeApi = {
  Error: FakeExcelError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
  },
};

function thrown(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to throw");
}

const pupils = [[45], [37], [89], [76], [55]];
const perPupil = [[279 / 45], [137 / 37], [935 / 89], [160 / 76], [402 / 55]];

describe("registered functions inside Excel (CustomFunctions present)", () => {
  const globals = globalThis as { CustomFunctions?: unknown };
  beforeAll(() => {
    globals.CustomFunctions = fakeApi;
  });
  afterAll(() => {
    delete globals.CustomFunctions;
  });

  it("return plain values: the worked CV, 9/1000 per hundred, L3 met", () => {
    expect(registered.weightedCv(perPupil, pupils)).toBeCloseTo(0.515, 3);
    expect(registered.perHundred(9, 1000)).toBe(0.9);
    expect(registered.meetsThreshold(0.9, "L3", "小学")).toBe(true);
    expect(registered.throughTrainShare(23226, 166, 210, "初中")).toBeCloseTo(13514.37, 2);
    expect(registered.indicatorThreshold("教学用房", "初中")).toBe(5.8);
    expect(registered.cvLimitOf("初中")).toBe(0.45);
    expect(registered.additionNeeded(0.8, "L3", "小学", 1000)).toBe(1);
    expect(registered.indicatorFromCounts("L6", [[180.5]], 1000, "万元")).toBe(1805);
    expect(registered.schoolPassesRule([[4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3]], "小学")).toBe(true);
    expect(registered.compositeWeightedCv(perPupil, pupils)).toBeCloseTo(0.515, 3);
  });

  it("throw #NUM! when figures near the float limit overflow (found by the property below)", () => {
    const error = thrown(() =>
      registered.weightedCv([[3.015027569295695e27]], [[5.962443438891186e280]])
    ) as FakeExcelError;
    expect(error.code).toBe("#NUM!");
    expect(error.message).toBeUndefined();
  });

  it("throw #VALUE! with the Chinese message for text in a number range", () => {
    const error = thrown(() => registered.weightedCv([[1], ["x"]], [[1], [1]]));
    expect(error).toBeInstanceOf(FakeExcelError);
    expect((error as FakeExcelError).code).toBe("#VALUE!");
    expect((error as FakeExcelError).message).toContain("（区域内第2行第1列）是文本「x」");
  });

  it("throw #N/A with a message for an unknown indicator or stage", () => {
    const error = thrown(() => registered.indicatorThreshold("食堂", "小学")) as FakeExcelError;
    expect(error.code).toBe("#N/A");
    expect(error.message).toContain("「食堂」");
    expect((thrown(() => registered.cvLimitOf("高中")) as FakeExcelError).code).toBe("#N/A");
  });

  it("throw #DIV/0! without a message (Excel allows none) for zero pupils", () => {
    const error = thrown(() => registered.perHundred(3, 0)) as FakeExcelError;
    expect(error).toBeInstanceOf(FakeExcelError);
    expect(error.code).toBe("#DIV/0!");
    expect(error.message).toBeUndefined();
  });

  it("never let anything but a CustomFunctions.Error out, whatever the arguments", () => {
    const cell = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.string(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(""),
      fc.constant(undefined)
    );
    const range = fc.oneof(
      fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 6 }),
      cell,
      fc.anything()
    );
    const arg = fc.oneof(
      cell,
      range,
      fc.constantFrom("L1", "L3", "教学用房", "小学", "初中", "万元", "2012", "primary")
    );
    const functions = Object.values(registered) as ((...args: unknown[]) => unknown)[];
    expect(functions).toHaveLength(10);
    fc.assert(
      fc.property(fc.constantFrom(...functions), fc.array(arg, { maxLength: 6 }), (fn, args) => {
        try {
          const result = fn(...args);
          return (
            typeof result === "boolean" || (typeof result === "number" && Number.isFinite(result))
          );
        } catch (error) {
          return (
            error instanceof FakeExcelError &&
            ["#VALUE!", "#N/A", "#DIV/0!", "#NUM!"].includes(error.code)
          );
        }
      }),
      { numRuns: 3000 }
    );
  });
});

describe("the error edge without Office", () => {
  it("throws a plain Error carrying the code and message when CustomFunctions is absent", () => {
    const error = thrown(() => registered.perHundred(-1, 10));
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^#VALUE! JH\.PERHUNDRED 的第1个参数「数量」/);
  });

  it("maps every failure kind to its Excel code", () => {
    const kinds = {
      value: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      number: "#NUM!",
    } as const;
    for (const [kind, code] of Object.entries(kinds)) {
      const error = toExcelError(
        { ok: false, kind: kind as keyof typeof kinds, message: "m" },
        fakeApi
      ) as FakeExcelError;
      expect(error.code).toBe(code);
    }
  });

  it("turns an unforeseen exception into #VALUE! with a plain message, never a stack trace", () => {
    const outcome = attempt(() => {
      throw new TypeError("x is undefined");
    });
    expect(outcome).toEqual({ ok: false, kind: "value", message: UNEXPECTED_MESSAGE });
    const failing = attempt(() => {
      throw new FunctionFailure("notAvailable", "缺数据");
    });
    expect(failing).toEqual({ ok: false, kind: "notAvailable", message: "缺数据" });
    expect(attempt(() => Infinity)).toEqual({
      ok: false,
      kind: "number",
      message: OVERFLOW_MESSAGE,
    });
    const brokenApi = {
      Error: class {
        constructor() {
          throw new Error("host broke");
        }
      },
    };
    const error = thrown(() =>
      excelResult({ ok: false, kind: "value", message: "m" }, brokenApi)
    ) as Error;
    expect(error.message).toBe(`#VALUE! ${UNEXPECTED_MESSAGE}`);
  });
});
