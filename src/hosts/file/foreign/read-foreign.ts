import * as nodePath from "path";
import * as XLSX from "@e965/xlsx";
import type { CellValue, MergedArea, SheetGrid } from "../../../sheets/grid";
import { causeText, WorkbookFileError } from "../errors";
import { limitError, type ReadLimits } from "../streaming/limits";
import { isDateFormatCode, serialToIso } from "../streaming/number-formats";
import { decodeCsvBytes } from "./text-encoding";
import { clearCoveredCells } from "../merged-cells";

/**
 * Workbooks that are not OOXML packages, read with SheetJS CE (@e965/xlsx): .xls (BIFF5/8), WPS
 * .et, .xlsb and CSV (UTF-8 or GBK/GB18030, detected). The grids carry cached values as the
 * OOXML reader gives them; `baseWorkbook` is an .xlsx holding those values, sheet for sheet at
 * the same addresses, to which the audit's parts are then added like to any .xlsx.
 */

export interface ForeignWorkbook {
  grids: SheetGrid[];
  /** An .xlsx of the source sheets' values (formatting is not carried). */
  baseWorkbook: Buffer;
  /** What the file was, for the diagnostics line: "Excel 97-2003 (.xls)", "CSV（GB18030 编码）" … */
  formatLabel: string;
}

const ERROR_CODES: Record<string, number> = {
  "#NULL!": 0x00,
  "#DIV/0!": 0x07,
  "#VALUE!": 0x0f,
  "#REF!": 0x17,
  "#NAME?": 0x1d,
  "#NUM!": 0x24,
  "#N/A": 0x2a,
  "#GETTING_DATA": 0x2b,
};

function cellValue(cell: XLSX.CellObject): CellValue {
  switch (cell.t) {
    case "n": {
      const n = cell.v as number;
      if (!Number.isFinite(n)) return null;
      return cell.z !== undefined && typeof cell.z === "string" && isDateFormatCode(cell.z)
        ? serialToIso(n, false)
        : n;
    }
    case "s":
      return cell.v === undefined ? null : String(cell.v);
    case "b":
      return Boolean(cell.v);
    case "e":
      return { error: cell.w ?? "#N/A" };
    case "d":
      return cell.v instanceof Date
        ? cell.v
            .toISOString()
            .replace(/T00:00:00\.000Z$/, "")
            .replace(/\.000Z$/, "")
        : String(cell.v);
    default:
      return null;
  }
}

/** One SheetJS worksheet as a grid from A1 (rows and columns at their worksheet positions). */
function sheetGrid(
  name: string,
  sheet: XLSX.WorkSheet,
  count: (cells: number, rows: number) => void
): SheetGrid {
  const rows: CellValue[][] = [];
  const ref = sheet["!ref"];
  if (ref) {
    const range = XLSX.utils.decode_range(ref);
    count(0, range.e.r - range.s.r + 1);
    for (let r = range.s.r; r <= range.e.r; r++) {
      let cells: CellValue[] | undefined;
      for (let c = range.s.c; c <= range.e.c; c++) {
        const cell = sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
        if (!cell) continue;
        const value = cellValue(cell);
        if (value === null) continue;
        cells ??= [];
        while (cells.length < c) cells.push(null);
        cells[c] = value;
        count(1, 0);
      }
      if (cells) {
        while (rows.length < r) rows.push([]);
        rows[r] = cells;
      }
    }
  }
  const merges: MergedArea[] = (sheet["!merges"] ?? []).map((m) => ({
    top: m.s.r,
    left: m.s.c,
    bottom: m.e.r,
    right: m.e.c,
  }));
  clearCoveredCells(rows, merges);
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const cells = rows[r];
      while (cells && cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    }
  }
  const hiddenRows = (sheet["!rows"] ?? []).flatMap((row, i) =>
    row?.hidden && i < rows.length ? [i] : []
  );
  return {
    name,
    rows,
    merges,
    origin: { row: 0, col: 0 },
    ...(hiddenRows.length > 0 ? { hiddenRows } : {}),
  };
}

