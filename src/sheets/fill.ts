import type { CellValue } from "./grid";
import type { SheetView } from "./view";

/** Longest vertical merge whose cells are filled (a hostile million-row merge is read at its top only). */
const MAX_FILL_ROWS = 20_000;
/** Bound on the cells filled in all (hostile grids may list tens of thousands of long merges). */
const FILL_BUDGET = 2_000_000;

/**
 * Reads text cells through merged areas: a county or school name merged down over several rows
 * belongs to each of them. Numbers are not filled (a merged figure is counted once, at its top).
 */
export function mergedTextReader(
  view: SheetView,
  columns: readonly number[]
): (row: number, col: number) => CellValue {
  const wanted = new Set(columns);
  const fills = new Map<number, Map<number, CellValue>>();
  let budget = FILL_BUDGET;
  for (const m of view.merges) {
    if (budget <= 0) break;
    if (m.bottom - m.top > MAX_FILL_ROWS) continue;
    for (const col of wanted) {
      if (col < m.left || col > m.right) continue;
      const value = view.cell(m.top, m.left);
      if (value === null) continue;
      let fill = fills.get(col);
      if (!fill) fills.set(col, (fill = new Map()));
      for (let r = m.top; r <= m.bottom; r++, budget--) if (!fill.has(r)) fill.set(r, value);
    }
  }
  return (row, col) => {
    const own = view.cell(row, col);
    if (own !== null && !(typeof own === "string" && own.trim() === "")) return own;
    return fills.get(col)?.get(row) ?? own;
  };
}
