import { packedFitHints, packedRowsAt, plannedRows, setPackedRowHeight } from "./packedRows";
import type { CellStyle, PlannedCell, PlannedRow, PlannedSheet } from "./plan";
import { rangeA1 } from "./refs";

/**
 * Makes a planned sheet's text fit when printed: a lone line of text wider than its cell (a
 * title's note, a footnote) is merged across the table, and every row whose text needs more
 * than one line gets the height of the lines it needs (the styles that hold text wrap). Widths
 * are estimated as Excel measures columns: a digit or Latin letter is one unit, a Chinese
 * character or full-width sign about two.
 */

/** Styles whose text wraps inside the cell (see palette.ts); others are left as they are. */
const WRAPPING: ReadonlySet<CellStyle> = new Set([
  "header",
  "subtitle",
  "note",
  "text",
  "link",
  "pass",
  "warn",
  "fail",
]);

/** Styles of a line of text standing alone in its row, which may be merged across the table. */
const LONE_LINE: ReadonlySet<CellStyle> = new Set(["subtitle", "note", "fail"]);

/** Font size per style, in points (the workbook's 11 when absent). */
const FONT_SIZE: Partial<Record<CellStyle, number>> = { title: 14, subtitle: 10, note: 9, code: 9 };

/** The width a column of Excel's default width has, in characters. */
export const DEFAULT_WIDTH = 8.43;

/** Width units a character takes at 11 pt: two for CJK and full-width characters (and beyond the BMP). */
function charUnits(code: number): number {
  if (code >= 0x2e80 && code <= 0x9fff) return 2.1; // CJK radicals … unified ideographs, CJK punctuation
  if (code >= 0xf900 && code <= 0xfaff) return 2.1;
  if (code >= 0xff00 && code <= 0xffef) return 2.1; // full-width forms
  if (code >= 0x2460 && code <= 0x27bf) return 2.1; // circled numbers, symbols
  return 1.05;
}

/**
 * The width of a text in Excel column units at the given font size, for its longest line.
 *
 * @example
 * textUnits("学校名称"); // 8.4
 * textUnits("L1"); // 2.1
 */
export function textUnits(text: string, size = 11): number {
  let widest = 0;
  let units = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      widest = Math.max(widest, units);
      units = 0;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      // the second half of a surrogate pair: its character is counted at the first half
    } else units += charUnits(code >= 0xd800 && code <= 0xdbff ? 0x4e00 : code);
  }
  widest = Math.max(widest, units);
  return (widest * size) / 11;
}

/** Lines a text takes in a cell `width` units wide (wrapping at characters, as CJK text does). */
function linesIn(text: string, size: number, width: number): number {
  const usable = Math.max(1, width - 1); // the cell's padding
  return text
    .split("\n")
    .reduce((n, line) => n + Math.max(1, Math.ceil(textUnits(line, size) / usable)), 0);
}

/** Row height in points for `lines` lines of a font `size` points high. */
function heightFor(lines: number, size: number): number {
  return Math.ceil(lines * size * 1.45 + 3);
}

interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseRange(range: string): Area {
  const corner = (a: string) => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a)!;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]) - 1, col: col - 1 };
  };
  const [a, b = a] = range.split(":");
  const from = corner(a);
  const to = corner(b);
  return { top: from.row, left: from.col, bottom: to.row, right: to.col };
}

/** A cell as one number, for sets of cells (Excel has 16,384 columns). */
function cellKey(row: number, col: number): number {
  return row * 16384 + col;
}

/** textNeeds(): the text fits as it is. */
export const FITS = 0;
/** textNeeds(): the row must be measured by fitText. */
export const MEASURE = -1;

/**
 * What a cell's text needs from fitText in a column `width` units wide, judged once (as a layout
 * packs the row) so fitText need not read every row: FITS, nothing; MEASURE, its row measured;
 * a width above 0, only its column widened to that width (widenColumns), after which it fits on
 * one line. Wider columns only make FITS truer, so a layout may judge with the planned width.
 *
 * @example
 * textNeeds({ value: "达标", style: "text" }, 10); // FITS
 * textNeeds({ value: "某某县第一实验小学", style: "text" }, 10); // 20: the column widens to it
 * textNeeds({ value: "各项数值为引用源数据单元格的公式。", style: "note" }, 10); // MEASURE
 */
