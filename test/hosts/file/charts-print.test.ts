/**
 * The written .xlsx carries 审计总览's charts as real chart parts over the CV cells, and every
 * audit sheet's print setup: A4, page numbers in the footer, county and date in the header, print
 * titles. Parsed from the package the CLI writes for a workbook built in the test.
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { readFileSync, writeFileSync } from "fs";
import { entryText, readStoredEntries } from "../../../src/hosts/file/package/zip-read";
import { relativeTarget } from "../../../src/hosts/file/package/chart-parts";
import { runCli } from "../../support/cli";
import { smallCountyGrids } from "../../support/smallCountyWorkbook";
import { makeTempDir, removeTempDir } from "../../support/tmp";
import { cellXml } from "../../support/xlsx-parts";

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

let dir: string;

beforeAll(() => {
  dir = makeTempDir("charts-print");
});
afterAll(() => removeTempDir(dir));

/** The small county as an .xlsx, optionally with a user's sheet called 审计总览. */
async function countyFile(name: string, userSummary = false): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const grid of smallCountyGrids()) {
    const ws = workbook.addWorksheet(grid.name);
    grid.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null && value !== undefined && typeof value !== "object")
          ws.getCell(r + 1, c + 1).value = value;
      })
    );
  }
  if (userSummary) workbook.addWorksheet("审计总览").getCell("A1").value = "用户自己的表";
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

async function audit(input: string, out: string): Promise<Map<string, string>> {
  const run = await runCli([input, "--out", out, "--quiet"]);
  expect(run.code).toBe(0);
  const entries = await readStoredEntries(readFileSync(out));
  return new Map(entries.map((e) => [e.name, entryText(e)]));
}

/** Sheet name → its part, from workbook.xml and its relationships. */
function sheetParts(parts: Map<string, string>): Map<string, string> {
  const workbook = parts.get("xl/workbook.xml")!;
  const rels = parts.get("xl/_rels/workbook.xml.rels")!;
  const targets = new Map(
    [...rels.matchAll(/<Relationship\s[^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [
      m[1],
      m[2],
    ])
  );
  return new Map(
    [...workbook.matchAll(/<sheet\s[^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)].map((m) => {
      const target = targets.get(m[2])!;
      return [m[1], target.startsWith("/") ? target.slice(1) : `xl/${target}`];
    })
  );
}

function resolve(from: string, target: string): string {
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
}

/** The chart parts a sheet's drawing points at, in order. */
function chartsOf(parts: Map<string, string>, sheetPart: string): string[] {
  const sheetXml = parts.get(sheetPart)!;
  const drawingId = /<drawing r:id="([^"]+)"\/>/.exec(sheetXml)?.[1];
  if (!drawingId) return [];
  const rels = parts.get(resolve(sheetPart, `_rels/${path.posix.basename(sheetPart)}.rels`))!;
  const drawingTarget = new RegExp(`Id="${drawingId}"[^>]*Target="([^"]+)"`).exec(rels)![1];
  const drawing = resolve(sheetPart, drawingTarget);
  const drawingXml = parts.get(drawing)!;
  const drawingRels = parts.get(resolve(drawing, `_rels/${path.posix.basename(drawing)}.rels`))!;
  return [...drawingXml.matchAll(/<c:chart [^>]*r:id="([^"]+)"/g)].map((m) =>
    resolve(drawing, new RegExp(`Id="${m[1]}"[^>]*Target="([^"]+)"`).exec(drawingRels)![1])
  );
}

/** The cached number of a cell in a sheet part. */
function cachedNumber(sheetXml: string, address: string): number {
  const v = /<v>([^<]*)<\/v>/.exec(cellXml(sheetXml, address) ?? "")?.[1];
  return Number(v);
}

