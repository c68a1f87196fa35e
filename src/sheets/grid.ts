/**
 * What a host reads from a sheet, and all the reader sees: values as Excel gives them and the
 * merged areas. Both hosts (Office.js and ExcelJS) build exactly this.
 */

/** An Excel error value such as #DIV/0! or #N/A. */
export interface CellError {
  error: string;
}

export type CellValue = number | string | boolean | null | CellError;

/** A merged area, 0-based and inclusive, in the grid's own coordinates. */
export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  name: string;
  /** Rows of cell values; rows may be ragged and cells missing (read as empty). */
  rows: CellValue[][];
  merges: MergedArea[];
  /**
   * Where rows[0][0] sits in the worksheet, 0-based (a used range need not start at A1).
   * Defaults to { row: 0, col: 0 }.
   */
  origin?: { row: number; col: number };
  /**
   * Rows hidden in the worksheet, as 0-based indexes into `rows` (not worksheet rows). Absent when
   * the host did not read visibility; hidden rows are still read (the reader decides what to do).
   */
  hiddenRows?: number[];
  /**
   * A1 addresses (worksheet coordinates) of number cells shown with a % format (0.961 shown as
   * 96.1%). Optional: a host that cannot tell leaves it out, and the county form then reads such a
   * cell as a rate only when it cannot be a count (see src/sheets/countyForm.ts).
   */
  percentCells?: string[];
}

export function isCellError(value: unknown): value is CellError {
  return (
    typeof value === "object" && value !== null && typeof (value as CellError).error === "string"
  );
}

/** Column letters of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A1 address of a 0-based worksheet row and column: (0, 0) → "A1". */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}
