import { copyFileSync, readFileSync, symlinkSync, writeFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  readCellValue,
  readWorkbookFile,
  saveWorkbook,
  WorkbookFileError,
  writePlan,
} from "../../../src/hosts/file";
import { weightedSpread } from "../../../src/engine";
import { sampleCountySourcedRecords } from "../../../scripts/sample-workbook";
import { diffSheets } from "../../support/compare";
import { HOSTILE_STRINGS, handPlan } from "../../support/hand-plan";
import { makeTempDir, removeTempDir } from "../../support/tmp";
import { cellXml, partText, sheetPartPath } from "../../support/xlsx-parts";

const SAMPLE = path.resolve(__dirname, "../../../assets/sample-county.xlsx");
const SOURCE_SHEETS = ["说明", "小学", "初中", "九年一贯制", "县域指标"];
const primaryRecords = () => sampleCountySourcedRecords().filter((r) => r.kind === "primary");

let dir: string;
beforeAll(() => {
  dir = makeTempDir("write");
});
afterAll(() => removeTempDir(dir));

async function reopen(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function definedNames(wb: ExcelJS.Workbook): { name: string; ranges: string[] }[] {
  return (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
}

describe("writePlan into a copy of the sample county", () => {
  let output: string;
  let result: ReturnType<typeof writePlan>;

  beforeAll(async () => {
    const { workbook } = await readWorkbookFile(SAMPLE);
    result = writePlan(workbook, handPlan(primaryRecords()));
    output = path.join(dir, "audit.xlsx");
    await saveWorkbook(workbook, output);
  });

  it("adds the planned sheets after the user's, under their preferred names", async () => {
    expect(result.sheetNames).toEqual({ 审计总览: "审计总览", 学校明细: "学校明细" });
    expect(result.removedSheets).toEqual([]);
    expect((await reopen(output)).worksheets.map((ws) => ws.name)).toEqual([
      ...SOURCE_SHEETS,
      "审计总览",
      "学校明细",
    ]);
  });

  it("marks each audit sheet with a workbook-level name JH_AUDIT_<n> on its A1, which survives save and reload", async () => {
    const names = definedNames(await reopen(output)).filter((n) => n.name.startsWith("JH_AUDIT_"));
    expect(names).toEqual([
      { name: "JH_AUDIT_1", ranges: ["'审计总览'!$A$1"] },
      { name: "JH_AUDIT_2", ranges: ["'学校明细'!$A$1"] },
    ]);
    const workbookXml = await partText(output, "xl/workbook.xml");
    expect(workbookXml).toContain(
      '<definedName name="JH_AUDIT_1">&apos;审计总览&apos;!$A$1</definedName>'
    );
    expect(workbookXml).not.toMatch(/JH_AUDIT_1"[^>]*localSheetId/); // workbook-level, not sheet-local
  });

  it("never reads its own sheets back as data", async () => {
    const again = await readWorkbookFile(output);
    expect(again.grids.map((g) => g.name)).toEqual(SOURCE_SHEETS);
    expect(again.ownedSheets).toEqual(["审计总览", "学校明细"]);
    expect(again.warnings).toEqual([]);
  });

  it("leaves the source sheets cell-for-cell as they were", async () => {
    expect(await diffSheets(SAMPLE, output, SOURCE_SHEETS)).toEqual([]);
  });

  it("writes formulas with their computed values as cached results", async () => {
    const ws = (await reopen(output)).getWorksheet("审计总览")!;
    const records = primaryRecords();
    expect(ws.getCell("A4").formula).toBe("'小学'!B5");
    expect(readCellValue(ws.getCell("A4"))).toBe(records[0].name);
    expect(readCellValue(ws.getCell("B4"))).toBe(records[0].stages.primary!.pupils);
    expect(ws.getCell("E4").formula).toBe('IF(D4>=4.2,"达标","未达标")');
    expect(readCellValue(ws.getCell("E4"))).toBe("达标");
    expect(ws.getCell("B9").formula).toContain("SUMPRODUCT(");
    // The weighted CV of L1 over the sheet's 21 campuses, as the engine computes it.
    const spread = weightedSpread(
      records.map(
        (r) => (r.stages.primary!.teachers!.aboveDegree! * 100) / r.stages.primary!.pupils!
      ),
      records.map((r) => r.stages.primary!.pupils!)
    )!;
    expect(readCellValue(ws.getCell("B8"))).toBeCloseTo(spread.mean, 12);
    expect(readCellValue(ws.getCell("B9"))).toBeCloseTo(spread.cv!, 12);
  });

  it("writes strings that look like formulas as text, never as formulas", async () => {
    const xml = await partText(output, await sheetPartPath(output, "审计总览"));
    HOSTILE_STRINGS.forEach((_s, i) => {
      const cell = cellXml(xml, `${String.fromCharCode(65 + i)}10`)!;
      expect(cell).toMatch(/t="s"/); // a shared string
      expect(cell).not.toContain("<f>");
    });
    const ws = (await reopen(output)).getWorksheet("审计总览")!;
    expect(HOSTILE_STRINGS.map((_s, i) => ws.getCell(10, i + 1).value)).toEqual(HOSTILE_STRINGS);
    expect(ws.getCell("A10").type).toBe(ExcelJS.ValueType.String);
  });

  it("maps styles: header fill, verdict colours, number formats", async () => {
    const ws = (await reopen(output)).getWorksheet("审计总览")!;
    expect(ws.getCell("A3").font?.bold).toBe(true);
    expect((ws.getCell("A3").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFDDEBF7");
    expect((ws.getCell("E4").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFC6EFCE"); // pass: green
    expect(ws.getCell("D4").numFmt).toBe("0.00");
    expect(ws.getCell("B9").numFmt).toBe("0.000");
    expect(ws.getCell("B12").numFmt).toBe("0.0%");
    expect(ws.getCell("A12").value).toBe(true);
  });

  it("writes merges, column widths, frozen panes and page setup", async () => {
    const ws = (await reopen(output)).getWorksheet("审计总览")!;
    expect(ws.getCell("B1").isMerged).toBe(true);
    expect(ws.getCell("B1").master.address).toBe("A1");
    expect(ws.getColumn(1).width).toBe(28);
    expect(ws.getColumn(6).hidden).toBe(true);
    expect(ws.getColumn(5).hidden).toBe(false);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 3 });
    expect(ws.pageSetup).toMatchObject({
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "3:3",
    });
  });

  it("writes conditional formats in plan order (first rule wins) and the data bar", async () => {
    const xml = await partText(output, await sheetPartPath(output, "审计总览"));
    const rules = [
      ...xml.matchAll(
        /<cfRule type="expression"[^>]*priority="(\d+)"[^>]*>\s*<formula>([^<]*)<\/formula>/g
      ),
    ].map((m) => [Number(m[1]), m[2]]);
    expect(rules).toEqual([
      [1, "D4&lt;4.2*0.85"],
      [2, "D4&lt;4.2"],
      [3, "D4&gt;=4.2"],
    ]);
    expect(xml).toMatch(/<conditionalFormatting sqref="B4:B6">\s*<cfRule type="dataBar"/);
    expect(xml).toContain('rgb="FF638EC6"');
  });

  it("writes internal links as locations in the workbook, without an external relationship", async () => {
    const xml = await partText(output, await sheetPartPath(output, "审计总览"));
    const links = [...xml.matchAll(/<hyperlink\b[^>]*\/>/g)].map((m) => m[0]);
    expect(links).toContain('<hyperlink ref="F4" location="&apos;小学&apos;!B5"/>');
    expect(links.every((l) => !l.includes("r:id"))).toBe(true);
  });

  it("opens on the summary sheet with no other tab selected", async () => {
    const wb = await reopen(output);
    expect(wb.views[0].activeTab).toBe(SOURCE_SHEETS.length);
    const selected: string[] = [];
    for (const ws of wb.worksheets) {
      if (
        (await partText(output, await sheetPartPath(output, ws.name))).includes('tabSelected="1"')
      )
        selected.push(ws.name);
    }
    expect(selected).toEqual(["审计总览"]);
  });
});

describe("a user's sheet with an audit sheet's name, and re-runs", () => {
  let input: string;
  let first: string;
  let firstResult: ReturnType<typeof writePlan>;

  beforeAll(async () => {
    // The bureau's own sheets called 审计总览 and 学校明细: never touched, never replaced.
    const wb = await reopen(SAMPLE);
    wb.addWorksheet("审计总览").getCell("A1").value = "局里自己的总览";
    wb.addWorksheet("学校明细").getCell("A1").value = "局里自己的明细";
    input = path.join(dir, "with-user-sheets.xlsx");
    await wb.xlsx.writeFile(input);
    const { workbook } = await readWorkbookFile(input);
    firstResult = writePlan(workbook, handPlan(primaryRecords()));
    first = path.join(dir, "with-user-sheets-audit.xlsx");
    await saveWorkbook(workbook, first);
  });

  it("picks other names and rewrites the plan's formulas and links to them", async () => {
    expect(firstResult.sheetNames).toEqual({ 审计总览: "审计总览 (2)", 学校明细: "学校明细 (2)" });
    const ws = (await reopen(first)).getWorksheet("审计总览 (2)")!;
    expect(ws.getCell("B11").formula).toBe("'学校明细 (2)'!A2");
    const xml = await partText(first, await sheetPartPath(first, "审计总览 (2)"));
    expect(xml).toContain('<hyperlink ref="C11" location="&apos;学校明细 (2)&apos;!A1"/>');
    expect(await diffSheets(input, first, [...SOURCE_SHEETS, "审计总览", "学校明细"])).toEqual([]);
  });

  it("a second run replaces only its own sheets and keeps the user's 审计总览", async () => {
    const { workbook, ownedSheets } = await readWorkbookFile(first);
    expect(ownedSheets).toEqual(["审计总览 (2)", "学校明细 (2)"]);
    const second = writePlan(workbook, handPlan(primaryRecords()));
    expect(second.removedSheets).toEqual(["审计总览 (2)", "学校明细 (2)"]);
    expect(second.sheetNames).toEqual({ 审计总览: "审计总览 (2)", 学校明细: "学校明细 (2)" });
    const out = path.join(dir, "second-run.xlsx");
    await saveWorkbook(workbook, out);
    const wb = await reopen(out);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([
      ...SOURCE_SHEETS,
      "审计总览",
      "学校明细",
      "审计总览 (2)",
      "学校明细 (2)",
    ]);
    expect(wb.getWorksheet("审计总览")!.getCell("A1").value).toBe("局里自己的总览");
    expect(
      definedNames(wb)
        .filter((n) => n.name.startsWith("JH_AUDIT_"))
        .map((n) => n.ranges[0])
    ).toEqual(["'审计总览 (2)'!$A$1", "'学校明细 (2)'!$A$1"]);
    expect(await diffSheets(input, out, [...SOURCE_SHEETS, "审计总览", "学校明细"])).toEqual([]);
  });

  it("recognises its sheet after the user renamed it in Excel (the name follows the sheet)", async () => {
    // Excel renames the sheet and updates the defined name's reference with it.
    const zip = await JSZip.loadAsync(readFileSync(first));
    const xml = (await zip.file("xl/workbook.xml")!.async("string")).replace(
      /审计总览 \(2\)/g,
      "我的审计"
    );
    zip.file("xl/workbook.xml", xml);
    const renamed = path.join(dir, "renamed.xlsx");
    writeFileSync(renamed, await zip.generateAsync({ type: "nodebuffer" }));
    const { workbook, ownedSheets, grids } = await readWorkbookFile(renamed);
    expect(ownedSheets).toEqual(["我的审计", "学校明细 (2)"]);
    expect(grids.map((g) => g.name)).not.toContain("我的审计");
    const run = writePlan(workbook, handPlan(primaryRecords()));
    expect(run.removedSheets).toEqual(["我的审计", "学校明细 (2)"]);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      ...SOURCE_SHEETS,
      "审计总览",
      "学校明细",
      "审计总览 (2)",
      "学校明细 (2)",
    ]);
  });
});

describe("an empty plan", () => {
  it("removes an earlier audit's sheets and markers and adds nothing", async () => {
    const { workbook } = await readWorkbookFile(SAMPLE);
    writePlan(workbook, handPlan(primaryRecords()));
    const out = path.join(dir, "to-clear.xlsx");
    await saveWorkbook(workbook, out);
    const again = await readWorkbookFile(out);
    const cleared = writePlan(again.workbook, { sheets: [], activate: "summary" });
    expect(cleared).toEqual({ sheetNames: {}, removedSheets: ["审计总览", "学校明细"] });
    expect(again.workbook.worksheets.map((ws) => ws.name)).toEqual(SOURCE_SHEETS);
    expect(definedNames(again.workbook).filter((n) => n.name.startsWith("JH_AUDIT_"))).toEqual([]);
  });
});

describe("the tab a workbook opens on", () => {
  it("deselects the user's selected tab so the two never open grouped, and leaves other sheets' views alone", async () => {
    const wb = await reopen(SAMPLE);
    const primary = wb.getWorksheet("小学")!;
    primary.views = [
      { ...primary.views[0], tabSelected: true } as unknown as Partial<ExcelJS.WorksheetView>,
    ];
    const input = path.join(dir, "selected-tab.xlsx");
    await wb.xlsx.writeFile(input);
    const { workbook } = await readWorkbookFile(input);
    const juniorViews = JSON.stringify(workbook.getWorksheet("初中")!.views);
    writePlan(workbook, handPlan(primaryRecords()));
    const out = path.join(dir, "selected-tab-audit.xlsx");
    await saveWorkbook(workbook, out);
    const selected: string[] = [];
    for (const name of [...SOURCE_SHEETS, "审计总览", "学校明细"]) {
      if ((await partText(out, await sheetPartPath(out, name))).includes('tabSelected="1"'))
        selected.push(name);
    }
    expect(selected).toEqual(["审计总览"]);
    expect(JSON.stringify(workbook.getWorksheet("初中")!.views)).toBe(juniorViews);
    const frozen = (await reopen(out)).getWorksheet("小学")!.views[0];
    expect(frozen).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 4 }); // the rest of the view kept
  });
});

describe("saveWorkbook never overwrites the input", () => {
  it("refuses the input path, also through a symbolic link, and leaves the file as it was", async () => {
    const input = path.join(dir, "原表.xlsx");
    copyFileSync(SAMPLE, input);
    const before = readFileSync(input);
    const { workbook } = await readWorkbookFile(input);
    writePlan(workbook, handPlan(primaryRecords()));
    await expect(saveWorkbook(workbook, input)).rejects.toMatchObject({
      code: "same-path",
      message: expect.stringContaining("不能覆盖原工作簿「原表.xlsx」"),
    });
    const link = path.join(dir, "链接.xlsx");
    symlinkSync(input, link);
    await expect(saveWorkbook(workbook, link)).rejects.toBeInstanceOf(WorkbookFileError);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it("says in Chinese when the folder does not exist", async () => {
    const { workbook } = await readWorkbookFile(SAMPLE);
    await expect(
      saveWorkbook(workbook, path.join(dir, "没有的文件夹", "审计.xlsx"))
    ).rejects.toMatchObject({
      code: "write-failed",
      message: expect.stringContaining("无法保存文件"),
    });
  });
});

describe("writePlan: values that XML or Excel cannot hold", () => {
  it("writes a non-finite number as #NUM! and drops control characters from text", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("小学");
    writePlan(wb, {
      activate: "summary",
      sheets: [
        {
          kind: "summary",
          name: "审计总览",
          rows: [
            {
              row: 0,
              cells: [
                { value: Number.NaN },
                { value: "实验\u0001小学\u0007" },
                { value: 0, formula: "=1-1" },
              ],
            },
            { row: 1, cells: [{ value: HOSTILE_STRINGS[0], link: "'小学'!A1" }] },
          ],
          merges: [],
          columnWidths: [],
          conditionalFormats: [],
          dataBars: [],
          page: { landscape: false, fitToWidth: false },
        },
      ],
    });
    const out = path.join(dir, "odd-values.xlsx");
    await saveWorkbook(wb, out);
    const ws = (await reopen(out)).getWorksheet("审计总览")!;
    expect(ws.getCell("A1").value).toEqual({ error: "#NUM!" });
    expect(ws.getCell("B1").value).toBe("实验小学");
    expect(ws.getCell("C1").formula).toBe("1-1"); // the leading "=" is not part of the stored formula
    expect(readCellValue(ws.getCell("C1"))).toBe(0); // a cached 0 is kept
    // A link whose text looks like a formula: still text, still an internal link.
    const xml = await partText(out, await sheetPartPath(out, "审计总览"));
    expect(cellXml(xml, "A2")).toMatch(/t="s"/);
    expect(cellXml(xml, "A2")).not.toContain("<f>");
    expect(xml).toContain('<hyperlink ref="A2" location="&apos;小学&apos;!A1"/>');
    expect(readCellValue(ws.getCell("A2"))).toBe(HOSTILE_STRINGS[0]);
  });
});