export function textNeeds(cell: PlannedCell | null, width: number): number {
  if (!cell || typeof cell.value !== "string") return FITS;
  const text = cell.value;
  const style = cell.style ?? "text";
  const size = FONT_SIZE[style] ?? 11;
  const body = BODY.has(style);
  // The tests fitText and widenColumns start with: no character is wider than 2.1 units.
  const fitsLine = text.length === 0 || (text.length * 2.1 * size) / 11 <= width - 1;
  const fitsColumn = !body || text.length * 2.1 + 1 <= width;
  if (fitsLine && fitsColumn) return FITS;
  if (text.includes("\n")) return MEASURE;
  // Measured: one line that needs no more than the column has.
  const units = textUnits(text, size);
  const needed = body ? Math.min(MAX_FITTED_WIDTH, Math.ceil(textUnits(text) + 1)) : 0;
  if ((fitsLine || oneLine(units, width)) && needed <= width) return FITS;
  // Body text whose column widens to hold it on one line.
  return body && oneLine(units, needed) ? needed : MEASURE;
}

/** Text `units` wide takes one line in a cell `width` wide, as linesIn counts, with room to spare. */
function oneLine(units: number, width: number): boolean {
  return units <= width - 1 && Math.ceil(units / Math.max(1, width - 1)) <= 1;
}

/** Widest a column grows to hold its table's text; longer text wraps. */
const MAX_FITTED_WIDTH = 40;

/** Styles of a table's body cells, whose column widens to hold them (headers wrap instead). */
const BODY: ReadonlySet<CellStyle> = new Set(["text", "link"]);

/**
 * Widens each column to its longest body text (unmerged text and link cells), up to
 * MAX_FITTED_WIDTH: a column of school names or header wordings reads on one line. `noted` are
 * the widths a layout noted for body text of rows not read (FitHints.widen); a noted cell that
 * ends up in a column narrower than it needs (merged, hidden, unplanned) has its row measured
 * after all (added to `measure`).
 */
function widenColumns(
  sheet: PlannedSheet,
  rows: () => Iterable<PlannedRow>,
  noted: readonly Int32Array[] = [],
  measure = new Set<number>()
): void {
  const merged = new Set<number>();
  for (const range of sheet.merges) {
    const a = parseRange(range);
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++) merged.add(cellKey(r, c));
  }
  const hidden = new Set(sheet.hiddenColumns ?? []);
  const widths = [...sheet.columnWidths];
  for (const row of rows()) {
    const cells = row.cells;
    for (let col = 0; col < cells.length; col++) {
      const cell = cells[col];
      if (!cell || typeof cell.value !== "string" || !BODY.has(cell.style ?? "text")) continue;
      if (hidden.has(col) || col >= widths.length) continue;
      // Fast path: no character is wider than 2.1 units, so a short text fits as it is.
      if (cell.value.length * 2.1 + 1 <= widths[col]) continue;
      if (merged.has(cellKey(row.row, col))) continue;
      const needed = Math.min(MAX_FITTED_WIDTH, Math.ceil(textUnits(cell.value) + 1));
      if (needed > widths[col]) widths[col] = needed;
    }
  }
  // Noted cells widen their columns as read ones do (rows read above were widened by then).
  const skipped = (row: number, col: number) =>
    measure.has(row) || hidden.has(col) || col >= widths.length || merged.has(cellKey(row, col));
  for (const block of noted)
    for (let i = 0; i < block.length; i += 3) {
      const row = block[i];
      const col = block[i + 1];
      const needed = block[i + 2];
      if (!skipped(row, col) && needed > widths[col]) widths[col] = needed;
    }
  for (const block of noted)
    for (let i = 0; i < block.length; i += 3) {
      const row = block[i];
      const col = block[i + 1];
      const needed = block[i + 2];
      if (skipped(row, col) || !(widths[col] >= needed)) measure.add(row);
    }
  sheet.columnWidths = widths;
}

/** Stands for a cell with a value other than text: fitText only counts such cells. */
const NOT_TEXT: PlannedCell = { value: 0 };

/** The rows as they pass, each kept in `kept` with its text cells only (what fitText measures). */
function* keepingText(rows: Iterable<PlannedRow>, kept: PlannedRow[]): Generator<PlannedRow> {
  for (const row of rows) {
    const cells = row.cells.map((cell) =>
      cell === null || typeof cell.value === "string" ? cell : cell.value === null ? null : NOT_TEXT
    );
    kept.push(row.height === undefined ? { row: row.row, cells } : { ...row, cells });
    yield row;
  }
}

