/** The Excel host's pure parts: addresses, names, formula references, text escaping, chunking. */
import { parseA1, parseAreas, rectAddress } from "../../../src/hosts/excel/addresses";
import { formulaCell } from "../../../src/hosts/excel/cellText";
import { packByCost, tileBlock } from "../../../src/hosts/excel/chunks";
import { describeExcelError } from "../../../src/hosts/excel/errors";
import { markerSheet, ownershipOf } from "../../../src/hosts/excel/ownership";
import { charsToPoints, opCost, planOps, styleRects } from "../../../src/hosts/excel/planOps";
import { cellValue } from "../../../src/hosts/excel/read";
import { nameSheets } from "../../../src/hosts/excel/sheetNames";
import { countyPlan } from "./plans";

const noRenames = { writeAs: new Map<string, string>(), final: new Map<string, string>() };

describe("addresses", () => {
  test("A1 ranges ↔ 0-based rectangles", () => {
    expect(parseA1("B2:D4")).toEqual({ row: 1, col: 1, rows: 3, cols: 3 });
    expect(parseA1("$AA$10")).toEqual({ row: 9, col: 26, rows: 1, cols: 1 });
    expect(parseA1("D4:B2")).toEqual({ row: 1, col: 1, rows: 3, cols: 3 });
    expect(rectAddress({ row: 0, col: 0, rows: 1, cols: 1 })).toBe("A1");
    expect(rectAddress({ row: 1, col: 25, rows: 2, cols: 2 })).toBe("Z2:AA3");
    expect(() => parseA1("小学!A1")).toThrow(/无法识别的单元格地址「小学!A1」/);
  });

  test("RangeAreas addresses: sheet prefixes dropped, commas inside quoted names ignored", () => {
    expect(parseAreas("'小学, 初中'!A1:H1, '小学, 初中'!A2:A3")).toEqual([
      { row: 0, col: 0, rows: 1, cols: 8 },
      { row: 1, col: 0, rows: 2, cols: 1 },
    ]);
    expect(parseAreas("Sheet1!$B$2:$C$2")).toEqual([{ row: 1, col: 1, rows: 1, cols: 2 }]);
    expect(parseAreas("A1:B1, C3:D3")).toHaveLength(2);
    expect(parseAreas("")).toEqual([]);
  });
});

describe("sheet names", () => {
  test("final names avoid users' sheets; write-time names also avoid the old audit sheets", () => {
    expect(
      nameSheets(["审计总览", "学校明细"], ["小学", "审计总览", "学校明细"], ["学校明细"])
    ).toEqual([
      { final: "审计总览 (2)", writeAs: "审计总览 (2)" },
      { final: "学校明细", writeAs: "学校明细 (2)" },
    ]);
    // A write-time name must not take another sheet's final name.
    expect(nameSheets(["A", "A (2)"], ["A"], ["A"])).toEqual([
      { final: "A", writeAs: "A (3)" },
      { final: "A (2)", writeAs: "A (2)" },
    ]);
  });
});

describe("text escaping (formulaCell)", () => {
  test.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@x", "'@x"],
    ["'quoted", "''quoted"],
    ["0012", "'0012"],
    ["１２３", "'１２３"],
    ["＝SUM(A1)", "'＝SUM(A1)"],
    ["TRUE", "'TRUE"],
    ["#N/A", "'#N/A"],
    [" =1", "' =1"],
  ])("hostile text %s is written as %s", (text, written) => {
    expect(formulaCell({ value: text })).toBe(written);
  });

  test("ordinary text, numbers, booleans, formulas, empty", () => {
    expect(formulaCell({ value: "城关第一小学" })).toBe("城关第一小学");
    expect(formulaCell({ value: 0.9 })).toBe(0.9);
    expect(formulaCell({ value: false })).toBe(false);
    expect(formulaCell({ value: 4.2, formula: "C5*100/B5" })).toBe("=C5*100/B5");
    expect(formulaCell({ value: null })).toBe("");
    expect(formulaCell(null)).toBe("");
  });
});

