/**
 * Reads every sheet of the open workbook as a SheetGrid (src/sheets/grid.ts), the same shape the
 * file host builds. Round trips: the sheet list and ownership markers, then the used-range
 * addresses, then the values of all sheets together in payload-sized requests.
 */
import { a1, type CellValue, type MergedArea, type SheetGrid } from "../../sheets/grid";
import { isPercentFormatCode } from "../file/streaming/number-formats";
import { parseAreas, type Rect } from "./addresses";
import { cellBudget, packByCost, syncEach, tileBlock } from "./chunks";
import { ownershipOf, queueOwnershipRead } from "./ownership";
import { sheetKey } from "./sheetNames";

export interface ReadOptions {
  /** Cells per request; the default keeps a request near 2 MB, under the 5 MB web limit. */
  maxCellsPerRequest?: number;
}

interface Block {
  name: string;
  sheet: Excel.Worksheet;
  used: Excel.Range;
  rect: Rect;
  /** Filled once the merged areas are queued. */
  merged?: Excel.RangeAreas;
  /** The visible cells of the block's first column: rows outside are hidden or filtered out. */
  visible?: Excel.RangeAreas;
}

interface Piece {
  block: Block;
  tile: Rect;
  range?: Excel.Range;
}

/**
 * Every sheet's used range (values and merged areas) except the audit's own sheets.
 *
 * @example
 * const { grids, ownedSheets } = await Excel.run((context) => readWorkbookGrids(context));
 */
export async function readWorkbookGrids(
  context: Excel.RequestContext,
  options: ReadOptions = {}
): Promise<{ grids: SheetGrid[]; ownedSheets: string[] }> {
  const maxCells = cellBudget(options.maxCellsPerRequest);
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const names = queueOwnershipRead(context);
  await context.sync();

  const ownedSheets = ownershipOf(names.items).sheets;
  const owned = new Set(ownedSheets.map(sheetKey));
  const candidates = worksheets.items
    .filter((sheet) => !owned.has(sheetKey(sheet.name)))
    .map((sheet) => {
      // valuesOnly: formatting far below the table must not make the read grow.
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      return { name: sheet.name, sheet, used };
    });
  await context.sync();

  const blocks: Block[] = candidates
    .filter(({ used }) => !used.isNullObject)
    .map(({ name, sheet, used }) => ({
      name,
      sheet,
      used,
      rect: {
        row: used.rowIndex,
        col: used.columnIndex,
        rows: used.rowCount,
        cols: used.columnCount,
      },
    }));
  const pieces: Piece[] = blocks.flatMap((block) =>
    tileBlock(block.rect, maxCells).map((tile) => ({ block, tile }))
  );
  const requests = packByCost(pieces, (piece) => piece.tile.rows * piece.tile.cols, maxCells);
  await syncEach(context, requests, (request) => {
    for (const piece of request) {
      const { block, tile } = piece;
      if (!block.merged) {
        block.merged = block.used.getMergedAreasOrNullObject();
        block.merged.load("address");
        // One compact address list per sheet (runs of visible rows), in the same request: the
        // number of syncs does not grow with the rows, nor the payload with rows that are shown.
        if (block.rect.rows > 1) {
          const firstColumn = block.sheet.getRangeByIndexes(
            block.rect.row,
            block.rect.col,
            block.rect.rows,
            1
          );
          block.visible = firstColumn.getSpecialCellsOrNullObject("Visible");
          block.visible.load("address");
        }
      }
      piece.range = block.sheet.getRangeByIndexes(tile.row, tile.col, tile.rows, tile.cols);
      // numberFormat: a rate typed as 0.961 and shown as 96.1% is a percent (SheetGrid.percentCells),
      // as the file readers report it. A format code is short: the cell budget still holds.
      piece.range.load("values,valueTypes,numberFormat");
    }
  });

  const grids = new Map<string, SheetGrid>();
  for (const block of blocks) {
    const grid: SheetGrid = {
      name: block.name,
      rows: Array.from({ length: block.rect.rows }, () => []),
      merges: block.merged ? mergesOf(block.merged, block.rect) : [],
      origin: { row: block.rect.row, col: block.rect.col },
    };
    const hidden = block.visible ? hiddenRowsOf(block.visible, block.rect) : [];
    if (hidden.length > 0) grid.hiddenRows = hidden;
    grids.set(block.name, grid);
  }
  for (const piece of pieces) fillPiece(grids.get(piece.block.name) as SheetGrid, piece);
  // An empty sheet is still a sheet the reader may want to mention.
  const ordered = candidates.map(
    ({ name }) => grids.get(name) ?? { name, rows: [], merges: [], origin: { row: 0, col: 0 } }
  );
  return { grids: ordered, ownedSheets };
}

