import type { PlannedCell, WorkbookPlan } from "./plan";
import { quoteSheet } from "./refs";
import { sanitizeSheetName } from "./sheetNames";

/** A quoted sheet name before "!" in a formula or link: '…' with '' for a quote inside. */
const QUOTED_REF = /'((?:[^']|'')*)'!/g;

/** Rewrites the quoted sheet names of a formula or link through `rename` (all at once, no chains). */
export function renameRefs(text: string, rename: ReadonlyMap<string, string>): string {
  return text.replace(QUOTED_REF, (whole, quoted: string) => {
    const to = rename.get(quoted.replace(/''/g, "'"));
    return to === undefined ? whole : `${quoteSheet(to)}!`;
  });
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
  if (names.length !== plan.sheets.length) {
    throw new RangeError(`renameSheets: ${plan.sheets.length} sheets but ${names.length} names`);
  }
  const rename = new Map<string, string>();
  plan.sheets.forEach((s, i) => {
    const to = sanitizeSheetName(names[i]);
    if (to !== s.name) rename.set(s.name, to);
  });
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
      conditionalFormats: s.conditionalFormats.map((cf) => ({ ...cf, rules: cf.rules.map((r) => ({ ...r, formula: renameRefs(r.formula, rename) })) })),
    })),
  };
}
