import { packedRawRows, plannedRows, plannedStyleSamples } from "../../../report/packedRows";
import type { PlannedCell, PlannedSheet } from "../../../report/plan";
import { renameRefs } from "../../../report/rename";
import { a1 } from "../../../sheets/grid";
import { headerFooterXml, rowBreaksXml } from "./page-xml";
import {
  formatAttr,
  hyperlinkXml,
  MAX_CELL_TEXT,
  packedSheetXml,
  type SheetXmlFrame,
} from "./sheet-data-bytes";
import { styleKey } from "./styles-xml";
import { escapeText } from "./xml-text";

/**
 * One planned audit sheet as worksheet XML, produced in chunks of rows so a city's schools sheet
 * never sits in memory as one string: inline strings (no shared-string table to merge with the
 * user's), formulas with their cached values, merges, column widths and hidden columns, frozen
 * panes, print setup, internal links and conditional formats with data bars.
 */

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Rows per chunk handed to the zip writer: large enough that the per-chunk await costs little. */
const ROWS_PER_CHUNK = 100;

export interface SheetStyles {
  /** The cell format index for a (style, number format) pair. */
  cellFormat: Map<string, number>;
  dxf: Record<"pass" | "warn" | "fail", number>;
}

function withoutEquals(formula: string): string {
  return formula.startsWith("=") ? formula.slice(1) : formula;
}

function text(value: string): string {
  return escapeText(value.slice(0, MAX_CELL_TEXT));
}

/** The effective style of a cell: a link without its own style looks like a link. */
function cellStyle(cell: PlannedCell): PlannedCell["style"] {
  return cell.style ?? (cell.link && !cell.formula ? "link" : undefined);
}

/** Every (style, number format) pair the sheet's cells use. */
export function usedStyles(
  sheet: PlannedSheet
): { style?: PlannedCell["style"]; numFmt?: string }[] {
  const seen = new Map<string, { style?: PlannedCell["style"]; numFmt?: string }>();
  for (const cell of plannedStyleSamples(sheet)) {
    {
      const style = cellStyle(cell);
      if (!style && !cell.numFmt) continue;
      const key = styleKey(style, cell.numFmt);
      if (!seen.has(key)) seen.set(key, { style, numFmt: cell.numFmt });
    }
  }
  return [...seen.values()];
}

function cellXml(
  ref: string,
  cell: PlannedCell,
  styles: SheetStyles,
  rename: (text: string) => string
): string {
  const s = formatAttr(styles.cellFormat, cellStyle(cell), cell.numFmt);
  const value = cell.value;
  if (cell.formula) {
    const f = `<f>${escapeText(withoutEquals(rename(cell.formula)))}</f>`;
    if (value === null) return `<c r="${ref}"${s}>${f}</c>`;
    if (typeof value === "number") {
      return Number.isFinite(value)
        ? `<c r="${ref}"${s}>${f}<v>${value}</v></c>`
        : `<c r="${ref}"${s} t="e">${f}<v>#NUM!</v></c>`;
    }
    if (typeof value === "boolean")
      return `<c r="${ref}"${s} t="b">${f}<v>${value ? 1 : 0}</v></c>`;
    return `<c r="${ref}"${s} t="str">${f}<v>${text(value)}</v></c>`;
  }
  if (value === null) return s ? `<c r="${ref}"${s}/>` : "";
  if (typeof value === "number")
    return Number.isFinite(value)
      ? `<c r="${ref}"${s}><v>${value}</v></c>`
      : `<c r="${ref}"${s} t="e"><v>#NUM!</v></c>`;
  if (typeof value === "boolean") return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${text(value)}</t></is></c>`;
}

function head(sheet: PlannedSheet, selected: boolean): string {
  const fit = sheet.page.fitToWidth ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "";
  const freeze =
    sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0) ? sheet.freeze : undefined;
  let pane = "";
  if (freeze) {
    const activePane =
      freeze.rows > 0 && freeze.columns > 0
        ? "bottomRight"
        : freeze.rows > 0
          ? "bottomLeft"
          : "topRight";
    pane =
      `<pane${freeze.columns > 0 ? ` xSplit="${freeze.columns}"` : ""}${freeze.rows > 0 ? ` ySplit="${freeze.rows}"` : ""}` +
      ` topLeftCell="${a1(freeze.rows, freeze.columns)}" activePane="${activePane}" state="frozen"/>` +
      `<selection pane="${activePane}" activeCell="${a1(freeze.rows, freeze.columns)}" sqref="${a1(freeze.rows, freeze.columns)}"/>`;
  }
  const hidden = new Set(sheet.hiddenColumns ?? []);
  const widthCount = Math.max(sheet.columnWidths.length, ...[...hidden].map((c) => c + 1));
  const cols: string[] = [];
  for (let c = 0; c < widthCount; c++) {
    const width = sheet.columnWidths[c];
    if (width === undefined && !hidden.has(c)) continue;
    cols.push(
      `<col min="${c + 1}" max="${c + 1}" width="${width ?? 9}"${width !== undefined ? ' customWidth="1"' : ""}${hidden.has(c) ? ' hidden="1"' : ""}/>`
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    fit +
    `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ""} workbookViewId="0">${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    (cols.length > 0 ? `<cols>${cols.join("")}</cols>` : "") +
    "<sheetData>"
  );
}

