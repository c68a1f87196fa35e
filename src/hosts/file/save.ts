import { promises as fs } from "fs";
import * as nodePath from "path";
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { causeText, WorkbookFileError } from "./errors";
import { fixInternalHyperlinks } from "./internal-links";
import { sameFile, writeAtomically } from "./paths";
import { sourcePathOf } from "./source-paths";

/** Fast deflate: a city's audit is hundreds of megabytes of XML, and level 1 packs it nearly as small. */
const ZIP_OPTIONS = { compression: "DEFLATE", compressionOptions: { level: 1 } } as const;

/**
 * The workbook as .xlsx bytes, with ExcelJS's internal hyperlinks repaired. The repair pass
 * re-compresses only the sheets it changes; JSZip copies every other entry as it is.
 */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const written = await workbook.xlsx.writeBuffer({
    zip: ZIP_OPTIONS,
  } as unknown as ExcelJS.XlsxWriteOptions);
  const zip = await JSZip.loadAsync(written);
  await fixInternalHyperlinks(zip);
  return zip.generateAsync({ type: "nodebuffer", ...ZIP_OPTIONS });
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
    throw new WorkbookFileError(
      "same-path",
      path,
      `不能覆盖原工作簿「${nodePath.basename(path)}」：请为审计结果另选一个文件名。`
    );
  }
  try {
    const bytes = await workbookBytes(workbook);
    await writeAtomically(path, (temporary) => fs.writeFile(temporary, bytes));
  } catch (error) {
    throw new WorkbookFileError(
      "write-failed",
      path,
      `无法保存文件「${path}」（${causeText(error)}），请检查文件夹是否存在、是否有写入权限，或文件是否正被其他程序打开。`
    );
  }
}
