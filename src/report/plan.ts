/**
 * The workbook plan: what the audit writes, host-neutral. The report builds it from the audit
 * result; the Excel host (Office.js) and the file host (ExcelJS) both write exactly this.
 * Coordinates are 0-based; `ref` strings are A1 references as Excel formulas use them.
 *
 * What a host must honour:
 * - A string `value` without `formula` is text, always: `=HYPERLINK(…)`, `+1`, `-1`, `@x` are
 *   school names. ExcelJS: assign the string (never `{ formula }`). Office.js: `values` parses a
 *   leading "=" as a formula, so set the cell's numberFormat to "@" first (or write via
 *   `range.values` only after `numberFormat = [["@"]]`) for every string cell.
 * - `formula` is written with an added leading "=", and `value` as its cached result (ExcelJS:
 *   `{ formula, result: value }`). A `null` value without formula leaves the cell empty: never
 *   write 0 or "" there (the CV formulas rely on empty cells of missing values).
 * - Every sheet name in a formula or link is single-quoted with inner quotes doubled. When a host
 *   must rename planned sheets (a user's sheet has the name), it calls renameSheets(plan, names)
 *   with names from chooseSheetNames(), which rewrites every reference to the renamed sheets.
 * - `link` is an internal target (`'小学'!D7`): ExcelJS `hyperlink: "#'小学'!D7"`; Office.js
 *   `hyperlink = { documentReference: "'小学'!D7", textToDisplay: value }`.
 * - Conditional-format formulas and data bars use ranges of the sheet itself; formulas are
 *   relative to the range's top-left cell (Excel's rule), without the leading "=".
 * - `charts` are drawn over the sheet's own ranges (the file host: a drawing and chart parts
 *   whose c:f names the sheet as written, with the series' values cached; Office.js
 *   `charts.add`; ET `ChartObjects().Add`), anchored over the cells they cover.
 * - `page` prints on A4 with its header and footer (Excel's codes: &P, &N, && for "&") and
 *   `repeatRows` as print titles; `pageBreaks` start a new page above their rows.
 * - A row with `fit` has a height estimated for its wrapped text: hosts that measure text may
 *   autofit it instead (one call for all such rows, not one per row).
 */

/** Named cell styles; each host maps them to its own formatting. */
export type CellStyle =
  | "title" // sheet title: bold, larger
  | "subtitle" // notes under the title
  | "header" // table header: bold, filled, borders, wrapped
  | "code" // the declaration tables' column-code row (L1…)
  | "text" // plain bordered table cell
  | "number" // bordered number cell (numFmt gives decimals)
  | "pass" // verdict met: green fill
  | "warn" // below threshold but at the school rule's floor or above: amber fill
  | "fail" // verdict failed / below the floor: red fill
  | "note" // footnote text
  | "link"; // hyperlink text

export interface PlannedCell {
  /**
   * The computed value, written as a literal where there is no formula and as the formula's
   * cached result where there is one. Strings are user text or labels: hosts must write them
   * as text, never as formulas, whatever they start with (`=`, `+`, `-`, `@`). null: an empty cell.
   */
  value: string | number | boolean | null;
  /** A live formula without the leading "=" (e.g. `SUMPRODUCT(...)`), written with `value` as its cached result. */
  formula?: string;
  /** Excel number format, e.g. "0.00", "0.000", "0.0%". */
  numFmt?: string;
  style?: CellStyle;
  /** Internal link target as a reference, e.g. `'小学'!C5`. */
  link?: string;
}

export interface PlannedRow {
  /** 0-based row index in the sheet. */
  row: number;
  /** Cells from column 0; null leaves a cell empty. */
  cells: (PlannedCell | null)[];
  /** Row height in points, when it matters (wrapped headers). */
  height?: number;
  /**
   * The height is an estimate of what the row's wrapped text needs (report/fitText.ts), not a
   * layout choice: a host that measures text (Excel, WPS) may autofit the row instead.
   */
  fit?: boolean;
}

export interface ConditionalFormat {
  /** A1 range, e.g. "D4:J40". */
  range: string;
  /** The rules, first match wins; `formula` is relative to the range's top-left cell, without "=". */
  rules: { formula: string; style: "pass" | "warn" | "fail" }[];
}

