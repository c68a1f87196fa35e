import * as nodePath from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetGrid } from "../../sheets/grid";
import { checkSignature, readBytes } from "./bytes";
import { causeText, WorkbookFileError } from "./errors";
import { worksheetToGrid } from "./grid";
import { unsupportedContentWarnings } from "./losses";
import { ownedSheetNames } from "./ownership";
import { rememberSourcePath } from "./source-paths";
import type { ReadLimits } from "./streaming/limits";
import { readWorkbookGrids, type StreamedWorkbook } from "./streaming/read-grids";

export { checkSignature, readBytes } from "./bytes";

export interface WorkbookFile {
  /** The loaded workbook, to write the audit plan into and save as a copy. */
  workbook: ExcelJS.Workbook;
  /** Every worksheet except the audit's own, in workbook order. */
  grids: SheetGrid[];
  /** Chinese warnings: what the saved copy will lack (charts, pivot tables, …). */
  warnings: string[];
  /** Audit sheets of an earlier run, left out of grids (a re-run never reads its own output). */
  ownedSheets: string[];
}

async function openZip(path: string, bytes: Buffer): Promise<JSZip> {
  const shown = nodePath.basename(path);
  checkSignature(path, bytes);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new WorkbookFileError(
      "corrupt",
      path,
      `文件「${shown}」已损坏，无法打开（${causeText(error)}）。`
    );
  }
  if (!zip.file("xl/workbook.xml")) {
    throw new WorkbookFileError(
      "not-xlsx",
      path,
      `文件「${shown}」不是 Excel 工作簿（.xlsx），请在 Excel 或 WPS 中另存为 .xlsx 后重试。`
    );
  }
  return zip;
}

/**
 * Reads an .xlsx file: every worksheet as a SheetGrid (formula cells as their cached results,
 * dates as ISO strings, see toCellValue), except the sheets an earlier audit wrote.
 *
 * @throws WorkbookFileError (Chinese message) when the file is missing, not an .xlsx, encrypted or corrupt.
 * @example
 * const { workbook, grids, warnings } = await readWorkbookFile("县教育局资源配置.xlsx");
 * grids.map((g) => g.name); // ["说明", "小学", "初中", "九年一贯制"]
 */
export async function readWorkbookFile(path: string): Promise<WorkbookFile> {
  const bytes = await readBytes(path);
  const zip = await openZip(path, bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new WorkbookFileError(
      "corrupt",
      path,
      `工作簿「${nodePath.basename(path)}」已损坏或格式不受支持，无法读取（${causeText(error)}）。`
    );
  }
  const ownedSheets = ownedSheetNames(workbook);
  const warnings = await unsupportedContentWarnings(zip, ownedSheets);
  const owned = new Set(ownedSheets);
  const grids = workbook.worksheets.filter((ws) => !owned.has(ws.name)).map(worksheetToGrid);
  rememberSourcePath(workbook, path);
  return { workbook, grids, warnings, ownedSheets };
}

/**
 * Reads an .xlsx/.xlsm file's worksheets with the streaming reader (bounded by the read limits,
 * see streaming/limits.ts): what the headless audit uses. readWorkbookFile (ExcelJS) stays for tests.
 *
 * @throws WorkbookFileError (Chinese message) when the file is missing, not a workbook, over a limit or corrupt.
 * @example
 * const { grids } = await readWorkbookStreamed("县教育局资源配置.xlsx");
 */
export async function readWorkbookStreamed(
  path: string,
  limits?: ReadLimits
): Promise<StreamedWorkbook> {
  const bytes = await readBytes(path);
  checkSignature(path, bytes);
  return readWorkbookGrids(path, bytes, limits);
}
