import type { SchoolRecord, Stage } from "../engine/types";
import type { DiagnosticSink } from "./diag";
import { fieldLabelOf, parseFieldId, isTextField, type FieldId } from "./fields";
import { findHeaderBand, firstRowBand, type HeaderBand } from "./header";
import { sheetStage } from "./kinds";
import {
  applyOverrides,
  autoColumns,
  columnMappings,
  fallbackNameColumn,
  isIndicatorField,
  type MappedColumn,
} from "./mapping";
import { mergedTextReader } from "./fill";
import { decodeOwner, ownerLegend } from "./owner";
import { readRows, type RowsRead } from "./records";
import type {
  ColumnOverride,
  HiddenRow,
  ReadOptions,
  RejectedRow,
  RowAccount,
  TableInfo,
} from "./types";
import { clip } from "./text";
import { columnUnit, filingUnitLine, sheetUnitLine, targetUnit } from "./units";
import { isShareHeader, type HeaderMatch } from "./vocabulary";
import { foldText } from "./text";
import type { SheetView } from "./view";

export type SheetOutcome =
  | {
      kind: "table";
      table: TableInfo;
      records: SchoolRecord[];
      hidden: HiddenRow[];
      rejected: RejectedRow[];
      unreadStages: Map<Stage, string>;
      /** Every row of the sheet's used range by kind. */
      account: RowAccount;
    }
  | { kind: "skipped"; reason: string };

const MONEY_PER_PUPIL_FLOOR = 50;

function unitsOf(
  columns: readonly MappedColumn[],
  band: HeaderBand
): { factors: Map<FieldId, number>; notes: string[]; unknownMoney: MappedColumn[] } {
  const line = sheetUnitLine(band.above);
  const factors = new Map<FieldId, number>();
  const notes: string[] = [];
  const unknownMoney: MappedColumn[] = [];
  for (const c of columns) {
    const unit = columnUnit(c.field, c.unit, line);
    if (!unit) continue;
    const label = fieldLabelOf(c.field);
    if (unit.factor !== 1) {
      factors.set(c.field, unit.factor);
      notes.push(
        `${label}：${unit.unit}→${targetUnit(c.field)}${unit.from === "sheet" ? "（据表头「单位」行）" : ""}`
      );
    } else if (unit.from === "none" && targetUnit(c.field) === "元") {
      notes.push(`${label}：未注明单位，按元读取`);
      unknownMoney.push(c);
    }
  }
  return { factors, notes, unknownMoney };
}

/** Warns when equipment value with no unit looks like 万元 (a few 元 per pupil). */
function checkMoneyUnit(
  view: SheetView,
  band: HeaderBand,
  records: SchoolRecord[],
  columns: MappedColumn[],
  sink: DiagnosticSink
): void {
  if (!columns.some((c) => parseFieldId(c.field).base === "facilities.equipmentValue")) return;
  const perPupil: number[] = [];
  for (const r of records) {
    const pupils = Object.values(r.stages).reduce((s, f) => s + (f?.pupils ?? 0), 0);
    const value = r.facilities?.equipmentValue;
    if (pupils > 0 && typeof value === "number" && value > 0) perPupil.push(value / pupils);
  }
  if (perPupil.length === 0) return;
  perPupil.sort((a, b) => a - b);
  const median = perPupil[Math.floor(perPupil.length / 2)];
  if (median >= MONEY_PER_PUPIL_FLOOR) return;
  const col = columns.find((c) => parseFieldId(c.field).base === "facilities.equipmentValue")!;
  const address = view.address(band.top, col.column);
  sink.add(
    "warning",
    "sheets.unit-suspect",
    view.name,
    address,
    `「${view.name}」的教学仪器设备值列（${view.letters(col.column)}列）未注明单位，按元读取后生均只有约${median.toFixed(2)}元，疑为万元；如是万元，请在表头注明「（万元）」。`
  );
}

/**
 * Warns about a figure merged down over several school rows (a shared facility of 小学部 and
 * 初中部 rows, say): its value sits in the top row only and is read for that school alone.
 */
function checkMergedFigures(
  view: SheetView,
  band: HeaderBand,
  columns: readonly MappedColumn[],
  sink: DiagnosticSink
): void {
  const numeric = columns.filter((c) => !isTextField(parseFieldId(c.field).base));
  for (const m of view.merges) {
    if (m.top < band.dataStart || m.bottom === m.top) continue;
    const column = numeric.find((c) => c.column >= m.left && c.column <= m.right);
    if (!column) continue;
    const range = `${view.address(m.top, m.left)}:${view.address(m.bottom, m.right)}`;
    sink.add(
      "warning",
      "sheets.merged-figure",
      view.name,
      view.address(m.top, column.column),
      `「${view.name}」的${fieldLabelOf(column.field)}单元格 ${range} 合并跨越第${view.sheetRow(m.top)}至${view.sheetRow(m.bottom)}行，只计入第${view.sheetRow(m.top)}行的学校；应取消合并，每行分别填写（一贯制学校的共用设施可合并为一行，分列填写小学、初中在校生数）。`
    );
  }
}

