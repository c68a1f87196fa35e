import ExcelJS from "exceljs";
import type { CellValue, MergedArea, SheetGrid } from "../../sheets/grid";
import { a1 } from "../../sheets/grid";
import { readCellValue } from "./cell-value";

interface RangeModel {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Merged areas of a worksheet, 0-based and inclusive. */
export function mergedAreas(worksheet: ExcelJS.Worksheet): MergedArea[] {
  // ExcelJS keeps merges in a private map of master address → Range; ws.model would serialise every row.
  const merges =
    (worksheet as unknown as { _merges?: Record<string, { model: RangeModel }> })._merges ?? {};
  return Object.values(merges).map(({ model }) => ({
    top: model.top - 1,
    left: model.left - 1,
    bottom: model.bottom - 1,
    right: model.right - 1,
  }));
}

/**
 * A worksheet as the reader's SheetGrid, from A1 (origin 0,0). A merged area's value sits in its
 * top-left cell only, as Excel gives it; the other cells of the area read as null. Rows hidden or
 * filtered out are listed in hiddenRows.
 *
 * @example
 * worksheetToGrid(workbook.getWorksheet("小学")!).rows[0][0]; // "示范区2023年义务教育学校资源配置情况统计表"
 */
export function worksheetToGrid(worksheet: ExcelJS.Worksheet): SheetGrid {
  const rows: CellValue[][] = [];
  const hiddenRows: number[] = [];
  const percentCells: string[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // A row hidden by hand and one an AutoFilter filtered out are both saved as hidden="1".
    if (row.hidden) hiddenRows.push(rowNumber - 1);
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return; // not the top-left cell of a merge
      const value = readCellValue(cell);
      if (value === null) return;
      // The county form's rates: 0.961 shown as 96.1% (SheetGrid.percentCells).
      if (typeof value === "number" && cell.numFmt?.includes("%"))
        percentCells.push(a1(rowNumber - 1, colNumber - 1));
      while (cells.length < colNumber - 1) cells.push(null);
      cells[colNumber - 1] = value;
    });
    if (cells.length === 0) return;
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = cells;
  });
  const grid: SheetGrid = {
    name: worksheet.name,
    rows,
    merges: mergedAreas(worksheet),
    origin: { row: 0, col: 0 },
  };
  if (hiddenRows.length > 0) grid.hiddenRows = hiddenRows;
  if (percentCells.length) grid.percentCells = percentCells;
  return grid;
}
