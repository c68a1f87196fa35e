/**
 * The audit flow over grids built in a test, with the plan it would write, and the grids' cells
 * as the formula evaluator reads them.
 */
import { DEFAULT_SETTINGS, type AuditSettings } from "../../src/engine";
import { runAudit, type FlowSteps } from "../../src/flow/auditFlow";
import type { WorkbookPlan } from "../../src/report";
import { readSheets } from "../../src/sheets";
import { a1, type SheetGrid } from "../../src/sheets/grid";
import type { SourceSheets } from "../report/formulaEval";

/** Runs the whole flow (read, detect, audit, lay out) on `grids`; the plan is kept, not written. */
export async function runOnGrids(grids: SheetGrid[], settings: Partial<AuditSettings> = {}) {
  let plan: WorkbookPlan | undefined;
  const steps: FlowSteps = {
    readGrids: async () => grids,
    readSheets: (g, options) => readSheets(g, options),
    writePlan: async (p) => {
      plan = p;
      return {};
    },
    now: () => new Date("2026-12-01T00:00:00Z"),
  };
  const outcome = await runAudit(steps, { ...DEFAULT_SETTINGS, ...settings }, [], () => undefined);
  return { ...outcome, plan: plan! };
}

/** The grid's text and number cells by A1 address, for the formula evaluator. */
export function sourcesOf(g: SheetGrid): SourceSheets {
  const cells: Record<string, string | number> = {};
  g.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v === "string" || typeof v === "number") cells[a1(r, c)] = v;
    })
  );
  return { [g.name]: cells };
}