/**
 * Reads one sheet: finds its header band, maps the columns (overrides applied), checks the
 * required fields and reads the rows. A sheet that holds no school table is skipped with the reason.
 */
export function readSheet(
  view: SheetView,
  overrides: readonly ColumnOverride[],
  sink: DiagnosticSink,
  memo: Map<string, HeaderMatch | null>,
  options: ReadOptions = {}
): SheetOutcome {
  if (view.rowCount === 0) return { kind: "skipped", reason: "工作表为空" };
  const band =
    findHeaderBand(view, memo, auditYearOf(options)) ??
    (overrides.length > 0 ? firstRowBand(view) : null);
  if (!band)
    return { kind: "skipped", reason: "未找到学校数据表的表头（如「学校名称」「在校生数」）" };
  let columns = applyOverrides(autoColumns(band), band, overrides, view, sink);
  const has = (test: (f: FieldId) => boolean) => columns.some((c) => test(c.field));
  const hasPupils = has((f) => /^pupils(\.|$)/.test(f));
  if (!has((f) => f === "name") && hasPupils && !overrides.some((o) => o.field === "name")) {
    const name = fallbackNameColumn(view, band, columns);
    if (name) columns = [...columns, name].sort((a, b) => a.column - b.column);
  }
  const hasName = has((f) => f === "name");
  const indicators = has(isIndicatorField);
  const headerCell = view.address(band.top, 0);
  if (!hasName && !hasPupils)
    return { kind: "skipped", reason: "不是学校数据表：没有「学校名称」和「在校生数」列" };
  if (!hasPupils) {
    if (!indicators)
      return { kind: "skipped", reason: "不是学校数据表：没有「在校生数」列和指标列" };
    sink.add(
      "error",
      "sheets.pupils-column-missing",
      view.name,
      headerCell,
      `未找到在校生数列：工作表「${view.name}」第${view.sheetRow(band.top)}行起的表头中没有「在校生数」（或「在校学生数」「学生数」「小学在校生数」等）；该表未读入。请在任务窗格中指定在校生数所在的列。`
    );
    return { kind: "skipped", reason: "未找到在校生数列" };
  }
  if (!hasName && has((f) => f === "county" || f === "stage")) {
    return { kind: "skipped", reason: "汇总表：按区县或学段汇总，没有「学校名称」列" };
  }
  if (!hasName) {
    sink.add(
      "error",
      "sheets.name-column-missing",
      view.name,
      headerCell,
      `未找到学校名称列：工作表「${view.name}」第${view.sheetRow(band.top)}行起的表头中没有「学校名称」；该表未读入。请在任务窗格中指定学校名称所在的列。`
    );
    return { kind: "skipped", reason: "未找到学校名称列" };
  }
  if (!indicators) {
    sink.add(
      "error",
      "sheets.indicators-missing",
      view.name,
      headerCell,
      `未找到任何指标列：工作表「${view.name}」的表头中没有教师数（高于规定学历、骨干、体育艺术）、校舍面积、运动场馆面积、仪器设备值、多媒体教室数，也没有生均、每百名学生等指标值；只读入了学校名称和在校生数。`
    );
  }

  noteShareColumns(view, band, columns, sink);
  noteArtsSplit(view, band, columns, sink);
  noteYears(view, band, sink);
  const units = unitsOf(columns, band);
  const textColumns = columns
    .filter((c) => ["name", "code", "county", "owner", "stage", "countsAsSchool"].includes(c.field))
    .map((c) => c.column);
  const stageOfSheet = sheetStage(view.name);
  const read = readRows({
    view,
    columns,
    factors: units.factors,
    sheetStage: stageOfSheet,
    dataStart: band.dataStart,
    text: mergedTextReader(view, textColumns),
    sink,
    includeHidden: options.includeHiddenRows === true,
  });
  noteSkippedRows(view, read.totals, read.hidden, sink);
  const legend = ownerLegend(read.footnotes.join(" "));
  let undecoded = 0;
  for (const { record, ownerText } of read.rows) {
    if (!ownerText) continue;
    const { owner, decoded } = decodeOwner(ownerText, legend);
    record.owner = owner;
    record.ownerLabel = ownerText;
    if (!decoded) undecoded++;
  }
  noteCampuses(view, columns, read.rows, sink);
  const ownerCol = columns.find((c) => c.field === "owner");
  if (undecoded > 0 && ownerCol) {
    sink.add(
      "info",
      "sheets.owner-code",
      view.name,
      view.address(band.top, ownerCol.column),
      `「${view.name}」有${undecoded}所学校的举办者类型（${view.letters(ownerCol.column)}列）无法判断公办或民办，按公办计算并保留原文；如有民办学校，请填写「民办」。`
    );
  }
  for (const field of read.droppedWhole) {
    const column = columns.find((c) => c.field === field);
    sink.add(
      "info",
      "sheets.whole-school-figure",
      view.name,
      column ? view.address(band.top, column.column) : "",
      `「${view.name}」的「${fieldLabelOf(field)}」未分学段，一贯制学校的该项无法分到小学和初中，未读入；请分列填写。`
    );
  }
  checkMergedFigures(view, band, columns, sink);
  const records = read.rows.map((r) => r.record);
  if (units.unknownMoney.length) checkMoneyUnit(view, band, records, columns, sink);
  if (records.length === 0) {
    sink.add(
      "warning",
      "sheets.no-rows",
      view.name,
      view.address(band.dataStart, 0),
      `工作表「${view.name}」有表头但没有读到学校数据行。`
    );
  }
  const rows = records.map((r) => r.source!.row);
  const singleStages = new Set(records.map((r) => Object.keys(r.stages).join(",")));
  const uniform = singleStages.size === 1 ? ([...singleStages][0] as Stage | string) : "";
  const stage =
    stageOfSheet ?? (uniform === "primary" || uniform === "junior" ? uniform : undefined);
  const table: TableInfo = {
    sheet: view.name,
    headerRows: [view.sheetRow(band.top), view.sheetRow(band.top + band.height - 1)],
    dataRows: rows.length ? [rows[0], rows[rows.length - 1]] : null,
    columns: columnMappings(columns, view),
    ...(stage ? { stage } : {}),
    units: units.notes,
    records: records.length,
  };
  const filingUnit = filingUnitLine(band.above);
  if (filingUnit) table.filingUnit = filingUnit;
  const hidden = read.hidden.map((h) => ({
    sheet: view.name,
    row: h.row,
    cell: h.address,
    name: h.name,
  }));
  const rejected = read.rejected.map((x) => ({ sheet: view.name, ...x }));
  return {
    kind: "table",
    table,
    records,
    hidden,
    rejected,
    unreadStages: read.unreadStages,
    account: rowAccount(view, band, read),
  };
}

