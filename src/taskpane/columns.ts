/**
 * The columns of a sheet's header band, as the mapping dropdowns offer them: letters and the
 * header text, group cells first (「教师情况 / 骨干教师」), merged cells read through.
 */
import { columnLetters, isCellError, type CellValue, type SheetGrid } from "../sheets/grid";
import type { ColumnChoice } from "./service";

/**
 * Every column of the grid with its header text over the 1-based worksheet rows of the band.
 *
 * @example
 * columnChoices({ name: "小学", rows: [["学校", "在校生数"]], merges: [] }, [1, 1]);
 * // [{ column: 0, letter: "A", header: "学校" }, { column: 1, letter: "B", header: "在校生数" }]
 */
export function columnChoices(grid: SheetGrid, headerRows: [number, number]): ColumnChoice[] {
  const origin = grid.origin ?? { row: 0, col: 0 };
  const width = grid.rows.reduce((max, row) => Math.max(max, row.length), 0);
  const first = headerRows[0] - 1 - origin.row;
  const last = headerRows[1] - 1 - origin.row;
  const choices: ColumnChoice[] = [];
  for (let col = 0; col < width; col++) {
    const parts: string[] = [];
    for (let row = Math.max(first, 0); row <= last && row < grid.rows.length; row++) {
      const text = cellText(valueAt(grid, row, col));
      if (text && parts[parts.length - 1] !== text) parts.push(text);
    }
    choices.push({
      column: col,
      letter: columnLetters(origin.col + col),
      header: parts.join(" / "),
    });
  }
  return choices;
}

/** The value shown at (row, col): a merged area shows its top-left value everywhere. */
function valueAt(grid: SheetGrid, row: number, col: number): CellValue {
  const area = grid.merges.find(
    (m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right
  );
  const r = area ? area.top : row;
  const c = area ? area.left : col;
  return grid.rows[r]?.[c] ?? null;
}

function cellText(value: CellValue): string {
  if (value === null || isCellError(value)) return "";
  return String(value).replace(/\s+/g, " ").trim();
}
