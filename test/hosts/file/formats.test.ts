/**
 * Every file staff have: the same data as .xlsx, .xls (SheetJS and LibreOffice), WPS .et (a
 * LibreOffice BIFF8 file under the .et name), .xlsb and CSV in UTF-8 with and without BOM and in
 * GBK gives the same figures. A converted file's output is a new .xlsx of the source values plus
 * the audit, says in 数据诊断 that the formatting was not carried, and recalculates in LibreOffice.
 */
import { copyFileSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import * as XLSX from "@e965/xlsx";
import cptable from "@e965/xlsx/dist/cpexcel.js";
import { SAMPLE_WORKBOOK } from "../../../src/cli/main";
import type { AuditResult } from "../../../src/engine";
import { readWorkbookStreamed } from "../../../src/hosts/file";
import { decodeCsvBytes } from "../../../src/hosts/file/foreign/text-encoding";
import { compareRecalculated } from "../../support/compare";
import { convertWithLibreOffice, recalculateAll } from "../../support/libreoffice";
import { makeTempDir, removeTempDir } from "../../support/tmp";
import { runCli } from "../../support/cli";

const run = runCli;

/** The figures an audit gives, without where they came from. */
function figures(result: AuditResult) {
  return {
    pass: result.pass,
    stages: result.stages,
    schools: result.schools.length,
    excluded: result.excluded.length,
  };
}

const suite = process.env.JH_SKIP_LIBREOFFICE === "1" ? describe.skip : describe;

suite("every file format staff keep", () => {
  let dir: string;
  const results = new Map<string, { code: number; err: string; output: string; json: string }>();
  let recalculated: string[];

  async function audit(key: string, input: string): Promise<void> {
    const json = path.join(dir, `${key}.json`);
    const output = path.join(dir, `${key}.audit.xlsx`);
    const { code, err } = await run([input, "--out", output, "--json", json]);
    results.set(key, { code, err, output, json });
  }

  const resultOf = (key: string) =>
    JSON.parse(readFileSync(results.get(key)!.json, "utf8")) as AuditResult;

  beforeAll(async () => {
    dir = makeTempDir("formats");
    const book = XLSX.read(readFileSync(SAMPLE_WORKBOOK), { type: "buffer" });
    const files: Record<string, string> = {
      xlsx: path.join(dir, "county.xlsx"),
      xls: path.join(dir, "county-sheetjs.xls"),
      xlsb: path.join(dir, "county.xlsb"),
    };
    copyFileSync(SAMPLE_WORKBOOK, files.xlsx);
    XLSX.writeFile(book, files.xls, { bookType: "biff8" });
    XLSX.writeFile(book, files.xlsb, { bookType: "xlsb" });
    const [loXls] = await convertWithLibreOffice(
      [files.xlsx],
      path.join(dir, "lo"),
      "xls:MS Excel 97"
    );
    files.loXls = loXls;
    files.et = path.join(dir, "county-wps.et");
    copyFileSync(loXls, files.et);

    // One sheet as CSV, and the same sheet alone as .xlsx to compare with.
    const primary = { SheetNames: ["小学"], Sheets: { 小学: book.Sheets["小学"] } };
    files.primaryXlsx = path.join(dir, "小学.xlsx");
    XLSX.writeFile(primary, files.primaryXlsx, { bookType: "xlsx" });
    const csv = XLSX.utils.sheet_to_csv(book.Sheets["小学"]);
    files.csvBom = path.join(dir, "小学-bom.csv");
    writeFileSync(
      files.csvBom,
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, "utf8")])
    );
    files.csvUtf8 = path.join(dir, "小学-utf8.csv");
    writeFileSync(files.csvUtf8, csv, "utf8");
    files.csvGbk = path.join(dir, "小学-gbk.csv");
    writeFileSync(files.csvGbk, Buffer.from(cptable.utils.encode(936, csv) as number[]));

    for (const [key, file] of Object.entries(files)) await audit(key, file);
    recalculated = await recalculateAll(
      [results.get("xls")!.output, results.get("csvGbk")!.output],
      path.join(dir, "recalculated")
    );
  }, 240_000);

  afterAll(() => removeTempDir(dir));

  it.each(["xlsx", "xls", "xlsb", "loXls", "et", "primaryXlsx", "csvBom", "csvUtf8", "csvGbk"])(
    "audits %s with exit 0 and nothing on stderr",
    (key) => {
      expect({ key, code: results.get(key)!.code, err: results.get(key)!.err }).toEqual({
        key,
        code: 0,
        err: "",
      });
    }
  );

  it.each(["xls", "xlsb", "loXls", "et"])(
    "the workbook as %s gives the same figures as the .xlsx",
    (key) => {
      expect(figures(resultOf(key))).toEqual(figures(resultOf("xlsx")));
    }
  );

  it.each(["csvBom", "csvUtf8", "csvGbk"])(
    "the 小学 sheet as CSV (%s) gives the same figures as the sheet as .xlsx",
    (key) => {
      expect(figures(resultOf(key))).toEqual(figures(resultOf("primaryXlsx")));
      expect(resultOf(key).stages!.primary.schools).toBe(21); // the 九年一贯制 sheet's 6 primary parts are not in it
    }
  );

  it("a converted file's output holds the source sheets' values and says in 数据诊断 that formatting was not carried", async () => {
    const original = await readWorkbookStreamed(path.join(dir, "county.xlsx"));
    const converted = await readWorkbookStreamed(results.get("xls")!.output);
    for (const grid of original.grids) {
      const copy = converted.grids.find((g) => g.name === grid.name)!;
      expect(copy.rows).toEqual(grid.rows);
    }
    expect(converted.grids).toHaveLength(original.grids.length); // the audit's sheets are owned, so not among them
    const { grids } = await readWorkbookStreamed(results.get("csvGbk")!.output);
    expect(grids.map((g) => g.name)).toEqual(["小学-gbk"]);
  });

  it("the 数据诊断 sheet of a converted file carries the conversion line", async () => {
    const { readStoredEntries, entryText } =
      await import("../../../src/hosts/file/package/zip-read");
    const entries = await readStoredEntries(readFileSync(results.get("csvGbk")!.output));
    const all = entries
      .filter((e) => e.name.startsWith("xl/worksheets/"))
      .map(entryText)
      .join("");
    expect(all).toContain(
      "原文件为CSV 文本（GBK/GB18030 编码）：审计工作簿是新的 .xlsx，只带入了源工作表的数值"
    );
    const xlsEntries = await readStoredEntries(readFileSync(results.get("xls")!.output));
    expect(
      xlsEntries
        .filter((e) => e.name.startsWith("xl/worksheets/"))
        .map(entryText)
        .join("")
    ).toContain("原文件为Excel 97-2003 工作簿（.xls）");
  });

  it("LibreOffice recalculates the converted outputs' formulas to the values written", async () => {
    expect(await compareRecalculated(results.get("xls")!.output, recalculated[0])).toEqual([]);
    expect(await compareRecalculated(results.get("csvGbk")!.output, recalculated[1])).toEqual([]);
  });

  it("detects the CSV encoding: UTF-8 with or without BOM, else GB18030", () => {
    expect(decodeCsvBytes(Buffer.from("\uFEFF学校", "utf8"))).toEqual({
      text: "学校",
      encoding: "utf-8",
    });
    expect(decodeCsvBytes(Buffer.from("学校", "utf8"))).toEqual({
      text: "学校",
      encoding: "utf-8",
    });
    // d1a7 d0a3 is also valid UTF-8 (ѧУ): the Chinese reading wins.
    expect(decodeCsvBytes(Buffer.from([0xd1, 0xa7, 0xd0, 0xa3]))).toEqual({
      text: "学校",
      encoding: "gb18030",
    });
    expect(
      decodeCsvBytes(
        Buffer.from(cptable.utils.encode(936, "学校名称,在校生数\n实验小学,1200\n") as number[])
      )
    ).toEqual({ text: "学校名称,在校生数\n实验小学,1200\n", encoding: "gb18030" });
    expect(decodeCsvBytes(Buffer.from("school,pupils\n", "utf8")).encoding).toBe("utf-8");
  });
});
