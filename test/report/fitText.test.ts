import { fitText, textUnits } from "../../src/report/fitText";
import type { PlannedRow, PlannedSheet } from "../../src/report/plan";
import { planOps } from "../../src/hosts/excel/planOps";

function sheetOf(rows: PlannedRow[], extra: Partial<PlannedSheet> = {}): PlannedSheet {
  return {
    kind: "summary",
    name: "审计总览",
    rows,
    merges: [],
    columnWidths: [10, 10, 10],
    conditionalFormats: [],
    dataBars: [],
    page: { landscape: true, fitToWidth: true },
    ...extra,
  };
}

const LONG_NOTE =
  "各项数值为引用源数据单元格的公式。红色：低于要求的85%；黄色：未达到要求；绿色：达到要求。";

describe("textUnits", () => {
  it("counts a Chinese character about two units and a digit or letter one, by the widest line", () => {
    expect(textUnits("学校名称")).toBeCloseTo(8.4);
    expect(textUnits("L1")).toBeCloseTo(2.1);
    expect(textUnits("ab\n学校名称学校")).toBeCloseTo(12.6);
    expect(textUnits("学校", 22)).toBeCloseTo(8.4);
  });
});

describe("fitText", () => {
  it("merges a lone over-long note across the table and gives the row its lines' height", () => {
    const sheet = fitText(sheetOf([{ row: 1, cells: [{ value: LONG_NOTE, style: "subtitle" }] }]));
    expect(sheet.merges).toEqual(["A2:C2"]);
    // ~90 units at 10 pt in 30 columns' width: 4 lines.
    const lines = Math.ceil(textUnits(LONG_NOTE, 10) / 29);
    expect(sheet.rows[0].height).toBe(Math.ceil(lines * 10 * 1.45 + 3));
    expect(sheet.rows[0].fit).toBeUndefined(); // merged: a measuring host would not autofit it
  });

  it("leaves a short note, or one sharing its row, unmerged", () => {
    const sheet = fitText(
      sheetOf([
        { row: 0, cells: [{ value: "注：", style: "note" }] },
        {
          row: 1,
          cells: [
            { value: LONG_NOTE, style: "note" },
            { value: "x", style: "text" },
          ],
        },
      ])
    );
    expect(sheet.merges).toEqual([]);
    expect(sheet.rows[0].height).toBeUndefined();
  });

  it("raises a header row to its wrapped lines and marks it as fitted; keeps a taller planned height", () => {
    const sheet = fitText(
      sheetOf([
        { row: 0, cells: [{ value: "资源配置及学校保障项", style: "header" }] },
        { row: 1, cells: [{ value: "资源配置及学校保障项", style: "header" }], height: 80 },
        { row: 2, cells: [{ value: "区县", style: "header" }] },
      ])
    );
    expect(sheet.rows[0]).toMatchObject({ height: Math.ceil(3 * 11 * 1.45 + 3), fit: true });
    expect(sheet.rows[1].height).toBe(80);
    expect(sheet.rows[1].fit).toBeUndefined();
    expect(sheet.rows[2].height).toBeUndefined();
  });

  it("widens a column to its longest body text, up to 40, and wraps what is longer", () => {
    const long = "某".repeat(30);
    const sheet = fitText(
      sheetOf([
        { row: 0, cells: [{ value: "城关镇中心小学（东校区）", style: "text" }] },
        { row: 1, cells: [null, { value: long, style: "text" }] },
      ])
    );
    expect(sheet.columnWidths[0]).toBe(Math.ceil(textUnits("城关镇中心小学（东校区）") + 1));
    expect(sheet.columnWidths[1]).toBe(40);
    expect(sheet.rows[1].height).toBe(Math.ceil(2 * 11 * 1.45 + 3));
  });

  it("ignores hidden columns: they print nothing", () => {
    const sheet = fitText(
      sheetOf([{ row: 0, cells: [null, { value: "权重 L1 高学历教师", style: "header" }] }], {
        hiddenColumns: [1],
      })
    );
    expect(sheet.rows[0].height).toBeUndefined();
    expect(sheet.columnWidths[1]).toBe(10);
  });
});

describe("the Excel host: fitted rows", () => {
  it("autofits the fitted rows in one call and sets planned heights after it", () => {
    const sheet = fitText(
      sheetOf([
        { row: 2, cells: [{ value: "资源配置及学校保障项", style: "header" }] },
        { row: 3, cells: [{ value: "x" }], height: 60 },
        { row: 9, cells: [{ value: "资源配置及学校保障项", style: "header" }] },
      ])
    );
    const ops = planOps(
      { sheets: [sheet], activate: "summary" },
      { writeAs: new Map(), final: new Map() },
      10000
    ).filter((op) => op.kind === "autofitRows" || op.kind === "rowHeight");
    expect(ops).toEqual([
      { sheet: 0, kind: "autofitRows", address: "3:10" },
      { sheet: 0, kind: "rowHeight", address: "4:4", points: 60 },
    ]);
  });
});
