/** The file host: read .xlsx workbooks with ExcelJS and write audit plans into copies of them. */
export { readWorkbookFile, type WorkbookFile } from "./read";
export { writePlan, type WritePlanResult } from "./write";
export { saveWorkbook } from "./save";
export { WorkbookFileError, isWorkbookFileError, type WorkbookFileErrorCode } from "./errors";
export { worksheetToGrid, mergedAreas } from "./grid";
export { toCellValue, readCellValue } from "./cell-value";
export { ownedSheetNames } from "./ownership";
export { unsupportedContentWarnings } from "./losses";
export { pathConflict, sameFile, writeAtomically, type CommandPaths } from "./paths";
