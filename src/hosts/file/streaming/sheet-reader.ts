import { a1, type CellValue, type MergedArea, type SheetGrid } from "../../../sheets/grid";
import { serialToIso } from "./number-formats";
import { clearCoveredCells } from "../merged-cells";
import { columnAt, type ScannedAttributes } from "./sheet-data-scanner";
import { scannedXml } from "./scanned-xml";

/**
 * One worksheet part read as a SheetGrid in a single streaming pass: cached values (a formula
 * cell gives its cached result), merged areas, hidden rows. Only cells with a value are kept;
 * a merged area's value stays in its top-left cell, the rest read as empty (as ExcelJS gave them).
 */

export interface SheetContext {
  sharedStrings: readonly string[];
  /** Per cell format index: whether a number there is a date serial. */
  dateStyles: readonly boolean[];
  /** Per cell format index: whether a number there is shown as a percent (SheetGrid.percentCells). */
  percentStyles?: readonly boolean[];
  date1904: boolean;
  /** Called per row and per cell with a value, to hold them to the limits. */
  count: (rows: number, cells: number) => void;
}

/** 0-based column of a reference such as "AB12". */
function columnOf(ref: string): number {
  return columnAt(ref, 0, ref.length);
}

/**
 * The number written as 1 to 15 plain digits from `start` to `end` (exact: below 2^53), else -1.
 * A city's cells are nearly all such numbers or shared string indexes: read in place, they are
 * never sliced into strings and parsed again (300,000 strings of garbage).
 *
 * @example
 * digitsAt("<v>1123</v>", 3, 7); // 1123
 * digitsAt("<v>12.5</v>", 3, 7); // -1
 */
export function digitsAt(text: string, start: number, end: number): number {
  if (end <= start || end - start > 15) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

function rowOf(ref: string): number {
  const digits = /\d+$/.exec(ref);
  return digits ? Number(digits[0]) - 1 : -1;
}

function mergedArea(ref: string): MergedArea | null {
  const [from, to = from] = ref.split(":");
  const top = rowOf(from);
  const bottom = rowOf(to);
  const left = columnOf(from);
  const right = columnOf(to);
  if (top < 0 || bottom < 0 || left < 0 || right < 0) return null;
  return { top, left, bottom, right };
}

/**
 * A parser for one sheet: feed it the part's text, then call `grid()`. With `scan`, the rows
 * inside <sheetData> are read by SheetDataScanner and the rest by saxes; the scanner throws
 * ScannerUnsure on anything outside its subset, and any failure of a scanned read is to be
 * answered by reading the part again without `scan` (as readWorkbookGrids does).
 *
 * @example
 * const sheet = sheetReader("小学", context);
 * await parts.stream("xl/worksheets/sheet2.xml", sheet.write);
 * const grid = sheet.grid();
 */
export function sheetReader(
  name: string,
  context: SheetContext,
  options: { scan?: boolean } = {}
): { write: (text: string) => void; grid: () => SheetGrid } {
  const rows: CellValue[][] = [];
  const merges: MergedArea[] = [];
  const hidden: number[] = [];
  const percentCells: string[] = [];
  let row = -1;
  let col = -1;
  let type = "";
  let style = 0;
  let value = "";
  let inValue = false; // inside <v>, or <t> of an inline string (not its phonetic runs)
  let inPhonetic = false;
  let hasValue = false;

  const finishCell = () => {
    if (!hasValue) return;
    let cell: CellValue = null;
    switch (type) {
      case "s":
        cell = context.sharedStrings[Number(value)] ?? null;
        break;
      case "str":
      case "inlineStr":
        cell = value;
        break;
      case "b":
        cell = value.trim() === "1" || value.trim() === "true";
        break;
      case "e":
        cell = { error: value.trim() };
        break;
      case "d":
        cell = value
          .trim()
          .replace(/Z$/, "")
          .replace(/T00:00:00(\.0+)?$/, "");
        break;
      default: {
        const number = Number(value);
        cell = value.trim() === "" || !Number.isFinite(number) ? null : numberValue(number);
      }
    }
    place(cell);
  };

  /** A number cell's value: a date serial as ISO text, else the number (a percent's cell noted). */
  const numberValue = (number: number): CellValue => {
    if (context.dateStyles[style]) return serialToIso(number, context.date1904);
    if (context.percentStyles?.[style] && row >= 0 && col >= 0) percentCells.push(a1(row, col));
    return number;
  };

  const place = (cell: CellValue) => {
    if (cell === null || row < 0 || col < 0) return;
    const cells = (rows[row] ??= []);
    while (cells.length < col) cells.push(null);
    cells[col] = cell;
    context.count(0, 1);
  };

  const startCell = (attrs: ScannedAttributes) => {
    col = attrs.column ?? col + 1;
    type = attrs.t ?? "n";
    style = attrs.s !== undefined ? Number(attrs.s) : 0;
    value = "";
    hasValue = false;
  };

  const handlers = {
    /** `attrs.column`: a <c>'s column from its r (undefined without r), see ScannedAttributes. */
    open: (element: string, attrs: ScannedAttributes) => {
      switch (element) {
        case "row": {
          row = attrs.r !== undefined ? Number(attrs.r) - 1 : row + 1;
          col = -1;
          if (attrs.hidden === "1" || attrs.hidden === "true") hidden.push(row);
          context.count(1, 0);
          break;
        }
        case "c":
          startCell(attrs);
          break;
        case "v":
          inValue = true;
          hasValue = true;
          break;
        case "rPh":
          inPhonetic = true;
          break;
        case "t":
          if (type === "inlineStr" && !inPhonetic) {
            inValue = true;
            hasValue = true;
          }
          break;
        case "mergeCell": {
          const area = attrs.ref ? mergedArea(attrs.ref) : null;
          if (area) merges.push(area);
          break;
        }
      }
    },
    close: (element: string) => {
      if (element === "v" || element === "t") inValue = false;
      else if (element === "rPh") inPhonetic = false;
      else if (element === "c") finishCell();
    },
    text: (text: string) => {
      if (inValue) value += text;
    },
    /** A `<c …><v>text</v></c>` in one call: the same as its five events. */
    cell: (attrs: ScannedAttributes, text: string, start: number, end: number) => {
      startCell(attrs);
      hasValue = true;
      // A number or shared string index in plain digits is read in place (see digitsAt).
      const digits = type === "n" || type === "s" ? digitsAt(text, start, end) : -1;
      if (digits >= 0) {
        place(type === "s" ? (context.sharedStrings[digits] ?? null) : numberValue(digits));
        return;
      }
      value = text.slice(start, end);
      finishCell();
    },
  };
  const parser = scannedXml("sheetData", handlers, options.scan === true);

  return {
    write: parser.write,
    grid: () => {
      parser.close();
      clearCoveredCells(rows, merges);
      // Rows as ExcelJS gave them: no trailing empty cells, empty rows as [], none after the last value.
      for (let r = 0; r < rows.length; r++) {
        const cells = rows[r];
        if (!cells) {
          rows[r] = [];
          continue;
        }
        while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
      }
      while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
      const hiddenRows = hidden.filter((r) => r < rows.length);
      return {
        name,
        rows,
        merges,
        origin: { row: 0, col: 0 },
        ...(hiddenRows.length > 0 ? { hiddenRows } : {}),
        ...(percentCells.length > 0 ? { percentCells } : {}),
      };
    },
  };
}
