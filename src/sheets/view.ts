import {
  columnLetters,
  isCellError,
  type CellValue,
  type MergedArea,
  type SheetGrid,
} from "./grid";
import { isEmptyCell } from "./text";

/** Columns the reader looks at: real tables have well under a hundred; 16,384 hostile ones cost nothing. */
export const MAX_COLUMNS = 1024;
/** Merged areas the reader keeps (a hostile grid may list millions). */
const MAX_MERGES = 50_000;

/**
 * A sheet as the reader sees it: safe cell access whatever the grid holds (ragged rows, holes,
 * odd values), trailing empty rows trimmed, merges checked, and worksheet addresses that honour
 * the grid's origin.
 */
export interface SheetView {
  name: string;
  /** Rows up to the last non-empty one. */
  rowCount: number;
  merges: MergedArea[];
  cell(row: number, col: number): CellValue;
  /** Number of cells in a row, capped at MAX_COLUMNS (trailing empties included). */
  length(row: number): number;
  isBlankRow(row: number): boolean;
  /** True for a row hidden or filtered out in the workbook (grid.hiddenRows). */
  isHidden(row: number): boolean;
  /** A1 address in worksheet coordinates of a grid cell. */
  address(row: number, col: number): string;
  /** 1-based worksheet row of a grid row. */
  sheetRow(row: number): number;
  /** 0-based worksheet column of a grid column. */
  sheetCol(col: number): number;
  /** Worksheet column letters of a grid column. */
  letters(col: number): string;
}

function wholeNumber(x: unknown): number {
  return typeof x === "number" && Number.isInteger(x) && x >= 0 ? x : 0;
}

function cleanValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isNaN(value) ? null : value;
  if (isCellError(value)) return value;
  return null;
}

function validMerge(m: unknown, rowCount: number): MergedArea | null {
  if (typeof m !== "object" || m === null) return null;
  const { top, left, bottom, right } = m as MergedArea;
  const ints = [top, left, bottom, right].every((v) => Number.isInteger(v) && v >= 0);
  if (!ints || bottom < top || right < left || top >= rowCount || left >= MAX_COLUMNS) return null;
  if (top === bottom && left === right) return null;
  return {
    top,
    left,
    bottom: Math.min(bottom, rowCount - 1),
    right: Math.min(right, MAX_COLUMNS - 1),
  };
}

/**
 * Wraps a grid for reading. Never throws on malformed input: a missing row array reads as empty.
 *
 * @example
 * const view = sheetView({ name: "小学", rows: [["学校名称"]], merges: [], origin: { row: 2, col: 1 } });
 * view.address(0, 0); // "B3"
 */
export function sheetView(grid: SheetGrid): SheetView {
  const rows: unknown[] = Array.isArray(grid?.rows) ? grid.rows : [];
  const originRow = wholeNumber(grid?.origin?.row);
  const originCol = wholeNumber(grid?.origin?.col);
  const rowArray = (r: number): unknown[] | null => {
    const row = rows[r];
    return Array.isArray(row) ? row : null;
  };
  const length = (r: number): number => Math.min(rowArray(r)?.length ?? 0, MAX_COLUMNS);
  const cell = (r: number, c: number): CellValue => {
    const row = rowArray(r);
    return row && c < row.length ? cleanValue(row[c]) : null;
  };
  const isBlankRow = (r: number): boolean => {
    const row = rowArray(r);
    if (!row) return true;
    const n = Math.min(row.length, MAX_COLUMNS);
    for (let c = 0; c < n; c++) if (!isEmptyCell(cleanValue(row[c]))) return false;
    return true;
  };
  // Column letters are asked for once per figure of every row: cache them.
  const letterCache: string[] = [];
  const letters = (c: number): string => (letterCache[c] ??= columnLetters(originCol + c));
  const hiddenList: unknown[] = Array.isArray(grid?.hiddenRows) ? grid.hiddenRows : [];
  const hidden = new Set<number>(
    hiddenList.filter((r): r is number => Number.isInteger(r) && (r as number) >= 0)
  );
  let rowCount = rows.length;
  while (rowCount > 0 && isBlankRow(rowCount - 1)) rowCount--;
  const merges: MergedArea[] = [];
  const rawMerges: unknown[] = Array.isArray(grid?.merges) ? grid.merges : [];
  for (let i = 0; i < rawMerges.length && merges.length < MAX_MERGES; i++) {
    const m = validMerge(rawMerges[i], rowCount);
    if (m) merges.push(m);
  }
  return {
    name: typeof grid?.name === "string" ? grid.name : String(grid?.name ?? ""),
    rowCount,
    merges,
    cell,
    length,
    isBlankRow,
    isHidden: (r) => hidden.has(r),
    address: (r, c) => `${letters(c)}${originRow + r + 1}`,
    sheetRow: (r) => originRow + r + 1,
    sheetCol: (c) => originCol + c,
    letters,
  };
}
