/**
 * The hand-built small county of test/report/fixture.ts as a workbook the task pane can scan:
 * source grids with a title, a unit line and a header row above the fixture's cells, the tables
 * a reader would report for them, and the records. Used by the pane's jest tests and by the
 * browser test's fake service.
 */
import type { SchoolRecord } from "../../src/engine";
import type { CellValue, MergedArea, SheetGrid } from "../../src/sheets/grid";
import { columnLetters } from "../../src/sheets/grid";
import type { ReadOutcome } from "../../src/taskpane/pipeline";
import type { ColumnOverride, FoundTable } from "../../src/taskpane/service";
import { smallCounty } from "../report/fixture";

/** Header wording per field, as a bureau's sheet might have it. */
const HEADERS: Record<string, string> = {
  name: "学校名称",
  "pupils.primary": "小学在校生数",
  "pupils.junior": "初中在校生数",
  "grades.primary": "年级数",
  "classes.primary": "班级数",
  aboveDegree: "高于规定学历教师数",
  backbone: "县级及以上骨干教师数",
  pe: "体育专任教师数",
  music: "音乐专任教师数",
  art: "美术专任教师数",
  "facilities.teachingArea": "教学及辅助用房面积（㎡）",
  "facilities.indoorSportsArea": "其中：室内体育用房（㎡）",
  "facilities.sportsArea": "体育运动场馆面积（㎡）",
  "facilities.equipmentValue": "教学仪器设备值",
  "facilities.multimediaRooms": "网络多媒体教室数（间）",
  "given.junior.L7": "每百名学生拥有网络多媒体教室数",
};

const STAGE_PREFIX: Record<string, string> = { primary: "小学", junior: "初中", whole: "全校" };

/** The header text of a field path on a sheet ("teachers.junior.backbone" → 「初中县级及以上骨干教师数」 on a through-train sheet). */
function headerOf(field: string, sheet: string): string {
  if (HEADERS[field]) {
    const single = sheet === "小学" || sheet === "初中";
    return single && field.startsWith("pupils.") ? "在校生数" : HEADERS[field];
  }
  const [, stage, base] = field.split(".");
  const prefix = sheet === "O'Brien" && stage !== "whole" ? STAGE_PREFIX[stage] : "";
  return prefix + (HEADERS[base] ?? field);
}

/** Fields the fake reader is less sure of, for a realistic mix of confidence badges. */
const CONFIDENCE: Record<string, number> = {
  "facilities.indoorSportsArea": 0.7,
  "given.junior.L7": 0.5,
  "facilities.equipmentValue": 0.85,
};

interface SheetLayout {
  name: string;
  headerRow: number;
  /** Field path → 0-based column. */
  columns: Map<string, number>;
  stage?: "primary" | "junior";
}

