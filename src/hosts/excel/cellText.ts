/**
 * What goes into `range.formulas` for one planned cell. Pure.
 *
 * Text is escaped with a leading apostrophe (Excel's quote prefix) rather than by giving the cell
 * the "@" text format first: the apostrophe travels in the same 2-D write as everything else
 * (no second array, no ordering between two writes to get right), Excel stores the text without
 * it (it is only a flag), and the cell keeps the planned number format, so a user who later types
 * a formula there gets a formula. Excel treats the apostrophe exactly as when a user types it.
 */
import type { PlannedCell } from "../../report/plan";

/**
 * Text Excel would not keep as typed: formulas (= + - @), a leading apostrophe (it would be
 * swallowed), and anything it might turn into a number, date, percentage, boolean or error
 * ("0012", "1/2", "50%", "TRUE", "#N/A"), full-width forms included.
 */
const NEEDS_QUOTE_PREFIX =
  /^[\s\u3000]*(?:[=+\-@'#.(\d\uFF10-\uFF19\uFF0B\uFF0D\uFF1D\uFF20]|(?:true|false)[\s\u3000]*$)/i;

/**
 * The value for `range.formulas`: "=" + formula for a formula cell, the number or boolean as is,
 * text with an apostrophe when Excel would otherwise reinterpret it, "" for an empty cell.
 *
 * @example
 * formulaCell({ value: 0.9, formula: "C5*100/B5" }); // "=C5*100/B5"
 * formulaCell({ value: "=HYPERLINK(\"http://x\",\"y\")" }); // "'=HYPERLINK(\"http://x\",\"y\")"
 * formulaCell({ value: "实验小学" }); // "实验小学"
 */
export function formulaCell(cell: PlannedCell | null | undefined): string | number | boolean {
  if (!cell) return "";
  if (cell.formula !== undefined && cell.formula !== "") {
    return cell.formula.startsWith("=") ? cell.formula : `=${cell.formula}`;
  }
  const { value } = cell;
  if (value === null) return "";
  if (typeof value === "string") return NEEDS_QUOTE_PREFIX.test(value) ? `'${value}` : value;
  return value;
}
