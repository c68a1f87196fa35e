import { legalSheetName, uniqueSheetName } from "../../../src/hosts/file/sheet-names";
import { renameSheetRefs } from "../../../src/hosts/file/sheet-refs";
import { quoteSheetName, sheetOfRange } from "../../../src/hosts/file/ownership";

describe("sheet names", () => {
  it("keeps a free name, else appends (2), (3) … comparing without case", () => {
    expect(uniqueSheetName("审计总览", ["小学", "初中"])).toBe("审计总览");
    expect(uniqueSheetName("审计总览", ["审计总览"])).toBe("审计总览 (2)");
    expect(uniqueSheetName("审计总览", ["审计总览", "审计总览 (2)"])).toBe("审计总览 (3)");
    expect(uniqueSheetName("Summary", ["SUMMARY"])).toBe("Summary (2)");
  });

  it("stays within Excel's 31 characters, suffix included", () => {
    const long = "甲".repeat(40);
    expect([...uniqueSheetName(long, [])].length).toBe(31);
    const second = uniqueSheetName(long, ["甲".repeat(31)]);
    expect(second).toBe(`${"甲".repeat(27)} (2)`);
    expect([...second].length).toBe(31);
  });

  it("replaces characters Excel forbids and leading or trailing apostrophes", () => {
    expect(legalSheetName("差异系数[小学]/初中:*?\\")).toBe("差异系数_小学__初中____");
    expect(legalSheetName("'审计'")).toBe("审计");
    expect(legalSheetName("  ")).toBe("审计");
  });
});

describe("renameSheetRefs", () => {
  const renamed = new Map([
    ["审计总览", "审计总览 (2)"],
    ["学校明细", "学校明细 (2)"],
  ]);

  it("rewrites quoted and unquoted references to renamed sheets", () => {
    expect(renameSheetRefs("'审计总览'!B3+学校明细!C5", renamed)).toBe("'审计总览 (2)'!B3+'学校明细 (2)'!C5");
    expect(renameSheetRefs("SUM('学校明细'!C5:C40)", renamed)).toBe("SUM('学校明细 (2)'!C5:C40)");
  });

  it("leaves string literals, other sheets and look-alike names alone", () => {
    expect(renameSheetRefs('IF(A1>0,"审计总览!B3","学校明细")', renamed)).toBe('IF(A1>0,"审计总览!B3","学校明细")');
    expect(renameSheetRefs("'小学'!E5*小学!F5", renamed)).toBe("'小学'!E5*小学!F5");
    expect(renameSheetRefs("新审计总览!B3", renamed)).toBe("新审计总览!B3");
    expect(renameSheetRefs('"a""审计总览!""b"&审计总览!A1', renamed)).toBe('"a""审计总览!""b"&\'审计总览 (2)\'!A1');
  });

  it("handles apostrophes in sheet names", () => {
    const map = new Map([["O'Brien", "O'Brien (2)"]]);
    expect(renameSheetRefs("'O''Brien'!A1", map)).toBe("'O''Brien (2)'!A1");
    expect(quoteSheetName("O'Brien")).toBe("'O''Brien'");
    expect(sheetOfRange("'O''Brien'!$A$1")).toBe("O'Brien");
    expect(sheetOfRange("小学!$A$1")).toBe("小学");
  });
});
