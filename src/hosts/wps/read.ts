/**
 * Reads every sheet of the active WPS workbook as a SheetGrid (src/sheets/grid.ts), the shape the
 * file and Excel hosts build. Values come through `Range.Value2` of whole blocks (at most
 * `maxCellsPerRead` cells a call), never cell by cell; merged areas and hidden rows are found by
 * halving blocks that are mixed, so their cost follows the number of merges, not of schools.
 */
import type { CellValue, MergedArea, SheetGrid } from "../../sheets/grid";
import { parseA1, rectAddress, type Rect } from "../excel/addresses";
import { cellBudget, tileBlock } from "../excel/chunks";
import { ownershipOf } from "../excel/ownership";
import { sheetKey } from "../excel/sheetNames";
import { activeWorkbook, readNames, sheetsOf } from "./workbook";
import type { EtRange, EtWorksheet } from "./et";

export interface WpsReadOptions {
  /** Cells per Value2 read; default 20,000. */
  maxCellsPerRead?: number;
}

/**
 * The workbook's source sheets (the audit's own left out) and the names of the audit's sheets.
 *
 * @example
 * const { grids } = readWorkbookGrids(window.Application);
 * grids.map((g) => g.name); // ["说明", "小学", "初中"]
 */
export function readWorkbookGrids(
  app: Parameters<typeof activeWorkbook>[0],
  options: WpsReadOptions = {}
): { grids: SheetGrid[]; ownedSheets: string[] } {
  const maxCells = cellBudget(options.maxCellsPerRead);
  const workbook = activeWorkbook(app);
  const ownedSheets = ownershipOf(readNames(workbook)).sheets;
  const owned = new Set(ownedSheets.map(sheetKey));
  const grids = sheetsOf(workbook)
    .filter(({ name }) => !owned.has(sheetKey(name)))
    .map(({ name, sheet }) => readSheet(name, sheet, maxCells));
  return { grids, ownedSheets };
}

function readSheet(name: string, sheet: EtWorksheet, maxCells: number): SheetGrid {
  const used = sheet.UsedRange;
  const rect: Rect = {
    row: used.Row - 1,
    col: used.Column - 1,
    rows: used.Rows.Count,
    cols: used.Columns.Count,
  };
  const rows: CellValue[][] = Array.from({ length: rect.rows }, () => []);
  for (const tile of tileBlock(rect, maxCells)) {
    const values = asRows(sheet.Range(rectAddress(tile)).Value2);
    values.forEach((row, r) => {
      const target = rows[tile.row - rect.row + r];
      row.forEach((value, c) => {
        target[tile.col - rect.col + c] = cellValue(value);
      });
    });
  }
  // An empty sheet's used range is A1 with nothing in it.
  if (rows.every((row) => row.every((cell) => cell === null)))
    return { name, rows: [], merges: [], origin: { row: 0, col: 0 } };
  const hidden = hiddenRows(sheet, rect);
  return {
    name,
    rows,
    merges: mergedAreas(sheet, rect),
    origin: { row: rect.row, col: rect.col },
    ...(hidden.length > 0 ? { hiddenRows: hidden } : {}),
  };
}

/** Value2 of one cell is a scalar, of a block rows of columns. */
function asRows(value: unknown): unknown[][] {
  if (Array.isArray(value)) return value.map((row) => (Array.isArray(row) ? row : [row]));
  return [[value]];
}

/** The CVErr codes VBA-style hosts give for error cells, by their text. */
const ERROR_CODES: Record<number, string> = {
  [-2146826288]: "#NULL!",
  [-2146826281]: "#DIV/0!",
  [-2146826273]: "#VALUE!",
  [-2146826265]: "#REF!",
  [-2146826259]: "#NAME?",
  [-2146826252]: "#NUM!",
  [-2146826246]: "#N/A",
};
const ERROR_TEXTS = new Set(Object.values(ERROR_CODES));

/**
 * A cell as the reader expects it: empty → null, an error (a CVErr code, or its text) →
 * { error }, numbers, text and booleans as they are. Dates come as serial numbers (Value2).
 *
 * @example
 * cellValue(-2146826281); // { error: "#DIV/0!" }
 * cellValue("");          // null
 */
export function cellValue(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number")
    return ERROR_CODES[value] !== undefined ? { error: ERROR_CODES[value] } : value;
  if (typeof value === "string") return ERROR_TEXTS.has(value) ? { error: value } : value;
  if (typeof value === "boolean") return value;
  return String(value);
}

/** Halves a block along its longer side. */
function halves(rect: Rect): [Rect, Rect] {
  if (rect.rows >= rect.cols) {
    const top = Math.ceil(rect.rows / 2);
    return [
      { ...rect, rows: top },
      { ...rect, row: rect.row + top, rows: rect.rows - top },
    ];
  }
  const left = Math.ceil(rect.cols / 2);
  return [
    { ...rect, cols: left },
    { ...rect, col: rect.col + left, cols: rect.cols - left },
  ];
}

function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.rows <= outer.row + outer.rows &&
    inner.col + inner.cols <= outer.col + outer.cols
  );
}

/**
 * Merged areas within the used range, in grid coordinates, clipped to it. A block whose
 * MergeCells is false holds none and is not looked into; one that is wholly one merged area is
 * taken at once; a mixed block is halved.
 */
function mergedAreas(sheet: EtWorksheet, used: Rect): MergedArea[] {
  const found: Rect[] = [];
  const areaAt = (row: number, col: number): Rect =>
    parseA1(
      sheet.Range(rectAddress({ row, col, rows: 1, cols: 1 })).MergeArea.Address(false, false)
    );
  const visit = (rect: Rect): void => {
    if (found.some((area) => contains(area, rect))) return;
    const state = sheet.Range(rectAddress(rect)).MergeCells;
    if (state === false) return;
    if (state === true || (rect.rows === 1 && rect.cols === 1)) {
      const area = areaAt(rect.row, rect.col);
      if (contains(area, rect)) {
        found.push(area);
        return;
      }
    }
    if (rect.rows === 1 && rect.cols === 1) return;
    for (const half of halves(rect)) visit(half);
  };
  visit(used);
  const areas: MergedArea[] = [];
  for (const rect of found) {
    if (rect.rows === 1 && rect.cols === 1) continue;
    const top = Math.max(rect.row, used.row) - used.row;
    const left = Math.max(rect.col, used.col) - used.col;
    const bottom = Math.min(rect.row + rect.rows, used.row + used.rows) - 1 - used.row;
    const right = Math.min(rect.col + rect.cols, used.col + used.cols) - 1 - used.col;
    if (bottom >= top && right >= left) areas.push({ top, left, bottom, right });
  }
  return areas.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Hidden rows of the used range as grid indexes, by halving row blocks whose Hidden is mixed. */
function hiddenRows(sheet: EtWorksheet, used: Rect): number[] {
  const hidden: number[] = [];
  const rowsRange = (first: number, count: number): EtRange =>
    sheet.Range(`${first + 1}:${first + count}`);
  const visit = (first: number, count: number): void => {
    if (count <= 0) return;
    const state = rowsRange(first, count).EntireRow.Hidden;
    if (state === false) return;
    if (state === true) {
      for (let r = first; r < first + count; r += 1) hidden.push(r - used.row);
      return;
    }
    if (count === 1) return;
    const top = Math.ceil(count / 2);
    visit(first, top);
    visit(first + top, count - top);
  };
  visit(used.row, used.rows);
  return hidden;
}
