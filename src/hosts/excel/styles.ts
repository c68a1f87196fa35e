/**
 * How each planned CellStyle looks in Excel. Pure data; `applyOps.ts` turns it into Office.js
 * format calls. Colours follow Excel's own "Good / Neutral / Bad" cell styles so the verdicts read
 * the way Excel users already know.
 */
import type { CellStyle } from "../../report/plan";

export interface StyleSpec {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  underline?: "Single";
  /** Thin borders around and inside the range. */
  borders?: boolean;
  wrap?: boolean;
  horizontal?: "Center" | "Left" | "Right";
  vertical?: "Center" | "Top";
}

const BORDER_COLOR = "#BFBFBF";
export { BORDER_COLOR };

export const STYLES: Record<CellStyle, StyleSpec> = {
  title: { bold: true, size: 14 },
  subtitle: { fontColor: "#595959", italic: true },
  header: { bold: true, fill: "#DDEBF7", borders: true, wrap: true, horizontal: "Center", vertical: "Center" },
  code: { fontColor: "#595959", fill: "#F2F2F2", borders: true, horizontal: "Center" },
  text: { borders: true },
  number: { borders: true },
  pass: { fill: "#C6EFCE", fontColor: "#006100", borders: true },
  warn: { fill: "#FFEB9C", fontColor: "#9C5700", borders: true },
  fail: { fill: "#FFC7CE", fontColor: "#9C0006", borders: true },
  note: { fontColor: "#595959", size: 9 },
  link: { fontColor: "#0563C1", underline: "Single" },
};

/** The verdict colours conditional formats use (fill and font), same as the cell styles. */
export function verdictColors(style: "pass" | "warn" | "fail"): { fill: string; fontColor: string } {
  const spec = STYLES[style];
  return { fill: spec.fill as string, fontColor: spec.fontColor as string };
}
