/** readWorkbookGrids against the fake Excel object model (office-addin-mock inside). */
import { readWorkbookGrids } from "../../../src/hosts/excel";
import { isPercentFormat } from "../../../src/hosts/excel/read";
import { readCountyForms } from "../../../src/sheets";
import type { SheetGrid } from "../../../src/sheets/grid";
import { FakeWorkbook, type SourceValue } from "./fakeExcel";

/** A small county: a primary sheet starting at B2 with a merged title, an error cell and gaps. */
function smallCounty(): FakeWorkbook {
  const book = new FakeWorkbook();
  const primary: SourceValue[][] = [
    ["某县2024年义务教育学校资源配置情况统计表", null, null, null],
    ["学校", "在校生数", "专任教师数", "生均面积"],
    ["城关一小", 1200, 80, { error: "#DIV/0!" }],
    ['=HYPERLINK("http://x","y")', "1,200", true, null],
    [null, null, null, null],
    ["合计", 2400, 160, 4.5],
  ];
  book.addSheet("小学", primary, { row: 1, col: 1 }, ["B2:E2"]);
  book.addSheet("初中", [
    ["学校", "在校生数"],
    ["城关中学", 900],
  ]);
  book.addSheet("空表", []);
  const old = book.addSheet("审计总览", [["上次审计"]]);
  book.mark(old.name, 1);
  return book;
}