describe("chunking", () => {
  test("tiles never exceed the budget and cover the block exactly once", () => {
    const block = { row: 5, col: 2, rows: 101, cols: 7 };
    const tiles = tileBlock(block, 50);
    expect(tiles.every((t) => t.rows * t.cols <= 50)).toBe(true);
    const seen = new Set<string>();
    for (const t of tiles)
      for (let r = t.row; r < t.row + t.rows; r += 1)
        for (let c = t.col; c < t.col + t.cols; c += 1) seen.add(`${r},${c}`);
    expect(seen.size).toBe(101 * 7);
    expect(tiles.reduce((n, t) => n + t.rows * t.cols, 0)).toBe(101 * 7);
  });

  test("a row wider than the budget is cut into columns", () => {
    expect(tileBlock({ row: 0, col: 0, rows: 1, cols: 10 }, 4).map((t) => t.cols)).toEqual([
      4, 4, 2,
    ]);
  });

  test("packing keeps order, respects the budget, isolates an oversize item", () => {
    expect(packByCost([5, 5, 5, 12, 1], (n) => n, 10)).toEqual([[5, 5], [5], [12], [1]]);
    expect(packByCost([], (n: number) => n, 10)).toEqual([[]]);
    expect(packByCost([10, 10], (n) => n, 10)).toEqual([[10], [10]]);
  });
});

describe("plan → operations", () => {
  test("styles collapse into rectangles: one per column run, not one per school", () => {
    const plan = countyPlan(9);
    const rects = styleRects(plan.sheets[1]);
    const numbers = rects.filter((r) => r.style === "number");
    expect(numbers).toEqual([{ rect: { row: 2, col: 1, rows: 9, cols: 2 }, style: "number" }]);
    // verdict column alternates fail/warn/pass: one rectangle per cell there…
    expect(rects.filter((r) => ["pass", "warn", "fail"].includes(r.style))).toHaveLength(9);
    // …but one formatting call per verdict, over all its cells.
    const verdictOps = planOps(plan, noRenames, 20000).filter(
      (op) => op.kind === "style" && ["pass", "warn", "fail"].includes(op.style)
    );
    expect(verdictOps.map((op) => (op.kind === "style" ? [op.style, op.address] : []))).toEqual([
      ["fail", "D3, D6, D9"],
      ["warn", "D4, D7, D10"],
      ["pass", "D5, D8, D11"],
    ]);
  });

  test("a long list of areas is cut into several calls with short address lists", () => {
    const ops = planOps(countyPlan(3000), noRenames, 1e9).filter(
      (op) => op.kind === "style" && op.style === "pass"
    );
    expect(ops.length).toBeGreaterThan(1);
    expect(ops.every((op) => op.kind === "style" && op.address.length <= 2000)).toBe(true);
    const cells = ops.flatMap((op) => (op.kind === "style" ? op.address.split(", ") : []));
    expect(cells).toHaveLength(1000);
    expect(new Set(cells).size).toBe(1000);
  });

  test("column widths in characters become points (Excel: 7 px per character + 5 px)", () => {
    expect(charsToPoints(10)).toBe(56.25);
    const ops = planOps(countyPlan(2), noRenames, 20000).filter((op) => op.kind === "columnWidth");
    expect(ops).toEqual([
      { sheet: 0, kind: "columnWidth", address: "A:A", points: charsToPoints(20) },
      { sheet: 0, kind: "columnWidth", address: "B:B", points: charsToPoints(12) },
      { sheet: 1, kind: "columnWidth", address: "A:A", points: charsToPoints(24) },
      { sheet: 1, kind: "columnWidth", address: "B:C", points: charsToPoints(10) },
      { sheet: 1, kind: "columnWidth", address: "D:D", points: charsToPoints(8) },
    ]);
  });

  test("hidden helper columns become one columnHidden operation each", () => {
    const ops = planOps(countyPlan(2), noRenames, 20000).filter((op) => op.kind === "hideColumns");
    expect(ops).toEqual([{ sheet: 1, kind: "hideColumns", address: "D:D" }]);
  });

  test("cell operations stay within the budget counting formulas and number formats", () => {
    const ops = planOps(countyPlan(500), noRenames, 300);
    const cells = ops.filter((op) => op.kind === "cells");
    expect(cells.length).toBeGreaterThan(10);
    expect(cells.every((op) => opCost(op) <= 300)).toBe(true);
  });

  test("a non-finite number is refused with the sheet and cell named", () => {
    const plan = countyPlan(1);
    plan.sheets[1].rows[2].cells[2] = { value: Number.NaN };
    expect(() => planOps(plan, noRenames, 20000)).toThrow(
      "审计表「学校明细」C3 的值 NaN 不是有限数字"
    );
  });
});

