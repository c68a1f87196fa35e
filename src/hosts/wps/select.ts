/**
 * Shows one cell: what the task pane does when a finding is clicked.
 */
import type { EtApplication } from "./et";
import { activeWorkbook } from "./workbook";

/**
 * Activates the sheet and selects the cell or range ("F12", or "'小学'!F12").
 *
 * @example
 * selectCell(window.Application, "小学", "F12");
 */
export function selectCell(app: EtApplication, sheet: string, address: string): void {
  const worksheet = activeWorkbook(app).Worksheets.Item(sheet);
  worksheet.Activate();
  worksheet.Range(address.slice(address.lastIndexOf("!") + 1)).Select();
}
