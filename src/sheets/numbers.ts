import { isCellError, type CellValue } from "./grid";
import { UNITS } from "./units";

/** What a number cell held. */
export type ParsedNumber =
  | { kind: "empty" }
  /** unit: the unit written after the figure in the cell (「12.5万元」 → "万元"), folded. */
  | { kind: "number"; value: number; fromText: boolean; unit?: string }
  /** An Excel error value (#DIV/0!, #N/A …), as a CellError or as the text Office.js gives. */
  | { kind: "error"; text: string }
  /** Text that is no number (「一千二」, 「约50」), or a logical value. */
  | { kind: "invalid"; text: string };

const ERROR_TEXT =
  /^#(DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)/i;
/** Placeholders bureaus type for "nothing here". */
const PLACEHOLDER = /^[-—–/\\－─]{1,3}$/;
/** Units a number cell may carry after the figure (「1,234.5㎡」 folds to "1234.5m2"): the shared unit list. */
const TRAILING_UNIT = new RegExp(`(${UNITS.map((u) => u.word).join("|")})$`, "i");
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
/** Shared by every empty cell (most cells of a sheet): nothing mutates a parse result. */
const EMPTY: ParsedNumber = Object.freeze({ kind: "empty" });

/**
 * Reads a number cell: numbers as they are; text with thousands separators, full-width digits,
 * surrounding spaces or a trailing unit as the number it shows.
 *
 * @example
 * parseNumberCell("１,２３４.５㎡"); // { kind: "number", value: 1234.5, fromText: true, unit: "m2" }
 * parseNumberCell({ error: "#DIV/0!" }); // { kind: "error", text: "#DIV/0!" }
 * parseNumberCell("一千二"); // { kind: "invalid", text: "一千二" }
 */
export function parseNumberCell(value: CellValue | undefined): ParsedNumber {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === "number") {
    return Number.isFinite(value)
      ? { kind: "number", value, fromText: false }
      : { kind: "invalid", text: String(value) };
  }
  if (typeof value === "boolean") return { kind: "invalid", text: value ? "TRUE" : "FALSE" };
  if (isCellError(value)) return { kind: "error", text: value.error };
  if (typeof value !== "string") return EMPTY;
  const trimmed = value.trim();
  if (trimmed === "") return EMPTY;
  if (ERROR_TEXT.test(trimmed)) return { kind: "error", text: trimmed };
  const folded = trimmed.normalize("NFKC").replace(/[\s,，]+/g, "");
  if (folded === "" || PLACEHOLDER.test(folded)) return EMPTY;
  if (folded === "无") return { kind: "number", value: 0, fromText: true };
  const unit = TRAILING_UNIT.exec(folded)?.[0];
  const bare = unit ? folded.slice(0, -unit.length) : folded;
  if (NUMBER.test(bare)) {
    const number = Number(bare);
    if (Number.isFinite(number))
      return unit
        ? { kind: "number", value: number, fromText: true, unit: unit.toLowerCase() }
        : { kind: "number", value: number, fromText: true };
  }
  return { kind: "invalid", text: trimmed };
}

/** A value converted by a unit factor (万元 → 元) without float noise: 1.1 × 10000 → 11000. */
export function scaleValue(value: number, factor: number): number {
  if (factor === 1) return value;
  const x = value * factor;
  // Six decimals are far below any unit the tables use; huge values are whole anyway.
  return Math.abs(x) < 1e9 ? Math.round(x * 1e6) / 1e6 : Math.round(x);
}
