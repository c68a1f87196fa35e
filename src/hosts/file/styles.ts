import type ExcelJS from "exceljs";
import type { CellStyle } from "../../report/plan";

/**
 * The plan's named styles as ExcelJS formatting. Verdict colours follow Excel's own
 * "good / neutral / bad" cell styles, which readers recognise: green pass, amber warn, red fail.
 */

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFBFBFBF" } };
const BORDERS: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function solid(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb }, bgColor: { argb } };
}

/** Fill and font colours of the verdicts, shared by cell styles and conditional formats. */
export const VERDICT_COLOURS: Record<"pass" | "warn" | "fail", { fill: string; font: string }> = {
  pass: { fill: "FFC6EFCE", font: "FF006100" },
  warn: { fill: "FFFFEB9C", font: "FF9C5700" },
  fail: { fill: "FFFFC7CE", font: "FF9C0006" },
};

const STYLES: Record<CellStyle, Partial<ExcelJS.Style>> = {
  title: { font: { bold: true, size: 14 }, alignment: { vertical: "middle", horizontal: "left" } },
  subtitle: { font: { size: 10, color: { argb: "FF595959" } }, alignment: { vertical: "middle" } },
  header: {
    font: { bold: true },
    fill: solid("FFDDEBF7"),
    border: BORDERS,
    alignment: { vertical: "middle", horizontal: "center", wrapText: true },
  },
  code: { font: { size: 9, color: { argb: "FF595959" } }, fill: solid("FFF2F2F2"), border: BORDERS, alignment: { horizontal: "center" } },
  text: { border: BORDERS, alignment: { vertical: "middle" } },
  number: { border: BORDERS, alignment: { vertical: "middle", horizontal: "right" } },
  pass: { font: { color: { argb: VERDICT_COLOURS.pass.font } }, fill: solid(VERDICT_COLOURS.pass.fill), border: BORDERS, alignment: { vertical: "middle" } },
  warn: { font: { color: { argb: VERDICT_COLOURS.warn.font } }, fill: solid(VERDICT_COLOURS.warn.fill), border: BORDERS, alignment: { vertical: "middle" } },
  fail: { font: { color: { argb: VERDICT_COLOURS.fail.font } }, fill: solid(VERDICT_COLOURS.fail.fill), border: BORDERS, alignment: { vertical: "middle" } },
  note: { font: { size: 9, color: { argb: "FF595959" } }, alignment: { vertical: "top", wrapText: false } },
  link: { font: { color: { argb: "FF0563C1" }, underline: true }, border: BORDERS, alignment: { vertical: "middle" } },
};

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
  const colours = VERDICT_COLOURS[verdict];
  return {
    font: { color: { argb: colours.font } },
    fill: { type: "pattern", pattern: "solid", fgColor: { argb: colours.fill }, bgColor: { argb: colours.fill } },
  };
}
