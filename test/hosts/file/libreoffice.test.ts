import * as path from "path";
import ExcelJS from "exceljs";
import { readCellValue, readWorkbookFile, saveWorkbook, writePlan } from "../../../src/hosts/file";
import { sampleCountySourcedRecords } from "../../../scripts/sample-workbook";
import { compareRecalculated, diffSheets } from "../../support/compare";
import { HOSTILE_STRINGS, handPlan } from "../../support/hand-plan";
import { recalculateAll } from "../../support/libreoffice";
import { makeTempDir, removeTempDir } from "../../support/tmp";
import { partText, sheetPartPath } from "../../support/xlsx-parts";

/**
 * The file host against a real spreadsheet: LibreOffice (headless, always recalculating) opens
 * what writePlan wrote and computes every formula itself. One soffice run for the whole file.
 */

const SAMPLE = path.resolve(__dirname, "../../../assets/sample-county.xlsx");
const SOURCE_SHEETS = ["说明", "小学", "初中", "九年一贯制", "县域指标"];
const primaryRecords = () => sampleCountySourcedRecords().filter((r) => r.kind === "primary");

async function reopen(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** CI without LibreOffice can opt out explicitly; by default a missing soffice fails loudly. */
const suite = process.env.JH_SKIP_LIBREOFFICE === "1" ? describe.skip : describe;

suite("file host with LibreOffice", () => {
  let dir: string;
  const files = { wrong: "", audit: "", userInput: "", secondRun: "" };
  const recalculated = { wrong: "", audit: "", secondRun: "" };

  beforeAll(async () => {
    dir = makeTempDir("lo");
    // 1. A formula whose cached result is deliberately wrong: 1+1 cached as 5.
    const wrong = new ExcelJS.Workbook();
    const ws = wrong.addWorksheet("检验");
    ws.getCell("A1").value = { formula: "1+1", result: 5 } as ExcelJS.CellFormulaValue;
    ws.getCell("A2").value = { formula: "A1*10", result: 50 } as ExcelJS.CellFormulaValue;
    files.wrong = path.join(dir, "wrong-cache.xlsx");
    await wrong.xlsx.writeFile(files.wrong);

    // 2. The hand-built plan written into a copy of the sample county.
    const { workbook } = await readWorkbookFile(SAMPLE);
    writePlan(workbook, handPlan(primaryRecords()));
    files.audit = path.join(dir, "audit.xlsx");
    await saveWorkbook(workbook, files.audit);

    // 3. A workbook with the user's own 审计总览, audited twice.
    const user = await reopen(SAMPLE);
    user.addWorksheet("审计总览").getCell("A1").value = "局里自己的总览";
    files.userInput = path.join(dir, "user.xlsx");
    await user.xlsx.writeFile(files.userInput);
    const firstRun = await readWorkbookFile(files.userInput);
    writePlan(firstRun.workbook, handPlan(primaryRecords()));
    const firstPath = path.join(dir, "user-first.xlsx");
    await saveWorkbook(firstRun.workbook, firstPath);
    const secondRun = await readWorkbookFile(firstPath);
    writePlan(secondRun.workbook, handPlan(primaryRecords()));
    files.secondRun = path.join(dir, "user-second.xlsx");
    await saveWorkbook(secondRun.workbook, files.secondRun);

    [recalculated.wrong, recalculated.audit, recalculated.secondRun] = await recalculateAll(
      [files.wrong, files.audit, files.secondRun],
      path.join(dir, "recalculated")
    );
  });

  afterAll(() => removeTempDir(dir));

  describe("LibreOffice recalculation", () => {
    it("recomputes formulas instead of keeping cached results (1+1 cached as 5 reads 2)", async () => {
      const ws = (await reopen(recalculated.wrong)).getWorksheet("检验")!;
      expect(readCellValue(ws.getCell("A1"))).toBe(2);
      expect(readCellValue(ws.getCell("A2"))).toBe(20);
    });

    it("compareRecalculated reports the wrong cached results, with cell and values", async () => {
      expect(await compareRecalculated(files.wrong, recalculated.wrong)).toEqual([
        { sheet: "检验", cell: "A1", formula: "1+1", written: 5, recalculated: 2 },
        { sheet: "检验", cell: "A2", formula: "A1*10", written: 50, recalculated: 20 },
      ]);
    });
  });

  describe("a plan written by the file host, recalculated by LibreOffice", () => {
    it("every formula's recalculated value equals the value written with it (the sample's own 合计 rows too)", async () => {
      expect(await compareRecalculated(files.audit, recalculated.audit)).toEqual([]);
    });

    it("the comparison covered the plan's formulas: references, SUMPRODUCT, IF, cross-sheet", async () => {
      const ws = (await reopen(recalculated.audit)).getWorksheet("审计总览")!;
      expect(ws.getCell("B9").formula).toContain("SUMPRODUCT");
      expect(readCellValue(ws.getCell("E4"))).toBe("达标");
      expect(readCellValue(ws.getCell("B11"))).toBe(primaryRecords()[0].name);
      expect(readCellValue(ws.getCell("B9"))).toBeGreaterThan(0);
    });

    it("leaves the source sheets cell-for-cell unchanged", async () => {
      expect(await diffSheets(SAMPLE, files.audit, SOURCE_SHEETS)).toEqual([]);
    });

    it("hostile strings are still text after LibreOffice opened and saved the file", async () => {
      const ws = (await reopen(recalculated.audit)).getWorksheet("审计总览")!;
      expect(HOSTILE_STRINGS.map((_s, i) => ws.getCell(10, i + 1).value)).toEqual(HOSTILE_STRINGS);
      expect(HOSTILE_STRINGS.map((_s, i) => ws.getCell(10, i + 1).formula)).toEqual(
        HOSTILE_STRINGS.map(() => undefined)
      );
    });

    it("the ownership names, internal links and conditional formats survive LibreOffice", async () => {
      const read = await readWorkbookFile(recalculated.audit);
      expect(read.ownedSheets).toEqual(["审计总览", "学校明细"]);
      expect(read.grids.map((g) => g.name)).toEqual(SOURCE_SHEETS);
      const xml = await partText(
        recalculated.audit,
        await sheetPartPath(recalculated.audit, "审计总览")
      );
      expect(xml).toMatch(/<hyperlink ref="F4"[^>]*location="&apos;小学&apos;!B5"/);
      expect((xml.match(/<cfRule[^>]*type="expression"/g) ?? []).length).toBe(3);
    });

    it("a second run replaced only its own sheets, kept the user's 审计总览, and still recalculates right", async () => {
      const wb = await reopen(recalculated.secondRun);
      expect(wb.worksheets.map((w) => w.name)).toEqual([
        ...SOURCE_SHEETS,
        "审计总览",
        "审计总览 (2)",
        "学校明细",
      ]);
      expect(wb.getWorksheet("审计总览")!.getCell("A1").value).toBe("局里自己的总览");
      expect(await compareRecalculated(files.secondRun, recalculated.secondRun)).toEqual([]);
      expect(
        await diffSheets(files.userInput, files.secondRun, [...SOURCE_SHEETS, "审计总览"])
      ).toEqual([]);
    });
  });
});
