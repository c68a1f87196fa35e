/**
 * Workbook plans for the host tests, shaped like the report's: a summary sheet whose formulas
 * point into the schools sheet, a schools sheet with one row per school whose formulas point into
 * the source sheet 「小学」, verdict styles, links, conditional formats and a data bar.
 */
import type { PlannedRow, PlannedSheet, WorkbookPlan } from "../../../src/report/plan";

export const SOURCE_SHEET = "小学";

export function schoolName(i: number): string {
  return `第${i + 1}实验小学`;
}

export function countyPlan(
  schools: number,
  names: (i: number) => string = schoolName
): WorkbookPlan {
  const first = 2; // 0-based row of the first school in 学校明细 (title, header above)
  const last = first + schools - 1;
  const detailRows: PlannedRow[] = [
    { row: 0, cells: [{ value: "学校明细", style: "title" }] },
    {
      row: 1,
      height: 30,
      cells: ["学校", "在校生数", "L1 每百名学生高于规定学历教师数", "结论"].map((value) => ({
        value,
        style: "header" as const,
      })),
    },
  ];
  for (let i = 0; i < schools; i += 1) {
    const src = i + 3; // 1-based source row in 小学
    const l1 = 4 + (i % 3);
    const verdict = i % 3 === 0 ? "fail" : i % 3 === 1 ? "warn" : "pass";
    detailRows.push({
      row: first + i,
      cells: [
        { value: names(i), style: "text", link: `'${SOURCE_SHEET}'!A${src}` },
        { value: 1000 + i, formula: `'${SOURCE_SHEET}'!C${src}`, numFmt: "0", style: "number" },
        {
          value: l1,
          formula: `'${SOURCE_SHEET}'!D${src}*100/'${SOURCE_SHEET}'!C${src}`,
          numFmt: "0.00",
          style: "number",
        },
        { value: verdict === "pass" ? "达标" : "未达标", style: verdict },
      ],
    });
  }
  const detail: PlannedSheet = {
    kind: "schools",
    name: "学校明细",
    rows: detailRows,
    merges: ["A1:D1"],
    columnWidths: [24, 10, 10, 8],
    hiddenColumns: [3],
    freeze: { rows: 2, columns: 1 },
    conditionalFormats: [
      {
        range: `C${first + 1}:C${last + 1}`,
        rules: [
          { formula: `C${first + 1}<4.2*0.85`, style: "fail" },
          { formula: `C${first + 1}<4.2`, style: "warn" },
        ],
      },
    ],
    dataBars: [{ range: `B${first + 1}:B${last + 1}`, color: "#5B9BD5" }],
    page: { landscape: true, fitToWidth: true, repeatRows: [1, 2] },
  };
  const summary: PlannedSheet = {
    kind: "summary",
    name: "审计总览",
    rows: [
      { row: 0, cells: [{ value: "某县义务教育优质均衡资源配置审计", style: "title" }] },
      { row: 1, cells: [{ value: "数据来源：小学", style: "subtitle" }] },
      {
        row: 3,
        cells: [
          { value: "学校数", style: "header" },
          {
            value: schools,
            formula: `COUNTA('学校明细'!A${first + 1}:A${last + 1})`,
            numFmt: "0",
            style: "number",
          },
        ],
      },
      {
        row: 4,
        cells: [
          { value: "学校明细", style: "link", link: "'学校明细'!A1" },
          { value: "注：差异系数按在校生数加权。", style: "note" },
        ],
      },
    ],
    merges: ["A1:F1"],
    columnWidths: [20, 12],
    conditionalFormats: [],
    dataBars: [],
    page: { landscape: false, fitToWidth: true },
  };
  return { sheets: [summary, detail], activate: "summary" };
}
