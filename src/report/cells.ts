import type { CellStyle, PlannedCell } from "./plan";

/** Number formats: 2 decimals for values and means, 3 for CVs (as the declaration tables print them). */
export const FMT = {
  value: "0.00",
  cv: "0.000",
  count: "0",
  percent: "0.00%",
  confidence: "0%",
} as const;

/**
 * The number format of an indicator's values and means: 2 decimals unless the standard asks for more.
 * @example
 * valueFormat({ decimals: 3 }); // "0.000" (2012 师生比 0.054)
 * valueFormat({}); // "0.00"
 */
export function valueFormat(spec: { decimals?: number }): string {
  const d = spec.decimals ?? 2;
  return d > 0 ? `0.${"0".repeat(d)}` : "0";
}

/** Verdict words the formulas write and compare: one place, so IF and COUNTIF agree. */
export const VERDICT = { pass: "达标", fail: "未达标", none: "—" } as const;
export const YES = "是";
export const NO = "否";

/** User text or a label. A string value is always written as text by the hosts, never as a formula. */
export function textCell(value: string, style: CellStyle = "text", link?: string): PlannedCell {
  const cell: PlannedCell = { value, style };
  if (link) cell.link = link;
  return cell;
}

/** A literal number (no formula): used where no source cell can be referenced. */
export function numberCell(
  value: number | null,
  numFmt?: string,
  style: CellStyle = "number"
): PlannedCell {
  const cell: PlannedCell = { value, style };
  if (numFmt) cell.numFmt = numFmt;
  return cell;
}

/** A live formula with the engine's value as its cached result. */
export function formulaCell(
  formula: string,
  value: string | number | boolean | null,
  numFmt?: string,
  style: CellStyle = "number"
): PlannedCell {
  const cell: PlannedCell = { value, formula, style };
  if (numFmt) cell.numFmt = numFmt;
  return cell;
}
