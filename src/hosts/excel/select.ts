/**
 * Shows one cell: what the task pane does when a finding is clicked.
 */

/**
 * Activates the sheet and selects the cell or range, in one round trip.
 *
 * @example
 * await Excel.run((context) => selectCell(context, "小学", "F12"));
 */
export async function selectCell(
  context: Excel.RequestContext,
  sheet: string,
  address: string
): Promise<void> {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.activate();
  // Accept "'小学'!F12" as well as "F12".
  worksheet.getRange(address.slice(address.lastIndexOf("!") + 1)).select();
  await context.sync();
}
