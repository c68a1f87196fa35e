import { isCellError, type CellValue } from "./grid";

/**
 * Text of a cell as users typed it, folded so wordings compare: NFKC turns full-width digits,
 * letters and brackets into half-width ones (「（㎡）」 → "(m2)", 「１２」 → "12"), and every
 * whitespace (line breaks and stray spaces inside header cells) is removed.
 *
 * @example
 * foldText("生均教学及辅助用 房面积（ ㎡）"); // "生均教学及辅助用房面积(m2)"
 */
/** Text NFKC leaves as it is: ASCII, CJK ideographs and CJK punctuation (checked first: normalize is slow). */
const NFKC_STABLE =
  /^[\u0021-\u007e\u3001-\u300f\u3012\u3013\u3016-\u3035\u3400-\u4dbf\u4e00-\u9fff]*$/;

export function foldText(text: string): string {
  if (NFKC_STABLE.test(text)) return text;
  return text
    .normalize("NFKC")
    .replace(/[\s\u200b\ufeff]+/g, "")
    .replace(/[【［〔]/g, "(")
    .replace(/[】］〕]/g, ")");
}

/** A cell's raw text: strings trimmed, numbers as written, error values and empties as "". */
export function rawText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return "";
}

/** Folded text of a cell (see foldText); "" for empties and error values. */
export function cellText(value: CellValue | undefined): string {
  return typeof value === "string" ? foldText(value) : rawText(value);
}

/** True when a cell holds nothing: null, missing, blank text. Error values are not empty. */
export function isEmptyCell(value: CellValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  if (typeof value === "number") return Number.isNaN(value);
  if (typeof value === "boolean") return false;
  return !isCellError(value);
}

/** Limits a text for a message so a hostile cell cannot flood the task pane. */
export function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
