/**
 * Issue #15: every school row accounted for. A bad 在校生数 leaves a row out but lists it (数据诊断,
 * 审计总览's 数据不完整, the JSON's excluded[]); a 「**」 name is a school; rows after 合计 are read.
 */
import { formatSummary } from "../../src/cli/summary";
import type { PlannedSheet, WorkbookPlan } from "../../src/report";
import { readSheets } from "../../src/sheets";
import { formulaMismatches } from "../report/formulaEval";
import { grid } from "../sheets/helpers";
import { runOnGrids, sourcesOf } from "./helpers";

const HEADER = ["学校名称", "在校生数", "县级及以上骨干教师数", "教学及辅助用房面积"];

const sheetOf = (plan: WorkbookPlan, kind: string): PlannedSheet =>
  plan.sheets.find((s) => s.kind === kind)!;
const rowTexts = (sheet: PlannedSheet) =>
  sheet.rows.map((r) => r.cells.map((c) => (c && typeof c.value === "string" ? c.value : "")));

describe("the reader lists a school row with a bad pupil figure instead of dropping it", () => {
  const sheet = grid("小学", [
    HEADER,
    ["城关小学", 1000, 10, 4500],
    ["错字小学", "1,2O0", 12, 5000],
    ["空白小学", null, 3, 900],
    ["河口小学", 600, 6, 2700],
  ]);

  it("gives each rejected row its cell, the text found and why", () => {
    const read = readSheets([sheet]);
    expect(read.records.map((r) => r.name)).toEqual(["城关小学", "河口小学"]);
    expect(read.rejectedRows).toEqual([
      {
        sheet: "小学",
        row: 3,
        cell: "B3",
        name: "错字小学",
        text: "1,2O0",
        reason: "在校生数（小学!B3）为「1,2O0」，不是数字，应为大于0的人数，该行未读入",
      },
      expect.objectContaining({ row: 4, cell: "B4", name: "空白小学", text: "" }),
    ]);
  });

  it("puts them in excluded[] (rowLeftOut, recordIndex -1), 数据诊断 and 审计总览's 数据不完整", async () => {
    const { result, plan } = await runOnGrids([sheet]);
    const leftOut = result.excluded.filter((e) => e.rowLeftOut);
    expect(leftOut.map((e) => [e.name, e.recordIndex, e.source])).toEqual([
      ["错字小学", -1, { sheet: "小学", row: 3, cell: "B3" }],
      ["空白小学", -1, { sheet: "小学", row: 4, cell: "B4" }],
    ]);
    // The JSON the CLI writes carries them.
    const json = JSON.parse(JSON.stringify(result)) as typeof result;
    expect(json.excluded.find((e) => e.name === "错字小学")?.reason).toContain("「1,2O0」");

    const diagnostics = sheetOf(plan, "diagnostics");
    const listed = diagnostics.rows.find((r) => r.cells[1]?.value === "错字小学")!;
    expect(listed.cells[3]).toMatchObject({ value: "小学!B3", link: "'小学'!B3" });
    expect(String(listed.cells[5]?.value)).toContain("为「1,2O0」，不是数字");

    const summary = sheetOf(plan, "summary");
    const warning = summary.rows.find((r) => r.row === 2)!.cells[0]!;
    expect(warning.value).toMatch(/^数据不完整：2所学校的行因在校生数或学段有误未读入/);
    expect(warning.link).toContain("数据诊断");
    expect(formatSummary(result, { workbook: "x" })).toContain("数据不完整：2 所学校的行");
    // The warning takes the spare row under the title: every formula still recomputes to its value.
    expect(formulaMismatches(plan, sourcesOf(sheet))).toEqual([]);
  });

  it("says nothing of 数据不完整 when every row is read", async () => {
    const { result, plan } = await runOnGrids([
      grid("小学", [HEADER, ["城关小学", 1000, 10, 4500], ["河口小学", 600, 6, 2700]]),
    ]);
    expect(result.excluded).toEqual([]);
    expect(rowTexts(sheetOf(plan, "summary")).flat().join()).not.toContain("数据不完整");
  });
});

describe("marks and totals among the schools", () => {
  it("reads 「**实验学校」 as a school, and a 「*」 line alone as the footnote that ends the table", () => {
    const read = readSheets([
      grid("小学", [
        HEADER,
        ["城关小学", 1000, 10, 4500],
        ["**实验学校", 800, 8, 3600],
        ["*民办学校", 300, 3, 1500],
        ["*注：带*者为民办学校", null, null, null],
        ["注后小学", 500, 5, 2200],
      ]),
    ]);
    expect(read.records.map((r) => r.name)).toEqual(["城关小学", "**实验学校", "*民办学校"]);
    expect(read.records[1].stages.primary?.pupils).toBe(800);
  });

  it("reads the school rows after a 合计 row, the total itself skipped", () => {
    const read = readSheets([
      grid("小学", [
        HEADER,
        ["合计", 2400, 24, 10800],
        ["城关小学", 1000, 10, 4500],
        ["城关镇小计", 1000, 10, 4500],
        ["河口小学", 800, 8, 3600],
        ["合计", 1800, 18, 8100],
        ["补报小学", 600, 6, 2700],
      ]),
    ]);
    expect(read.records.map((r) => r.name)).toEqual(["城关小学", "河口小学", "补报小学"]);
    expect(read.records.map((r) => r.source?.row)).toEqual([3, 5, 7]);
  });
});
