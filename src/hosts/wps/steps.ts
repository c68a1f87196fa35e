/**
 * The audit flow's host steps (src/flow) over WPS: the same FlowSteps the Excel service and the
 * command line give, so the flow, the reader, the engine and the report run unchanged.
 */
import type { FlowSteps } from "../../flow/auditFlow";
import { readSheets } from "../../sheets";
import type { EtApplication } from "./et";
import { readWorkbookGrids, type WpsReadOptions } from "./read";
import { writePlanToWorkbook, type WpsWriteOptions } from "./write";

/**
 * FlowSteps over the active WPS workbook.
 *
 * @example
 * const run = await runAudit(wpsSteps(window.Application), DEFAULT_SETTINGS, [], () => {});
 */
export function wpsSteps(
  app: EtApplication,
  options: WpsReadOptions & Omit<WpsWriteOptions, "onProgress"> & { now?: () => Date } = {}
): FlowSteps {
  return {
    readGrids: async () => readWorkbookGrids(app, options).grids,
    readSheets,
    writePlan: async (plan, onProgress) =>
      (await writePlanToWorkbook(app, plan, { ...options, onProgress })).sheetNames,
    now: options.now ?? (() => new Date()),
  };
}
