/**
 * Sheet references inside formulas. When an audit sheet is written under another name than the
 * plan's (a user's sheet already has the name, or the old audit sheet still does), references to
 * it in formulas must follow. Excel then keeps them right through later renames. Pure.
 */
import { quoteSheetName, sheetKey } from "./sheetNames";

// Characters that end an unquoted sheet name or other identifier in a formula.
const DELIMITER = /[\s()+\-*/^&=<>,;:!{}"'%]/;

/**
 * The formula with every sheet reference whose name is a key of `renames` (case-insensitive)
 * pointing at the new name. String literals and references to other sheets stay as they are.
 *
 * @example
 * renameSheetRefs("SUM('学校明细'!D5:D9)+小学!B2", new Map([["学校明细", "学校明细 (2)"]]));
 * // "SUM('学校明细 (2)'!D5:D9)+小学!B2"
 */
export function renameSheetRefs(formula: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0) return formula;
  const byKey = new Map([...renames].map(([from, to]) => [sheetKey(from), to]));
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const end = closingQuote(formula, i, '"');
      out += formula.slice(i, end + 1);
      i = end + 1;
    } else if (ch === "'") {
      const end = closingQuote(formula, i, "'");
      const name = formula.slice(i + 1, end).replace(/''/g, "'");
      const target = formula[end + 1] === "!" ? byKey.get(sheetKey(name)) : undefined;
      out += target === undefined ? formula.slice(i, end + 1) : quoteSheetName(target);
      i = end + 1;
    } else if (!DELIMITER.test(ch)) {
      let end = i;
      while (end < formula.length && !DELIMITER.test(formula[end])) end += 1;
      const word = formula.slice(i, end);
      const target = formula[end] === "!" ? byKey.get(sheetKey(word)) : undefined;
      out += target === undefined ? word : quoteSheetName(target);
      i = end;
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
}

/** Index of the quote closing the one at `start`; a doubled quote is an escaped one. */
function closingQuote(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i;
    } else i += 1;
  }
  return text.length - 1;
}