/** How a planned sheet is written beside the plan itself. */
export interface SheetWriteOptions {
  /** Planned sheet name → written name (sheetRenames): references are rewritten as they are written. */
  renames?: ReadonlyMap<string, string>;
  /** The sheet the workbook opens on: its tab is the selected one. */
  selected?: boolean;
  /** Its drawing (charts), by relationship id. */
  drawingRelId?: string;
}

/** What follows the rows: everything up to the hyperlinks, and everything after them. */
function tailAround(
  sheet: PlannedSheet,
  styles: SheetStyles,
  rename: (text: string) => string,
  drawingRelId: string | undefined
): { before: string; after: string } {
  const parts: string[] = ["</sheetData>"];
  if (sheet.merges.length > 0)
    parts.push(
      `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
    );
  let priority = 1; // plan order: the first rule wins
  for (const format of sheet.conditionalFormats) {
    const rules = format.rules
      .map(
        (rule) =>
          `<cfRule type="expression" dxfId="${styles.dxf[rule.style]}" priority="${priority++}"><formula>${escapeText(withoutEquals(rename(rule.formula)))}</formula></cfRule>`
      )
      .join("");
    parts.push(`<conditionalFormatting sqref="${format.range}">${rules}</conditionalFormatting>`);
  }
  for (const bar of sheet.dataBars) {
    const rgb = `FF${bar.color.replace(/^#/, "").toUpperCase()}`;
    parts.push(
      `<conditionalFormatting sqref="${bar.range}"><cfRule type="dataBar" priority="${priority++}"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="${rgb}"/></dataBar></cfRule></conditionalFormatting>`
    );
  }
  const before = parts.join("");
  parts.length = 0;
  parts.push(
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
  );
  const fit = sheet.page.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : "";
  parts.push(
    `<pageSetup paperSize="9" orientation="${sheet.page.landscape ? "landscape" : "portrait"}"${fit}/>`
  );
  parts.push(headerFooterXml(sheet.page));
  parts.push(rowBreaksXml(sheet.pageBreaks ?? []));
  if (drawingRelId) parts.push(`<drawing r:id="${drawingRelId}"/>`);
  parts.push("</worksheet>");
  return { before, after: parts.join("") };
}

function tail(
  sheet: PlannedSheet,
  styles: SheetStyles,
  links: string[],
  rename: (text: string) => string,
  drawingRelId: string | undefined
): string {
  const { before, after } = tailAround(sheet, styles, rename, drawingRelId);
  return links.length > 0
    ? `${before}<hyperlinks>${links.join("")}</hyperlinks>${after}`
    : `${before}${after}`;
}

/**
 * The XML around a sheet's rows (packedSheetXml writes the rows between), for a sheet written
 * without renamed references.
 *
 * @example
 * sheetXmlFrame(sheet, styles).head; // '<?xml …?>\n<worksheet …>…<sheetData>'
 */
export function sheetXmlFrame(
  sheet: PlannedSheet,
  styles: SheetStyles,
  options: Omit<SheetWriteOptions, "renames"> = {}
): SheetXmlFrame {
  const same = (text: string) => text;
  return {
    head: head(sheet, options.selected ?? false),
    ...tailAround(sheet, styles, same, options.drawingRelId),
  };
}

/**
 * The worksheet XML of a planned sheet, in chunks (strings, or UTF-8 bytes). The rows of a sheet
 * built by the report are copied from their packed bytes (sheet-data-bytes.ts), never held whole
 * as objects; a sheet of row objects, or one whose references must be renamed, is streamed row by
 * row (plannedRows). `rename` (planned sheet name → written name, from sheetRenames) rewrites
 * references in formulas, links and conditional formats as they are written.
 *
 * @example
 * for (const chunk of sheetXmlChunks(plan.sheets[0], styles)) stream.write(chunk);
 */
export function* sheetXmlChunks(
  sheet: PlannedSheet,
  styles: SheetStyles,
  options: SheetWriteOptions = {}
): Generator<string | Uint8Array> {
  const renames = options.renames ?? new Map<string, string>();
  const rename =
    renames.size === 0 ? (text: string) => text : (text: string) => renameRefs(text, renames);
  const raw = renames.size === 0 ? packedRawRows(sheet) : undefined;
  if (raw) {
    yield* packedSheetXml(sheetXmlFrame(sheet, styles, options), raw, styles.cellFormat);
    return;
  }
  yield head(sheet, options.selected ?? false);
  const links: string[] = [];
  let chunk: string[] = [];
  let rowsInChunk = 0;
  for (const planned of plannedRows(sheet)) {
    const cells: string[] = [];
    planned.cells.forEach((cell, col) => {
      if (!cell) return;
      const ref = a1(planned.row, col);
      cells.push(cellXml(ref, cell, styles, rename));
      if (cell.link && !cell.formula) {
        const display = cell.value === null ? "" : String(cell.value);
        links.push(hyperlinkXml(ref, rename(cell.link), display));
      }
    });
    const height = planned.height !== undefined ? ` ht="${planned.height}" customHeight="1"` : "";
    chunk.push(`<row r="${planned.row + 1}"${height}>${cells.join("")}</row>`);
    if (++rowsInChunk >= ROWS_PER_CHUNK) {
      yield chunk.join("");
      chunk = [];
      rowsInChunk = 0;
    }
  }
  if (chunk.length > 0) yield chunk.join("");
  yield tail(sheet, styles, links, rename, options.drawingRelId);
}