describe("the package writer: 审计总览's charts", () => {
  let parts: Map<string, string>;
  let summaryPart: string;

  beforeAll(async () => {
    parts = await audit(await countyFile("county.xlsx"), path.join(dir, "county.audit.xlsx"));
    summaryPart = sheetParts(parts).get("审计总览")!;
  });

  it("adds a drawing with one chart part per stage, with their relationships and content types", () => {
    const charts = chartsOf(parts, summaryPart);
    expect(charts).toHaveLength(2);
    const types = parts.get("[Content_Types].xml")!;
    for (const chart of charts) {
      expect(types).toContain(
        `<Override PartName="/${chart}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`
      );
    }
    expect(types).toMatch(
      /PartName="\/xl\/drawings\/drawing\d+\.xml" ContentType="application\/vnd\.openxmlformats-officedocument\.drawing\+xml"/
    );
    // No other audit sheet has a drawing.
    for (const [name, part] of sheetParts(parts))
      if (name !== "审计总览") expect(parts.get(part)).not.toContain("<drawing ");
  });

  it("draws the CVs as bars and the limit as a line, referencing the CV cells with their cached values", () => {
    const sheetXml = parts.get(summaryPart)!;
    chartsOf(parts, summaryPart).forEach((chart, k) => {
      const xml = parts.get(chart)!;
      expect(xml).toContain(`${k === 0 ? "小学" : "初中"}各指标差异系数与限值`);
      expect(xml).toContain("<c:barChart>");
      expect(xml).toContain("<c:lineChart>");
      expect(xml).toContain("<a:t>指标</a:t>");
      expect(xml).toContain("<a:t>差异系数</a:t>");
      expect(xml).toMatch(/<c:dLbls><c:numFmt formatCode="0\.000"/);
      const refs = [...xml.matchAll(/<c:f>([^<]+)<\/c:f>/g)].map((m) => m[1]);
      const bar =
        /<c:barChart>.*?<c:val><c:numRef><c:f>'审计总览'!\$D\$(\d+):\$D\$(\d+)<\/c:f>(.*?)<\/c:numRef>/.exec(
          xml
        )!;
      expect(bar).not.toBeNull();
      const [first, last] = [Number(bar[1]), Number(bar[2])];
      expect(last - first + 1).toBe(7);
      expect(refs).toContain(`'审计总览'!$E$${first}:$E$${last}`);
      expect(refs).toContain(`'审计总览'!$C$${first}:$C$${last}`);
      const cache = [...bar[3].matchAll(/<c:pt idx="(\d)"><c:v>([^<]+)<\/c:v>/g)].map((m) =>
        Number(m[2])
      );
      expect(cache).toHaveLength(7);
      cache.forEach((value, i) => {
        // The cached bar is the CV cell's cached value, and that cell is a formula over 差异系数.
        expect(value).toBe(cachedNumber(sheetXml, `D${first + i}`));
        expect(cellXml(sheetXml, `D${first + i}`)).toMatch(/<f>'差异系数'!I\d+<\/f>/);
      });
      const line = /<c:lineChart>.*?<c:numCache>(.*?)<\/c:numCache>/.exec(xml)![1];
      const limits = [...line.matchAll(/<c:v>([^<]+)<\/c:v>/g)].map((m) => Number(m[1]));
      expect(limits).toEqual(Array(7).fill(k === 0 ? 0.5 : 0.45));
    });
  });

  it("starts a printed page above each pair of charts, so a chart is never cut in two", () => {
    const sheetXml = parts.get(summaryPart)!;
    const breaks = [...sheetXml.matchAll(/<brk id="(\d+)" max="16383" man="1"\/>/g)].map((m) =>
      Number(m[1])
    );
    const drawing = parts.get(
      [...parts.keys()].find((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))!
    )!;
    const tops = [
      ...drawing.matchAll(
        /<xdr:from><xdr:col>0<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)</g
      ),
    ].map((m) => Number(m[1]));
    expect(tops).toHaveLength(2);
    // One break just above the charts' page (its subtitle row), one after them.
    expect(breaks).toHaveLength(2);
    expect(breaks[0]).toBe(tops[0] - 1);
    expect(breaks[1]).toBeGreaterThan(tops[1]);
    expect(sheetXml).toMatch(/<rowBreaks count="2" manualBreakCount="2">/);
  });

  it("replaces its charts on a re-run and leaves no part behind", async () => {
    const again = await audit(path.join(dir, "county.audit.xlsx"), path.join(dir, "again.xlsx"));
    const charts = [...again.keys()].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    const drawings = [...again.keys()].filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n));
    expect(charts).toHaveLength(2);
    expect(drawings).toHaveLength(1);
    const types = again.get("[Content_Types].xml")!;
    for (const m of types.matchAll(/PartName="\/([^"]+)"/g)) expect(again.has(m[1])).toBe(true);
  });

  it("names the renamed summary sheet in the chart's references", async () => {
    const renamed = await audit(
      await countyFile("user-summary.xlsx", true),
      path.join(dir, "user-summary.audit.xlsx")
    );
    const part = sheetParts(renamed).get("审计总览 (2)")!;
    const [chart] = chartsOf(renamed, part);
    expect(renamed.get(chart)).toMatch(/<c:f>'审计总览 \(2\)'!\$D\$\d+:\$D\$\d+<\/c:f>/);
    // The user's own 审计总览 has no drawing.
    expect(renamed.get(sheetParts(renamed).get("审计总览")!)).not.toContain("<drawing");
  });

  it("adds the charts to the new .xlsx of a converted input (CSV) too", async () => {
    const csv = path.join(dir, "小学.csv");
    const primary = smallCountyGrids().find((g) => g.name === "小学")!;
    writeFileSync(
      csv,
      primary.rows
        .map((row) => row.map((v) => (v === null || v === undefined ? "" : String(v))).join(","))
        .join("\n")
    );
    const converted = await audit(csv, path.join(dir, "csv.audit.xlsx"));
    const part = sheetParts(converted).get("审计总览")!;
    const charts = chartsOf(converted, part);
    expect(charts.length).toBeGreaterThan(0);
    expect(converted.get(charts[0])).toMatch(/<c:f>'审计总览'!\$D\$\d+:\$D\$\d+<\/c:f>/);
  });

  it("writes relative relationship targets", () => {
    expect(relativeTarget("xl/worksheets/sheet3.xml", "xl/drawings/drawing1.xml")).toBe(
      "../drawings/drawing1.xml"
    );
    expect(relativeTarget("xl/drawings/drawing1.xml", "xl/charts/chart2.xml")).toBe(
      "../charts/chart2.xml"
    );
  });
});

