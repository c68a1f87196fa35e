import { a1 } from "../sheets/grid";

/**
 * Where a cell of a range argument sits in the workbook, from the range's address that Excel
 * passes with @requiresParameterAddresses ("Sheet1!B2:B6", "'学校 数据'!$C$3", "B2:B6").
 */

const RANGE_START = /^(?:(.+)!)?\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?[A-Za-z]{1,3}\$?\d+)?$/;

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * The A1 address (with its sheet, when the range names one) of the cell `row`, `col` (0-based)
 * inside the range at `rangeAddress`; null when the address is missing or not an A1 range.
 *
 * @example
 * cellAddress("Sheet1!B2:B6", 2, 0); // "Sheet1!B4"
 * cellAddress("'学校 数据'!$C$3:$D$9", 0, 1); // "'学校 数据'!D3"
 */
export function cellAddress(
  rangeAddress: string | null | undefined,
  row: number,
  col: number
): string | null {
  if (typeof rangeAddress !== "string") return null;
  const match = RANGE_START.exec(rangeAddress.trim());
  if (!match) return null;
  const [, sheet, letters, digits] = match;
  const cell = a1(Number(digits) - 1 + row, columnIndex(letters) + col);
  return sheet ? `${sheet}!${cell}` : cell;
}
