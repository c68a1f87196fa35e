import { kindHint, sheetStage } from "../../src/sheets/kinds";
import { parseNumberCell, scaleValue } from "../../src/sheets/numbers";
import { decodeOwner, ownerLegend } from "../../src/sheets/owner";
import { isCodeRow, isFootnoteText, isTotalText, sectionOf } from "../../src/sheets/rows";
import { foldText } from "../../src/sheets/text";

describe("parseNumberCell", () => {
  it.each([
    [1234, 1234, false],
    ["1,234", 1234, true],
    ["１，２３４．５", 1234.5, true],
    ["  56 ", 56, true],
    ["1,234.5㎡", 1234.5, true],
    ["260.5万元", 260.5, true],
    ["30间", 30, true],
    ["-12", -12, true],
    ["无", 0, true],
  ])("%j → %d", (cell, value, fromText) => {
    expect(parseNumberCell(cell)).toMatchObject({ kind: "number", value, fromText });
  });

  it.each([null, undefined, "", "   ", "-", "—", "/"])("reads %j as empty", (cell) => {
    expect(parseNumberCell(cell as never)).toEqual({ kind: "empty" });
  });

  it("reads error values, as CellError or as Office.js text", () => {
    expect(parseNumberCell({ error: "#DIV/0!" })).toEqual({ kind: "error", text: "#DIV/0!" });
    expect(parseNumberCell("#N/A")).toEqual({ kind: "error", text: "#N/A" });
    expect(parseNumberCell("#VALUE!")).toEqual({ kind: "error", text: "#VALUE!" });
  });

  it.each(["一千二", "约50", "12%", "1.2.3", "TRUE"])("reads %j as no number", (cell) => {
    expect(parseNumberCell(cell).kind).toBe("invalid");
  });

  it("reads logical values and NaN as no number", () => {
    expect(parseNumberCell(true).kind).toBe("invalid");
    expect(parseNumberCell(Number.NaN).kind).toBe("invalid");
  });

  it("converts 万元 without float noise", () => {
    expect(scaleValue(1.1, 10000)).toBe(11000);
    expect(scaleValue(260.5, 10000)).toBe(2605000);
    expect(scaleValue(0.0001, 10000)).toBe(1);
    expect(scaleValue(7, 1)).toBe(7);
  });
});

describe("row and text classification", () => {
  it.each(["合计", "总计", "小计", "小学小计", "全县合计", "全县", "其中：民办", "平均值"])(
    "%j is a totals row",
    (t) => {
      expect(isTotalText(foldText(t))).toBe(true);
    }
  );
  it.each(["全县第一小学", "城关小学", "计算机学校", ""])("%j is not a totals row", (t) => {
    expect(isTotalText(foldText(t))).toBe(false);
  });
  it.each(["注：本表截至9月1日", "注1：", "说明：", "填表人：张三", "注"])(
    "%j is a footnote",
    (t) => {
      expect(isFootnoteText(foldText(t))).toBe(true);
    }
  );
  it("reads section rows", () => {
    expect(sectionOf("小学")).toEqual({ stage: "primary" });
    expect(sectionOf("一、小学")).toEqual({ stage: "primary" });
    expect(sectionOf("初中部分")).toEqual({ stage: "junior" });
    expect(sectionOf(foldText("（二）初中"))).toEqual({ stage: "junior" });
    expect(sectionOf("三、九年一贯制学校")).toEqual({ stage: null });
    expect(sectionOf("城关小学")).toBeNull();
  });
  it("tells code rows from data rows", () => {
    expect(isCodeRow([null, "L1", "L2", "L3", "L4"])).toBe(true);
    expect(isCodeRow(["甲", "乙", 1, 2, 3])).toBe(true);
    expect(isCodeRow([1, 2, 3, 4, 5])).toBe(true);
    expect(isCodeRow(["城关小学", 1200, 15, 6, 30])).toBe(false);
    expect(isCodeRow([1, "城关小学", 1200, 15])).toBe(false);
    expect(isCodeRow([3, 5, 9])).toBe(false);
  });
});

describe("kinds and stages from words", () => {
  it.each([
    ["城关镇中心小学", "primary", "primary", "clear"],
    ["第二初级中学", "junior", "junior", "clear"],
    ["红旗中学", "junior", "junior", "weak"],
    ["育英九年一贯制学校", "nineYear", undefined, "clear"],
    ["育英九年一贯制学校小学部", "nineYear", "primary", "clear"],
    ["滨河十二年一贯制学校", "twelveYear", undefined, "clear"],
    ["南山完全中学", "completeMiddle", "junior", "clear"],
    ["李家村教学点", "teachingPoint", "primary", "clear"],
    ["县特殊教育学校", "special", undefined, "clear"],
    ["县培智学校", "special", undefined, "clear"],
    ["县职业高级中学", "vocational", undefined, "clear"],
    ["县中职学校", "vocational", undefined, "clear"],
  ])("%s → %s / %s (%s)", (name, kind, stage, certainty) => {
    const hint = kindHint(name)!;
    expect(hint.kind).toBe(kind);
    expect(hint.stage).toBe(stage);
    expect(hint.certainty).toBe(certainty);
  });
  it("says nothing about a name without a kind word", () => {
    expect(kindHint("实验学校")).toBeNull();
    expect(kindHint("")).toBeNull();
  });
  it("reads a stage from a sheet's name", () => {
    expect(sheetStage("小学")).toBe("primary");
    expect(sheetStage("2024初中学校")).toBe("junior");
    expect(sheetStage("小学和初中")).toBeNull();
    expect(sheetStage("Sheet1")).toBeNull();
  });
});

describe("owners", () => {
  it("decodes words, legend codes, and keeps unknown codes public", () => {
    const legend = ownerLegend("注：1. 举办者类型：1.教育部门 2.其他部门 3.民办。2. 其他说明。");
    expect([...legend.entries()]).toEqual([
      ["1", "public"],
      ["2", "public"],
      ["3", "private"],
    ]);
    expect(decodeOwner("3", legend)).toEqual({ owner: "private", decoded: true });
    expect(decodeOwner("民办", new Map())).toEqual({ owner: "private", decoded: true });
    expect(decodeOwner("教育部门", new Map())).toEqual({ owner: "public", decoded: true });
    expect(decodeOwner("9", legend)).toEqual({ owner: "public", decoded: false });
  });
});