describe("ownership marker", () => {
  test("marker formulas name their sheet; stale ones are still listed for removal", () => {
    expect(markerSheet("='审计 总览'!$A$1")).toBe("审计 总览");
    expect(markerSheet("=Sheet1!$A$1")).toBe("Sheet1");
    expect(markerSheet("='It''s'!$A$1")).toBe("It's");
    expect(markerSheet("=#REF!$A$1")).toBeUndefined();
    expect(markerSheet("='审计总览'!$B$2")).toBeUndefined();
    expect(
      ownershipOf([
        { name: "JH_AUDIT_3", formula: "='审计总览'!$A$1" },
        { name: "JH_AUDIT_9", formula: "=#REF!$A$1" },
        { name: "JH_AUDITX", formula: "='小学'!$A$1" },
        { name: "学校", formula: "='小学'!$A$1" },
      ])
    ).toEqual({ sheets: ["审计总览"], markerNames: ["JH_AUDIT_3", "JH_AUDIT_9"], nextNumber: 10 });
  });
});

describe("reading cell values", () => {
  test("errors by valueType, empty strings to null, values as Excel gives them", () => {
    expect(cellValue("#DIV/0!", "Error")).toEqual({ error: "#DIV/0!" });
    expect(cellValue("", "Empty")).toBeNull();
    expect(cellValue("#DIV/0!", "String")).toBe("#DIV/0!"); // text that merely looks like an error
    expect(cellValue(0, "Double")).toBe(0);
    expect(cellValue(true, "Boolean")).toBe(true);
    expect(cellValue("１，２３４", "String")).toBe("１，２３４");
  });
});

describe("describeExcelError", () => {
  test.each([
    ["InvalidOperationInCellEditMode", /单元格编辑状态.*按 Enter 或 Esc/],
    ["AccessDenied", /受保护.*撤消工作表保护/],
    ["RequestPayloadSizeLimitExceeded", /5 MB.*桌面版 Excel/],
    ["ItemAlreadyExists", /同名/],
    ["GeneralException", /重新打开/],
  ])("%s gets a Chinese message that says what to do", (code, expected) => {
    const message = describeExcelError({ code, message: "english", name: "RichApi.Error" });
    expect(message).toMatch(expected);
    expect(message).not.toMatch(/english|RichApi/);
  });

  test("the add-in's own Chinese errors pass through; anything else gets a generic message with the code", () => {
    expect(describeExcelError(new Error("审计表「学校明细」C3 的值 NaN 不是有限数字"))).toBe(
      "审计表「学校明细」C3 的值 NaN 不是有限数字"
    );
    expect(describeExcelError({ code: "WeirdNewCode", message: "x" })).toMatch(
      /错误代码 WeirdNewCode/
    );
    expect(describeExcelError(new TypeError("Cannot read properties of undefined"))).not.toMatch(
      /Cannot read/
    );
    expect(describeExcelError(undefined)).toMatch(/与 Excel 通信时出错/);
  });
});
