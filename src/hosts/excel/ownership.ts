/**
 * Which sheets the audit owns. The marker (see src/report/plan.ts) is a workbook-level defined
 * name `JH_AUDIT_<n>` referring to A1 of each owned sheet. Everything about the marker lives in
 * this module, so the team can switch to another marker by changing this file alone.
 */
import { OWNERSHIP_NAME_PREFIX } from "../../report/plan";

/** What the marker names say once loaded. */
export interface Ownership {
  /** Sheets carrying a marker. */
  sheets: string[];
  /** Every marker name, including stale ones whose sheet is gone (they read #REF!). */
  markerNames: string[];
  /** The first free marker number. */
  nextNumber: number;
}

const MARKER = new RegExp(`^${OWNERSHIP_NAME_PREFIX}(\\d+)$`, "i");
const COMMENT = "均衡督导助手：此名称标记审计工作表，重新审计时只替换带此标记的工作表。";

/**
 * Queues the load of the workbook's names; read the result with `ownershipOf` after the sync.
 *
 * @example
 * const names = queueOwnershipRead(context);
 * await context.sync();
 * const { sheets } = ownershipOf(names.items);
 */
export function queueOwnershipRead(context: Excel.RequestContext): Excel.NamedItemCollection {
  const names = context.workbook.names;
  names.load("items/name,items/formula");
  return names;
}

/**
 * Owned sheets from loaded names (plain `{ name, formula }` pairs).
 *
 * @example
 * ownershipOf([{ name: "JH_AUDIT_3", formula: "='审计总览'!$A$1" }, { name: "Other", formula: "=1" }]);
 * // { sheets: ["审计总览"], markerNames: ["JH_AUDIT_3"], nextNumber: 4 }
 */
export function ownershipOf(names: readonly { name: string; formula: string }[]): Ownership {
  const sheets: string[] = [];
  const markerNames: string[] = [];
  let highest = 0;
  for (const { name, formula } of names) {
    const match = MARKER.exec(name);
    if (!match) continue;
    markerNames.push(name);
    highest = Math.max(highest, Number(match[1]));
    const sheet = markerSheet(formula);
    if (sheet !== undefined && !sheets.includes(sheet)) sheets.push(sheet);
  }
  return { sheets, markerNames, nextNumber: highest + 1 };
}

/**
 * The sheet a marker formula refers to: "='审计 总览'!$A$1" → "审计 总览", "=Sheet1!$A$1" →
 * "Sheet1"; undefined for a broken reference ("=#REF!$A$1") or anything that is not one cell.
 *
 * @example
 * markerSheet("='It''s'!$A$1"); // "It's"
 */
export function markerSheet(formula: string): string | undefined {
  const text = formula.replace(/^=/, "").trim();
  const quoted = /^'((?:[^']|'')+)'!\$?A\$?1$/i.exec(text);
  if (quoted) return quoted[1].replace(/''/g, "'");
  const plain = /^([^'!#][^!]*)!\$?A\$?1$/i.exec(text);
  return plain ? plain[1] : undefined;
}

/** The marker name for number n: 7 → "JH_AUDIT_7". */
export function markerName(n: number): string {
  return `${OWNERSHIP_NAME_PREFIX}${n}`;
}

/**
 * Queues the marker for a sheet the audit just added (same batch as the add, so a sheet never
 * exists unmarked for longer than one request).
 */
export function queueMarkSheet(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  n: number
): void {
  context.workbook.names.add(markerName(n), sheet.getRange("A1"), COMMENT);
}

/** Queues the removal of marker names (after their sheets are deleted they would read #REF!). */
export function queueUnmark(context: Excel.RequestContext, markerNames: readonly string[]): void {
  for (const name of markerNames) context.workbook.names.getItem(name).delete();
}
