/**
 * keepRecords: the headless command lets the run drop its records before the write (they are
 * most of what the reader holds at a city's size); the run and the plan are otherwise the same.
 */
import { DEFAULT_SETTINGS } from "../../src/engine";
import { runAudit, type FlowSteps } from "../../src/flow/auditFlow";
import type { WorkbookPlan } from "../../src/report";
import { readSheets } from "../../src/sheets";
import { incompleteCountyGrids } from "../support/incompleteCountyWorkbook";

async function run(keepRecords: boolean | undefined) {
  let plan: WorkbookPlan | undefined;
  const steps: FlowSteps = {
    readGrids: async () => incompleteCountyGrids(),
    readSheets: (grids, options) => readSheets(grids, options),
    writePlan: async (p) => {
      plan = p;
      return {};
    },
    now: () => new Date("2026-12-01T00:00:00Z"),
    ...(keepRecords === undefined ? {} : { keepRecords }),
  };
  const outcome = await runAudit(steps, DEFAULT_SETTINGS, [], () => undefined);
  return { outcome, plan: plan! };
}

test("by default the run returns the audited records (the pane points findings through them)", async () => {
  const { outcome } = await run(undefined);
  expect(outcome.records.length).toBeGreaterThan(0);
  expect(outcome.records.length).toBe(outcome.result.schools.length);
});

test("keepRecords false returns no records, and the same result, plan, tables and targets", async () => {
  const kept = await run(true);
  const dropped = await run(false);
  expect(dropped.outcome.records).toEqual([]);
  expect(kept.outcome.records.length).toBeGreaterThan(0);
  // The plan was laid out from the records before they were let go.
  expect(dropped.plan).toEqual(kept.plan);
  expect(dropped.outcome.result).toEqual(kept.outcome.result);
  expect(dropped.outcome.tables).toEqual(kept.outcome.tables);
  expect(dropped.outcome.targets).toEqual(kept.outcome.targets);
  expect(dropped.outcome.sheets).toEqual(kept.outcome.sheets);
});