export interface DataBar {
  range: string;
  color: string; // "#RRGGBB"
}

export interface PageSetup {
  landscape: boolean;
  fitToWidth: boolean;
  /** 1-based rows repeated on every printed page, e.g. [1, 3]. */
  repeatRows?: [number, number];
  /** Paper size; hosts print on A4 (Excel's paperSize 9) when absent. */
  paper?: "A4";
  /**
   * The printed page's header and footer, each part in Excel's header/footer codes (which
   * Office.js, ET and the file's <headerFooter> all take as they are): `&P` the page number,
   * `&N` the page count, `&&` a literal ampersand. E.g. footer.center 「第 &P 页 共 &N 页」.
   */
  header?: HeaderFooterText;
  footer?: HeaderFooterText;
}

/** The three parts of a printed header or footer line, in Excel's header/footer codes. */
export interface HeaderFooterText {
  left?: string;
  center?: string;
  right?: string;
}

/**
 * A chart drawn on the sheet over the sheet's own cells: bars and lines over a category range.
 * Ranges are A1 ranges of the sheet itself (hosts add the sheet name, as written). Each series
 * carries the values it shows when written, so a file host can cache them (c:numCache) without
 * reading the sheet back.
 */
export interface PlannedChart {
  title: string;
  /** The cells the chart covers, 0-based and inclusive: from the top-left to the bottom-right cell. */
  anchor: { top: number; left: number; bottom: number; right: number };
  /** The category labels' range (one column), e.g. "C40:C46", and their texts. */
  categories: { range: string; labels: string[] };
  /** Axis titles: categories (x) and values (y). */
  axisTitles: { category: string; value: string };
  series: PlannedSeries[];
}

export interface PlannedSeries {
  /** The series' name as the legend shows it. */
  name: string;
  /** Bars (clustered columns) or a line across the categories. */
  kind: "bar" | "line";
  /** The values' range on the sheet (one column, as long as the categories). */
  range: string;
  /** The values as written (null for an empty cell). */
  values: (number | null)[];
  /** "#RRGGBB". */
  color: string;
  /** Number format of the data labels; absent: no labels. */
  labelFormat?: string;
}

/** Which audit sheet this is: hosts use it for ownership and for links from the task pane. */
export type PlannedSheetKind =
  | "summary"
  | "schools"
  | "cv"
  | "findings"
  | "declaration-II-1"
  | "declaration-II-2"
  | "declaration-III"
  | "diagnostics"
  | "declaration-I"
  | "declaration-IV"
  | "declaration-V"
  | "declaration-VI"
  | "evidence"
  /** The blank county form 「县域指标」: written for the user to fill, never marked as the audit's. */
  | "county-form";

export interface PlannedSheet {
  kind: PlannedSheetKind;
  /** Preferred name (审计总览 …); hosts pick another when a user's sheet already has it. */
  name: string;
  /** With several counties: the county this declaration set belongs to. */
  county?: string;
  rows: PlannedRow[];
  merges: string[]; // A1 ranges
  /** Column widths in characters, from column 0. */
  columnWidths: number[];
  /** 0-based columns that formulas need but readers and printouts do not (the CV weight columns). */
  hiddenColumns?: number[];
  /** Rows and columns frozen at the top-left. */
  freeze?: { rows: number; columns: number };
  conditionalFormats: ConditionalFormat[];
  dataBars: DataBar[];
  page: PageSetup;
  /** Charts over the sheet's cells (审计总览: the CVs against their limits). */
  charts?: PlannedChart[];
  /** 0-based rows that start a new printed page (a chart is never cut in two). */
  pageBreaks?: number[];
}

export interface WorkbookPlan {
  sheets: PlannedSheet[];
  /** The sheet to show when the audit is done. */
  activate: PlannedSheetKind;
}

/**
 * Ownership: every sheet the audit writes is marked by a workbook-level defined name
 * `JH_AUDIT_<n>` that refers to A1 of that sheet (the name follows the sheet when renamed and
 * survives save and reopen in Excel, WPS and LibreOffice). A re-run deletes only sheets so marked.
 */
export const OWNERSHIP_NAME_PREFIX = "JH_AUDIT_";