function columnOf(address: string): number {
  const letters = /^[A-Z]+/.exec(address)![0];
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

function rowOf(address: string): number {
  return Number(/\d+$/.exec(address)![0]);
}

function layouts(records: SchoolRecord[]): SheetLayout[] {
  const bySheet = new Map<string, SheetLayout>();
  for (const record of records) {
    const source = record.source!;
    const layout: SheetLayout = bySheet.get(source.sheet) ?? {
      name: source.sheet,
      headerRow: source.row - 1,
      columns: new Map(),
    };
    layout.headerRow = Math.min(layout.headerRow, source.row - 1);
    for (const [field, address] of Object.entries(source.cells ?? {}))
      layout.columns.set(field, columnOf(address));
    if (source.sheet === "小学") layout.stage = "primary";
    if (source.sheet === "初中") layout.stage = "junior";
    bySheet.set(source.sheet, layout);
  }
  return [...bySheet.values()];
}

/**
 * The county's source sheets as grids (origin A1): title (merged), unit line, header row, schools.
 *
 * @example
 * smallCountyGrids().map((g) => g.name); // ["小学", "初中", "O'Brien", "说明"]
 */
export function smallCountyGrids(): SheetGrid[] {
  const { records, sources } = smallCounty();
  const grids = layouts(records).map((layout) => {
    const width = Math.max(...layout.columns.values()) + 1;
    const rows: CellValue[][] = [];
    const put = (row: number, col: number, value: CellValue) => {
      while (rows.length < row) rows.push([]);
      rows[row - 1][col] = value;
    };
    put(1, 0, `某县2024年义务教育学校资源配置情况统计表（${layout.name}）`);
    put(2, 0, "单位：人、平方米、万元");
    put(layout.headerRow, 0, "序号");
    for (const [field, col] of layout.columns)
      put(
        layout.headerRow,
        col,
        headerOf(field, layout.name) +
          (field === "facilities.equipmentValue" && layout.name !== "初中"
            ? "（万元）"
            : field === "facilities.equipmentValue"
              ? "（元）"
              : "")
      );
    for (const [address, value] of Object.entries(sources[layout.name] ?? {})) {
      put(rowOf(address), columnOf(address), value as CellValue);
      put(rowOf(address), 0, rowOf(address) - layout.headerRow);
    }
    const merges: MergedArea[] =
      layout.headerRow > 1 ? [{ top: 0, left: 0, bottom: 0, right: width - 1 }] : [];
    return { name: layout.name, rows, merges };
  });
  grids.push({ name: "说明", rows: [["本工作簿为某县2024年统计表。"]], merges: [] });
  return grids;
}

/**
 * The tables a reader reports for smallCountyGrids(), with the overrides applied: an override
 * moves a field to its column (confidence 1), or drops it (column null).
 */
export function smallCountyTables(
  overrides: ColumnOverride[] = [],
  grids: SheetGrid[] = smallCountyGrids()
): FoundTable[] {
  const { records } = smallCounty();
  return layouts(records).map((layout) => {
    const grid = grids.find((g) => g.name === layout.name)!;
    const mapped = new Map(
      [...layout.columns].map(([field, col]) => [
        field,
        { col, confidence: CONFIDENCE[field] ?? 1 },
      ])
    );
    for (const o of overrides.filter((x) => x.sheet === layout.name)) {
      if (o.column === null) mapped.delete(o.field);
      else mapped.set(o.field, { col: o.column, confidence: 1 });
    }
    const rows = records.filter((r) => r.source!.sheet === layout.name).map((r) => r.source!.row);
    return {
      sheet: layout.name,
      headerRows: [layout.headerRow, layout.headerRow] as [number, number],
      dataRows: [Math.min(...rows), Math.max(...rows)] as [number, number],
      columns: [...mapped].map(([field, { col, confidence }]) => ({
        field,
        label: labelOf(field),
        column: col,
        letter: columnLetters(col),
        header: String(grid.rows[layout.headerRow - 1]?.[col] ?? ""),
        confidence,
      })),
      ...(layout.stage ? { stage: layout.stage } : {}),
      units: layout.name === "初中" ? [] : ["教学仪器设备值：万元→元"],
      records: rows.length,
    };
  });
}

/**
 * A stand-in for the sheet reader over smallCountyGrids(): the fixture's records (in two
 * counties when given) and tables.
 */
export function fakeReader(counties?: { a: string; b: string }) {
  return (grids: SheetGrid[], options: { overrides?: ColumnOverride[] } = {}): ReadOutcome => ({
    records: smallCounty(counties).records,
    tables: smallCountyTables(options.overrides ?? [], grids),
    skipped: grids.some((g) => g.name === "说明")
      ? [{ sheet: "说明", reason: "没有找到学校名称和在校生数的表头" }]
      : [],
    diagnostics: [],
  });
}

export const fakeReadSheets = fakeReader();

/** The reader's label of a field: its header wording with the stage, without the unit. */
function labelOf(field: string): string {
  return headerOf(field, "O'Brien").replace(/（.*）$/, "");
}

/** Field labels for the fake reader: every field of the county's sheets. */
export const FAKE_FIELDS = [
  ...new Set(layouts(smallCounty().records).flatMap((l) => [...l.columns.keys()])),
].map((id) => ({ id, label: labelOf(id) }));
