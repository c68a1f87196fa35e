import type ExcelJS from "exceljs";
import { OWNERSHIP_NAME_PREFIX } from "../../report/plan";
import { quoteSheet } from "../../report/refs";

/**
 * Ownership of audit sheets in a file: a workbook-level defined name `JH_AUDIT_<n>` refers to A1
 * of every sheet the audit wrote (see OWNERSHIP_NAME_PREFIX in report/plan.ts). ExcelJS keeps such
 * names through save and reload, and so do Excel and LibreOffice; a renamed sheet keeps its name
 * because the reference follows the sheet.
 */

const OWNERSHIP_NAME = new RegExp(`^${OWNERSHIP_NAME_PREFIX}\\d+$`, "i");

interface DefinedNameModel {
  name: string;
  ranges: string[];
}

function definedNames(workbook: ExcelJS.Workbook): DefinedNameModel[] {
  return (workbook.definedNames as unknown as { model: DefinedNameModel[] }).model;
}

function setDefinedNames(workbook: ExcelJS.Workbook, model: DefinedNameModel[]): void {
  (workbook.definedNames as unknown as { model: DefinedNameModel[] }).model = model;
}

/** The sheet a range such as `'审计总览'!$A$1` or `Sheet1!$A$1` refers to. */
export function sheetOfRange(range: string): string | null {
  const bang = range.lastIndexOf("!");
  if (bang <= 0) return null;
  const sheet = range.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2)
    return sheet.slice(1, -1).replace(/''/g, "'");
  return sheet;
}

/** Sheet names (as the workbook spells them now) that carry the audit's ownership marker. */
export function ownedSheetNames(workbook: ExcelJS.Workbook): string[] {
  const existing = new Map(workbook.worksheets.map((ws) => [ws.name.toLowerCase(), ws.name]));
  const owned = new Set<string>();
  for (const entry of definedNames(workbook)) {
    if (!OWNERSHIP_NAME.test(entry.name)) continue;
    for (const range of entry.ranges) {
      const sheet = sheetOfRange(range);
      const actual = sheet === null ? undefined : existing.get(sheet.toLowerCase());
      if (actual) owned.add(actual);
    }
  }
  return workbook.worksheets.map((ws) => ws.name).filter((name) => owned.has(name));
}

/**
 * Deletes every owned sheet and every ownership name (dangling ones too). Other defined names
 * are kept untouched. Returns the names of the deleted sheets.
 */
export function removeOwnedSheets(workbook: ExcelJS.Workbook): string[] {
  const owned = ownedSheetNames(workbook);
  for (const name of owned) {
    const ws = workbook.getWorksheet(name);
    if (ws) workbook.removeWorksheet(ws.id);
  }
  setDefinedNames(
    workbook,
    definedNames(workbook).filter((entry) => !OWNERSHIP_NAME.test(entry.name))
  );
  return owned;
}

/** Marks sheets as owned: `JH_AUDIT_1` → A1 of the first, and so on. Call after removeOwnedSheets. */
export function markOwned(workbook: ExcelJS.Workbook, sheetNames: readonly string[]): void {
  const model = definedNames(workbook).filter((entry) => !OWNERSHIP_NAME.test(entry.name));
  sheetNames.forEach((name, i) => {
    model.push({ name: `${OWNERSHIP_NAME_PREFIX}${i + 1}`, ranges: [`${quoteSheet(name)}!$A$1`] });
  });
  setDefinedNames(workbook, model);
}
