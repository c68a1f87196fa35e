/**
 * The rich-workbook rule on a workbook LibreOffice made: a table (a database range with filter
 * buttons, exported as xl/tables/…) and a pivot table (a DataPilot, exported with its pivot cache)
 * beside the sample county's school sheets. The workbook is built in the test: an .ods written
 * here (the table and the pivot declared in content.xml) and converted to .xlsx by soffice
 * headless. The audit keeps every part LibreOffice wrote with the same compressed bytes, keeps
 * every element of the index parts, and LibreOffice recalculates the audit to the values written.
 */
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import * as XLSX from "@e965/xlsx";
import JSZip from "jszip";
import { SAMPLE_WORKBOOK } from "../../../src/cli/main";
import {
  entryText,
  readStoredEntries,
  type StoredEntry,
} from "../../../src/hosts/file/package/zip-read";
import { runCli } from "../../support/cli";
import { compareRecalculated } from "../../support/compare";
import { convertWithLibreOffice, recalculateAll } from "../../support/libreoffice";
import { makeTempDir, removeTempDir } from "../../support/tmp";
import { missingElements } from "../../support/xml-elements";

const OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
const TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
const TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
const INDEX_PARTS = [
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "[Content_Types].xml",
  "xl/styles.xml",
  "docProps/app.xml",
];
/** See package.test.ts: list counts and the workbook view's active tab may change. */
const MAY_CHANGE = ["count", "size", "text:vt:i4", "activeTab", "firstSheet"];

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function odsRow(values: unknown[]): string {
  const cells = values.map((v) =>
    typeof v === "number"
      ? `<table:table-cell office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>`
      : v === null || v === undefined || v === ""
        ? "<table:table-cell/>"
        : `<table:table-cell office:value-type="string"><text:p>${escape(String(v))}</text:p></table:table-cell>`
  );
  return `<table:table-row>${cells.join("")}</table:table-row>`;
}

/** An .ods: the sample county's school sheets (values), a 经费 table with filter buttons, and a pivot of it. */
async function odsWithTableAndPivot(): Promise<Buffer> {
  const sample = XLSX.read(readFileSync(SAMPLE_WORKBOOK));
  const schoolSheets = ["小学", "初中"].map((name) => {
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sample.Sheets[name], {
      header: 1,
      raw: true,
      defval: null,
    });
    return `<table:table table:name="${name}">${rows.map(odsRow).join("")}</table:table>`;
  });
  const money = [
    ["月份", "类别", "金额"],
    ...Array.from({ length: 12 }, (_, m) => [
      `${m + 1}月`,
      m % 2 ? "设备购置" : "公用经费",
      1000 + m * 37,
    ]),
  ];
  const content =
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="${OFFICE}" xmlns:table="${TABLE}" xmlns:text="${TEXT}" office:version="1.2"><office:body><office:spreadsheet>` +
    schoolSheets.join("") +
    `<table:table table:name="经费">${money.map(odsRow).join("")}</table:table>` +
    `<table:table table:name="经费透视">${odsRow([null])}</table:table>` +
    `<table:database-ranges><table:database-range table:name="经费表" table:target-range-address="经费.A1:经费.C13" table:contains-header="true" table:display-filter-buttons="true"/></table:database-ranges>` +
    `<table:data-pilot-tables><table:data-pilot-table table:name="经费透视表" table:target-range-address="经费透视.A1:经费透视.B4">` +
    `<table:source-cell-range table:cell-range-address="经费.A1:经费.C13"/>` +
    `<table:data-pilot-field table:source-field-name="类别" table:orientation="row"/>` +
    `<table:data-pilot-field table:source-field-name="金额" table:orientation="data" table:function="sum"/>` +
    `<table:data-pilot-field table:source-field-name="" table:orientation="column" table:is-data-layout-field="true"/>` +
    `</table:data-pilot-table></table:data-pilot-tables></office:spreadsheet></office:body></office:document-content>`;
  const zip = new JSZip();
  zip.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", { compression: "STORE" });
  zip.file(
    "META-INF/manifest.xml",
    `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`
  );
  zip.file("content.xml", content);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

async function entriesOf(file: string): Promise<Map<string, StoredEntry>> {
  return new Map((await readStoredEntries(readFileSync(file))).map((e) => [e.name, e]));
}

const suite = process.env.JH_SKIP_LIBREOFFICE === "1" ? describe.skip : describe;

suite("a LibreOffice-made table and pivot table", () => {
  let dir: string;
  let input: string;
  let output: string;
  let recalculated: string;

  beforeAll(async () => {
    dir = makeTempDir("lo-made");
    const ods = path.join(dir, "经费与学校.ods");
    writeFileSync(ods, await odsWithTableAndPivot());
    [input] = await convertWithLibreOffice([ods], path.join(dir, "xlsx"), "xlsx");
    output = path.join(dir, "经费与学校.audit.xlsx");
    const { code, err } = await runCli([input, "--out", output, "--quiet"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    [recalculated] = await recalculateAll([output], path.join(dir, "recalculated"));
  }, 240_000);

  afterAll(() => removeTempDir(dir));

  it("LibreOffice wrote the table, the pivot table and its cache as parts of their own", async () => {
    const names = [...(await entriesOf(input)).keys()];
    expect(names).toEqual(
      expect.arrayContaining([
        "xl/tables/table1.xml",
        "xl/pivotTables/pivotTable1.xml",
        "xl/pivotCache/pivotCacheDefinition1.xml",
        "xl/pivotCache/pivotCacheRecords1.xml",
      ])
    );
  });

  it("copies every part LibreOffice wrote, except the index parts, with the same compressed bytes", async () => {
    const before = await entriesOf(input);
    const after = await entriesOf(output);
    const changed = [...before]
      .filter(([name]) => !INDEX_PARTS.includes(name))
      .filter(([name, entry]) => !after.get(name)?.raw.equals(entry.raw))
      .map(([name]) => name);
    expect(changed).toEqual([]);
    for (const part of INDEX_PARTS.filter((p) => before.has(p))) {
      expect({
        part,
        missing: missingElements(
          entryText(before.get(part)!),
          entryText(after.get(part)!),
          MAY_CHANGE
        ),
      }).toEqual({ part, missing: [] });
    }
  });

  it("LibreOffice recalculates the audit to the values written", async () => {
    expect(await compareRecalculated(output, recalculated)).toEqual([]);
  });
});
