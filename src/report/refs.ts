/**
 * A1 references for formulas and links. Every sheet name is quoted (single quotes, inner quotes
 * doubled), so a user's sheet called O'Brien or 1,2 can never break or inject into a formula.
 */
import { columnLetters } from "../sheets/grid";

/** Letters of the first columns, made once: formulas name them hundreds of thousands of times. */
const LETTERS: string[] = Array.from({ length: 256 }, (_, col) => columnLetters(col));

/** Column letters of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetter(col: number): string {
  return LETTERS[col] ?? columnLetters(col);
}

/**
 * A1 address of a 0-based row and column; `abs` fixes the row, the column or both with `$`.
 *
 * @example
 * cellA1(4, 2); // "C5"
 * cellA1(4, 2, "row"); // "C$5"
 */
export function cellA1(
  row: number,
  col: number,
  abs: "none" | "row" | "col" | "both" = "none"
): string {
  const c = (abs === "col" || abs === "both" ? "$" : "") + columnLetter(col);
  const r = (abs === "row" || abs === "both" ? "$" : "") + String(row + 1);
  return c + r;
}

/** A1 range of 0-based inclusive corners: rangeA1(5, 4, 9, 4) → "E6:E10". */
export function rangeA1(top: number, left: number, bottom: number, right: number): string {
  return `${cellA1(top, left)}:${cellA1(bottom, right)}`;
}

/**
 * A sheet name quoted for a formula: always in single quotes, inner quotes doubled.
 *
 * @example
 * quoteSheet("O'Brien"); // "'O''Brien'"
 */
export function quoteSheet(name: string): string {
  return name.includes("'") ? `'${name.replace(/'/g, "''")}'` : `'${name}'`;
}

/**
 * The last sheet's `'Sheet'!` prefix: a city's rows reference the same few source sheets row
 * after row, hundreds of thousands of times.
 */
let lastSheet = "";
let lastPrefix = "''!";

/** `'Sheet'!A1`: a reference to a cell or range of another sheet. */
export function sheetRef(sheet: string, address: string): string {
  if (sheet !== lastSheet) {
    lastPrefix = `${quoteSheet(sheet)}!`;
    lastSheet = sheet;
  }
  return lastPrefix + address;
}

const PLAIN_A1 = /^\$?([A-Z]{1,3})\$?([1-9][0-9]{0,6})$/;

/**
 * The address as a plain single-cell A1 reference ("E5", "$E$5" → "E5"), or null when it is
 * anything else. Addresses come from the reader; a bad one must not reach a formula.
 */
export function plainA1(address: string | undefined): string | null {
  if (typeof address !== "string") return null;
  if (isPlainA1(address)) return address; // the reader's usual form: nothing to take off
  const m = PLAIN_A1.exec(address.trim().toUpperCase());
  return m ? m[1] + m[2] : null;
}

/** Already as plainA1 gives it back: 1–3 capital letters, then 1–7 digits not starting with 0. */
function isPlainA1(address: string): boolean {
  const n = address.length;
  let i = 0;
  while (i < n && i < 4) {
    const c = address.charCodeAt(i);
    if (c < 65 || c > 90) break;
    i++;
  }
  if (i === 0 || i > 3 || n - i < 1 || n - i > 7 || address.charCodeAt(i) === 48) return false;
  for (let j = i; j < n; j++) {
    const c = address.charCodeAt(j);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * A number as a formula literal: no exponent notation, which not every host parses alike.
 *
 * @example
 * numberLiteral(0.0000001); // "0.0000001"
 */
export function numberLiteral(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const plain = String(x);
  if (!/e/i.test(plain)) return plain;
  if (Number.isInteger(x)) return BigInt(x).toString();
  return x.toFixed(20).replace(/\.?0+$/, "");
}
