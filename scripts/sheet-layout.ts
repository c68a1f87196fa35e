import ExcelJS from "exceljs";
import { a1, columnLetters } from "../src/sheets/grid";
import type { SchoolRecord } from "../src/engine";

/**
 * A bureau-style table writer for the sample workbooks: merged title, a 「填报单位」 line, a
 * header band with merged group cells, one row per school, a 合计 row of SUM formulas with their
 * cached totals, and a 「注：」 footnote.
 */

export type SheetValue = string | number | null;

export interface Column {
  header: string;
  /** Group cell above the header (「教师情况」): columns with the same group are merged under it. */
  group?: string;
  /** The record's field path (SourceRef.cells key), when the column holds one of its figures. */
  key?: string;
  /** Multiplier from the sheet's value to the record's unit (10000 for 万元). */
  factor?: number;
  value: (record: SchoolRecord, index: number) => SheetValue;
  numFmt?: string;
  /** Summed in the 合计 row. */
  total?: boolean;
  width?: number;
}

export interface TableSpec {
  sheet: string;
  title: string;
  unitLine: string;
  columns: Column[];
  records: SchoolRecord[];
  notes: string[];
}

const THIN: Partial<ExcelJS.Border> = { style: "thin" };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_ROWS = 2;
const FIRST_DATA_ROW = 5; // 1-based: title, unit line, two header rows

/** 1-based worksheet row of the index-th school in a table. */
export function dataRow(index: number): number {
  return FIRST_DATA_ROW + index;
}

/** Where each figure of the index-th record sits, for SourceRef. */
export function sourceOf(spec: TableSpec, index: number): NonNullable<SchoolRecord["source"]> {
  const row = dataRow(index);
  const cells: Record<string, string> = {};
  const factors: Record<string, number> = {};
  spec.columns.forEach((column, col) => {
    if (!column.key) return;
    cells[column.key] = a1(row - 1, col);
    if (column.factor !== undefined && column.factor !== 1) factors[column.key] = column.factor;
  });
  return { sheet: spec.sheet, row, cells, ...(Object.keys(factors).length > 0 ? { factors } : {}) };
}

function roundTotal(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Writes one table sheet; returns the worksheet. */
export function writeTable(workbook: ExcelJS.Workbook, spec: TableSpec): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(spec.sheet, {
    views: [{ state: "frozen", xSplit: 2, ySplit: FIRST_DATA_ROW - 1 }],
  });
  const last = spec.columns.length - 1;
  ws.getCell("A1").value = spec.title;
  ws.getCell("A1").font = { bold: true, size: 16 };
  ws.getCell("A1").alignment = { horizontal: "center", vertical: "middle" };
  ws.mergeCells(`A1:${a1(0, last)}`);
  ws.getRow(1).height = 30;
  ws.getCell("A2").value = spec.unitLine;
  ws.mergeCells(`A2:${a1(1, last)}`);

  // Header band: a group cell over its columns, or the header merged over both rows.
  const groupRow = 3;
  const headerRow = groupRow + HEADER_ROWS - 1;
  let col = 0;
  while (col <= last) {
    const column = spec.columns[col];
    if (!column.group) {
      ws.getCell(groupRow, col + 1).value = column.header;
      ws.mergeCells(groupRow, col + 1, headerRow, col + 1);
      col++;
      continue;
    }
    let end = col;
    while (end + 1 <= last && spec.columns[end + 1].group === column.group) end++;
    ws.getCell(groupRow, col + 1).value = column.group;
    if (end > col) ws.mergeCells(groupRow, col + 1, groupRow, end + 1);
    for (let c = col; c <= end; c++) ws.getCell(headerRow, c + 1).value = spec.columns[c].header;
    col = end + 1;
  }
  for (let r = groupRow; r <= headerRow; r++) {
    for (let c = 0; c <= last; c++) {
      const cell = ws.getCell(r, c + 1);
      cell.font = { bold: true };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      cell.border = BOX;
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
    }
  }
  ws.getRow(headerRow).height = 45;

  spec.records.forEach((record, i) => {
    const row = ws.getRow(dataRow(i));
    spec.columns.forEach((column, c) => {
      const cell = row.getCell(c + 1);
      cell.value = column.value(record, i);
      cell.border = BOX;
      if (column.numFmt) cell.numFmt = column.numFmt;
    });
  });

  const totalRow = ws.getRow(dataRow(spec.records.length));
  spec.columns.forEach((column, c) => {
    const cell = totalRow.getCell(c + 1);
    cell.border = BOX;
    cell.font = { bold: true };
    if (c === 1) cell.value = "合计";
    if (!column.total) return;
    const letters = columnLetters(c);
    const sum = spec.records.reduce((s, r, i) => s + Number(column.value(r, i) ?? 0), 0);
    cell.value = {
      formula: `SUM(${letters}${dataRow(0)}:${letters}${dataRow(spec.records.length - 1)})`,
      result: roundTotal(sum),
    };
    if (column.numFmt) cell.numFmt = column.numFmt;
  });

  spec.notes.forEach((note, k) => {
    const r = dataRow(spec.records.length) + 1 + k;
    ws.getCell(r, 1).value = note;
    ws.mergeCells(r, 1, r, last + 1);
  });
  spec.columns.forEach((column, c) => {
    ws.getColumn(c + 1).width = column.width ?? (c === 1 ? 28 : 12);
  });
  ws.pageSetup = {
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    paperSize: 9,
  } as Partial<ExcelJS.PageSetup>;
  return ws;
}

/** A cover sheet of plain lines (the first one bold). */
export function writeCover(
  workbook: ExcelJS.Workbook,
  name: string,
  lines: string[]
): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(name);
  lines.forEach((line, i) => {
    ws.getCell(i + 1, 1).value = line;
    ws.getCell(i + 1, 1).alignment = { wrapText: true, vertical: "top" };
    if (i === 0) ws.getCell(i + 1, 1).font = { bold: true, size: 14 };
  });
  ws.getColumn(1).width = 90;
  return ws;
}
