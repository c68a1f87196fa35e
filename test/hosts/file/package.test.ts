/**
 * The headless audit writes the input's package with parts added: every entry of a rich workbook
 * (chart, picture, shape, comment, named style, sheet-scoped names, protection, page breaks, x14
 * validation, print titles, custom properties, external link, VBA) comes back with the same
 * compressed bytes; the index parts keep every original element; LibreOffice recalculates every
 * formula, the user's scoped names included, to the value written; a re-run replaces only the
 * audit's own parts.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import {
  entryText,
  readStoredEntries,
  type StoredEntry,
} from "../../../src/hosts/file/package/zip-read";
import { readCellValue } from "../../../src/hosts/file";
import ExcelJS from "exceljs";
import { compareRecalculated } from "../../support/compare";
import { recalculateAll } from "../../support/libreoffice";
import { buildRichWorkbook, SCOPED_NAME_FIGURES } from "../../support/rich-workbook";
import { makeTempDir, removeTempDir } from "../../support/tmp";
import { missingElements } from "../../support/xml-elements";
import { runCli } from "../../support/cli";
import { writeBigWorkbook } from "../../../bench/big-sheetjs";

const INDEX_PARTS = [
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "[Content_Types].xml",
  "xl/styles.xml",
  "docProps/app.xml",
];
/**
 * What an index part's edit may change in an original element: list counts (count, app.xml's
 * vector size and group counts) and the workbook view's active tab (docs/package-writer.md).
 */
const MAY_CHANGE = ["count", "size", "text:vt:i4", "activeTab", "firstSheet"];
const AUDIT_SHEETS = [
  "审计总览",
  "学校达标",
  "差异系数",
  "问题清单",
  "表Ⅱ-1",
  "表Ⅱ-2",
  "表Ⅲ",
  "数据诊断",
];
/** The rich workbook's own sheets: the sample county's, then the chart sheet and a summary sheet. */
const USER_SHEETS = ["说明", "小学", "初中", "九年一贯制", "县域指标", "图表页", "汇总"];

const run = runCli;

async function entriesOf(file: string): Promise<Map<string, StoredEntry>> {
  return new Map((await readStoredEntries(readFileSync(file))).map((e) => [e.name, e]));
}

function textOf(entries: Map<string, StoredEntry>, name: string): string {
  return entryText(entries.get(name)!);
}

async function sheetNames(file: string): Promise<string[]> {
  const xml = textOf(await entriesOf(file), "xl/workbook.xml");
  return [...xml.matchAll(/<sheet\s[^>]*name="([^"]*)"/g)].map((m) => m[1]);
}

const suite = process.env.JH_SKIP_LIBREOFFICE === "1" ? describe.skip : describe;

