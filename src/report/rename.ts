import type { PlannedCell, WorkbookPlan } from "./plan";
import { quoteSheet } from "./refs";
import { sanitizeSheetName } from "./sheetNames";

/** Characters that can start or continue an unquoted sheet name in a formula (letters, _, CJK …). */
const NAME_START = /[A-Za-z_\u00C0-\uFFFF]/;
const NAME_CHAR = /[A-Za-z0-9_.\u00C0-\uFFFF]/;

/** The index just past a quoted run opened at `start` ('…' or "…", a doubled quote inside). */
function endOfQuoted(text: string, start: number): number {
  const quote = text[start];
  let j = start + 1;
  while (j < text.length && !(text[j] === quote && text[j + 1] !== quote))
    j += text[j] === quote ? 2 : 1;
  return j + 1;
}

/**
 * Rewrites sheet references (`'审计总览'!B3`, `学校明细!C5`) in a formula or link target through
 * `rename` (all at once, no chains; names compared without regard to case, as Excel does). Text
 * inside string literals is left alone, and so are names not in the map.
 *
 * @example
 * renameRefs(`'审计总览'!B3+学校明细!C5&"审计总览!"`, new Map([["审计总览", "审计总览 (2)"], ["学校明细", "学校明细 (2)"]]));
 * // `'审计总览 (2)'!B3+'学校明细 (2)'!C5&"审计总览!"`
 */
export function renameRefs(text: string, rename: ReadonlyMap<string, string>): string {
  if (rename.size === 0) return text;
  const lookup = new Map([...rename].map(([from, to]) => [from.toLowerCase(), to]));
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      const end = endOfQuoted(text, i);
      out += text.slice(i, end);
      i = end;
    } else if (ch === "'") {
      const end = endOfQuoted(text, i);
      const name = text.slice(i + 1, end - 1).replace(/''/g, "'");
      const to = text[end] === "!" ? lookup.get(name.toLowerCase()) : undefined;
      out += to !== undefined ? quoteSheet(to) : text.slice(i, end);
      i = end;
    } else if (NAME_START.test(ch) && !NAME_CHAR.test(i > 0 ? text[i - 1] : "")) {
      let end = i;
      while (end < text.length && NAME_CHAR.test(text[end])) end++;
      const to = text[end] === "!" ? lookup.get(text.slice(i, end).toLowerCase()) : undefined;
      out += to !== undefined ? quoteSheet(to) : text.slice(i, end);
      i = end;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/**
 * Planned name → written name of the sheets renameSheets would rename (names[i] for
 * plan.sheets[i]): for a writer that rewrites references as it streams the cells instead.
 *
 * @example
 * sheetRenames(plan, ["审计总览 (2)", "学校达标", …]); // Map { "审计总览" => "审计总览 (2)" }
 */
export function sheetRenames(plan: WorkbookPlan, names: string[]): Map<string, string> {
  if (names.length !== plan.sheets.length) {
    throw new RangeError(`renameSheets: ${plan.sheets.length} sheets but ${names.length} names`);
  }
  const rename = new Map<string, string>();
  plan.sheets.forEach((s, i) => {
    const to = sanitizeSheetName(names[i]);
    if (to !== s.name) rename.set(s.name, to);
  });
  return rename;
}

/**
 * The plan with its sheets renamed (names[i] for plan.sheets[i], e.g. from chooseSheetNames) and
 * every reference to them rewritten: formulas, links and conditional-format formulas. References
 * to source sheets are untouched (plan sheet names never equal a source sheet's name).
 *
 * @example
 * const names = chooseSheetNames(plan.sheets.map((s) => s.name), existing);
 * const written = renameSheets(plan, names); // '学校达标'!E6 → '学校达标 (2)'!E6 everywhere
 */
export function renameSheets(plan: WorkbookPlan, names: string[]): WorkbookPlan {
  const rename = sheetRenames(plan, names);
  if (rename.size === 0) return plan;
  const cell = (c: PlannedCell | null): PlannedCell | null => {
    if (!c || (!c.formula && !c.link)) return c;
    return {
      ...c,
      ...(c.formula ? { formula: renameRefs(c.formula, rename) } : {}),
      ...(c.link ? { link: renameRefs(c.link, rename) } : {}),
    };
  };
  return {
    ...plan,
    sheets: plan.sheets.map((s) => ({
      ...s,
      name: rename.get(s.name) ?? s.name,
      rows: s.rows.map((r) => ({ ...r, cells: r.cells.map(cell) })),
      conditionalFormats: s.conditionalFormats.map((cf) => ({
        ...cf,
        rules: cf.rules.map((r) => ({ ...r, formula: renameRefs(r.formula, rename) })),
      })),
    })),
  };
}
