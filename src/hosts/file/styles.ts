import type ExcelJS from "exceljs";
import { BORDER_COLOR, PALETTE, VERDICT_COLORS, type StyleSpec } from "../../report/palette";
import type { CellStyle } from "../../report/plan";

/** The report's palette (src/report/palette.ts) as ExcelJS formatting. */

/** "#BFBFBF" → "FFBFBFBF" (ExcelJS colours carry an alpha byte). */
const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: argb(BORDER_COLOR) } };
const BORDERS: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function solid(hex: string): ExcelJS.Fill {
  return {
    type: "pattern",
    pattern: "solid",
    fgColor: { argb: argb(hex) },
    bgColor: { argb: argb(hex) },
  };
}

function exceljsStyle(spec: StyleSpec): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = {};
  if (spec.bold) font.bold = true;
  if (spec.italic) font.italic = true;
  if (spec.size) font.size = spec.size;
  if (spec.underline) font.underline = true;
  if (spec.fontColor) font.color = { argb: argb(spec.fontColor) };
  if (Object.keys(font).length > 0) style.font = font;
  if (spec.fill) style.fill = solid(spec.fill);
  if (spec.borders) style.border = BORDERS;
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (spec.horizontal) alignment.horizontal = spec.horizontal;
  if (spec.vertical) alignment.vertical = spec.vertical;
  if (spec.wrap) alignment.wrapText = true;
  if (Object.keys(alignment).length > 0) style.alignment = alignment;
  return style;
}

const STYLES = Object.fromEntries(
  Object.entries(PALETTE).map(([name, spec]) => [name, exceljsStyle(spec)])
) as Record<CellStyle, Partial<ExcelJS.Style>>;

/** A fresh copy of the ExcelJS style for a plan style, with a number format when given. */
function excelStyle(style: CellStyle | undefined, numFmt?: string): Partial<ExcelJS.Style> {
  const copy = style ? structuredClone(STYLES[style]) : {};
  if (numFmt) copy.numFmt = numFmt;
  return copy;
}

/**
 * One style object per (style, number format), shared by every cell that has it: a copy per cell
 * cost a second and hundreds of megabytes on a city's workbook. ExcelJS keeps a reference to a
 * cell's style and changes it in place when a single property (cell.numFmt, cell.font …) is set,
 * so cells given a shared style must never have a property set on their own.
 */
export class SharedStyles {
  private readonly styles = new Map<string, Partial<ExcelJS.Style>>();

  get(style: CellStyle | undefined, numFmt?: string): Partial<ExcelJS.Style> {
    const key = `${style ?? ""}\u0000${numFmt ?? ""}`;
    let shared = this.styles.get(key);
    if (!shared) {
      shared = excelStyle(style, numFmt);
      this.styles.set(key, shared);
    }
    return shared;
  }
}

/** The differential style a conditional format applies (Excel reads bgColor for cf fills). */
export function conditionalStyle(verdict: "pass" | "warn" | "fail"): Partial<ExcelJS.Style> {
  const colours = VERDICT_COLORS[verdict];
  return { font: { color: { argb: argb(colours.fontColor) } }, fill: solid(colours.fill) };
}
