import type { CellValue, MergedArea } from "../../sheets/grid";

/**
 * Empties the cells a merged area covers, except its top-left one, whatever the file left in them:
 * the reader sees a merged area's value once, as Excel shows it.
 *
 * @example
 * const rows = [["合计", "x"]];
 * clearCoveredCells(rows, [{ top: 0, left: 0, bottom: 0, right: 1 }]); // rows → [["合计", null]]
 */
export function clearCoveredCells(rows: CellValue[][], merges: readonly MergedArea[]): void {
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const cells = rows[r];
      if (!cells) continue;
      for (let c = m.left; c <= m.right && c < cells.length; c++)
        if (r !== m.top || c !== m.left) cells[c] = null;
    }
  }
}
