import { cellAddress } from "../../src/functions/addresses";
import { cv } from "../../src/functions/spread";
import { per100 } from "../../src/functions/ratios";
import { threshold } from "../../src/functions/verdicts";
import * as registered from "../../src/functions/functions";

describe("cellAddress: a cell inside a range argument", () => {
  it("offsets from the range's first cell, keeping the sheet", () => {
    expect(cellAddress("Sheet1!B2:B6", 2, 0)).toBe("Sheet1!B4");
    expect(cellAddress("Sheet1!B2:B6", 0, 0)).toBe("Sheet1!B2");
    expect(cellAddress("'学校 数据'!$C$3:$D$9", 0, 1)).toBe("'学校 数据'!D3");
    expect(cellAddress("Z10:AB12", 1, 2)).toBe("AB11");
    expect(cellAddress("小学!A1048576", 0, 0)).toBe("小学!A1048576");
  });

  it("gives null for what is not an A1 address", () => {
    expect(cellAddress(undefined, 0, 0)).toBeNull();
    expect(cellAddress(null, 0, 0)).toBeNull();
    expect(cellAddress("", 0, 0)).toBeNull();
    expect(cellAddress("R1C1", 0, 0)).toBeNull();
    expect(cellAddress("Sheet1!#REF!", 0, 0)).toBeNull();
  });
});

describe("messages name the sheet and cell when Excel passes the addresses", () => {
  it("names the cell of text inside a range", () => {
    const outcome = cv([[1], [2], ["abc"]], [[10], [10], [10]], ["小学!D2:D4", "小学!C2:C4"]);
    expect(outcome).toMatchObject({ ok: false, kind: "value" });
    expect(!outcome.ok && outcome.message).toBe(
      "JH.WEIGHTEDCV 的第1个参数「指标值」（小学!D4）是文本「abc」，应为数字。"
    );
  });

  it("names the cell of a scalar argument, but not a range's", () => {
    const zero = per100(3, 0, ["Sheet1!B3", "Sheet1!C3"]);
    expect(!zero.ok && zero.message).toBe(
      "JH.PERHUNDRED 的第2个参数「在校生数」（Sheet1!C3）为0：在校生数为0时无法计算。"
    );
    const stage = threshold("L1", "高中", ["Sheet1!A1", "Sheet1!B1:B2"]);
    expect(!stage.ok && stage.message).not.toContain("Sheet1!B1");
  });

  it("is fed by the registered function from CustomFunctions.Invocation", () => {
    const invocation = {
      parameterAddresses: ["Sheet1!B2:B3", "Sheet1!C2:C3"],
    } as CustomFunctions.Invocation;
    expect(() => registered.weightedCv([[1], [true]], [[1], [1]], invocation)).toThrow(
      "（Sheet1!B3）是逻辑值 TRUE"
    );
  });
});
