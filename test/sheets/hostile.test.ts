import { readSheets } from "../../src/sheets";
import type { CellValue, SheetGrid } from "../../src/sheets/grid";
import { grid } from "./helpers";

const HEADER: CellValue[] = ["学校名称", "在校生数", "网络多媒体教室数"];

describe("the reader never throws, whatever the grid", () => {
  it("reads a sheet of 1,048,576 rows (mostly empty) and finds its schools", () => {
    const rows: CellValue[][] = new Array(1_048_576);
    for (let i = 0; i < rows.length; i++) rows[i] = [];
    rows[0] = HEADER;
    rows[1] = ["城关小学", 1200, 30];
    rows[500_000] = ["远山小学", 300, 8];
    const result = readSheets([grid("小学", rows)]);
    expect(result.records.map((r) => [r.name, r.source!.row])).toEqual([
      ["城关小学", 2],
      ["远山小学", 500_001],
    ]);
    expect(result.tables[0].dataRows).toEqual([2, 500_001]);
  });

  it("reads a sheet with holes instead of rows", () => {
    const rows = new Array(200_000) as CellValue[][];
    rows[3] = HEADER;
    rows[4] = ["城关小学", 1200, 30];
    const result = readSheets([grid("小学", rows)]);
    expect(result.records.map((r) => r.source!.cells)).toEqual([
      { name: "A5", "pupils.primary": "B5", "facilities.multimediaRooms": "C5" },
    ]);
  });

  it("reads a sheet 16,384 columns wide", () => {
    const header: CellValue[] = new Array(16_384).fill("说明");
    header[0] = "学校名称";
    header[1] = "在校生数";
    header[2] = "网络多媒体教室数";
    const row: CellValue[] = new Array(16_384).fill(7);
    row[0] = "城关小学";
    const result = readSheets([
      grid("小学", [header, row, row.map((v, i) => (i === 0 ? "合计" : v))]),
    ]);
    expect(result.records).toHaveLength(1);
    expect(result.records[0].stages.primary!.pupils).toBe(7);
  });

  it("skips empty, all-text and all-error sheets with reasons", () => {
    const errors: CellValue[][] = Array.from({ length: 50 }, () =>
      Array.from({ length: 10 }, () => ({ error: "#REF!" }))
    );
    const words: CellValue[][] = Array.from({ length: 50 }, (_, i) =>
      Array.from({ length: 10 }, (_, j) => `文字${i}-${j}`)
    );
    const result = readSheets([
      grid("空", []),
      grid("空行", [[], [null, ""], ["  "]]),
      grid("错误", errors),
      grid("文字", words),
    ]);
    expect(result.records).toEqual([]);
    expect(result.skipped.map((s) => s.sheet)).toEqual(["空", "空行", "错误", "文字"]);
    expect(result.skipped[0].reason).toBe("工作表为空");
    expect(result.diagnostics.filter((d) => d.level === "error").map((d) => d.code)).toEqual([
      "sheets.no-school-table",
    ]);
  });

  it("reads a table whose figures are all error values, with one diagnostic a cell up to a cap", () => {
    const rows: CellValue[][] = [HEADER];
    for (let i = 0; i < 1000; i++) rows.push([`学校${i}小学`, { error: "#DIV/0!" }, "#N/A"]);
    const result = readSheets([grid("小学", rows)]);
    expect(result.records).toEqual([]);
    const invalid = result.diagnostics.filter((d) => d.code === "sheets.pupils-invalid");
    expect(invalid).toHaveLength(200);
    expect(invalid[0].cell).toBe("B2");
    const more = result.diagnostics.find((d) => d.code === "sheets.more-diagnostics")!;
    expect(more.message).toContain("800");
  });

  it("survives malformed grids: odd merges, origins, rows and values", () => {
    const odd = [
      {
        name: "怪",
        rows: [[{}, [], undefined, Symbol.iterator.toString(), Number.NaN, Infinity, -0]],
        merges: [
          { top: -1, left: 0, bottom: 5, right: 2 },
          { top: 3, left: 2, bottom: 1, right: 0 },
          null,
          { top: 0, left: 0, bottom: 1e12, right: 1e9 },
        ],
        origin: { row: -5, col: 1.5 },
      },
      { name: "非数组", rows: "abc", merges: "x" },
      { name: "行不是数组", rows: [null, 5, "x", { 0: "学校名称" }], merges: [] },
      null,
      undefined,
    ] as unknown as SheetGrid[];
    expect(() => readSheets(odd)).not.toThrow();
    expect(() => readSheets(null as unknown as SheetGrid[])).not.toThrow();
    expect(() =>
      readSheets([grid("小学", [HEADER, ["城关小学", 1, 1]])], {
        overrides: [null, { sheet: "小学", field: 5, column: "x" }] as never,
      })
    ).not.toThrow();
  });

  it("caps a hostile number of merges without slowing to a crawl", () => {
    const merges: [number, number, number, number][] = [];
    for (let i = 0; i < 100_000; i++) merges.push([0, 0, 1_000_000, 16_383]);
    const result = readSheets([grid("小学", [HEADER, ["城关小学", 1200, 30]], merges)]);
    expect(result.records.map((r) => r.name)).toEqual(["城关小学"]);
  });
});