suite("the audited workbook is the input's package with parts added", () => {
  let dir: string;
  const files = { xlsx: "", xlsm: "", xlsxOut: "", xlsmOut: "", rerun: "" };
  let recalculated: string[];

  beforeAll(async () => {
    dir = makeTempDir("package");
    files.xlsx = path.join(dir, "富内容.xlsx");
    files.xlsm = path.join(dir, "宏工作簿.xlsm");
    writeFileSync(files.xlsx, await buildRichWorkbook());
    writeFileSync(files.xlsm, await buildRichWorkbook({ macro: true }));
    for (const input of [files.xlsx, files.xlsm]) {
      const { code, err } = await run([input]);
      expect(err).toBe("");
      expect(code).toBe(0);
    }
    files.xlsxOut = path.join(dir, "富内容.audit.xlsx");
    files.xlsmOut = path.join(dir, "宏工作簿.audit.xlsm");
    files.rerun = path.join(dir, "再次审计.xlsx");
    const again = await run([files.xlsxOut, "--out", files.rerun]);
    expect(again.err).toBe("");
    expect(again.code).toBe(0);
    recalculated = await recalculateAll(
      [files.xlsxOut, files.rerun],
      path.join(dir, "recalculated")
    );
  }, 240_000);

  afterAll(() => removeTempDir(dir));

  it.each([
    ["xlsx", () => [files.xlsx, files.xlsxOut]],
    ["xlsm", () => [files.xlsm, files.xlsmOut]],
  ])(
    "copies every non-index entry of the %s input with the same compressed bytes",
    async (_kind, paths) => {
      const [input, output] = paths();
      const before = await entriesOf(input);
      const after = await entriesOf(output);
      const changed: string[] = [];
      for (const [name, entry] of before) {
        if (INDEX_PARTS.includes(name)) continue;
        const copy = after.get(name);
        if (
          !copy ||
          !copy.raw.equals(entry.raw) ||
          copy.crc32 !== entry.crc32 ||
          copy.method !== entry.method
        )
          changed.push(name);
      }
      expect(changed).toEqual([]);
      // The rich parts really were there to be kept.
      expect([...before.keys()]).toEqual(
        expect.arrayContaining([
          "xl/charts/chart1.xml",
          "xl/drawings/drawing1.xml",
          "xl/media/image1.png",
          "xl/comments1.xml",
          "xl/drawings/vmlDrawing1.vml",
          "xl/externalLinks/externalLink1.xml",
          "docProps/custom.xml",
          "xl/worksheets/sheet5.xml",
          "docProps/app.xml",
        ])
      );
    }
  );

  it.each([
    ["xlsx", () => [files.xlsx, files.xlsxOut]],
    ["xlsm", () => [files.xlsm, files.xlsmOut]],
  ])(
    "keeps every original element, attribute and namespace of each index part (%s)",
    async (_kind, paths) => {
      const [input, output] = paths();
      const before = await entriesOf(input);
      const after = await entriesOf(output);
      for (const part of INDEX_PARTS) {
        expect({
          part,
          missing: missingElements(textOf(before, part), textOf(after, part), MAY_CHANGE),
        }).toEqual({ part, missing: [] });
      }
    }
  );

  it("adds the audit sheets after the user's, each marked as owned, with the user's sheet-scoped names untouched", async () => {
    const names = await sheetNames(files.xlsxOut);
    expect(names.slice(0, USER_SHEETS.length)).toEqual(USER_SHEETS);
    const audit = names.slice(USER_SHEETS.length);
    expect(audit).toEqual(expect.arrayContaining(AUDIT_SHEETS));
    const workbook = textOf(await entriesOf(files.xlsxOut), "xl/workbook.xml");
    expect(workbook).toContain(
      `<definedName name="数据" localSheetId="${USER_SHEETS.indexOf("图表页")}">'图表页'!$B$1:$B$3</definedName>`
    );
    expect(workbook).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="1">'小学'!$3:$4</definedName>`
    );
    audit.forEach((name, i) =>
      expect(workbook).toContain(
        `<definedName name="JH_AUDIT_${i + 1}">'${name}'!$A$1</definedName>`
      )
    );
    // The audit's own print titles are scoped to the audit sheets, after every user sheet.
    const printTitles = [
      ...workbook.matchAll(/name="_xlnm\.Print_Titles" localSheetId="(\d+)"/g),
    ].map((m) => Number(m[1]));
    expect(printTitles.filter((i) => i >= USER_SHEETS.length).length).toBeGreaterThan(0);
  });

  it("an .xlsm stays macro-enabled with vbaProject.bin untouched, under an .xlsm name", async () => {
    const after = await entriesOf(files.xlsmOut);
    expect(textOf(after, "[Content_Types].xml")).toContain(
      "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    );
    expect(
      after
        .get("xl/vbaProject.bin")!
        .raw.equals((await entriesOf(files.xlsm)).get("xl/vbaProject.bin")!.raw)
    ).toBe(true);
    expect(textOf(after, "xl/_rels/workbook.xml.rels")).toContain('Target="vbaProject.bin"');
  });

  it("LibreOffice recalculates every formula to the value written, the user's scoped names included", async () => {
    expect(await compareRecalculated(files.xlsxOut, recalculated[0])).toEqual([]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(recalculated[0]);
    expect(readCellValue(workbook.getWorksheet("图表页")!.getCell("C1"))).toBe(
      SCOPED_NAME_FIGURES.chartSheetSum
    );
    expect(readCellValue(workbook.getWorksheet("汇总")!.getCell("A1"))).toBe(
      SCOPED_NAME_FIGURES.summarySheetSum
    );
  });

  it("a re-run replaces only the audit's own parts: the user's parts stay byte for byte", async () => {
    expect(await sheetNames(files.rerun)).toEqual(await sheetNames(files.xlsxOut));
    const first = await entriesOf(files.xlsxOut);
    const second = await entriesOf(files.rerun);
    const input = await entriesOf(files.xlsx);
    for (const [name, entry] of input) {
      if (INDEX_PARTS.includes(name)) continue;
      expect({ name, same: second.get(name)?.raw.equals(entry.raw) }).toEqual({ name, same: true });
    }
    const workbook = textOf(second, "xl/workbook.xml");
    expect((workbook.match(/name="JH_AUDIT_\d+"/g) ?? []).length).toBe(
      (await sheetNames(files.rerun)).length - USER_SHEETS.length
    );
    expect((workbook.match(/name="_xlnm.Print_Titles"/g) ?? []).length).toBe(
      (textOf(first, "xl/workbook.xml").match(/name="_xlnm.Print_Titles"/g) ?? []).length
    );
    expect(missingElements(textOf(input, "xl/workbook.xml"), workbook, MAY_CHANGE)).toEqual([]);
    const titles = textOf(second, "docProps/app.xml");
    expect(titles.match(/<vt:lpstr>审计总览<\/vt:lpstr>/g)).toHaveLength(1);
    expect(second.size).toBe(first.size);
    expect(await compareRecalculated(files.rerun, recalculated[1])).toEqual([]);
  });

  it("lists the audit sheets in docProps/app.xml after the user's, with the worksheet count following", async () => {
    const app = textOf(await entriesOf(files.xlsxOut), "docProps/app.xml");
    const titles = [...app.matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>/g)].map((m) => m[1]);
    const names = await sheetNames(files.xlsxOut);
    const audit = names.slice(USER_SHEETS.length);
    expect(titles.slice(-audit.length)).toEqual(audit);
    expect(app).toContain(`<vt:i4>${titles.length - 1}</vt:i4>`); // "Worksheets" is the group label
  });

  it("never opens grouped: a user's selected tab stays the one selected tab", async () => {
    const after = await entriesOf(files.xlsxOut);
    const selected = [...after.values()]
      .filter((e) => /^xl\/(worksheets|chartsheets)\/[^/]+\.xml$/.test(e.name))
      .filter((e) => /<sheetView\s[^>]*tabSelected="1"/.test(entryText(e)))
      .map((e) => e.name);
    expect(selected).toEqual(["xl/worksheets/sheet5.xml"]); // the rich workbook's own selection
  });

  it("writes no temporary file beside the outputs", () => {
    expect(existsSync(files.xlsxOut)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("the audited workbook opens on 审计总览", () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir("active-tab");
  });
  afterAll(() => removeTempDir(dir));

  it("when no user sheet is the selected tab, on every run", async () => {
    const input = path.join(dir, "全市.xlsx");
    writeBigWorkbook(input, 60); // SheetJS selects no tab
    const out = path.join(dir, "全市.audit.xlsx");
    const again = path.join(dir, "再次.xlsx");
    expect((await run([input, "--out", out, "--quiet"])).code).toBe(0);
    expect((await run([out, "--out", again, "--quiet"])).code).toBe(0);
    for (const file of [out, again]) {
      const entries = await entriesOf(file);
      const workbook = textOf(entries, "xl/workbook.xml");
      const names = await sheetNames(file);
      expect(workbook).toContain(`activeTab="${names.indexOf("审计总览")}"`);
      const selected = [...entries.values()]
        .filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name))
        .filter((e) => /<sheetView\s[^>]*tabSelected="1"/.test(entryText(e)));
      const relId = /<sheet name="审计总览" sheetId="\d+" r:id="([^"]+)"/.exec(workbook)![1];
      const target = new RegExp(`Id="${relId}"[^>]*Target="([^"]+)"`).exec(
        textOf(entries, "xl/_rels/workbook.xml.rels")
      )![1];
      expect(selected.map((e) => e.name)).toEqual([`xl/${target}`]);
    }
  }, 120_000);
});
