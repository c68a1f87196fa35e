import { quoteSheetName } from "./ownership";

/** Characters that can start an unquoted sheet name in a formula (letters, _, CJK …). */
const NAME_START = /[A-Za-z_\u00C0-\uFFFF]/;
const NAME_CHAR = /[A-Za-z0-9_.\u00C0-\uFFFF]/;

/**
 * Rewrites sheet references (`'审计总览'!B3`, `学校明细!C5`) in a formula or link target from the
 * plan's preferred sheet names to the names the host chose; text inside string literals is left
 * alone. Names not in the map are kept as they are.
 *
 * @example
 * renameSheetRefs(`'审计总览'!B3+学校明细!C5&"审计总览!"`, new Map([["审计总览", "审计总览 (2)"], ["学校明细", "学校明细 (2)"]]));
 * // `'审计总览 (2)'!B3+'学校明细 (2)'!C5&"审计总览!"`
 */
export function renameSheetRefs(formula: string, renamed: ReadonlyMap<string, string>): string {
  if (renamed.size === 0) return formula;
  const lookup = new Map([...renamed].map(([from, to]) => [from.toLowerCase(), to]));
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      // String literal: copy to its closing quote ("" is an escaped quote).
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === "'" && formula[j + 1] !== "'")) j += formula[j] === "'" ? 2 : 1;
      const name = formula.slice(i + 1, j).replace(/''/g, "'");
      const target = formula[j + 1] === "!" ? lookup.get(name.toLowerCase()) : undefined;
      out += target !== undefined ? quoteSheetName(target) : formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const previous = i > 0 ? formula[i - 1] : "";
    if (NAME_START.test(ch) && !NAME_CHAR.test(previous)) {
      let j = i;
      while (j < formula.length && NAME_CHAR.test(formula[j])) j++;
      const target = formula[j] === "!" ? lookup.get(formula.slice(i, j).toLowerCase()) : undefined;
      out += target !== undefined ? quoteSheetName(target) : formula.slice(i, j);
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
