/**
 * The streaming reader gives the grids the ExcelJS reader gave (values, merges, origin) on the
 * bundled sample, the messy fixture and the rich workbook; it records hidden rows, refuses a zip
 * bomb at the default limits before inflating it, and says which limit to raise and how.
 */
import { readdirSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import {
  DEFAULT_LIMITS,
  limitsFromEnv,
  readWorkbookFile,
  readWorkbookStreamed,
} from "../../../src/hosts/file";
import { buildRichWorkbook } from "../../support/rich-workbook";
import { oneSheetWorkbook } from "../../support/oneSheetWorkbook";
import { makeTempDir, removeTempDir } from "../../support/tmp";
import { runCli } from "../../support/cli";

const SAMPLE = path.resolve(__dirname, "../../../assets/sample-county.xlsx");
const MESSY = path.resolve(__dirname, "../../fixtures/messy-county.xlsx");

const run = runCli;

const SHEET_HEAD =
  '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = "</sheetData></worksheet>";

describe("streaming reader", () => {
  let dir: string;

  beforeAll(() => {
    dir = makeTempDir("stream");
  });

  afterAll(() => removeTempDir(dir));

  it.each([
    ["the sample county", async () => SAMPLE],
    ["the messy county", async () => MESSY],
    [
      "the rich workbook",
      async () => {
        const file = path.join(dir, "rich.xlsx");
        writeFileSync(file, await buildRichWorkbook());
        return file;
      },
    ],
  ])("gives the grids the ExcelJS reader gave (%s)", async (_name, file) => {
    const input = await file();
    const streamed = await readWorkbookStreamed(input);
    const loaded = await readWorkbookFile(input);
    expect(streamed.grids.map((g) => g.name)).toEqual(loaded.grids.map((g) => g.name));
    streamed.grids.forEach((grid, i) => {
      const { hiddenRows: _hidden, ...rest } = grid;
      expect({
        ...rest,
        merges: [...rest.merges].sort((a, b) => a.top - b.top || a.left - b.left),
      }).toEqual({
        ...loaded.grids[i],
        merges: [...loaded.grids[i].merges].sort((a, b) => a.top - b.top || a.left - b.left),
      });
    });
  });

  it("reads cached values of every cell type, dates as ISO text, and the hidden rows", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("小学");
    ws.getCell("A1").value = "学校";
    ws.getCell("B1").value = { formula: "1+1", result: 0 } as ExcelJS.CellFormulaValue;
    ws.getCell("C1").value = { formula: '"文"', result: "文" } as ExcelJS.CellFormulaValue;
    ws.getCell("D1").value = true;
    ws.getCell("E1").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
    ws.getCell("F1").value = new Date(Date.UTC(2023, 8, 1));
    ws.getCell("A3").value = 12.5;
    ws.getRow(2).hidden = true;
    ws.getCell("A2").value = "隐藏";
    ws.getRow(3).hidden = true;
    const file = path.join(dir, "types.xlsx");
    await workbook.xlsx.writeFile(file);
    const [grid] = (await readWorkbookStreamed(file)).grids;
    expect(grid.rows).toEqual([
      ["学校", 0, "文", true, { error: "#DIV/0!" }, "2023-09-01"],
      ["隐藏"],
      [12.5],
    ]);
    expect(grid.hiddenRows).toEqual([1, 2]);
  });

  it("refuses a zip bomb at the default limits before inflating it: exit 2, which limit and how to raise it, nothing written", async () => {
    const row =
      '<row><c t="inlineStr"><is><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></is></c></row>';
    const bomb = path.join(dir, "炸弹.xlsx");
    writeFileSync(bomb, await oneSheetWorkbook(SHEET_HEAD + row.repeat(300_000) + SHEET_TAIL)); // ~27 MB inflating from ~50 KB
    expect(readFileSync(bomb).length).toBeLessThan(
      DEFAULT_LIMITS.ratioFloorBytes / DEFAULT_LIMITS.maxRatio
    );
    const before = readdirSync(dir).sort();
    const { code, out, err } = await run([bomb]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain(
      "部件「xl/worksheets/sheet1.xml」超过读取上限：解压后与压缩后的大小之比超过 150 倍"
    );
    expect(err).toContain("JH_MAX_RATIO");
    expect(err).not.toMatch(/\bat .*\.ts:\d+/);
    expect(readdirSync(dir).sort()).toEqual(before);
  }, 60_000); // building the 27 MB part takes seconds on a loaded machine

  it("holds parts, rows and cells to the limits given, naming the sheet", async () => {
    const rows = Array.from(
      { length: 50 },
      (_v, i) =>
        `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}"><v>${i}</v></c></row>`
    ).join("");
    const file = path.join(dir, "行多.xlsx");
    writeFileSync(file, await oneSheetWorkbook(SHEET_HEAD + rows + SHEET_TAIL));
    await expect(
      readWorkbookStreamed(file, { ...DEFAULT_LIMITS, maxRows: 40 })
    ).rejects.toMatchObject({
      code: "limit",
      message: expect.stringContaining(
        "工作表「小学」超过读取上限：行数超过 40 行。若文件可信，可设置环境变量 JH_MAX_ROWS"
      ),
    });
    await expect(
      readWorkbookStreamed(file, { ...DEFAULT_LIMITS, maxCells: 99 })
    ).rejects.toMatchObject({
      code: "limit",
      message: expect.stringContaining("有值的单元格超过 99 个单元格"),
    });
    await expect(
      readWorkbookStreamed(file, { ...DEFAULT_LIMITS, maxPartBytes: 1000 })
    ).rejects.toMatchObject({ code: "limit", message: expect.stringContaining("JH_MAX_PART_MB") });
    expect(
      (await readWorkbookStreamed(file, { ...DEFAULT_LIMITS, maxRows: 50, maxCells: 100 })).grids[0]
        .rows
    ).toHaveLength(50);
  });

  it("takes raised limits from the environment", () => {
    expect(
      limitsFromEnv({ JH_MAX_ROWS: "8000000", JH_MAX_PART_MB: "2048", JH_MAX_RATIO: "abc" })
    ).toEqual({ ...DEFAULT_LIMITS, maxRows: 8_000_000, maxPartBytes: 2048 * 1024 * 1024 });
  });

  it("refuses a sheet with a DOCTYPE (external entities) without expanding it", async () => {
    const file = path.join(dir, "实体.xlsx");
    writeFileSync(
      file,
      await oneSheetWorkbook(
        '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData></worksheet>'
      )
    );
    await expect(readWorkbookStreamed(file)).rejects.toMatchObject({
      code: "unsafe-xml",
      message: expect.stringContaining("DOCTYPE"),
    });
  });
});