/** The grids as an .xlsx of values, each sheet at the same addresses, merges kept. */
function valuesWorkbook(grids: SheetGrid[]): Buffer {
  const book = XLSX.utils.book_new();
  for (const grid of grids) {
    const sheet: XLSX.WorkSheet = {};
    let maxRow = 0;
    let maxCol = 0;
    grid.rows.forEach((cells, r) =>
      cells.forEach((value, c) => {
        if (value === null) return;
        const address = XLSX.utils.encode_cell({ r, c });
        if (typeof value === "number") sheet[address] = { t: "n", v: value };
        else if (typeof value === "string") sheet[address] = { t: "s", v: value };
        else if (typeof value === "boolean") sheet[address] = { t: "b", v: value };
        else sheet[address] = { t: "e", v: ERROR_CODES[value.error] ?? 0x2a, w: value.error };
        maxRow = Math.max(maxRow, r);
        maxCol = Math.max(maxCol, c);
      })
    );
    sheet["!ref"] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: maxRow, c: maxCol } });
    if (grid.merges.length > 0)
      sheet["!merges"] = grid.merges.map((m) => ({
        s: { r: m.top, c: m.left },
        e: { r: m.bottom, c: m.right },
      }));
    if (grid.hiddenRows) {
      const rowInfo: XLSX.RowInfo[] = [];
      for (const r of grid.hiddenRows) rowInfo[r] = { hidden: true };
      sheet["!rows"] = rowInfo;
    }
    XLSX.utils.book_append_sheet(book, sheet, grid.name);
  }
  return XLSX.write(book, { type: "buffer", bookType: "xlsx", compression: true }) as Buffer;
}

/** A sheet name from a file name: Excel's 31 characters, without []:*?/\. */
function sheetNameOf(path: string): string {
  const base = nodePath
    .basename(path, nodePath.extname(path))
    .replace(/[[\]:*?/\\]/g, "_")
    .trim();
  return (base || "Sheet1").slice(0, 31);
}

/**
 * Reads a non-OOXML workbook: `kind` "csv" decodes the text first, "binary" hands the bytes to SheetJS.
 *
 * @throws WorkbookFileError "legacy-or-encrypted" for a password-protected file, "limit" over a limit, "corrupt" otherwise.
 * @example
 * const { grids, formatLabel } = readForeignWorkbook("县.xls", bytes, "binary", DEFAULT_LIMITS);
 */
export function readForeignWorkbook(
  path: string,
  bytes: Buffer,
  kind: "csv" | "binary",
  limits: ReadLimits
): ForeignWorkbook {
  const shown = nodePath.basename(path);
  if (bytes.length > limits.maxPartBytes) throw limitError(path, "maxPartBytes", "文件", limits);
  let book: XLSX.WorkBook;
  let formatLabel: string;
  try {
    if (kind === "csv") {
      const { text, encoding } = decodeCsvBytes(bytes);
      book = XLSX.read(text, {
        type: "string",
        cellFormula: false,
        cellHTML: false,
        cellNF: true,
        sheet: sheetNameOf(path),
      });
      formatLabel = `CSV 文本（${encoding === "gb18030" ? "GBK/GB18030" : encoding.toUpperCase()} 编码）`;
    } else {
      book = XLSX.read(bytes, {
        type: "buffer",
        cellFormula: false,
        cellHTML: false,
        cellNF: true,
        cellStyles: false,
      });
      const type =
        (book as unknown as { bookType?: string }).bookType ?? nodePath.extname(path).slice(1);
      formatLabel = `${type === "xls" || type === "biff8" || type === "biff5" ? "Excel 97-2003" : type === "xlsb" ? "Excel 二进制" : type === "et" ? "WPS 表格" : type} 工作簿（${nodePath.extname(path).toLowerCase() || type}）`;
    }
  } catch (error) {
    const message = causeText(error);
    if (/password|encrypt/i.test(message)) {
      throw new WorkbookFileError(
        "legacy-or-encrypted",
        path,
        `文件「${shown}」设置了打开密码，无法读取：请在 Excel 或 WPS 中取消密码后重试。`
      );
    }
    throw new WorkbookFileError(
      "corrupt",
      path,
      `文件「${shown}」已损坏或格式不受支持，无法读取（${message}）。`
    );
  }
  let cells = 0;
  let rows = 0;
  const grids = book.SheetNames.filter(
    (name) => book.Sheets[name] && !(book.Sheets[name] as { "!type"?: string })["!type"]
  ).map((name) =>
    sheetGrid(name, book.Sheets[name], (c, r) => {
      cells += c;
      rows += r;
      if (rows > limits.maxRows) throw limitError(path, "maxRows", `工作表「${name}」`, limits);
      if (cells > limits.maxCells) throw limitError(path, "maxCells", `工作表「${name}」`, limits);
    })
  );
  return { grids, baseWorkbook: valuesWorkbook(grids), formatLabel };
}
