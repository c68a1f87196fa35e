/**
 * The file host: read .xlsx workbooks, and write audit plans as new parts appended to a copy of the
 * input package (appendAuditToPackage); the ExcelJS writer (writePlan, saveWorkbook) stays for tests.
 */
export { readWorkbookFile, readWorkbookStreamed, type WorkbookFile } from "./read";
export { DEFAULT_LIMITS, limitsFromEnv, type ReadLimits } from "./streaming/limits";
export { writePlan, type WritePlanResult } from "./write";
export { saveWorkbook } from "./save";
export { WorkbookFileError, isWorkbookFileError, type WorkbookFileErrorCode } from "./errors";
export { worksheetToGrid, mergedAreas } from "./grid";
export { toCellValue, readCellValue } from "./cell-value";
export { ownedSheetNames } from "./ownership";
export { unsupportedContentWarnings } from "./losses";
export { pathConflict, sameFile, writeAtomically, type CommandPaths } from "./paths";
export { appendAuditToPackage, type AppendResult } from "./package/append";
export { openWorkbookSource, type WorkbookSource } from "./source";
