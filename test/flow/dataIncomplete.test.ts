/**
 * Issue #15, 「A result is only 达标 when it was checked」: a county with a school row left out for
 * bad data (在校生数 「1,2O0」) has CVs that miss that school, so it is never 达标: resource
 * allocation is 未核查 and the verdict 未完成 unless something failed. JSON, 审计总览 and the CLI agree.
 */
import { formatSummary } from "../../src/cli/summary";
import { audit } from "../../src/engine";
import { withRejectedRows } from "../../src/flow/rejectedRows";
import { buildPlan } from "../../src/report";
import { passingCounty } from "../engine/countyFixtures";
import type { PlannedSheet, WorkbookPlan } from "../../src/report";
import type { CellValue } from "../../src/sheets/grid";
import { formulaMismatches } from "../report/formulaEval";
import { grid } from "../sheets/helpers";
import { runOnGrids, sourcesOf } from "./helpers";

const HEADER = [
  "区县",
  "学校名称",
  "在校生数",
  "高于规定学历教师数",
  "县级及以上骨干教师数",
  "体育、艺术专任教师数",
  "教学及辅助用房面积",
  "体育运动场馆面积",
  "教学仪器设备值（万元）",
  "网络多媒体教室数",
];
/** A 小学 that meets every indicator: 1000 pupils, 6.0 / 1.0 / 1.0 teachers, 4.5 / 8 m², 2500 元, 3 rooms per 100. */
const school = (county: string, name: string, pupils: CellValue, backbone = 10): CellValue[] => [
  county,
  name,
  pupils,
  60,
  backbone,
  10,
  4500,
  8000,
  250,
  30,
];

const summaryOf = (plan: WorkbookPlan): PlannedSheet =>
  plan.sheets.find((s) => s.kind === "summary")!;
const rowOf = (sheet: PlannedSheet, first: string, nth = 0) =>
  sheet.rows.filter((r) => r.cells[0]?.value === first)[nth];

describe("a county with a school row left out for bad data is never 达标", () => {
  const sheet = grid("小学", [
    HEADER,
    school("甲县", "一小", 1000),
    school("甲县", "二小", 1000),
    school("甲县", "错字小学", "1,2O0"),
    school("乙县", "三小", 1000),
    school("乙县", "四小", 1000),
  ]);

  it("marks that county's resource allocation 未核查 and its pass null; the other county is untouched", async () => {
    const { result } = await runOnGrids([sheet]);
    const [jia, yi] = result.counties;
    expect(jia.name).toBe("甲县");
    expect(jia.pass).toBeNull();
    expect(jia.dimensions.resource.status).toBe("unchecked");
    expect(jia.verdict).toBe("incomplete");
    expect(jia.dataIncomplete).toEqual({
      rowsLeftOut: 1,
      note: expect.stringMatching(/^数据不完整：1所学校的行/),
    });
    // 乙县 has every school: its resource allocation passes (its verdict waits for the county form).
    expect(yi.pass).toBe(true);
    expect(yi.dimensions.resource.status).toBe("pass");
    expect(yi.dataIncomplete).toBeUndefined();
    expect(result.pass).toBeNull();
    expect(result.verdict).toBe("incomplete");
    expect(result.excluded.find((e) => e.rowLeftOut)?.county).toBe("甲县");
    // The JSON carries the same.
    const json = JSON.parse(JSON.stringify(result)) as typeof result;
    expect(json.counties[0].dataIncomplete?.rowsLeftOut).toBe(1);
  });

  it("shows 未完成 with the note on 审计总览 (formulas agreeing) and in the CLI summary", async () => {
    const { result, plan } = await runOnGrids([sheet]);
    const summary = summaryOf(plan);
    // The resource-allocation verdict row of 甲县 (the second 「甲县」 row: after the whole-standard block).
    const rows = summary.rows.filter((r) => r.cells[0]?.value === "甲县");
    const resourceRow = rows.find((r) =>
      String(r.cells.at(-1)?.value ?? "").includes("数据不完整")
    )!;
    expect(resourceRow.cells[1]).toMatchObject({ value: "未完成" });
    expect(resourceRow.cells[1]?.formula).toContain('"未完成"');
    const whole = rowOf(summary, "甲县");
    expect(whole.cells[1]?.value).toBe("未完成");
    expect(whole.cells[2]?.value).toBe("未核查");
    const yiWhole = rowOf(summary, "乙县");
    expect(yiWhole.cells[2]?.value).toBe("达标");
    expect(formulaMismatches(plan, sourcesOf(sheet))).toEqual([]);

    const text = formatSummary(result, { workbook: "x" });
    expect(text).toContain("甲县：结论：未完成（数据不完整，1所学校的行未读入）");
    expect(text).not.toContain("乙县：结论：未完成（数据不完整");
    expect(text).toContain("县域结论最多为「未完成」");
  });

  it("keeps a county that fails 未达标: a missing school does not excuse a failing one", async () => {
    const { result } = await runOnGrids([
      grid("小学", [
        HEADER,
        school("甲县", "一小", 1000),
        school("甲县", "二小", 1000, 0), // no backbone teachers at all: below 85% of L2
        school("甲县", "错字小学", "1,2O0"),
      ]),
    ]);
    const [jia] = result.counties;
    expect(jia.dimensions.resource.status).toBe("fail");
    expect(jia.pass).toBe(false);
    expect(jia.verdict).toBe("fail");
    expect(jia.dataIncomplete?.rowsLeftOut).toBe(1);
  });

  it("marks every county when the left-out row names none of them", async () => {
    const { result } = await runOnGrids([
      grid("小学", [
        HEADER,
        school("", "错字小学", "1,2O0"),
        school("甲县", "一小", 1000),
        school("乙县", "三小", 1000),
      ]),
    ]);
    expect(result.counties.map((c) => [c.name, c.pass, c.dataIncomplete?.rowsLeftOut])).toEqual([
      ["甲县", null, 1],
      ["乙县", null, 1],
    ]);
  });

  it("turns a county that passes everything it checked into 未完成 on 审计总览, the formulas agreeing", () => {
    const records = passingCounty();
    const passing = audit(records);
    expect(passing.counties[0].pass).toBe(true);
    const result = withRejectedRows(passing, [
      {
        sheet: "小学",
        row: 9,
        cell: "C9",
        name: "错字小学",
        text: "1,2O0",
        reason: "在校生数为「1,2O0」",
      },
    ]);
    expect(result.counties[0]).toMatchObject({ pass: null, verdict: "incomplete" });
    const plan = buildPlan({ result, records, auditedAt: new Date("2026-12-01T00:00:00Z") });
    const summary = summaryOf(plan);
    const row = summary.rows.find((r) =>
      String(r.cells.at(-1)?.value ?? "").includes("数据不完整：1所学校的行未读入")
    )!;
    expect(row.cells[1]).toMatchObject({ value: "未完成" });
    expect(row.cells[1]?.formula).toMatch(/^IF\(IF\(AND\(/);
    expect(formulaMismatches(plan, {})).toEqual([]);
  });
});
