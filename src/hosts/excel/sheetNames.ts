/**
 * Worksheet names the audit may use. Excel's rules: at most 31 characters, none of []:*?/\,
 * not empty, no apostrophe at either end, not "History", unique ignoring case. Pure.
 */

export const MAX_SHEET_NAME_LENGTH = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;

/** Comparison key: Excel compares sheet names without regard to case. */
export function sheetKey(name: string): string {
  return name.toLocaleUpperCase("en-US");
}

/**
 * A name Excel accepts, as close to the preferred one as possible.
 *
 * @example
 * safeSheetName("县/区:汇总");  // "县_区_汇总"
 * safeSheetName("");           // "审计"
 */
export function safeSheetName(preferred: string): string {
  let name = preferred.replace(FORBIDDEN, "_").replace(/^'+|'+$/g, "").trim();
  name = [...name].slice(0, MAX_SHEET_NAME_LENGTH).join("");
  if (name === "" || sheetKey(name) === "HISTORY") name = name === "" ? "审计" : `${name}_`;
  return name;
}

/**
 * The preferred name when free, otherwise "name (2)", "name (3)" …, cut so the whole stays
 * within 31 characters.
 *
 * @example
 * uniqueSheetName("审计总览", new Set(["审计总览"])); // "审计总览 (2)"
 */
export function uniqueSheetName(preferred: string, taken: ReadonlySet<string>): string {
  const base = safeSheetName(preferred);
  if (!taken.has(sheetKey(base))) return base;
  for (let n = 2; ; n += 1) {
    const suffix = ` (${n})`;
    const head = [...base].slice(0, MAX_SHEET_NAME_LENGTH - suffix.length).join("").trimEnd();
    const candidate = `${head}${suffix}`;
    if (!taken.has(sheetKey(candidate))) return candidate;
  }
}

export interface SheetNaming {
  /** The name the sheet has when the audit is done. */
  final: string;
  /**
   * The name it is written under. Equals `final` unless an older audit sheet still holds that
   * name during the write; the old sheet is deleted and this one renamed at the end.
   */
  writeAs: string;
}

/**
 * Names for the planned sheets. Final names avoid every sheet the audit does not own (a user's
 * 「审计总览」 keeps its name; ours becomes 「审计总览 (2)」); write-time names also avoid the old
 * audit sheets, which stay untouched until the new ones are written.
 *
 * @example
 * nameSheets(["审计总览"], ["审计总览", "小学"], ["审计总览"]);
 * // [{ final: "审计总览", writeAs: "审计总览 (2)" }]
 */
export function nameSheets(planned: string[], existing: string[], owned: string[]): SheetNaming[] {
  const ownedKeys = new Set(owned.map(sheetKey));
  const takenFinal = new Set(existing.map(sheetKey).filter((key) => !ownedKeys.has(key)));
  const finals = planned.map((name) => {
    const final = uniqueSheetName(name, takenFinal);
    takenFinal.add(sheetKey(final));
    return final;
  });
  const takenNow = new Set([...existing.map(sheetKey), ...finals.map(sheetKey)]);
  return finals.map((final, i) => {
    if (!ownedKeys.has(sheetKey(final))) return { final, writeAs: final };
    const writeAs = uniqueSheetName(planned[i], takenNow);
    takenNow.add(sheetKey(writeAs));
    return { final, writeAs };
  });
}

/** A sheet name as a formula reference: always quoted, apostrophes doubled ('It''s'). */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
