/**
 * The WPS host's reader on edge cases the county files do not have: a used range away from A1,
 * error cells as ET gives them, merged areas and hidden rows found by halving, an empty sheet,
 * the audit's own sheets left out, and tiles smaller than the sheet.
 */
import { readWorkbookGrids } from "../../../src/hosts/wps";
import { cellValue } from "../../../src/hosts/wps/read";
import { fakeEt } from "./fakeEt";
import type { SheetGrid } from "../../../src/sheets/grid";

function grid(rows: SheetGrid["rows"], extra: Partial<SheetGrid> = {}): SheetGrid {
  return { name: "小学", rows, merges: [], ...extra };
}

describe("cellValue", () => {
  it("maps ET's values to the reader's: CVErr codes and error texts to errors, empty to null", () => {
    expect(cellValue(-2146826281)).toEqual({ error: "#DIV/0!" });
    expect(cellValue(-2146826246)).toEqual({ error: "#N/A" });
    expect(cellValue("#REF!")).toEqual({ error: "#REF!" });
    expect(cellValue("")).toBeNull();
    expect(cellValue(undefined)).toBeNull();
    expect(cellValue(45292)).toBe(45292); // a date: its serial number, as Value2 gives it
    expect(cellValue(true)).toBe(true);
    expect(cellValue("实验小学")).toBe("实验小学");
  });
});

describe("readWorkbookGrids over a fake ET workbook", () => {
  it("reads a used range that starts at C3 with its origin, merges and hidden rows", () => {
    const rows: SheetGrid["rows"] = [
      ["标题"],
      ["学校名称", "在校生数"],
      ["一小", 900],
      ["二小", 800],
      ["三小", 700],
      ["合计", 2400],
    ];
    const fake = fakeEt([
      grid(rows, {
        origin: { row: 2, col: 2 },
        merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
        hiddenRows: [3, 4],
      }),
    ]);
    const [read] = readWorkbookGrids(fake.app).grids;
    expect(read.origin).toEqual({ row: 2, col: 2 });
    expect(read.rows[0][0]).toBe("标题");
    expect(read.rows[3]).toEqual(["二小", 800]);
    expect(read.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
    expect(read.hiddenRows).toEqual([3, 4]);
  });

  it("finds several merges of a header band and ignores sheets without any", () => {
    const header: SheetGrid["rows"] = [
      ["表"],
      ["学校", "教师", null, "面积", null],
      [null, "专任", "骨干", "教学", "体育"],
    ];
    const body = Array.from({ length: 200 }, (_, i) => [`第${i + 1}小学`, 10, 2, 500, 800]);
    const merges = [
      { top: 0, left: 0, bottom: 0, right: 4 },
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 1, left: 1, bottom: 1, right: 2 },
      { top: 1, left: 3, bottom: 1, right: 4 },
    ];
    const fake = fakeEt([
      grid([...header, ...body], { merges }),
      { name: "说明", rows: [["无合并"]], merges: [] },
    ]);
    const [read, plain] = readWorkbookGrids(fake.app).grids;
    expect(read.merges).toEqual([...merges].sort((a, b) => a.top - b.top || a.left - b.left));
    expect(read.hiddenRows).toBeUndefined();
    expect(plain.merges).toEqual([]);
    // Finding four merges among 1,000 cells takes a few dozen MergeCells questions, not one per cell.
    expect(fake.log.count((c) => c === "Range.MergeCells")).toBeLessThan(80);
  });

  it("reads in tiles when the sheet is larger than the budget, with the same result", () => {
    const rows = Array.from({ length: 50 }, (_, r) =>
      Array.from({ length: 6 }, (_, c) => r * 10 + c)
    );
    const whole = readWorkbookGrids(fakeEt([grid(rows)]).app).grids[0];
    const fake = fakeEt([grid(rows)]);
    const tiled = readWorkbookGrids(fake.app, { maxCellsPerRead: 25 }).grids[0];
    expect(tiled.rows).toEqual(whole.rows);
    expect(fake.log.count((c) => c === "Range.Value2")).toBe(13); // 4 rows of 6 a tile: 50 rows in 13 tiles
  });

  it("gives an empty sheet as an empty grid and leaves out the audit's own sheets", () => {
    const fake = fakeEt([
      grid([["学校名称"]]),
      { name: "空表", rows: [], merges: [] },
      { name: "审计总览", rows: [["旧审计"]], merges: [] },
    ]);
    fake.app.ActiveWorkbook!.Names.Add("JH_AUDIT_1", "='审计总览'!$A$1");
    const { grids, ownedSheets } = readWorkbookGrids(fake.app);
    expect(ownedSheets).toEqual(["审计总览"]);
    expect(grids.map((g) => g.name)).toEqual(["小学", "空表"]);
    expect(grids[1]).toEqual({ name: "空表", rows: [], merges: [], origin: { row: 0, col: 0 } });
  });

  it("says in Chinese when no workbook is open", () => {
    const fake = fakeEt([]);
    (fake.app as { ActiveWorkbook: unknown }).ActiveWorkbook = null;
    expect(() => readWorkbookGrids(fake.app)).toThrow(/没有打开的工作簿/);
  });
});
