import * as path from "path";
import ExcelJS from "exceljs";
import { diffSheets, sameCellValue } from "../../support/compare";
import { makeTempDir, removeTempDir } from "../../support/tmp";

let dir: string;
beforeAll(() => {
  dir = makeTempDir("compare");
});
afterAll(() => removeTempDir(dir));

async function workbookFile(name: string, edit: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("小学");
  ws.getCell("A1").value = "学校";
  ws.getCell("B2").value = 1200;
  ws.getCell("C2").value = { formula: "B2*2", result: 2400 } as ExcelJS.CellFormulaValue;
  ws.getColumn(1).width = 20;
  edit(ws);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe("diffSheets (the helper that proves source sheets are untouched)", () => {
  it("finds no difference between equal sheets", async () => {
    const a = await workbookFile("a.xlsx", () => undefined);
    const b = await workbookFile("b.xlsx", () => undefined);
    expect(await diffSheets(a, b, ["小学"])).toEqual([]);
  });

  it("reports a changed value, formula, format, merge, column width and a missing sheet", async () => {
    const a = await workbookFile("c.xlsx", () => undefined);
    const b = await workbookFile("d.xlsx", (ws) => {
      ws.getCell("B2").value = 1201;
      ws.getCell("C2").value = { formula: "B2+B2", result: 2400 } as ExcelJS.CellFormulaValue;
      ws.getCell("A1").font = { bold: true };
      ws.mergeCells("A3:B3");
      ws.getCell("D5").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } }; // an empty cell
      ws.getColumn(1).width = 30;
    });
    const cells = (await diffSheets(a, b, ["小学", "初中"])).map((d) => `${d.sheet}:${d.cell}`);
    expect(cells).toEqual([
      "小学:B2",
      "小学:C2",
      "小学:A1 (format)",
      "小学:D5 (format)",
      "小学:(column widths)",
      "小学:(merges)",
      "初中:",
    ]);
  });
});

describe("sameCellValue", () => {
  it("compares numbers with a relative tolerance, errors by code, empty text as empty", () => {
    expect(sameCellValue(0.1 + 0.2, 0.3)).toBe(true);
    expect(sameCellValue(2, 2.0001)).toBe(false);
    expect(sameCellValue({ error: "#DIV/0!" }, { error: "#DIV/0!" })).toBe(true);
    expect(sameCellValue({ error: "#DIV/0!" }, 0)).toBe(false);
    expect(sameCellValue("", null)).toBe(true);
    expect(sameCellValue("2", 2)).toBe(false);
  });
});
