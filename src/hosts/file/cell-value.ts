import ExcelJS from "exceljs";
import type { CellValue } from "../../sheets/grid";

/**
 * One ExcelJS cell value as the reader sees it, the way Office.js would give it:
 * - numbers, strings and booleans as they are; empty cells as null;
 * - a formula cell as its cached result (null when the file holds none);
 * - rich text and hyperlink cells as their plain text;
 * - error values as { error: "#DIV/0!" };
 * - dates as ISO strings: "2023-09-01" at midnight, else "2023-09-01T08:30:00" (ExcelJS reads
 *   date serials as UTC, so the ISO text is the date Excel shows).
 *
 * @example
 * toCellValue({ formula: "A1/B1", result: { error: "#DIV/0!" } }); // { error: "#DIV/0!" }
 * toCellValue({ richText: [{ text: "实验" }, { text: "小学" }] }); // "实验小学"
 */
export function toCellValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return isoDate(value);
  if (typeof value !== "object") return null;
  if ("error" in value && typeof value.error === "string") return { error: value.error };
  if ("richText" in value && Array.isArray(value.richText))
    return value.richText.map((run) => run.text ?? "").join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    return toCellValue(result as ExcelJS.CellValue | undefined);
  }
  if ("hyperlink" in value && "text" in value)
    return toCellValue((value as { text: ExcelJS.CellValue }).text);
  if ("text" in value && typeof (value as { text: unknown }).text === "string")
    return (value as { text: string }).text;
  return null;
}

function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return "";
  const iso = date.toISOString(); // 2023-09-01T08:30:00.000Z
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19);
}

/**
 * The value of an ExcelJS cell as the reader sees it (see toCellValue). Formula cells are read
 * from the cell's model: ExcelJS 4.4's `cell.value` getter drops a cached result that is falsy,
 * so a formula showing 0, FALSE or "" would otherwise read as empty.
 *
 * @example
 * readCellValue(worksheet.getCell("E7")); // 0 for =A1-A1 with its cached result
 */
export function readCellValue(cell: ExcelJS.Cell): CellValue {
  if (cell.type === ExcelJS.ValueType.Formula) {
    const model = cell.model as { result?: unknown };
    return toCellValue(model.result as ExcelJS.CellValue | undefined);
  }
  return toCellValue(cell.value);
}
