/**
 * Writes a WorkbookPlan into the open workbook through Office.js.
 *
 * Safety: the new audit sheets are added and fully written first, under names that clash with
 * nothing; only then, in one last request, are the previous audit sheets deleted and the new ones
 * renamed to their final names. A failure while writing (protected workbook, cell edit mode,
 * payload too large …) therefore never destroys the previous audit: the half-written new sheets
 * are removed and the workbook is as it was. Source sheets and users' sheets are never written:
 * every write goes through a worksheet this function added itself.
 *
 * Names: the plan's formulas name audit sheets by their planned names and source sheets by
 * theirs; when an audit sheet is written under another name, references to its planned name are
 * rewritten. A planned name should therefore never equal a source sheet's name (the report knows
 * the source names from the grids), or a reference to that source would follow the audit sheet.
 *
 * Round trips: 1 (sheet list and markers) + the payload-sized write requests (1 for a county of
 * any size under the default budget) + 1 (swap old for new). Never one per school or per sheet.
 */
import type { WorkbookPlan } from "../../report/plan";
import { applyOp } from "./applyOps";
import { cellBudget, packByCost, syncEach } from "./chunks";
import {
  markerName,
  ownershipOf,
  queueMarkSheet,
  queueOwnershipRead,
  queueUnmark,
} from "./ownership";
import { opCost, planOps } from "./planOps";
import { nameSheets, renames, sheetKey, type SheetNaming } from "./sheetNames";

export interface WriteOptions {
  /** Cells per request (formatting calls count as cells); default ~2 MB a request. */
  maxCellsPerRequest?: number;
  /** Called after each request Excel has finished: done of total requests. */
  onProgress?: (done: number, total: number) => void;
  /**
   * false writes user sheets (the blank county form): no ownership marker, and no earlier audit
   * sheet replaced. Default true.
   */
  owned?: boolean;
}

/**
 * Writes the plan, replacing the previous audit's sheets (only sheets carrying the audit's
 * marker), and activates the planned sheet.
 *
 * @example
 * const { sheetNames } = await Excel.run((context) => writePlanToWorkbook(context, plan));
 * sheetNames["审计总览"]; // "审计总览", or "审计总览 (2)" when a user's sheet has the name
 */
export async function writePlanToWorkbook(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  options: WriteOptions = {}
): Promise<{ sheetNames: Record<string, string> }> {
  const maxCells = cellBudget(options.maxCellsPerRequest);
  if (plan.sheets.length === 0) return { sheetNames: {} };
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const names = queueOwnershipRead(context);
  await context.sync();

  const existing = worksheets.items.map((sheet) => sheet.name);
  const existingKeys = new Set(existing.map(sheetKey));
  const ownership = ownershipOf(names.items);
  const owned = options.owned !== false;
  const oldSheets = owned
    ? ownership.sheets.filter((name) => existingKeys.has(sheetKey(name)))
    : [];
  const naming = nameSheets(
    plan.sheets.map((sheet) => sheet.name),
    existing,
    oldSheets
  );
  const ops = planOps(plan, renames(plan, naming), maxCells);
  const requests = packByCost(ops, opCost, maxCells);
  const total = requests.length + 1;
  const newMarkers = plan.sheets.map((_, i) => markerName(ownership.nextNumber + i));
  const added: Excel.Worksheet[] = [];

  try {
    await syncEach(
      context,
      requests,
      (request, index) => {
        suspendUntilNextSync(context, true);
        if (index === 0) {
          naming.forEach(({ writeAs }, i) => {
            const sheet = worksheets.add(writeAs);
            if (owned) queueMarkSheet(context, sheet, ownership.nextNumber + i);
            added.push(sheet);
          });
        }
        for (const op of request) applyOp(added[op.sheet], op);
      },
      (index) => options.onProgress?.(index + 1, total)
    );
  } catch (error) {
    await discardNewSheets(context, naming, existingKeys, newMarkers).catch(() => undefined);
    throw error;
  }

  // The new audit is complete: now, and only now, replace the old one.
  suspendUntilNextSync(context, false);
  const shown = plan.sheets.findIndex((sheet) => sheet.kind === plan.activate);
  if (shown >= 0) added[shown].activate();
  for (const name of oldSheets) worksheets.getItem(name).delete();
  if (owned) queueUnmark(context, ownership.markerNames);
  naming.forEach(({ writeAs, final }, i) => {
    if (writeAs !== final) added[i].name = final;
  });
  // Calculation was suspended while writing; let Excel compute what is dirty now.
  context.workbook.application.calculate("Recalculate");
  await context.sync();
  options.onProgress?.(total, total);

  return {
    sheetNames: Object.fromEntries(plan.sheets.map((sheet, i) => [sheet.name, naming[i].final])),
  };
}

/** Screen updating (and, while writing, calculation) wait until the request is done. */
function suspendUntilNextSync(context: Excel.RequestContext, calculation: boolean): void {
  const application = context.workbook.application;
  application.suspendScreenUpdatingUntilNextSync();
  if (calculation) application.suspendApiCalculationUntilNextSync();
}

/**
 * After a failed write: removes the sheets this run added (names that did not exist before it
 * started) and their markers, so the workbook is as it was. Best effort: if Excel still refuses
 * (e.g. it stays in cell edit mode), the leftovers carry the marker and the next run removes them.
 */
async function discardNewSheets(
  context: Excel.RequestContext,
  naming: SheetNaming[],
  existedBefore: ReadonlySet<string>,
  newMarkers: string[]
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const names = context.workbook.names;
  names.load("items/name");
  await context.sync();
  const ours = new Set(
    naming.map(({ writeAs }) => sheetKey(writeAs)).filter((key) => !existedBefore.has(key))
  );
  for (const sheet of worksheets.items) {
    if (ours.has(sheetKey(sheet.name))) sheet.delete();
  }
  const markers = new Set(newMarkers.map(sheetKey));
  queueUnmark(
    context,
    names.items.map((item) => item.name).filter((name) => markers.has(sheetKey(name)))
  );
  await context.sync();
}
