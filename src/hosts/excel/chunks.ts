/**
 * Splitting work so one Office.js request stays under Excel on the web's 5 MB payload limit.
 * Pure.
 *
 * The budget is counted in cells. A cell costs at most about 100 bytes on the wire (a value of a
 * few dozen characters, CJK text being 3 bytes a character in UTF-8, plus its JSON quoting and,
 * for reads, its valueType); 20,000 cells are then about 2 MB, well under 5 MB even when some
 * cells hold long notes. Formatting calls are counted as cells too (see `planOps.ts`).
 */
import type { Rect } from "./addresses";

/** Default cells per request: ~2 MB at ~100 bytes a cell, under half the 5 MB limit. */
export const DEFAULT_MAX_CELLS_PER_REQUEST = 20_000;

/**
 * The per-request budget from an option: the default when absent, an error for nonsense.
 *
 * @example
 * cellBudget(undefined); // 20000
 */
export function cellBudget(option: number | undefined): number {
  if (option === undefined) return DEFAULT_MAX_CELLS_PER_REQUEST;
  if (!(option >= 1))
    throw new RangeError(`maxCellsPerRequest 应为不小于 1 的数，收到 ${option}。`);
  return Math.floor(option);
}

/**
 * Tiles covering a block: bands of whole rows, each with at most `maxCells` cells (a row wider
 * than the budget is cut into column pieces).
 *
 * @example
 * tileBlock({ row: 0, col: 0, rows: 10, cols: 4 }, 12);
 * // 4 bands of 3, 3, 3 and 1 rows, 4 columns wide
 */
export function tileBlock(block: Rect, maxCells: number): Rect[] {
  if (block.rows <= 0 || block.cols <= 0) return [];
  const budget = Math.max(1, Math.floor(maxCells));
  const colsPerTile = Math.min(block.cols, budget);
  const rowsPerTile = Math.max(1, Math.floor(budget / colsPerTile));
  const tiles: Rect[] = [];
  for (let r = 0; r < block.rows; r += rowsPerTile) {
    for (let c = 0; c < block.cols; c += colsPerTile) {
      tiles.push({
        row: block.row + r,
        col: block.col + c,
        rows: Math.min(rowsPerTile, block.rows - r),
        cols: Math.min(colsPerTile, block.cols - c),
      });
    }
  }
  return tiles;
}

/**
 * Consecutive groups whose summed cost stays within `maxCost`, order kept. An item that alone
 * exceeds the budget gets a group of its own. Always at least one (possibly empty) group.
 *
 * @example
 * packByCost([5, 5, 5, 12, 1], (n) => n, 10); // [[5, 5], [5], [12], [1]]
 */
export function packByCost<T>(items: T[], cost: (item: T) => number, maxCost: number): T[][] {
  const groups: T[][] = [[]];
  let used = 0;
  for (const item of items) {
    const c = cost(item);
    const current = groups[groups.length - 1];
    if (current.length > 0 && used + c > maxCost) {
      groups.push([item]);
      used = c;
    } else {
      current.push(item);
      used += c;
    }
  }
  return groups;
}

/**
 * Runs `queue` for each group and syncs after it, one group after the other. This is the one
 * place the host syncs repeatedly: once per payload-sized chunk, never per school or per sheet.
 *
 * @example
 * await syncEach(context, batches, (batch) => batch.forEach((op) => applyOp(op)));
 */
export async function syncEach<T>(
  context: { sync(): Promise<unknown> },
  groups: T[],
  queue: (group: T, index: number) => void,
  synced?: (index: number) => void
): Promise<void> {
  await groups.reduce(async (previous, group, index) => {
    await previous;
    queue(group, index);
    await context.sync();
    synced?.(index);
  }, Promise.resolve());
}