/**
 * Every row of the used range by kind: above the header band, blank rows and title / 填报单位 /
 * 单位 lines; the band and its code row; below, what the row loop found (schools, skipped, left out).
 */
function rowAccount(view: SheetView, band: HeaderBand, read: RowsRead): RowAccount {
  const skipped = { ...read.skipped };
  let header = 0;
  const bandEnd = Math.min(band.top + band.height, view.rowCount);
  for (let r = 0; r < Math.min(band.dataStart, view.rowCount); r++) {
    if (r >= band.top && r < bandEnd) header++;
    else if (view.isBlankRow(r)) skipped.blank++;
    else if (r < band.top) skipped.title++;
    else header++; // the code row under the band
  }
  return {
    sheet: view.name,
    firstRow: view.sheetRow(0),
    lastRow: view.sheetRow(view.rowCount - 1),
    header,
    read: read.rows.length,
    skipped,
    leftOut: [...read.leftOut].sort((a, b) => a.row - b.row),
  };
}

/** The auditYear setting as a year, or null (latest) when absent or not a year. */
function auditYearOf(options: ReadOptions): number | null {
  const y = Number(options.auditYear);
  return options.auditYear !== null &&
    options.auditYear !== undefined &&
    Number.isInteger(y) &&
    y >= 1900 &&
    y <= 2100
    ? y
    : null;
}

/** Says which school year was read when a sheet gives several side by side, and which columns were set aside. */
function noteYears(view: SheetView, band: HeaderBand, sink: DiagnosticSink): void {
  const years = band.years;
  if (!years) return;
  const asked =
    years.asked !== null && years.asked !== years.chosen
      ? `（设置 auditYear=${years.asked} 的年份表中没有，改用最近一年）`
      : "";
  const setAside = years.setAside.map(
    (c) => `${view.letters(c.column)}列「${clip(c.header, 20)}」`
  );
  sink.add(
    years.asked !== null && years.asked !== years.chosen ? "warning" : "info",
    "sheets.year-chosen",
    view.name,
    view.address(band.top, years.setAside[0]?.column ?? 0),
    `「${view.name}」并列了${years.all.map((y) => `${y}年`).join("、")}的数据，审计${years.chosen}年的列${asked}；未读入的其他年份列：${setAside.slice(0, 20).join("、")}${setAside.length > 20 ? `等${setAside.length}列` : ""}。如要审计其他年份，请设置 auditYear（如 --set auditYear=${years.all[0]}）。`
  );
}

