import type ExcelJS from "exceljs";

/** The file each workbook was read from, so saveWorkbook can refuse to overwrite it. */
const sourcePaths = new WeakMap<ExcelJS.Workbook, string>();

export function rememberSourcePath(workbook: ExcelJS.Workbook, path: string): void {
  sourcePaths.set(workbook, path);
}

export function sourcePathOf(workbook: ExcelJS.Workbook): string | undefined {
  return sourcePaths.get(workbook);
}