function fillPiece(grid: SheetGrid, piece: Piece): void {
  const range = piece.range as Excel.Range;
  const values = range.values;
  const types = range.valueTypes;
  const formats = range.numberFormat as unknown[][] | undefined;
  const origin = grid.origin ?? { row: 0, col: 0 };
  values.forEach((row, r) => {
    const target = grid.rows[piece.tile.row - origin.row + r];
    row.forEach((value, c) => {
      const cell = cellValue(value, types[r]?.[c]);
      target[piece.tile.col - origin.col + c] = cell;
      if (typeof cell === "number" && isPercentFormat(formats?.[r]?.[c])) {
        // Worksheet addresses, as the file readers give them.
        (grid.percentCells ??= []).push(a1(piece.tile.row + r, piece.tile.col + c));
      }
    });
  });
}

/**
 * True for a cell's number format that shows a percent (「0.0%」, 「0%」), not for 「General」 or a
 * % inside quotes.
 *
 * @example
 * isPercentFormat("0.0%"); // true
 * isPercentFormat('0"%"'); // false
 */
export function isPercentFormat(format: unknown): boolean {
  return typeof format === "string" && isPercentFormatCode(format);
}

/**
 * A cell as the reader expects it: "" (empty) → null; an error value, which Office.js gives as
 * text ("#DIV/0!") with the type "Error", → { error }; numbers, text and booleans as they are.
 *
 * @example
 * cellValue("#DIV/0!", "Error"); // { error: "#DIV/0!" }
 * cellValue("", "Empty");        // null
 */
export function cellValue(value: unknown, type: string | undefined): CellValue {
  if (type === "Error") return { error: String(value) };
  if (value === "" || value === null || value === undefined || type === "Empty") return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  return String(value);
}

/**
 * Rows of the used range (0-based grid rows) outside the visible cells of its first column:
 * hidden by hand or filtered out. A null object means no row is visible.
 */
function hiddenRowsOf(visible: Excel.RangeAreas, used: Rect): number[] {
  const shown = new Array<boolean>(used.rows).fill(false);
  if (!visible.isNullObject) {
    for (const rect of parseAreas(visible.address)) {
      const from = Math.max(rect.row, used.row) - used.row;
      const to = Math.min(rect.row + rect.rows, used.row + used.rows) - used.row;
      for (let r = from; r < to; r++) shown[r] = true;
    }
  }
  const hidden: number[] = [];
  shown.forEach((s, r) => {
    if (!s) hidden.push(r);
  });
  return hidden;
}

/** Merged areas in grid coordinates (0-based, inclusive), clipped to the used range. */
function mergesOf(merged: Excel.RangeAreas, used: Rect): MergedArea[] {
  if (merged.isNullObject) return [];
  const areas: MergedArea[] = [];
  for (const rect of parseAreas(merged.address)) {
    const top = Math.max(rect.row, used.row) - used.row;
    const left = Math.max(rect.col, used.col) - used.col;
    const bottom = Math.min(rect.row + rect.rows, used.row + used.rows) - 1 - used.row;
    const right = Math.min(rect.col + rect.cols, used.col + used.cols) - 1 - used.col;
    if (bottom >= top && right >= left) areas.push({ top, left, bottom, right });
  }
  return areas;
}