/** Lists the share and rate columns (占比, 比例, 覆盖率, %) set aside: the audit computes its ratios from counts. */
function noteShareColumns(
  view: SheetView,
  band: HeaderBand,
  columns: readonly MappedColumn[],
  sink: DiagnosticSink
): void {
  const used = new Set(columns.map((c) => c.column));
  for (const c of band.columns) {
    if (used.has(c.column) || !c.header || !isShareHeader(foldText(c.header))) continue;
    const address = view.address(band.top + band.height - 1, c.column);
    sink.add(
      "info",
      "sheets.share-column",
      view.name,
      address,
      `「${view.name}」的「${clip(c.header)}」列（${address}）是比例或百分比，不是人数、面积或金额，未读入；各项指标由本工具按学校的人数、面积、金额重新计算。`
    );
  }
}

/**
 * Lists the rows whose 是否计校数 is 0: campuses the statistics count under their parent school.
 * They are audited as schools of their stage; 表Ⅰ counts them as campuses, not schools.
 */
function noteCampuses(
  view: SheetView,
  columns: readonly MappedColumn[],
  rows: readonly { record: SchoolRecord }[],
  sink: DiagnosticSink
): void {
  const col = columns.find((c) => c.field === "countsAsSchool");
  const campuses = rows.filter((r) => r.record.campus).map((r) => r.record);
  if (!col || campuses.length === 0) return;
  const cellOf = (r: SchoolRecord) => `${view.letters(col.column)}${r.source?.row ?? ""}`;
  const list = campuses
    .slice(0, 20)
    .map((r) => `「${clip(r.name)}」（${cellOf(r)}）`)
    .join("、");
  sink.add(
    "info",
    "sheets.campus-rows",
    view.name,
    cellOf(campuses[0]),
    `「${view.name}」有${campuses.length}行「是否计校数」为0（校区，统计中计入所属学校）：${list}${campuses.length > 20 ? "等" : ""}。这些校区按所在学段各自审计；表Ⅰ中计为校区，不计入学校数。`
  );
}

/**
 * An export that gives the arts teachers only as 「艺术 › 计」 (no 音乐 / 美术 columns): L3 counts
 * that total, and 数据诊断 says which columns to add for the split.
 */
function noteArtsSplit(
  view: SheetView,
  band: HeaderBand,
  columns: readonly MappedColumn[],
  sink: DiagnosticSink
): void {
  const baseOf = (c: MappedColumn) => parseFieldId(c.field).base;
  const total = columns.find((c) => baseOf(c) === "teachers.artsTotal");
  if (!total) return;
  if (columns.some((c) => ["teachers.music", "teachers.art"].includes(baseOf(c)))) return;
  const address = view.address(band.top + band.height - 1, total.column);
  sink.add(
    "info",
    "sheets.arts-split-missing",
    view.name,
    address,
    `「${view.name}」只给出艺术专任教师合计（${address}「${clip(total.header)}」），没有音乐、美术分列：每百名学生体育、艺术专任教师数（L3）按体育与健康加艺术合计计算。如需分列核对，请补充「音乐」「美术」专任教师列。`
  );
}

/** One 数据诊断 line for the total rows skipped on a sheet, one for the hidden school rows left out. */
function noteSkippedRows(
  view: SheetView,
  totals: readonly { label: string; address: string }[],
  hidden: readonly { name: string; address: string }[],
  sink: DiagnosticSink
): void {
  const list = (items: string[]) =>
    items.slice(0, 20).join("、") + (items.length > 20 ? `等${items.length}行` : "");
  if (totals.length > 0) {
    sink.add(
      "info",
      "sheets.total-rows",
      view.name,
      totals[0].address,
      `「${view.name}」跳过${totals.length}个合计/小计行（不是学校）：${list(totals.map((t) => `「${clip(t.label)}」（${t.address}）`))}。`
    );
  }
  if (hidden.length > 0) {
    sink.add(
      "warning",
      "sheets.hidden-rows",
      view.name,
      hidden[0].address,
      `「${view.name}」有${hidden.length}所学校的行被隐藏或筛选掉，未计入审计：${list(hidden.map((h) => `「${clip(h.name)}」（${h.address}）`))}。如这些学校应当审计，请取消隐藏或清除筛选，或打开设置「审计隐藏行」（includeHiddenRows）。`
    );
  }
}
