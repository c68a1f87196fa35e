import * as nodePath from "path";
import type { Diagnostic } from "../../engine";
import type { WorkbookPlan } from "../../report/plan";
import type { SheetGrid } from "../../sheets/grid";
import { WorkbookFileError } from "./errors";
import { usePackCodec } from "../../report/packedRows";
import { appendAuditToPackage, type AppendResult } from "./package/append";
import { deflateSlabsPast, STORED_SLAB_BYTES } from "./package/pack-codec";
import { checkSignature, readBytes } from "./bytes";
import { limitsFromEnv, type ReadLimits } from "./streaming/limits";
import { readWorkbookGrids } from "./streaming/read-grids";

/**
 * A workbook file as the headless audit uses it, whatever its format: the source sheets' grids,
 * and how to write the audit. An .xlsx/.xlsm (or an OOXML .et) gets its own package with the audit's
 * parts added; .xls, binary .et, .xlsb and CSV get a new .xlsx of their values with the audit.
 */
export interface WorkbookSource {
  grids: SheetGrid[];
  /** For a converted file: the line for 数据诊断 saying the original formatting was not carried. */
  conversionNote?: Diagnostic;
  /** Writes the audit; onProgress is told as each audit sheet is written. */
  writeAudit(
    plan: WorkbookPlan,
    outPath: string,
    onProgress?: (done: number, total: number) => void
  ): Promise<AppendResult>;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Buffer, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** Extensions read as text (CSV). */
const TEXT_EXTENSIONS = /\.(csv|txt)$/i;

/**
 * Opens a workbook file of any format staff keep.
 *
 * @example
 * const source = await openWorkbookSource("县.xls");
 * source.grids.map((g) => g.name); // ["小学", "初中"]
 * await source.writeAudit(plan, "县.audit.xlsx");
 */
export async function openWorkbookSource(
  path: string,
  limits: ReadLimits = limitsFromEnv()
): Promise<WorkbookSource> {
  // The audit sheets' packed rows wait to be written as they are up to a city's size, deflated
  // past it (Node only); a codec per audit, so each audit has the whole budget.
  usePackCodec(deflateSlabsPast(STORED_SLAB_BYTES));
  const bytes = await readBytes(path);
  const isZip = startsWith(bytes, ZIP);
  const isXlsb = isZip && bytes.includes("xl/workbook.bin") && !bytes.includes("xl/workbook.xml");
  if (isZip && !isXlsb) {
    const { grids } = await readWorkbookGrids(path, bytes, limits);
    return {
      grids,
      writeAudit: (plan, out, onProgress) => appendAuditToPackage(path, plan, out, onProgress),
    };
  }
  const kind =
    isZip || startsWith(bytes, OLE) ? "binary" : TEXT_EXTENSIONS.test(path) ? "csv" : null;
  if (kind === null) {
    checkSignature(path, bytes); // the usual message for a file that is no workbook
    throw new WorkbookFileError("not-xlsx", path, `文件「${nodePath.basename(path)}」不是工作簿。`);
  }
  // SheetJS is loaded only for these formats: the .xlsx path never pays for it.
  const { readForeignWorkbook } = await import("./foreign/read-foreign");
  const foreign = readForeignWorkbook(path, bytes, kind, limits);
  return {
    grids: foreign.grids,
    conversionNote: {
      level: "info",
      code: "file.converted",
      sheet: "",
      cell: "",
      message: `原文件为${foreign.formatLabel}：审计工作簿是新的 .xlsx，只带入了源工作表的数值（合并单元格保留），原文件的格式（字体、颜色、列宽、公式等）没有带入；原文件未改动。`,
    },
    writeAudit: (plan, out, onProgress) =>
      appendAuditToPackage(foreign.baseWorkbook, plan, out, onProgress),
  };
}
