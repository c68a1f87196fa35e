import { promises as fs } from "fs";
import * as nodePath from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetGrid } from "../../sheets/grid";
import { causeText, WorkbookFileError } from "./errors";
import { worksheetToGrid } from "./grid";
import { unsupportedContentWarnings } from "./losses";
import { ownedSheetNames } from "./ownership";
import { rememberSourcePath } from "./source-paths";
import type { ReadLimits } from "./streaming/limits";
import { readWorkbookGrids, type StreamedWorkbook } from "./streaming/read-grids";

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

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: an .xls workbook, or an .xlsx protected by a password (encrypted). */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(buffer: Buffer, signature: number[]): boolean {
  return signature.every((byte, i) => buffer[i] === byte);
}

/** The bytes of a workbook file, with a Chinese message when it is missing or unreadable. */
export async function readBytes(path: string): Promise<Buffer> {
  const shown = nodePath.basename(path);
  let stat;
  try {
    stat = await fs.stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR")
      throw new WorkbookFileError("not-found", path, `找不到文件「${path}」，请检查路径是否正确。`);
    throw new WorkbookFileError(
      "unreadable",
      path,
      `无法读取文件「${shown}」（${causeText(error)}）。`
    );
  }
  if (!stat.isFile())
    throw new WorkbookFileError(
      "not-a-file",
      path,
      `「${path}」不是文件，请选择一个 .xlsx 工作簿。`
    );
  try {
    return await fs.readFile(path);
  } catch (error) {
    throw new WorkbookFileError(
      "unreadable",
      path,
      `无法读取文件「${shown}」（${causeText(error)}），请检查文件权限或是否被其他程序占用。`
    );
  }
}

/** Refuses a file that is not a zip package, naming what it is when that is known (.xls, encrypted). */
export function checkSignature(path: string, bytes: Buffer): void {
  const shown = nodePath.basename(path);
  if (startsWith(bytes, OLE_SIGNATURE)) {
    throw new WorkbookFileError(
      "legacy-or-encrypted",
      path,
      `文件「${shown}」是旧版 .xls 工作簿或设置了打开密码的工作簿，无法读取：请在 Excel 或 WPS 中取消密码并另存为 .xlsx 后重试。`
    );
  }
  if (!startsWith(bytes, ZIP_SIGNATURE)) {
    throw new WorkbookFileError(
      "not-xlsx",
      path,
      `文件「${shown}」不是 .xlsx 工作簿，请在 Excel 或 WPS 中另存为 .xlsx 后重试。`
    );
  }
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
