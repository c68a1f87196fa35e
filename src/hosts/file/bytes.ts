import { promises as fs } from "fs";
import * as nodePath from "path";
import { causeText, WorkbookFileError } from "./errors";

/**
 * A workbook file's bytes and its signature check: what every format's reader needs first. Kept
 * apart from read.ts so the headless command loads neither ExcelJS nor JSZip.
 */

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
