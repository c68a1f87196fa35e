/**
 * The report's palette (src/report/palette.ts) in Office.js terms. Pure data; `applyOps.ts`
 * turns it into format calls.
 */
import { BORDER_COLOR, PALETTE, VERDICT_COLORS, type StyleSpec } from "../../report/palette";
import type { CellStyle } from "../../report/plan";

export interface OfficeStyle {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  underline?: "Single";
  borders?: boolean;
  wrap?: boolean;
  horizontal?: "Center" | "Left" | "Right";
  vertical?: "Center" | "Top";
}

export { BORDER_COLOR };

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { middle: "Center", top: "Top" } as const;

function officeStyle(spec: StyleSpec): OfficeStyle {
  const { underline, horizontal, vertical, ...rest } = spec;
  return {
    ...rest,
    ...(underline ? { underline: "Single" as const } : {}),
    ...(horizontal ? { horizontal: HORIZONTAL[horizontal] } : {}),
    ...(vertical ? { vertical: VERTICAL[vertical] } : {}),
  };
}

export const STYLES = Object.fromEntries(
  Object.entries(PALETTE).map(([name, spec]) => [name, officeStyle(spec)])
) as Record<CellStyle, OfficeStyle>;

/** The verdict colours conditional formats use (fill and font), same as the cell styles. */
export function verdictColors(style: "pass" | "warn" | "fail"): {
  fill: string;
  fontColor: string;
} {
  return VERDICT_COLORS[style];
}
