/**
 * A1 addresses ↔ 0-based coordinates, for the few places the Excel host needs them
 * (merged areas it reads, rectangles it writes). Pure.
 */
import { a1, columnLetters } from "../../sheets/grid";

export interface Rect {
  /** 0-based worksheet row of the top-left cell. */
  row: number;
  /** 0-based worksheet column of the top-left cell. */
  col: number;
  rows: number;
  cols: number;
}

/** 0-based column index of column letters: "A" → 0, "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/**
 * The rectangle of an A1 cell or range address, without a sheet prefix.
 *
 * @example
 * parseA1("B2:D4"); // { row: 1, col: 1, rows: 3, cols: 3 }
 * parseA1("$C$5");  // { row: 4, col: 2, rows: 1, cols: 1 }
 */
export function parseA1(address: string): Rect {
  const parts = address.split(":");
  const corners = parts.map((part) => {
    const match = CELL.exec(part.trim());
    if (!match || parts.length > 2)
      throw new Error(`无法识别的单元格地址「${address}」，应形如 B2 或 B2:D4。`);
    return { row: Number(match[2]) - 1, col: columnIndex(match[1]) };
  });
  const [first, last = first] = corners;
  const row = Math.min(first.row, last.row);
  const col = Math.min(first.col, last.col);
  return {
    row,
    col,
    rows: Math.abs(last.row - first.row) + 1,
    cols: Math.abs(last.col - first.col) + 1,
  };
}

/**
 * A1 address of a rectangle: a single cell stays "C5", a block becomes "B2:D4".
 *
 * @example
 * rectAddress({ row: 1, col: 1, rows: 3, cols: 3 }); // "B2:D4"
 */
export function rectAddress(rect: Rect): string {
  const topLeft = a1(rect.row, rect.col);
  if (rect.rows === 1 && rect.cols === 1) return topLeft;
  return `${topLeft}:${a1(rect.row + rect.rows - 1, rect.col + rect.cols - 1)}`;
}

/**
 * Address of whole columns, for widths: (1, 3) → "B:D".
 *
 * @example
 * columnsAddress(1, 3); // "B:D"
 */
export function columnsAddress(first: number, last: number): string {
  return `${columnLetters(first)}:${columnLetters(last)}`;
}

/** Address of one whole row (0-based): 4 → "5:5". */
export function rowAddress(row: number): string {
  return `${row + 1}:${row + 1}`;
}

const AREA = /(?:^|!|,\s*)(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)(?=\s*,|\s*$)/g;

/**
 * The rectangles of a RangeAreas address as Excel reports it, sheet prefixes dropped
 * ("Sheet1!A1:C1, Sheet1!A2:A3" or "'My, Sheet'!A1:B2").
 *
 * @example
 * parseAreas("'小学'!A1:H1, '小学'!A2:A3"); // two rectangles
 */
export function parseAreas(address: string): Rect[] {
  return [...address.matchAll(AREA)].map((match) => parseA1(match[1]));
}
