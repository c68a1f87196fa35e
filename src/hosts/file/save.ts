import { existsSync, promises as fs, realpathSync, statSync } from "fs";
import * as nodePath from "path";
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { causeText, WorkbookFileError } from "./errors";
import { fixInternalHyperlinks } from "./internal-links";
import { sourcePathOf } from "./source-paths";

/** Fast deflate: a city's audit is hundreds of megabytes of XML, and level 1 packs it nearly as small. */
const ZIP_OPTIONS = { compression: "DEFLATE", compressionOptions: { level: 1 } } as const;

/**
 * The workbook as .xlsx bytes, with ExcelJS's internal hyperlinks repaired. The repair pass
 * re-compresses only the sheets it changes; JSZip copies every other entry as it is.
 */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const written = await workbook.xlsx.writeBuffer({ zip: ZIP_OPTIONS } as unknown as ExcelJS.XlsxWriteOptions);
  const zip = await JSZip.loadAsync(written);
  await fixInternalHyperlinks(zip);
  return zip.generateAsync({ type: "nodebuffer", ...ZIP_OPTIONS });
}

/** True when both paths name the same file (same path, symlink or hard link). */
function sameFile(a: string, b: string): boolean {
  if (nodePath.resolve(a) === nodePath.resolve(b)) return true;
  if (!existsSync(a) || !existsSync(b)) return false;
  if (realpathSync(a) === realpathSync(b)) return true;
  const sa = statSync(a);
  const sb = statSync(b);
  return sa.dev === sb.dev && sa.ino === sb.ino;
}

/**
 * Saves the workbook as .xlsx at `path`, never over the file it was read from: the bureau's
 * original stays as it was. Writes to a temporary file first, so a failed save leaves no half file.
 *
 * @throws WorkbookFileError "same-path" when `path` is the input workbook, "write-failed" otherwise.
 * @example
 * await saveWorkbook(workbook, "县教育局资源配置-审计.xlsx");
 */
export async function saveWorkbook(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  const source = sourcePathOf(workbook);
  if (source !== undefined && sameFile(source, path)) {
    throw new WorkbookFileError("same-path", path, `不能覆盖原工作簿「${nodePath.basename(path)}」：请为审计结果另选一个文件名。`);
  }
  const temporary = nodePath.join(nodePath.dirname(path), `.${nodePath.basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(temporary, await workbookBytes(workbook));
    await fs.rename(temporary, path);
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    throw new WorkbookFileError("write-failed", path, `无法保存文件「${path}」（${causeText(error)}），请检查文件夹是否存在、是否有写入权限，或文件是否正被其他程序打开。`);
  }
}
