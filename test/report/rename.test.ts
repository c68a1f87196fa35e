import { chooseSheetNames } from "../../src/report";
import { renameRefs } from "../../src/report/rename";
import { sheetOfRange } from "../../src/hosts/file/ownership";

describe("renameRefs", () => {
  const renamed = new Map([
    ["审计总览", "审计总览 (2)"],
    ["学校明细", "学校明细 (2)"],
  ]);

  it("rewrites quoted and unquoted references to renamed sheets", () => {
    expect(renameRefs("'审计总览'!B3+学校明细!C5", renamed)).toBe(
      "'审计总览 (2)'!B3+'学校明细 (2)'!C5"
    );
    expect(renameRefs("SUM('学校明细'!C5:C40)", renamed)).toBe("SUM('学校明细 (2)'!C5:C40)");
  });

  it("leaves string literals, other sheets and look-alike names alone", () => {
    expect(renameRefs('IF(A1>0,"审计总览!B3","学校明细")', renamed)).toBe(
      'IF(A1>0,"审计总览!B3","学校明细")'
    );
    expect(renameRefs("'小学'!E5*小学!F5", renamed)).toBe("'小学'!E5*小学!F5");
    expect(renameRefs("新审计总览!B3", renamed)).toBe("新审计总览!B3");
    expect(renameRefs('"a""审计总览!""b"&审计总览!A1', renamed)).toBe(
      '"a""审计总览!""b"&\'审计总览 (2)\'!A1'
    );
  });

  it("handles apostrophes in sheet names, and compares names without case as Excel does", () => {
    expect(renameRefs("'O''Brien'!A1", new Map([["O'Brien", "O'Brien (2)"]]))).toBe(
      "'O''Brien (2)'!A1"
    );
    expect(renameRefs("SUMMARY!A1", new Map([["Summary", "Summary (2)"]]))).toBe(
      "'Summary (2)'!A1"
    );
    expect(sheetOfRange("'O''Brien'!$A$1")).toBe("O'Brien");
    expect(sheetOfRange("小学!$A$1")).toBe("小学");
  });
});

describe("chooseSheetNames beside a workbook's sheets", () => {
  it("keeps a free name, else appends (2), (3) … comparing without case, within 31 characters", () => {
    expect(chooseSheetNames(["审计总览"], [{ name: "小学", owned: false }])).toEqual(["审计总览"]);
    expect(
      chooseSheetNames(
        ["审计总览"],
        [
          { name: "审计总览", owned: false },
          { name: "审计总览 (2)", owned: false },
        ]
      )
    ).toEqual(["审计总览 (3)"]);
    expect(chooseSheetNames(["Summary"], [{ name: "SUMMARY", owned: false }])).toEqual([
      "Summary (2)",
    ]);
    const [second] = chooseSheetNames(["甲".repeat(40)], [{ name: "甲".repeat(31), owned: false }]);
    expect(second).toBe(`${"甲".repeat(27)} (2)`);
  });
});