/** Two lists of rows, each in row order, as one in row order. */
function* inRowOrder(a: readonly PlannedRow[], b: Iterable<PlannedRow>): Generator<PlannedRow> {
  let i = 0;
  for (const row of b) {
    while (i < a.length && a[i].row < row.row) yield a[i++];
    yield row;
  }
  while (i < a.length) yield a[i++];
}

/**
 * The sheet with lone over-long lines merged across its table and row heights that fit their
 * text (a row's planned height is kept when it is taller).
 *
 * @example
 * fitText(sheet).rows.find((r) => r.row === 1)?.height; // 33: the note under the title takes two lines
 */
export function fitText(sheet: PlannedSheet): PlannedSheet {
  const hidden = new Set(sheet.hiddenColumns ?? []);
  const widthOf = (col: number) =>
    hidden.has(col) ? 0 : (sheet.columnWidths[col] ?? DEFAULT_WIDTH);
  // A packed sheet whose layout noted what its text needs (textNeeds): only the rows to measure
  // are read (a city's 学校达标 has a few among tens of thousands), unless a column is now
  // narrower than the layout judged the other rows' text by.
  const hints = packedFitHints(sheet);
  const hinted = hints && hints.widths.every((w, col) => w === undefined || widthOf(col) >= w);
  let rows = () => plannedRows(sheet);
  if (hinted) {
    const measure = new Set(hints.rows);
    // Values and styles are all fitText reads: the rows' formulas stay packed.
    const read = (rows: Iterable<number>) =>
      packedRowsAt(
        sheet,
        [...rows].sort((a, b) => a - b),
        true
      );
    // The rows are read (their slabs inflated) once: their text is kept for the measuring below.
    const kept: PlannedRow[] = [];
    widenColumns(sheet, () => keepingText(read(measure), kept), hints.widen, measure);
    const more = [...measure].filter((row) => !hints.rows.has(row));
    rows = () => inRowOrder(kept, read(more));
  } else widenColumns(sheet, rows);
  const lastCol = Math.max(0, sheet.columnWidths.length - 1);
  const areas = sheet.merges.map(parseRange);
  const mergedAt = new Map<number, Area>();
  const covered = new Set<number>(); // rows any merge touches
  for (const area of areas) {
    mergedAt.set(cellKey(area.top, area.left), area);
    for (let r = area.top; r <= area.bottom; r++) covered.add(r);
  }
  const span = (left: number, right: number) => {
    let w = 0;
    for (let c = left; c <= right; c++) w += widthOf(c);
    return w;
  };
  // Rows one at a time (a city's 学校达标 is packed, never held whole as objects).
  for (const row of rows()) {
    let lines = 0;
    let size = 11;
    let inMerge = false;
    const alone = () =>
      row.cells.filter((c) => c !== null && c.value !== null && c.value !== "").length === 1;
    row.cells.forEach((cell, col) => {
      if (!cell || typeof cell.value !== "string" || cell.value === "") return;
      const style = cell.style ?? "text";
      const fontSize = FONT_SIZE[style] ?? 11;
      // Fast path: text that fits its own column whatever its characters needs nothing (nor
      // does it in a merged area, which is wider).
      if ((cell.value.length * 2.1 * fontSize) / 11 <= widthOf(col) - 1) return;
      let area = mergedAt.get(cellKey(row.row, col));
      const units = textUnits(cell.value, fontSize);
      if (
        !area &&
        col === 0 &&
        alone() &&
        LONE_LINE.has(style) &&
        !covered.has(row.row) &&
        units > widthOf(0) - 1 &&
        lastCol > 0
      ) {
        area = { top: row.row, left: 0, bottom: row.row, right: lastCol };
        sheet.merges.push(rangeA1(row.row, 0, row.row, lastCol));
        mergedAt.set(cellKey(row.row, 0), area);
      }
      if (area && area.bottom > area.top) return; // spans rows: its height is the plan's
      if (!WRAPPING.has(style)) return;
      const width = area ? span(area.left, area.right) : widthOf(col);
      if (width === 0) return; // a hidden column prints nothing
      const n = linesIn(cell.value, fontSize, width);
      if (n > 1 && n * fontSize > lines * size) {
        lines = n;
        size = fontSize;
        inMerge = area !== undefined;
      }
    });
    if (lines <= 1) continue;
    const needed = heightFor(lines, size);
    // Unmerged text alone decides: a measuring host's autofit finds the same (it skips merged cells).
    if (row.height === undefined && !inMerge) row.fit = true;
    row.height = Math.max(row.height ?? 0, needed);
    setPackedRowHeight(sheet, row.row, row.height, row.fit === true);
  }
  return sheet;
}
