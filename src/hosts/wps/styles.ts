/**
 * How a planned CellStyle looks in WPS: the report's host-neutral palette (src/report/palette.ts)
 * translated into ET property values (BGR colour longs, XlHAlign/XlVAlign numbers).
 */
import type { CellStyle } from "../../report/plan";
import { BORDER_COLOR, PALETTE, VERDICT_COLORS } from "../../report/palette";
import { XL, type EtBorder, type EtRange } from "./et";

/**
 * A "#RRGGBB" colour as the BGR long ET's Color properties take.
 *
 * @example
 * bgr("#FF0000"); // 255
 * bgr("#0000FF"); // 16711680
 */
export function bgr(hex: string): number {
  const rgb = Number.parseInt(hex.replace(/^#/, ""), 16);
  const r = (rgb >> 16) & 0xff;
  const g = (rgb >> 8) & 0xff;
  const b = rgb & 0xff;
  return r + g * 256 + b * 65536;
}

const HORIZONTAL = { center: XL.center, left: XL.left, right: XL.right } as const;
const VERTICAL = { middle: XL.center, top: XL.top } as const;

/**
 * Sets a style on a range (one range, possibly a union "A1:B2,D4"): font, fill, alignment, and
 * thin borders around and, where the areas have an inside, between the cells.
 *
 * @example
 * applyStyle(sheet.Range("A2:D2"), "header", { rows: false, cols: true });
 */
export function applyStyle(
  range: EtRange,
  style: CellStyle,
  inside: { rows: boolean; cols: boolean }
): void {
  const spec = PALETTE[style];
  if (spec.fill) range.Interior.Color = bgr(spec.fill);
  if (spec.fontColor || spec.bold || spec.italic || spec.size || spec.underline) {
    const font = range.Font;
    if (spec.fontColor) font.Color = bgr(spec.fontColor);
    if (spec.bold) font.Bold = true;
    if (spec.italic) font.Italic = true;
    if (spec.size) font.Size = spec.size;
    if (spec.underline) font.Underline = XL.underlineSingle;
  }
  if (spec.wrap) range.WrapText = true;
  if (spec.horizontal) range.HorizontalAlignment = HORIZONTAL[spec.horizontal];
  if (spec.vertical) range.VerticalAlignment = VERTICAL[spec.vertical];
  if (spec.borders) {
    const edges: number[] = [XL.edgeTop, XL.edgeBottom, XL.edgeLeft, XL.edgeRight];
    if (inside.rows) edges.push(XL.insideHorizontal);
    if (inside.cols) edges.push(XL.insideVertical);
    const borders = range.Borders;
    for (const edge of edges) thinBorder(borders.Item(edge));
  }
}

function thinBorder(border: EtBorder): void {
  border.LineStyle = XL.continuous;
  border.Weight = XL.thin;
  border.Color = bgr(BORDER_COLOR);
}

/** Fill and font colour of a verdict's conditional format, as BGR longs. */
export function verdictColorsBgr(style: "pass" | "warn" | "fail"): {
  fill: number;
  fontColor: number;
} {
  const colors = VERDICT_COLORS[style];
  return { fill: bgr(colors.fill), fontColor: bgr(colors.fontColor) };
}
