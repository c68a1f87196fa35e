/**
 * How each planned cell style looks, host-neutral: the one palette every host translates to its
 * own API (ExcelJS, Office.js, WPS). Colours follow Excel's own "Good / Neutral / Bad" cell
 * styles, which readers recognise: green pass, amber warn, red fail.
 */
import type { CellStyle } from "./plan";

export interface StyleSpec {
  /** Colours as "#RRGGBB". */
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  /** Font size in points (the workbook's default when absent). */
  size?: number;
  underline?: boolean;
  /** Thin borders around (and inside) the cells. */
  borders?: boolean;
  wrap?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "middle" | "top";
}

/** The colour of the thin borders. */
export const BORDER_COLOR = "#BFBFBF";

const GREY_TEXT = "#595959";

/** Fill and font of each verdict, shared by cell styles and conditional formats. */
export const VERDICT_COLORS: Record<"pass" | "warn" | "fail", { fill: string; fontColor: string }> =
  {
    pass: { fill: "#C6EFCE", fontColor: "#006100" },
    warn: { fill: "#FFEB9C", fontColor: "#9C5700" },
    fail: { fill: "#FFC7CE", fontColor: "#9C0006" },
  };

export const PALETTE: Record<CellStyle, StyleSpec> = {
  title: { bold: true, size: 14, horizontal: "left", vertical: "middle" },
  // Text styles wrap: rows get the height their text needs (fitText.ts), so nothing is cut off in print.
  subtitle: { size: 10, fontColor: GREY_TEXT, vertical: "middle", wrap: true },
  header: {
    bold: true,
    fill: "#DDEBF7",
    borders: true,
    wrap: true,
    horizontal: "center",
    vertical: "middle",
  },
  code: { size: 9, fontColor: GREY_TEXT, fill: "#F2F2F2", borders: true, horizontal: "center" },
  text: { borders: true, vertical: "middle", wrap: true },
  number: { borders: true, horizontal: "right", vertical: "middle" },
  pass: { ...VERDICT_COLORS.pass, borders: true, vertical: "middle", wrap: true },
  warn: { ...VERDICT_COLORS.warn, borders: true, vertical: "middle", wrap: true },
  fail: { ...VERDICT_COLORS.fail, borders: true, vertical: "middle", wrap: true },
  note: { size: 9, fontColor: GREY_TEXT, vertical: "top", wrap: true },
  link: { fontColor: "#0563C1", underline: true, borders: true, vertical: "middle", wrap: true },
};
