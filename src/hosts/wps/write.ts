/**
 * Writes a WorkbookPlan into the active WPS workbook over the ET object model.
 *
 * Same safety as the Excel host: the new audit sheets are added (after the last sheet, marked
 * with a `JH_AUDIT_<n>` name in the same step) and fully written under names that clash with
 * nothing; only then are the previous audit sheets deleted and the new ones renamed. A failure
 * while writing removes the half-written new sheets and their markers, so the previous audit
 * stays. Source and users' sheets are never written: every write goes through a sheet this
 * function added. Screen updating and automatic calculation are off while writing and restored
 * whatever happens.
 *
 * Calls: a few per sheet and per formatting group, plus one Formula write per tile of values
 * (`maxCellsPerWrite` cells): never one per school.
 */
import type { WorkbookPlan } from "../../report/plan";
import { sheetRef } from "../../report/refs";
import { cellBudget, packByCost } from "../excel/chunks";
import { markerName, ownershipOf } from "../excel/ownership";
import { nameSheets, renames, sheetKey } from "../excel/sheetNames";
import { applyOp } from "./applyOps";
import { XL, type EtApplication, type EtWorkbook, type EtWorksheet } from "./et";
import { opCost, wpsOps } from "./ops";
import { activeWorkbook, readNames, sheetsOf } from "./workbook";

export interface WpsWriteOptions {
  /** Cells per Formula write (and per progress step); default 20,000. */
  maxCellsPerWrite?: number;
  /** Called after each batch of writes: done of total batches. */
  onProgress?: (done: number, total: number) => void;
  /** Lets the pane repaint between batches (ET calls block the page); default a macrotask. */
  pause?: () => Promise<void>;
}

const MARKER_COMMENT = "均衡督导助手：此名称标记审计工作表，重新审计时只替换带此标记的工作表。";

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Writes the plan, replacing the previous audit's sheets (only sheets carrying the marker), and
 * shows the planned sheet.
 *
 * @example
 * const { sheetNames } = await writePlanToWorkbook(window.Application, plan);
 * sheetNames["审计总览"]; // "审计总览", or "审计总览 (2)" when a user's sheet has the name
 */
export async function writePlanToWorkbook(
  app: EtApplication,
  plan: WorkbookPlan,
  options: WpsWriteOptions = {}
): Promise<{ sheetNames: Record<string, string> }> {
  const maxCells = cellBudget(options.maxCellsPerWrite);
  if (plan.sheets.length === 0) return { sheetNames: {} };
  const pause = options.pause ?? nextTask;
  const workbook = activeWorkbook(app);
  const sheets = sheetsOf(workbook);
  const existing = sheets.map((s) => s.name);
  const existingKeys = new Set(existing.map(sheetKey));
  const ownership = ownershipOf(readNames(workbook));
  const oldSheets = ownership.sheets.filter((name) => existingKeys.has(sheetKey(name)));
  const naming = nameSheets(
    plan.sheets.map((sheet) => sheet.name),
    existing,
    oldSheets
  );
  const batches = packByCost(wpsOps(plan, renames(plan, naming), maxCells), opCost, maxCells);
  const total = batches.length + 1;
  const added: EtWorksheet[] = [];
  const markers: string[] = [];

  const screenUpdating = app.ScreenUpdating;
  const calculation = app.Calculation;
  app.ScreenUpdating = false;
  app.Calculation = XL.calculationManual;
  try {
    try {
      let last = sheets[sheets.length - 1]?.sheet ?? null;
      naming.forEach(({ writeAs }, i) => {
        const sheet = workbook.Worksheets.Add(null, last);
        sheet.Name = writeAs;
        added.push(sheet);
        last = sheet;
        const marker = markerName(ownership.nextNumber + i);
        markSheet(workbook, marker, writeAs);
        markers.push(marker);
      });
      for (let b = 0; b < batches.length; b += 1) {
        for (const op of batches[b]) applyOp(app, added[op.sheet], op);
        options.onProgress?.(b + 1, total);
        await pause();
      }
    } catch (error) {
      discard(app, workbook, added, markers);
      throw error;
    }
    // The new audit is complete: now, and only now, replace the old one.
    app.DisplayAlerts = false; // no "delete this sheet?" prompt
    try {
      for (const { name, sheet } of sheets) {
        if (oldSheets.some((old) => sheetKey(old) === sheetKey(name))) sheet.Delete();
      }
    } finally {
      app.DisplayAlerts = true;
    }
    for (const name of ownership.markerNames) workbook.Names.Item(name).Delete();
    naming.forEach(({ writeAs, final }, i) => {
      if (writeAs !== final) added[i].Name = final;
    });
    const shown = plan.sheets.findIndex((sheet) => sheet.kind === plan.activate);
    if (shown >= 0) added[shown].Activate();
  } finally {
    app.Calculation = calculation;
    app.ScreenUpdating = screenUpdating;
  }
  app.Calculate();
  options.onProgress?.(total, total);
  return {
    sheetNames: Object.fromEntries(plan.sheets.map((sheet, i) => [sheet.name, naming[i].final])),
  };
}

/** The marker: a workbook-level name referring to A1 of the sheet; it follows renames. */
function markSheet(workbook: EtWorkbook, marker: string, sheetName: string): void {
  const name = workbook.Names.Add(marker, `=${sheetRef(sheetName, "$A$1")}`);
  name.Comment = MARKER_COMMENT;
}

/**
 * After a failed write: removes the sheets this run added and their markers. Best effort: a
 * leftover carries its marker and the next run removes it.
 */
function discard(
  app: EtApplication,
  workbook: EtWorkbook,
  added: EtWorksheet[],
  markers: string[]
): void {
  try {
    app.DisplayAlerts = false;
    for (const sheet of added) sheet.Delete();
    for (const marker of markers) workbook.Names.Item(marker).Delete();
  } catch {
    // Leave the rest to the next run; the original error is what the user needs to see.
  } finally {
    app.DisplayAlerts = true;
  }
}