describe("the package writer: every audit sheet prints", () => {
  let parts: Map<string, string>;

  beforeAll(async () => {
    parts = await audit(await countyFile("print.xlsx"), path.join(dir, "print.audit.xlsx"));
  });

  it("on A4, with 「第 &P 页 共 &N 页」 in the footer and the county and audit date in the header", () => {
    const bySheet = sheetParts(parts);
    for (const name of AUDIT_SHEETS) {
      const xml = parts.get(bySheet.get(name)!)!;
      expect({ name, paper: /<pageSetup [^>]*paperSize="9"/.test(xml) }).toEqual({
        name,
        paper: true,
      });
      const footer = /<oddFooter>([^<]*)<\/oddFooter>/.exec(xml)?.[1];
      expect({ name, footer }).toEqual({ name, footer: "&amp;C第 &amp;P 页 共 &amp;N 页" });
      const header = /<oddHeader>([^<]*)<\/oddHeader>/.exec(xml)?.[1] ?? "";
      expect(header).toMatch(/^&amp;L.+&amp;C.+&amp;R审计日期：\d{4}-\d{2}-\d{2}$/);
      // headerFooter sits after pageSetup (the schema's order).
      expect(xml.indexOf("<headerFooter>")).toBeGreaterThan(xml.indexOf("<pageSetup "));
    }
  });

  it("with the header rows repeated: a Print_Titles name scoped to each audit sheet", () => {
    const workbook = parts.get("xl/workbook.xml")!;
    const sheets = [...workbook.matchAll(/<sheet\s[^>]*name="([^"]+)"/g)].map((m) => m[1]);
    const titles = [
      ...workbook.matchAll(
        /<definedName name="_xlnm\.Print_Titles" localSheetId="(\d+)">([^<]+)<\/definedName>/g
      ),
    ].map((m) => ({ sheet: sheets[Number(m[1])], ref: m[2] }));
    for (const name of AUDIT_SHEETS) {
      const title = titles.find((t) => t.sheet === name);
      expect({ name, ref: title?.ref }).toEqual({
        name,
        ref: expect.stringMatching(
          new RegExp(`^'${name.replace(/[()]/g, "\\$&")}'!\\$\\d+:\\$\\d+$`)
        ),
      });
    }
  });
});
