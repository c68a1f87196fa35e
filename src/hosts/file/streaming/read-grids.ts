import * as nodePath from "path";
import type { SheetGrid } from "../../../sheets/grid";
import { causeText, WorkbookFileError } from "../errors";
import {
  ownedSheetNamesOf,
  relationships,
  relsPartOf,
  resolveTarget,
  workbookSheets,
} from "../package/index-parts";
import { limitError, limitsFromEnv, type ReadLimits } from "./limits";
import { dateStyles, percentStyles } from "./number-formats";
import { sheetReader } from "./sheet-reader";
import { sharedStringsReader } from "./shared-strings";
import { UnsafeXmlError, xmlStream } from "./xml-stream";
import { ZipParts } from "./zip-parts";

/**
 * Reads an .xlsx/.xlsm package's worksheets as SheetGrids with a streaming parser: the package is
 * opened from its central directory, every part is held to the limits before it is inflated, and
 * each sheet is parsed in one pass as it inflates. Sheets an earlier audit wrote are left out.
 */

export interface StreamedWorkbook {
  /** Every worksheet except the audit's own, in workbook order. */
  grids: SheetGrid[];
  /** Audit sheets of an earlier run, left out of grids. */
  ownedSheets: string[];
}

const OFFICE_DOCUMENT = /\/officeDocument$/;
const WORKSHEET = /\/worksheet$/;

async function sharedStrings(parts: ZipParts, part: string | undefined): Promise<string[]> {
  if (!part || !parts.has(part)) return [];
  const read = async (scan: boolean) => {
    const reader = sharedStringsReader(scan);
    await parts.stream(part, reader.write);
    return reader.strings();
  };
  try {
    return await read(true);
  } catch (error) {
    if (error instanceof WorkbookFileError) throw error;
    return read(false); // something the scanner does not take, or a malformed part: saxes decides
  }
}

/** Per cell format index, whether it shows a date and whether it shows a percent. */
async function cellFormats(
  parts: ZipParts,
  part: string | undefined
): Promise<{ dates: boolean[]; percents: boolean[] }> {
  if (!part || !parts.has(part)) return { dates: [], percents: [] };
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let inCellXfs = false;
  const parser = xmlStream({
    open: (name, attrs) => {
      if (name === "numFmt" && attrs.numFmtId !== undefined)
        custom.set(Number(attrs.numFmtId), attrs.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) ids.push(Number(attrs.numFmtId ?? 0));
    },
    close: (name) => {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  await parts.stream(part, parser.write);
  parser.close();
  return { dates: dateStyles(ids, custom), percents: percentStyles(ids, custom) };
}

/**
 * Every worksheet of the package at `path` as a SheetGrid (formula cells as their cached results,
 * dates as ISO strings), except the sheets an earlier audit wrote.
 *
 * @throws WorkbookFileError "limit" over a read limit, "unsafe-xml" for a DOCTYPE, "corrupt" otherwise.
 * @example
 * const { grids } = await readWorkbookGrids("县.xlsx");
 * grids.map((g) => g.name); // ["说明", "小学", "初中", "九年一贯制"]
 */
export async function readWorkbookGrids(
  path: string,
  bytes: Buffer,
  limits: ReadLimits = limitsFromEnv()
): Promise<StreamedWorkbook> {
  const shown = nodePath.basename(path);
  try {
    const parts = await ZipParts.open(bytes, path, limits);
    const root = relationships(await parts.text("_rels/.rels")).find((r) =>
      OFFICE_DOCUMENT.test(r.type)
    );
    const workbookPart = root ? resolveTarget("", root.target) : "xl/workbook.xml";
    if (!parts.has(workbookPart)) {
      throw new WorkbookFileError(
        "not-xlsx",
        path,
        `文件「${shown}」不是 Excel 工作簿（.xlsx），请在 Excel 或 WPS 中另存为 .xlsx 后重试。`
      );
    }
    const workbookXml = await parts.text(workbookPart);
    xmlStream({}).write(workbookXml); // refuses a DOCTYPE before anything is trusted
    const rels = relationships(
      parts.has(relsPartOf(workbookPart)) ? await parts.text(relsPartOf(workbookPart)) : ""
    );
    const target = (type: RegExp) => {
      const rel = rels.find((r) => type.test(r.type));
      return rel ? resolveTarget(workbookPart, rel.target) : undefined;
    };
    const strings = await sharedStrings(parts, target(/\/sharedStrings$/));
    const formats = await cellFormats(parts, target(/\/styles$/));
    const date1904 = /<(?:\w+:)?workbookPr\s[^>]*date1904\s*=\s*"(?:1|true)"/.test(workbookXml);
    const ownedSheets = ownedSheetNamesOf(workbookXml);
    const owned = new Set(ownedSheets);
    const byId = new Map(rels.map((r) => [r.id, r]));

    let rows = 0;
    let cells = 0;
    const grids: SheetGrid[] = [];
    for (const sheet of workbookSheets(workbookXml)) {
      const rel = byId.get(sheet.relId);
      if (owned.has(sheet.name) || !rel || !WORKSHEET.test(rel.type)) continue; // chart sheets have no cells
      const part = resolveTarget(workbookPart, rel.target);
      if (!parts.has(part)) continue;
      const where = `工作表「${sheet.name}」`;
      const context = {
        sharedStrings: strings,
        dateStyles: formats.dates,
        percentStyles: formats.percents,
        date1904,
        count: (r: number, c: number) => {
          rows += r;
          cells += c;
          if (rows > limits.maxRows) throw limitError(path, "maxRows", where, limits);
          if (cells > limits.maxCells) throw limitError(path, "maxCells", where, limits);
        },
      };
      const counted = { rows, cells };
      const read = async (scan: boolean) => {
        const reader = sheetReader(sheet.name, context, { scan });
        await parts.stream(part, reader.write);
        return reader.grid();
      };
      let grid: SheetGrid;
      try {
        grid = await read(true);
      } catch (error) {
        if (error instanceof WorkbookFileError) throw error; // a limit: the same with saxes
        // Something the scanner does not take, or a malformed part: saxes reads it all and decides.
        ({ rows, cells } = counted);
        grid = await read(false);
      }
      grids.push(grid);
    }
    return { grids, ownedSheets };
  } catch (error) {
    if (error instanceof WorkbookFileError) throw error;
    if (error instanceof UnsafeXmlError) {
      throw new WorkbookFileError(
        "unsafe-xml",
        path,
        `工作簿「${shown}」含有 DOCTYPE 声明（可能引用外部实体），出于安全原因不予读取：请在 Excel 或 WPS 中另存为 .xlsx 后重试。`
      );
    }
    throw new WorkbookFileError(
      "corrupt",
      path,
      `工作簿「${shown}」已损坏或格式不受支持，无法读取（${causeText(error)}）。`
    );
  }
}
