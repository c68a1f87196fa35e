/**
 * The small county with two things a staffer must see in the pane: a school row whose 在校生数
 * holds a typo (「1,2O0」 in 小学!C10, left out: 数据不完整), and a county form 「县域指标」 filled
 * to pass except G11 (100 of 1704 eligible teachers rotated: 5.9% < 10%, so 未达标).
 */
import type { CellValue, SheetGrid } from "../../src/sheets/grid";
import { PASSING_VALUES } from "../engine/countyFixtures";
import { smallCountyGrids } from "./smallCountyWorkbook";

/** The typo'd school: its name, and the cell of its bad 在校生数. */
export const TYPO_SCHOOL = { name: "错字小学", sheet: "小学", cell: "C10", text: "1,2O0" };

/** The form's rows: G11-2 lowered so that G11 fails. */
export const FORM_VALUES: Record<string, number | boolean> = { ...PASSING_VALUES, "G11-2": 100 };

/** A county form as a bureau might type it: 编号 | 项目 | 填报值, 是/否 for evidence and veto rows. */
export function countyFormGrid(values: Record<string, number | boolean> = FORM_VALUES): SheetGrid {
  const rows: CellValue[][] = [["县域指标"], ["编号", "项目", "填报值"]];
  for (const [code, v] of Object.entries(values))
    rows.push([code, code, typeof v === "boolean" ? (v ? "是" : "否") : v]);
  return { name: "县域指标", rows, merges: [] };
}

/**
 * smallCountyGrids() with the typo'd school after 小学's last row and the county form.
 *
 * @example
 * incompleteCountyGrids().map((g) => g.name); // ["小学", "初中", "O'Brien", "说明", "县域指标"]
 */
export function incompleteCountyGrids(): SheetGrid[] {
  const grids = smallCountyGrids();
  const primary = grids.find((g) => g.name === TYPO_SCHOOL.sheet)!;
  const row = Number(TYPO_SCHOOL.cell.slice(1));
  const like = primary.rows.find((r) => r[1] === "城东小学")!;
  while (primary.rows.length < row - 1) primary.rows.push([]);
  primary.rows[row - 1] = [6, TYPO_SCHOOL.name, TYPO_SCHOOL.text, ...like.slice(3)];
  return [...grids, countyFormGrid()];
}
