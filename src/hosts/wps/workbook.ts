/**
 * The few ET lookups every part of the WPS host needs: the active workbook, its sheets and its
 * defined names, read once each.
 */
import type { EtApplication, EtWorkbook, EtWorksheet } from "./et";
import { WPS_NO_WORKBOOK } from "./errors";

/** Thrown when WPS has no workbook open: the message says what to do. */
export class NoWorkbookError extends Error {
  constructor() {
    super(WPS_NO_WORKBOOK);
    this.name = "NoWorkbookError";
  }
}

/**
 * The workbook the add-in works on.
 *
 * @example
 * activeWorkbook(window.Application).Name; // "某县资源配置.xlsx"
 */
export function activeWorkbook(app: Pick<EtApplication, "ActiveWorkbook">): EtWorkbook {
  const workbook = app.ActiveWorkbook;
  if (!workbook) throw new NoWorkbookError();
  return workbook;
}

/**
 * Every worksheet with its name, in workbook order.
 *
 * @example
 * sheetsOf(workbook).map((s) => s.name); // ["说明", "小学"]
 */
export function sheetsOf(workbook: EtWorkbook): { name: string; sheet: EtWorksheet }[] {
  const sheets = workbook.Worksheets;
  const count = sheets.Count;
  const list: { name: string; sheet: EtWorksheet }[] = [];
  for (let i = 1; i <= count; i += 1) {
    const sheet = sheets.Item(i);
    list.push({ name: sheet.Name, sheet });
  }
  return list;
}

/**
 * The workbook's defined names as `{ name, formula }` pairs (RefersTo, e.g. "='审计总览'!$A$1").
 *
 * @example
 * readNames(workbook); // [{ name: "JH_AUDIT_1", formula: "='审计总览'!$A$1" }]
 */
export function readNames(workbook: EtWorkbook): { name: string; formula: string }[] {
  const names = workbook.Names;
  const count = names.Count;
  const list: { name: string; formula: string }[] = [];
  for (let i = 1; i <= count; i += 1) {
    const item = names.Item(i);
    list.push({ name: String(item.Name), formula: String(item.RefersTo) });
  }
  return list;
}
