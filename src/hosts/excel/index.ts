/**
 * The Excel host: the only code that talks to Office.js. It reads the open workbook as grids
 * for the sheet reader and writes the report's WorkbookPlan back. Callers wrap each call in
 * `Excel.run`, e.g. `Excel.run((context) => readWorkbookGrids(context))`.
 */
export { readWorkbookGrids, type ReadOptions } from "./read";
export { writePlanToWorkbook, type WriteOptions } from "./write";
export { selectCell } from "./select";
export {
  classifyExcelError,
  describeExcelError,
  EXCEL_ADVICE,
  otherExcelError,
  type ExcelErrorCode,
  type ExcelErrorKind,
} from "./errors";
