/**
 * The WPS host: the only code that talks to WPS 表格's ET object model (`window.Application`).
 * Like the Excel host it reads the open workbook as grids for the sheet reader and writes the
 * report's WorkbookPlan back; `wpsSteps` binds both to the shared audit flow (src/flow).
 */
export { readWorkbookGrids, type WpsReadOptions } from "./read";
export { writePlanToWorkbook, type WpsWriteOptions } from "./write";
export { selectCell } from "./select";
export { otherWpsError, WPS_NO_WORKBOOK } from "./errors";
export { wpsSteps } from "./steps";
export { NoWorkbookError } from "./workbook";
export type { EtApplication } from "./et";