describe("readWorkbookGrids", () => {
  test("builds the grids the sheet reader expects, skipping the audit's own sheets", async () => {
    const book = smallCounty();
    const { grids, ownedSheets } = await readWorkbookGrids(book.context());

    expect(ownedSheets).toEqual(["审计总览"]);
    expect(grids.map((g) => g.name)).toEqual(["小学", "初中", "空表"]);
    const [primary, junior, empty] = grids;
    expect(primary.origin).toEqual({ row: 1, col: 1 });
    expect(primary.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
    expect(primary.rows).toEqual([
      ["某县2024年义务教育学校资源配置情况统计表", null, null, null],
      ["学校", "在校生数", "专任教师数", "生均面积"],
      ["城关一小", 1200, 80, { error: "#DIV/0!" }],
      ['=HYPERLINK("http://x","y")', "1,200", true, null],
      [null, null, null, null],
      ["合计", 2400, 160, 4.5],
    ]);
    expect(junior).toEqual({
      name: "初中",
      rows: [
        ["学校", "在校生数"],
        ["城关中学", 900],
      ],
      merges: [],
      origin: { row: 0, col: 0 },
    });
    expect(empty).toEqual({ name: "空表", rows: [], merges: [], origin: { row: 0, col: 0 } });
  });

  test("issues the sheet list, the used ranges, then all values in one request, and writes nothing", async () => {
    const book = smallCounty();
    const context = book.context();
    const sync = jest.spyOn(context, "sync");
    await readWorkbookGrids(context);

    expect(sync).toHaveBeenCalledTimes(3);
    expect(book.reads.map((r) => [r.batch, r.sheet, r.address, r.props])).toEqual([
      [1, "", "worksheets", "items/name"],
      [1, "", "names", "items/name,items/formula"],
      [2, "小学", "B2:E7", "rowIndex,columnIndex,rowCount,columnCount"],
      [2, "初中", "A1:B2", "rowIndex,columnIndex,rowCount,columnCount"],
      [2, "空表", "(empty)", "rowIndex,columnIndex,rowCount,columnCount"],
      [3, "小学", "mergedAreas", "address"],
      [3, "小学", "visibleCells", "address"],
      [3, "小学", "B2:E7", "values,valueTypes,numberFormat"],
      [3, "初中", "mergedAreas", "address"],
      [3, "初中", "visibleCells", "address"],
      [3, "初中", "A1:B2", "values,valueTypes,numberFormat"],
    ]);
    // The owned sheet's used range is never even asked for.
    expect(book.reads.some((r) => r.sheet === "审计总览")).toBe(false);
    expect(book.writes).toEqual([]);
  });

  test("hidden and filtered-out rows are listed in hiddenRows, read in the same request whatever the row count", async () => {
    const book = smallCounty();
    book.sheet("小学").hiddenRows = [3, 5]; // worksheet rows 4 and 6: grid rows 2 and 4 (the sheet starts at B2)
    const context = book.context();
    const sync = jest.spyOn(context, "sync");
    const { grids } = await readWorkbookGrids(context);

    expect(grids[0].hiddenRows).toEqual([2, 4]);
    expect(grids[1].hiddenRows).toBeUndefined();
    expect(sync).toHaveBeenCalledTimes(3);
    const big = new FakeWorkbook();
    big.addSheet(
      "小学",
      Array.from({ length: 500 }, (_, r) => [`学校${r}`, r])
    );
    big.sheet("小学").hiddenRows = Array.from({ length: 250 }, (_, i) => i * 2);
    const bigContext = big.context();
    const bigSync = jest.spyOn(bigContext, "sync");
    const read = await readWorkbookGrids(bigContext);
    expect(read.grids[0].hiddenRows).toHaveLength(250);
    expect(bigSync).toHaveBeenCalledTimes(3);
  });

  test("large sheets are read in row bands, requests stay under the cell budget, the grid is whole", async () => {
    const book = new FakeWorkbook();
    const rows: SourceValue[][] = Array.from({ length: 95 }, (_, r) =>
      Array.from({ length: 8 }, (_, c) => r * 100 + c)
    );
    book.addSheet("小学", rows);
    book.addSheet("初中", rows.slice(0, 30));
    const context = book.context();
    const sync = jest.spyOn(context, "sync");
    const { grids } = await readWorkbookGrids(context, { maxCellsPerRequest: 200 });

    expect(grids[0].rows).toEqual(rows);
    expect(grids[1].rows).toEqual(rows.slice(0, 30));
    const valueReads = book.reads.filter((r) => r.props === "values,valueTypes,numberFormat");
    const cellsPerRequest = new Map<number, number>();
    for (const read of valueReads) {
      const [from, to] = read.address.split(":");
      const rowsIn = Number(to.replace(/\D/g, "")) - Number(from.replace(/\D/g, "")) + 1;
      expect(rowsIn).toBeLessThanOrEqual(25); // 200 cells / 8 columns
      cellsPerRequest.set(read.batch, (cellsPerRequest.get(read.batch) ?? 0) + rowsIn * 8);
    }
    expect([...cellsPerRequest.values()].every((n) => n <= 200)).toBe(true);
    // Bands of 25 rows: 小学 25+25+25+20, 初中 25+5. In order, at most 200 cells a request:
    // [25] [25] [25] [20] [25] [5] — the 20-row tail and the next band do not fit together.
    expect([...cellsPerRequest.values()]).toEqual([200, 200, 200, 160, 200, 40]);
    expect(sync).toHaveBeenCalledTimes(2 + 6);
  });

  test("a workbook of audit sheets only gives no grids", async () => {
    const book = new FakeWorkbook();
    book.addSheet("审计总览", [["x"]]);
    book.mark("审计总览", 4);
    const context = book.context();
    const sync = jest.spyOn(context, "sync");
    expect(await readWorkbookGrids(context)).toEqual({ grids: [], ownedSheets: ["审计总览"] });
    expect(sync).toHaveBeenCalledTimes(3);
  });

  test("a %-formatted rate in the county form reads as the file readers read it (percentCells, 填报比例)", async () => {
    const book = new FakeWorkbook();
    const rows: SourceValue[][] = [
      ["县域指标"],
      ["编号", "项目", "填报值"],
      ["G15-1", "符合条件的随迁子女数", null],
      ["G15-2", "在公办学校就读数", 0.961],
      ["G11-1", "符合交流轮岗条件的教师数", 1704],
      ["G11-2", "上一年度交流轮岗教师数", 0.1015],
      ["Q9-2", "语文校际差异率", 0.12],
      ["G12-2", "其中持有教师资格证上岗数", 1],
      ["G13-2", "其中就近划片入学数（小学）", 1],
    ];
    // The form starts at B3: percentCells are worksheet addresses, not grid positions.
    book.addSheet("县域指标", rows, { row: 2, col: 1 });
    book.format("县域指标", "D6", "0.0%");
    book.format("县域指标", "D8", '0.0"%"'); // a % in quotes is text, not a percent format
    book.format("县域指标", "D9", "0.00");
    book.format("县域指标", "C6", "0.0%"); // text in a %-formatted cell is no percent
    book.format("县域指标", "D10", "0%"); // 100%: only the format tells it from a count of 1
    const { grids } = await readWorkbookGrids(book.context());
    expect(grids[0].percentCells).toEqual(["D6", "D10"]);
    expect(
      book.reads.find((r) => r.sheet === "县域指标" && r.props.startsWith("values"))?.props
    ).toBe("values,valueTypes,numberFormat");

    // The same sheet as the file host reads it (ExcelJS: numFmt on the cell, whole-sheet grid).
    const fileGrid: SheetGrid = {
      name: "县域指标",
      rows: [[], [], ...rows.map((r) => [null, ...r])] as SheetGrid["rows"],
      merges: [],
      origin: { row: 0, col: 0 },
      percentCells: ["D6", "D10"],
    };
    const fromExcel = readCountyForms(grids);
    const fromFile = readCountyForms([fileGrid]);
    expect(fromExcel.forms[0].entries["G15-2"]).toMatchObject({
      value: 0.961,
      percent: true,
      cell: "D6",
    });
    expect(fromExcel.forms[0].entries).toEqual(fromFile.forms[0].entries);
    expect(fromExcel.diagnostics).toEqual(fromFile.diagnostics);
    // 1 formatted as 100% is the rate 100%; the same 1 unformatted is a count of 1.
    expect(fromExcel.forms[0].entries["G12-2"]).toMatchObject({ value: 1, percent: true });
    expect(fromExcel.forms[0].entries["G13-2"]).toMatchObject({ value: 1 });
    expect(fromExcel.forms[0].entries["G13-2"].percent).toBeUndefined();
  });

  test.each([
    ["0.0%", true],
    ["0%", true],
    ["[Red]0.00%", true],
    ["General", false],
    ['0"%"', false],
    ["0.00", false],
    [undefined, false],
  ])("isPercentFormat(%p) is %p", (format, expected) => {
    expect(isPercentFormat(format)).toBe(expected);
  });
});
