import type { WorkbookPlan } from "../../src/report";
import { formulaMismatches, PlanWorkbook } from "./formulaEval";

/** A one-sheet plan with the given cells in row 0. */
function plan(cells: { value: number | string | null; formula?: string }[]): WorkbookPlan {
  return {
    activate: "summary",
    sheets: [
      {
        kind: "summary",
        name: "S",
        rows: [{ row: 0, cells }],
        merges: [],
        columnWidths: [],
        conditionalFormats: [],
        dataBars: [],
        page: { landscape: true, fitToWidth: true },
      },
    ],
  };
}

describe("the test's formula evaluator", () => {
  const sources = { "O'Brien": { A1: 2, A2: 3, A3: null, B1: 4, B2: 5, B3: 6 } };

  it("reads quoted sheet names with doubled quotes and computes arithmetic with Excel precedence", () => {
    const book = new PlanWorkbook(plan([]), sources);
    expect(book.evaluate("'O''Brien'!A1+'O''Brien'!B1*2^2/4", "S")).toBe(6);
    expect(book.evaluate("-'O''Brien'!A1^2", "S")).toBe(4); // unary minus binds first, as in Excel
  });

  it("computes the weighted CV functions over ranges, with blanks as 0", () => {
    const book = new PlanWorkbook(plan([]), sources);
    expect(book.evaluate("SUMPRODUCT('O''Brien'!A1:A3,'O''Brien'!B1:B3)", "S")).toBe(23);
    expect(book.evaluate("SUM('O''Brien'!A1:B3)", "S")).toBe(20);
    expect(book.evaluate("COUNT('O''Brien'!A1:A3)", "S")).toBe(2);
    expect(book.evaluate("COUNTIF('O''Brien'!B1:B3,\">4\")", "S")).toBe(2);
    expect(book.evaluate("SQRT(SUMPRODUCT('O''Brien'!A1:A2,('O''Brien'!B1:B2-4)^2))", "S")).toBe(
      Math.sqrt(3)
    );
    expect(
      book.evaluate('IF(AND(1>0,ROUND(0.8999999999999999,9)>=0.9),"达标","未达标")', "S")
    ).toBe("达标");
  });

  it("counts booleans as 0 inside SUMPRODUCT, as Excel does (so the report must multiply by 1)", () => {
    const book = new PlanWorkbook(plan([]), sources);
    expect(book.evaluate("SUMPRODUCT(('O''Brien'!B1:B3>4))", "S")).toBe(0);
    expect(book.evaluate("SUMPRODUCT(('O''Brien'!B1:B3>4)*1)", "S")).toBe(2);
  });

  it("rejects functions outside the shared set and unknown sheets", () => {
    const book = new PlanWorkbook(plan([]), sources);
    expect(() => book.evaluate("XLOOKUP(1,'O''Brien'!A1:A2,'O''Brien'!B1:B2)", "S")).toThrow(
      /shared set/
    );
    expect(() => book.evaluate("'Nope'!A1", "S")).toThrow("#REF!");
  });

  it("reports a cached value that the formula does not recompute to", () => {
    expect(formulaMismatches(plan([{ value: 6, formula: "'O''Brien'!A1*3" }]), sources)).toEqual(
      []
    );
    expect(
      formulaMismatches(plan([{ value: 7, formula: "'O''Brien'!A1*3" }]), sources)
    ).toHaveLength(1);
    expect(
      formulaMismatches(plan([{ value: 5 }, { value: 10, formula: "A1*2" }]), sources)
    ).toEqual([]);
  });
});
