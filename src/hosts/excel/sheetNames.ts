/**
 * Write-time names for the audit's sheets in Excel. The names themselves follow the report's
 * rules (src/report/sheetNames.ts); here only the old-audit juggling is Excel's own. Pure.
 */
import { sheetKey, uniqueSheetName, type WorkbookPlan } from "../../report";

export { sheetKey };

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

/** Planned → write-time and planned → final names, only where they differ from the plan. */
export function renames(plan: WorkbookPlan, naming: SheetNaming[]) {
  const writeAs = new Map<string, string>();
  const final = new Map<string, string>();
  plan.sheets.forEach((sheet, i) => {
    if (naming[i].writeAs !== sheet.name) writeAs.set(sheet.name, naming[i].writeAs);
    if (naming[i].final !== sheet.name) final.set(sheet.name, naming[i].final);
  });
  return { writeAs, final };
}
