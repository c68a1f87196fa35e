import type { SchoolRecord } from "../../src/engine";
import type { PlannedCell, PlannedSheet, WorkbookPlan } from "../../src/report/plan";
import { quoteSheet } from "../../src/report/refs";

/**
 * A small audit plan built by hand (the report module builds the real one): formulas that reach
 * into a source sheet, a SUMPRODUCT weighted CV, IF verdicts, hostile strings, links, conditional
 * formats and a data bar. Cached values are computed here in JavaScript, so a spreadsheet that
 * recalculates must arrive at exactly the same numbers.
 */

/** Strings that must stay text: each would be a formula if typed into Excel. */
export const HOSTILE_STRINGS = [
  '=HYPERLINK("http://example.com","x")',
  "=1+1",
  "+1",
  "-2",
  "@SUM(A1)",
];

const text = (value: string, style: PlannedCell["style"] = "text"): PlannedCell => ({
  value,
  style,
});

function cellOf(record: SchoolRecord, field: string): string {
  const cell = record.source?.cells?.[field];
  if (!cell) throw new Error(`record ${record.name} has no cell for ${field}`);
  return cell;
}

const quoted = quoteSheet;

/**
 * @param records primary single-stage records with source cells (sampleCountySourcedRecords()),
 *   all on one sheet in consecutive rows.
 */
export function handPlan(
  records: SchoolRecord[],
  summaryName = "审计总览",
  detailName = "学校明细"
): WorkbookPlan {
  const sheet = records[0].source!.sheet;
  const ref = (r: SchoolRecord, field: string) => `${quoted(sheet)}!${cellOf(r, field)}`;
  const column = (field: string) =>
    `${quoted(sheet)}!${cellOf(records[0], field)}:${cellOf(records[records.length - 1], field)}`;
  const pupils = records.map((r) => r.stages.primary!.pupils!);
  const above = records.map((r) => r.stages.primary!.teachers!.aboveDegree!);
  const total = pupils.reduce((s, p) => s + p, 0);
  const mean = (above.reduce((s, a) => s + a, 0) * 100) / total;
  const variance =
    pupils.reduce((s, p, i) => s + p * ((above[i] * 100) / p - mean) ** 2, 0) / total;
  const cv = Math.sqrt(variance) / mean;

  const shown = records.slice(0, 3);
  const firstRow = 3; // 0-based row of the first school
  const schoolRows = shown.map((r, i) => {
    const row = firstRow + i + 1; // 1-based for formulas
    const l1 = (r.stages.primary!.teachers!.aboveDegree! * 100) / r.stages.primary!.pupils!;
    return {
      row: firstRow + i,
      cells: [
        { value: r.name, formula: ref(r, "name"), style: "text" },
        {
          value: r.stages.primary!.pupils!,
          formula: ref(r, "pupils.primary"),
          style: "number",
          numFmt: "0",
        },
        {
          value: r.stages.primary!.teachers!.aboveDegree!,
          formula: ref(r, "teachers.primary.aboveDegree"),
          style: "number",
          numFmt: "0",
        },
        { value: l1, formula: `C${row}*100/B${row}`, style: "number", numFmt: "0.00" },
        {
          value: l1 >= 4.2 ? "达标" : "未达标",
          formula: `IF(D${row}>=4.2,"达标","未达标")`,
          style: l1 >= 4.2 ? "pass" : "fail",
        },
        { value: "查看原表", link: ref(r, "name"), style: "link" },
      ] as PlannedCell[],
    };
  });

  const summary: PlannedSheet = {
    kind: "summary",
    name: summaryName,
    rows: [
      { row: 0, cells: [text("示范区义务教育优质均衡发展审计（测试计划）", "title")], height: 24 },
      { row: 1, cells: [text("本表由测试手工构造", "subtitle")] },
      {
        row: 2,
        cells: ["学校", "在校生数", "高于规定学历教师数", "L1", "判定", "原表"].map((h) =>
          text(h, "header")
        ),
        height: 30,
      },
      ...schoolRows,
      {
        row: 7,
        cells: [
          text("L1 全区均值"),
          {
            value: mean,
            formula: `SUM(${column("teachers.primary.aboveDegree")})*100/SUM(${column("pupils.primary")})`,
            style: "number",
            numFmt: "0.00",
          },
        ],
      },
      {
        row: 8,
        cells: [
          text("L1 差异系数"),
          {
            value: cv,
            formula: `SQRT(SUMPRODUCT(${column("pupils.primary")},(${column("teachers.primary.aboveDegree")}*100/${column("pupils.primary")}-B8)^2)/SUM(${column("pupils.primary")}))/B8`,
            style: "number",
            numFmt: "0.000",
          },
          {
            value: cv <= 0.5 ? "达标" : "未达标",
            formula: `IF(B9<=0.5,"达标","未达标")`,
            style: "pass",
          },
        ],
      },
      { row: 9, cells: HOSTILE_STRINGS.map((s) => text(s)) },
      {
        row: 10,
        cells: [
          text("明细第一行"),
          { value: records[0].name, formula: `${quoted(detailName)}!A2`, style: "text" },
          { value: "明细", link: `${quoted(detailName)}!A1` },
        ],
      },
      {
        row: 11,
        cells: [
          { value: true, style: "text" },
          { value: 0.5, numFmt: "0.0%", style: "number" },
          null,
          { value: "注：测试用", style: "note" },
        ],
      },
    ],
    merges: ["A1:F1", "A2:F2"],
    columnWidths: [28, 10, 12, 10, 10, 10],
    hiddenColumns: [5],
    freeze: { rows: 3, columns: 1 },
    conditionalFormats: [
      {
        range: "D4:D6",
        rules: [
          { formula: "D4<4.2*0.85", style: "fail" },
          { formula: "D4<4.2", style: "warn" },
          { formula: "D4>=4.2", style: "pass" },
        ],
      },
    ],
    dataBars: [{ range: "B4:B6", color: "#638EC6" }],
    page: { landscape: true, fitToWidth: true, repeatRows: [3, 3] },
  };

  const detail: PlannedSheet = {
    kind: "schools",
    name: detailName,
    rows: [
      { row: 0, cells: [text("学校", "header"), text("在校生数", "header")] },
      ...records.map((r, i) => ({
        row: i + 1,
        cells: [
          { value: r.name, style: "text" as const },
          {
            value: r.stages.primary!.pupils!,
            formula: ref(r, "pupils.primary"),
            style: "number" as const,
          },
        ],
      })),
      {
        row: records.length + 1,
        cells: [
          text("合计"),
          {
            value: total,
            formula: `SUM(B2:B${records.length + 1})`,
            style: "number",
            numFmt: "#,##0",
          },
        ],
      },
    ],
    merges: [],
    columnWidths: [28, 12],
    conditionalFormats: [],
    dataBars: [],
    page: { landscape: false, fitToWidth: true },
  };
  return { sheets: [summary, detail], activate: "summary" };
}
